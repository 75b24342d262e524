/// A terminal colour as the app asks for it; `resolved(for:)` degrades it to what the terminal can show.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground/background (ncurses colour -1).
    case `default`
    /// One of the 16 basic colours (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// An xterm 256-colour palette index.
    case indexed(UInt8)
    /// A colour named by what it shows (the app's "warning" colour): the `Palette` the terminal draws with fills it in.
    case themed(UInt8)
}

/// How many colours the terminal can show.
public enum ColorCapability: Hashable, Sendable {
    case monochrome
    case eight
    case xterm256

    /// Capability from the terminfo colour count (ncurses `COLORS`).
    public init(colorCount: Int) {
        if colorCount >= 256 { self = .xterm256 } else if colorCount >= 8 { self = .eight } else { self = .monochrome }
    }
}

extension Color {
    /// The colour to actually use on a terminal with `capability`.
    public func resolved(for capability: ColorCapability) -> Color {
        switch (capability, self) {
        case (_, .themed):
            return .default  // a palette resolves it first (`Style.resolved(for:palette:)`); none: the terminal's own
        case (_, .default), (.xterm256, _):
            return self
        case (.monochrome, _):
            return .default
        case (.eight, .ansi(let n)):
            return .ansi(n & 7)  // bright variants fall back to their normal colour
        case (.eight, .indexed(let n)):
            return n < 16 ? .ansi(n & 7) : .ansi(Color.nearestBasic(Color.rgb(ofIndex: n)))
        }
    }

    /// RGB of an xterm palette entry in the 6×6×6 cube (16–231) or the grey ramp (232–255).
    static func rgb(ofIndex n: UInt8) -> (r: Int, g: Int, b: Int) {
        if n >= 232 {
            let v = 8 + Int(n - 232) * 10
            return (v, v, v)
        }
        let i = Int(n) - 16
        let level = { (c: Int) in c == 0 ? 0 : 55 + c * 40 }
        return (level(i / 36), level((i / 6) % 6), level(i % 6))
    }

    /// Nearest of the 8 basic colours by hue rather than by distance, so dark
    /// blues stay blue instead of collapsing to black.
    static func nearestBasic(_ c: (r: Int, g: Int, b: Int)) -> UInt8 {
        let hi = max(c.r, c.g, c.b), lo = min(c.r, c.g, c.b)
        if hi - lo < 48 {  // a grey: black or white by brightness
            return hi >= 128 ? 7 : 0
        }
        let threshold = (hi + lo + 1) / 2
        var bits: UInt8 = 0
        if c.r >= threshold { bits |= 1 }
        if c.g >= threshold { bits |= 2 }
        if c.b >= threshold { bits |= 4 }
        return bits
    }
}

extension Color {
    /// A colour as a config file writes it: "default", a basic colour ("red", "bright-blue"), a palette index ("214"), or
    /// "#rrggbb" (the nearest of the 256-colour palette).
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let basic = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        if t == "default" || t == "none" { self = .default; return }
        if let n = basic.firstIndex(of: t) { self = .ansi(UInt8(n)); return }
        for prefix in ["bright-", "bright ", "bright"] where t.hasPrefix(prefix) {
            guard let n = basic.firstIndex(of: String(t.dropFirst(prefix.count))) else { return nil }
            self = .ansi(UInt8(n + 8))
            return
        }
        if let n = UInt8(t) { self = .indexed(n); return }
        if t.hasPrefix("#"), t.count == 7, let rgb = Int(t.dropFirst(), radix: 16) {
            self = .indexed(Color.nearestIndex(r: rgb >> 16 & 0xFF, g: rgb >> 8 & 0xFF, b: rgb & 0xFF))
            return
        }
        return nil
    }

    /// As `init(parsing:)` reads it: "default", "red", "bright-blue", "214".
    public var configName: String {
        let basic = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
        switch self {
        case .default, .themed: return "default"
        case .ansi(let n): return n < 8 ? basic[Int(n)] : "bright-" + basic[Int(n & 7)]
        case .indexed(let n): return "\(n)"
        }
    }

    /// The 256-colour palette entry nearest to an RGB colour (of the 6×6×6 cube and the grey ramp).
    static func nearestIndex(r: Int, g: Int, b: Int) -> UInt8 {
        var best: (index: UInt8, distance: Int) = (16, .max)
        for n in 16...255 {
            let c = rgb(ofIndex: UInt8(n))
            let d = (c.r - r) * (c.r - r) + (c.g - g) * (c.g - g) + (c.b - b) * (c.b - b)
            if d < best.distance { best = (UInt8(n), d) }
        }
        return best.index
    }
}

/// What the app's named colours (`Color.themed`) are on this terminal: one colour for terminals of 256 colours, and one
/// chosen for terminals of eight.
public struct Palette: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var color: Color
        public var onEightColors: Color
        public init(_ color: Color, eight: Color? = nil) {
            self.color = color
            onEightColors = eight ?? color.resolved(for: .eight)
        }
    }

    /// By the named colour's number.
    public var entries: [Entry]
    public init(_ entries: [Entry] = []) { self.entries = entries }

    public func resolve(_ color: Color, for capability: ColorCapability) -> Color {
        guard case .themed(let n) = color else { return color }
        guard entries.indices.contains(Int(n)) else { return .default }
        return capability == .eight ? entries[Int(n)].onEightColors : entries[Int(n)].color
    }
}
