import ScreenKit

/// A run of text in one style, with its width in columns measured once (a row's spans are measured to fit, to cut and
/// to place; measuring each time was a tenth of a frame).
struct Span: Equatable, Sendable {
    var text: String { didSet { width = text.displayWidth } }
    var style: Style
    private(set) var width: Int
    init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style; width = text.displayWidth }
    /// Text whose width the caller has just measured (a column's padded cell is its column's width).
    init(_ text: String, _ style: Style, width: Int) { self.text = text; self.style = style; self.width = width }
}

typealias StyledLine = [Span]

extension Array where Element == Span {
    var displayWidth: Int { reduce(0) { $0 + $1.width } }

    /// The spans as `glyphs` draws them (ASCII stand-ins where the terminal can't draw UTF-8).
    func drawable(_ glyphs: Glyphs) -> StyledLine {
        glyphs.unicode ? self : map { Span(glyphs.drawable($0.text), $0.style) }
    }

    /// The line without the spaces it ends in.
    func trimmingTrailingSpaces() -> StyledLine {
        var line = self
        while let last = line.last {
            let text = String(last.text.reversed().drop { $0 == " " }.reversed())
            if text.isEmpty { line.removeLast(); continue }
            line[line.count - 1].text = text
            break
        }
        return line
    }

    /// At most `width` columns as `glyphs` draws them, ending in its ellipsis when cut.
    func truncated(toWidth width: Int, glyphs: Glyphs) -> StyledLine {
        let line = drawable(glyphs)
        guard line.displayWidth > width else { return line }
        guard width > 0 else { return [] }
        // Only padding past the edge: nothing is cut that shows.
        let shown = line.trimmingTrailingSpaces()
        if shown.displayWidth <= width { return shown }
        let room = width - glyphs.ellipsis.displayWidth
        guard room > 0 else { return [Span(glyphs.ellipsis.truncated(toWidth: width, ellipsis: false), line.first?.style ?? .plain)] }
        var out: StyledLine = []
        var used = 0
        for span in line {
            let w = span.width
            if used + w <= room {
                out.append(span)
                used += w
                continue
            }
            out.append(Span(span.text.truncated(toWidth: room - used, ellipsis: false) + glyphs.ellipsis, span.style))
            break
        }
        return out
    }
}

extension ScreenBuffer {
    /// Draws the spans one after another, ending in the ellipsis when they run past `clip`; `restyle` lets a selected
    /// row restyle every span.
    @discardableResult
    mutating func put(_ line: StyledLine, x: Int, y: Int, clip: Rect, restyle: (Style) -> Style = { $0 }) -> Int {
        var cx = x
        let room = clip.maxX - max(x, clip.minX)
        for span in line.truncated(toWidth: max(0, room), glyphs: glyphs) {
            cx = put(span.text, x: cx, y: y, style: restyle(span.style), clip: clip)
        }
        return cx
    }

    /// `text` from `x` on row `y`, ending in the ellipsis when it runs past `clip`: the one way a view puts text that
    /// may not fit.
    @discardableResult
    mutating func putFitted(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect) -> Int {
        put([Span(text, style)], x: x, y: y, clip: clip)
    }

    /// One row of a list, drawn on the cursor bar when `selected` (each span keeps its colour on the bar).
    mutating func putRow(_ line: StyledLine, in row: Rect, selected: Bool) {
        if selected {
            fill(row, style: Theme.cursorRow)
            put(line, x: row.x, y: row.y, clip: row, restyle: Theme.onCursorRow)
        } else {
            put(line, x: row.x, y: row.y, clip: row)
        }
    }

    /// `left` from the left edge of a one-row `area` and `right` against its right edge; the left side is cut to make room.
    mutating func putSides(left: StyledLine, right: StyledLine, in area: Rect, margin: Int = Layout.margin) {
        let inner = area.inset(left: margin, right: margin)
        let right = right.drawable(glyphs)
        let rightWidth = right.displayWidth
        let leftRoom = rightWidth > 0 ? inner.width - rightWidth - 2 : inner.width
        if leftRoom > 0 || rightWidth == 0 {
            put(left.truncated(toWidth: max(0, leftRoom), glyphs: glyphs), x: inner.x, y: inner.y, clip: inner)
            put(right, x: inner.maxX - rightWidth, y: inner.y, clip: inner)
        } else {
            put(right, x: inner.x, y: inner.y, clip: inner)
        }
    }

    /// A bordered box with its inside cleared and an optional title in the top border.
    mutating func drawBox(_ rect: Rect, title: String?) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect)
        let g = glyphs
        let horizontal = String(repeating: g.horizontal, count: rect.width - 2)
        put(g.topLeft + horizontal + g.topRight, x: rect.x, y: rect.y, style: Theme.border)
        put(g.bottomLeft + horizontal + g.bottomRight, x: rect.x, y: rect.maxY - 1, style: Theme.border)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put(g.vertical, x: rect.x, y: y, style: Theme.border)
            put(g.vertical, x: rect.maxX - 1, y: y, style: Theme.border)
        }
        if let title {
            put(" " + g.fit(title, toWidth: rect.width - 6) + " ", x: rect.x + 2, y: rect.y, style: Theme.heading)
        }
    }
}

extension Rect {
    /// A `width`×`height` rectangle centred in this one (clamped to it).
    func centered(width: Int, height: Int) -> Rect {
        let w = min(width, self.width), h = min(height, self.height)
        return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
    }
}

/// The one line under a form's fields: work in progress, or why the last try failed.
enum FormMessage: Equatable {
    case progress(String)
    case error(String)
}

extension ScreenBuffer {
    /// Draws a form's message line (nothing when there is none).
    mutating func putMessage(_ message: FormMessage?, in row: Rect) {
        switch message {
        case .progress(let text)?: putFitted(text, x: row.x, y: row.y, style: Theme.dim, clip: row)
        case .error(let text)?: putFitted(text, x: row.x, y: row.y, style: Theme.error, clip: row)
        case nil: break
        }
    }
}
