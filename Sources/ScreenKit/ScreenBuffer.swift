/// A grid of cells that views render into; the terminal draws it by diff.
///
/// Invariant: every wide cell (width 2) is followed by a continuation cell and
/// every continuation follows a wide cell. Writes that would break a pair
/// blank the orphaned half, as a terminal does.
public struct ScreenBuffer: Hashable, Sendable {
    public private(set) var size: Size
    private var cells: [Cell]
    /// What the terminal can draw: `put` writes text through it (ASCII stand-ins where it can't draw UTF-8).
    public var glyphs: Glyphs

    public init(size: Size, glyphs: Glyphs = .unicode) {
        let s = Size(width: max(0, size.width), height: max(0, size.height))
        self.size = s
        self.cells = Array(repeating: .blank, count: s.width * s.height)
        self.glyphs = glyphs
    }

    public var bounds: Rect { Rect(size: size) }

    /// The cell at column `x`, row `y`; must be inside the buffer.
    public subscript(x: Int, y: Int) -> Cell {
        precondition(bounds.contains(x: x, y: y), "cell (\(x),\(y)) outside \(size)")
        return cells[y * size.width + x]
    }

    /// One row of cells (for the terminal's diff drawing and tests).
    public func row(_ y: Int) -> ArraySlice<Cell> {
        cells[(y * size.width)..<((y + 1) * size.width)]
    }

    /// Blanks every cell.
    public mutating func clear() {
        cells.withUnsafeMutableBufferPointer { $0.update(repeating: .blank) }
    }

    /// Changes the size, keeping the overlapping top-left content.
    public mutating func resize(to newSize: Size) {
        var next = ScreenBuffer(size: newSize, glyphs: glyphs)
        for y in 0..<min(size.height, next.size.height) {
            for x in 0..<min(size.width, next.size.width) {
                next.cells[y * next.size.width + x] = self[x, y]
            }
            // A wide char whose right half was cut off becomes a blank.
            let last = next.size.width - 1
            if last >= 0, next[last, y].width == 2 {
                next.cells[y * next.size.width + last] = .blank(next[last, y].style)
            }
        }
        self = next
    }

    /// Fills `rect` (clipped to the buffer) with blanks of `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let r = rect.intersection(bounds)
        for y in r.minY..<r.maxY {
            for x in r.minX..<r.maxX { set(.blank(style), x: x, y: y) }
        }
    }

    /// Writes `text` (as `glyphs` draws it) on row `y` from column `x`, clipped to `clip` and the
    /// buffer. Zero-width graphemes (controls, lone combining marks) are
    /// skipped. A wide grapheme cut by a clip edge leaves a space in the half
    /// that is inside. Returns the column after the text as laid out, clipped
    /// or not, so calls can be chained.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        let text = glyphs.drawable(text)
        var cx = x
        guard y >= area.minY, y < area.maxY else { return x + text.displayWidth }
        // ASCII, most of what a screen shows: byte by byte, each cell's text from a table (no grapheme walk, no string
        // made per character). At the first other byte the graphemes take over from the character before it (which
        // may be the base of a combining mark).
        let bytes = text.utf8
        var i = bytes.startIndex, previous = i, previousX = cx
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte >= 0x80 { break }
            previous = i
            previousX = cx
            if byte >= 0x20 && byte != 0x7F {
                if cx >= area.minX && cx < area.maxX { set(Cell(glyph: InlineGrapheme(ascii: byte), style: style), x: cx, y: y) }
                cx += 1
            }
            bytes.formIndex(after: &i)
        }
        if i == bytes.endIndex { return cx }
        if i != bytes.startIndex { cx = previousX }
        for ch in text[(i == bytes.startIndex ? i : previous)...] {
            let w = DisplayWidth.of(ch)
            if w == 0 { continue }
            defer { cx += w }
            if cx >= area.maxX { continue }  // keep counting for the return value
            if w == 1 {
                if cx >= area.minX { set(Cell(grapheme: String(ch), style: style), x: cx, y: y) }
            } else if cx >= area.minX && cx + 1 < area.maxX {
                setWide(String(ch), style: style, x: cx, y: y)
            } else {
                // Straddles the left or right clip edge: blank the visible half.
                for px in [cx, cx + 1] where px >= area.minX && px < area.maxX {
                    set(.blank(style), x: px, y: y)
                }
            }
        }
        return cx
    }

    /// Row texts with continuation cells skipped and trailing spaces trimmed — for tests.
    public func lines() -> [String] {
        (0..<size.height).map { y in
            var s = ""
            for cell in row(y) where !cell.isContinuation { s += cell.grapheme }
            while s.last == " " { s.removeLast() }
            return s
        }
    }

    // MARK: - Cell writes that keep wide pairs intact

    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        breakWide(x: x, y: y)
        cells[y * size.width + x] = cell
    }

    private mutating func setWide(_ grapheme: String, style: Style, x: Int, y: Int) {
        breakWide(x: x, y: y)
        breakWide(x: x + 1, y: y)
        cells[y * size.width + x] = Cell(grapheme: grapheme, style: style, width: 2)
        cells[y * size.width + x + 1] = .continuation
    }

    /// Before (x, y) is overwritten, blanks the other half of a wide grapheme it belongs to.
    private mutating func breakWide(x: Int, y: Int) {
        let i = y * size.width + x
        let width = cells[i].width  // the field alone: no copy of the cell's text
        if width == 1 { return }
        if width == 0, x > 0 {
            cells[i - 1] = .blank(cells[i - 1].style)
        } else if width == 2, x + 1 < size.width {
            cells[i + 1] = .blank(cells[i].style)
        }
    }
}
