import Domain
import ScreenKit

/// The filter bar: the text being edited with its caret and the offending character of a parse
/// error underlined, or the applied filter when the bar is closed.
enum FilterBarView {
    static let label = "Filter "

    /// `editKey`: the key that opens the bar, named in its hint.
    static func render(_ filter: CaseFilter, editKey: String, into buffer: inout ScreenBuffer, area: Rect) {
        let inner = area.inset(left: Layout.margin, right: Layout.margin)
        let x = buffer.put(label, x: inner.x, y: inner.y, style: Theme.bold, clip: inner)
        let fieldArea = Rect(x: x, y: inner.y, width: inner.maxX - x, height: 1)
        guard let editing = filter.editing else {
            let hint = "\(editKey) edit"
            buffer.put(buffer.glyphs.fit(filter.text, toWidth: fieldArea.width - hint.displayWidth - 4), x: fieldArea.x, y: fieldArea.y, clip: fieldArea)
            buffer.put(hint, x: fieldArea.maxX - hint.displayWidth, y: fieldArea.y, style: Theme.hint, clip: fieldArea)
            return
        }
        let field = editing.field
        let window = field.window(width: fieldArea.width, masked: false)
        buffer.put(window.text, x: fieldArea.x, y: fieldArea.y, clip: fieldArea)
        if let error = filter.error, error.column - 1 >= window.start, error.column - 1 <= field.characters.count {
            let index = error.column - 1
            let column = field.characters[window.start..<index].reduce(0) { $0 + DisplayWidth.of($1) }
            let char = index < field.characters.count ? String(field.characters[index]) : " "
            buffer.put(char, x: fieldArea.x + column, y: fieldArea.y, style: Theme.errorMark, clip: fieldArea)
        }
        let caretChar = field.caret < field.characters.count ? String(field.characters[field.caret]) : " "
        let caretStyle = filter.error.map { $0.column - 1 == field.caret } == true ? Theme.errorMark.reversed() : Theme.caret
        buffer.put(caretChar, x: fieldArea.x + window.caretColumn, y: fieldArea.y, style: caretStyle, clip: fieldArea)
    }
}
