import ScreenKit

/// A run of text in one style.
struct Span: Equatable, Sendable {
    var text: String
    var style: Style
    init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style }
}

typealias StyledLine = [Span]

extension Array where Element == Span {
    var displayWidth: Int { reduce(0) { $0 + $1.text.displayWidth } }

    /// At most `width` columns, ending in "…" when cut.
    func truncated(toWidth width: Int) -> StyledLine {
        guard displayWidth > width else { return self }
        guard width > 0 else { return [] }
        var out: StyledLine = []
        var used = 0
        for span in self {
            let w = span.text.displayWidth
            if used + w <= width - 1 {
                out.append(span)
                used += w
                continue
            }
            out.append(Span(span.text.truncated(toWidth: width - 1 - used, ellipsis: false) + "…", span.style))
            break
        }
        return out
    }
}

extension ScreenBuffer {
    /// Draws the spans one after another; `restyle` lets a selected row reverse every span.
    @discardableResult
    mutating func put(_ line: StyledLine, x: Int, y: Int, clip: Rect, restyle: (Style) -> Style = { $0 }) -> Int {
        var cx = x
        for span in line { cx = put(span.text, x: cx, y: y, style: restyle(span.style), clip: clip) }
        return cx
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
        let rightWidth = right.displayWidth
        let leftRoom = rightWidth > 0 ? inner.width - rightWidth - 2 : inner.width
        if leftRoom > 0 || rightWidth == 0 {
            put(left.truncated(toWidth: max(0, leftRoom)), x: inner.x, y: inner.y, clip: inner)
            put(right, x: inner.maxX - rightWidth, y: inner.y, clip: inner)
        } else {
            put(right.truncated(toWidth: inner.width), x: inner.x, y: inner.y, clip: inner)
        }
    }

    /// A bordered box with its inside cleared and an optional title in the top border.
    mutating func drawBox(_ rect: Rect, title: String?) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect)
        let horizontal = String(repeating: "─", count: rect.width - 2)
        put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: Theme.border)
        put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: Theme.border)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            put("│", x: rect.x, y: y, style: Theme.border)
            put("│", x: rect.maxX - 1, y: y, style: Theme.border)
        }
        if let title {
            put(" " + title.truncated(toWidth: rect.width - 6) + " ", x: rect.x + 2, y: rect.y, style: Theme.heading)
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
        case .progress(let text)?: put(text.truncated(toWidth: row.width), x: row.x, y: row.y, style: Theme.dim, clip: row)
        case .error(let text)?: put(text.truncated(toWidth: row.width), x: row.x, y: row.y, style: Theme.error, clip: row)
        case nil: break
        }
    }
}
