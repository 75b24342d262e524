import ScreenKit

/// Draws a text field: its visible window on an underlined strip, with the caret when focused.
enum FieldView {
    static func render(_ field: TextField, masked: Bool, focused: Bool, into buffer: inout ScreenBuffer, area: Rect) {
        buffer.fill(area, style: Theme.field)
        let window = field.window(width: area.width, masked: masked)
        buffer.put(window.text, x: area.x, y: area.y, style: Theme.field, clip: area)
        guard focused else { return }
        let caret = field.caret < field.characters.count ? (masked ? "•" : String(field.characters[field.caret])) : " "
        buffer.put(caret, x: area.x + window.caretColumn, y: area.y, style: Theme.caret, clip: area)
    }
}
