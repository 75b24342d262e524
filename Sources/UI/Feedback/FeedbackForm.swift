import Domain
import ScreenKit

/// Send Feedback (`F`): one line about the screen it was opened on.
struct FeedbackForm: OverlayForm, Equatable {
    var screen: String
    var field = TextField()

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        switch Keymap.binding(for: key, in: env.keys.feedback)?.command {
        case .submit?:
            switch Validate.message(field.text, field: "feedback") {
            case .failure(let refusal):
                env.status = .error(refusal.description)
            case .success(let text):
                env.close()
                env.status = .info("Sending your feedback…")
                let session = env.session, screen = screen
                return [env.command("send your feedback", success: "Thank you: your feedback was saved.", refreshes: false) {
                    .sendFeedback(request: $0, session: session, screen: screen, message: text)
                }.effect]
            }
        case .cancel?:
            env.close()
            env.status = .info("Feedback cancelled; nothing was sent.")
        default:
            _ = field.handle(key, env.keys)
        }
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let rect = buffer.bounds.centered(width: 70, height: 8)
        buffer.drawBox(rect, title: "Send feedback")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        buffer.put([Span("About ", Theme.dim), Span(screen, Theme.bold), Span(": what should the portal do better?", Theme.dim)],
                   x: inner.x, y: inner.y + 1, clip: inner)
        FieldView.render(field, masked: false, focused: true, into: &buffer, area: Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: 1))
        buffer.put(StatusLineView.join(Keymap.hints(context.keys.feedback), width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
