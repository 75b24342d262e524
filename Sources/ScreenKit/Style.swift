/// Colours and attributes of a cell.
public struct Style: Hashable, Sendable {
    public var fg: Color
    public var bg: Color
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(fg: Color = .default, bg: Color = .default, bold: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let underline = Style(underline: true)
    public static let reverse = Style(reverse: true)
    public static func fg(_ color: Color) -> Style { Style(fg: color) }
    public static func bg(_ color: Color) -> Style { Style(bg: color) }

    // Chainable modifiers: `Style.fg(.ansi(1)).bg(.ansi(4)).bolded()`.
    public func fg(_ color: Color) -> Style { var s = self; s.fg = color; return s }
    public func bg(_ color: Color) -> Style { var s = self; s.bg = color; return s }
    public func bolded(_ on: Bool = true) -> Style { var s = self; s.bold = on; return s }
    public func underlined(_ on: Bool = true) -> Style { var s = self; s.underline = on; return s }
    public func reversed(_ on: Bool = true) -> Style { var s = self; s.reverse = on; return s }

    /// The style to draw on a terminal with `capability`. On monochrome a
    /// coloured background (a selection, a badge) becomes reverse video so it
    /// stays visible; bold and underline are kept.
    /// Named colours take the palette's colour first.
    public func resolved(for capability: ColorCapability, palette: Palette = Palette()) -> Style {
        var s = self
        s.fg = palette.resolve(fg, for: capability).resolved(for: capability)
        s.bg = palette.resolve(bg, for: capability).resolved(for: capability)
        if capability == .monochrome && palette.resolve(bg, for: .xterm256) != .default {
            s.reverse = true
        }
        // Eight colours are too few to keep a cell's own colour on a coloured background (a P4's blue and the cursor
        // bar's blue both become cyan): text on a background gets the one of black and white that reads on it.
        if capability == .eight, case .ansi(let background) = s.bg {
            s.fg = .ansi([2, 3, 6, 7].contains(background) ? 0 : 7)
        }
        return s
    }
}
