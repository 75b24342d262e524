import ScreenKit

/// The wrapped text of a dialog, sized so the dialog grows to show all of it (up to the screen), rather than
/// cutting its own sentence ("…File a new case and mention" followed by the keys).
struct DialogText: Equatable {
    var lines: [String]
    var width: Int

    /// `text`, as `glyphs` draws it, wrapped to `width` columns.
    init(_ text: String, width: Int, glyphs: Glyphs = .unicode) {
        self.width = max(1, width)
        lines = wrap(glyphs.drawable(text), width: self.width)
    }

    /// The width of a dialog for `text`: wide enough for a short question on one line, at most the screen's
    /// width less a margin, at least `minimum`.
    static func dialogWidth(for text: String, minimum: Int, screen: Rect) -> Int {
        min(max(minimum, text.displayWidth + 6), max(minimum, min(76, screen.width - 4)))
    }

    /// The lines that fit in `rows`; when they don't all fit, the last shown ends with the ellipsis.
    func fitting(_ rows: Int, glyphs: Glyphs = .unicode) -> [String] {
        guard rows > 0 else { return [] }
        guard lines.count > rows else { return lines }
        var shown = Array(lines.prefix(rows))
        // The last line keeps room for the ellipsis, so it never runs past the width.
        let ellipsis = glyphs.ellipsis
        shown[rows - 1] = glyphs.drawable(shown[rows - 1]).truncated(toWidth: width - ellipsis.displayWidth, ellipsis: false) + ellipsis
        return shown
    }
}

extension ScreenBuffer {
    /// A question box over the screen: the question wrapped in bold, the box grown to hold it (up to the screen),
    /// the keys on its last row.
    mutating func drawQuestion(_ question: String, title: String, keys: [(keys: String, label: String)], minimumWidth: Int) {
        let width = DialogText.dialogWidth(for: question, minimum: minimumWidth, screen: bounds)
        let text = DialogText(question, width: width - 4, glyphs: glyphs)
        let rect = bounds.centered(width: width, height: text.lines.count + 5)
        drawBox(rect, title: title)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        for (i, line) in text.fitting(inner.height - 3, glyphs: glyphs).enumerated() {
            put(line, x: inner.x, y: inner.y + 1 + i, style: Theme.bold, clip: inner)
        }
        put(StatusLineView.join(keys, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
