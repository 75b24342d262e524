import ScreenKit

/// Send Feedback: one line about the screen it was opened on.
enum FeedbackView {
    static func render(_ form: FeedbackForm, into buffer: inout ScreenBuffer) {
        let rect = buffer.bounds.centered(width: 70, height: 8)
        buffer.drawBox(rect, title: "Send feedback")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        buffer.put([Span("About ", Theme.dim), Span(form.screen, Theme.bold), Span(": what should the portal do better?", Theme.dim)],
                   x: inner.x, y: inner.y + 1, clip: inner)
        FieldView.render(form.field, masked: false, focused: true, into: &buffer,
                         area: Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: 1))
        let hints = Keymap.feedback.compactMap { b in b.hint.map { (b.keys[0].name, $0) } }
        buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
