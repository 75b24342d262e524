/// One terminal cell. A wide grapheme is stored in its first cell with
/// `width == 2`, followed by a `continuation` cell that draws nothing.
public struct Cell: Hashable, Sendable {
    /// A single grapheme cluster, " " when blank, "" for a continuation.
    public var grapheme: String
    public var style: Style
    /// Columns the grapheme covers: 1 or 2, or 0 for a continuation.
    public var width: UInt8

    public init(grapheme: String, style: Style = .plain, width: UInt8 = 1) {
        self.grapheme = grapheme
        self.style = style
        self.width = width
    }

    public static let blank = Cell(grapheme: " ")
    public static func blank(_ style: Style) -> Cell { Cell(grapheme: " ", style: style) }
    /// The right half of a wide grapheme. Always plain, so only its head carries the style.
    public static let continuation = Cell(grapheme: "", style: .plain, width: 0)

    public var isContinuation: Bool { width == 0 }

    /// The cheap fields first: most cells a diff compares differ in style or not at all.
    public static func == (a: Cell, b: Cell) -> Bool {
        a.width == b.width && a.style == b.style && a.grapheme == b.grapheme
    }
}
