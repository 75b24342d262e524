import ScreenKit

/// A multi-line text field drawn as a block: wrapped rows, scrolled to keep the caret in view.
enum TextAreaView {
    static func render(_ field: TextField, in area: Rect, caret: Bool, into buffer: inout ScreenBuffer) {
        buffer.fill(area, style: Theme.textArea)
        let wrapped = field.rows(width: area.width)
        let first = max(0, wrapped.caretRow - area.height + 1)
        for (offset, row) in wrapped.rows.dropFirst(first).prefix(area.height).enumerated() {
            buffer.put(row, x: area.x, y: area.y + offset, style: Theme.textArea, clip: area)
        }
        guard caret else { return }
        let c = field.caret
        let under = c < field.characters.count && field.characters[c] != "\n" ? String(field.characters[c]) : " "
        buffer.put(under, x: area.x + wrapped.caretColumn, y: area.y + wrapped.caretRow - first, style: Theme.caret, clip: area)
    }
}
