import Domain
import ScreenKit

/// `:` then a case number: the case opens in the tab of the signed-in domain that may see it. The active domain is
/// asked first, then the others in tab order; when none may, the active domain's answer says why (the Domain's
/// sentence: another domain's case reads as one that doesn't exist). What was typed stays until Esc.
struct JumpForm: OverlayForm, Equatable {
    var field = TextField()
    var error: String?
    /// The case being looked for and the sessions still to ask, while a search runs.
    var searching: Search?

    struct Search: Equatable, Sendable {
        var number: Int
        var request: Int
        /// The session asked now, and those still to ask.
        var session: Int
        var remaining: [Int]
        /// The first (the active domain's) refusal, said if nobody may see the case.
        var firstRefusal: String?
    }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        switch Keymap.binding(for: key, in: env.keys.jump)?.command {
        case .submit?:
            guard searching == nil else { return [] }
            switch Validate.caseNumber(field.text) {
            case .failure(let refusal):
                error = refusal.description
            case .success(let number):
                error = nil
                let order = [env.active] + env.sessions.indices.filter { $0 != env.active }
                return ask(number, order: order, firstRefusal: nil, &env)
            }
        case .cancel?:
            if let searching { env.requests.forget(searching.request) }
            env.close()
        default:
            if searching == nil, field.handle(key, env.keys) == .changed { error = nil }
        }
        return []
    }

    private mutating func ask(_ number: Int, order: [Int], firstRefusal: String?, _ env: inout Env) -> [Effect] {
        guard let session = order.first else {
            searching = nil
            error = firstRefusal ?? "Case \(number) isn't in any signed-in domain."
            return []
        }
        let effect = env.issue { .findCase(request: $0, session: session, number: number) }
        searching = Search(number: number, request: effect.request!, session: session, remaining: Array(order.dropFirst()), firstRefusal: firstRefusal)
        return [effect]
    }

    mutating func receive(_ reply: Reply, request: Int, _ env: inout Env) -> [Effect] {
        guard let search = searching, search.request == request else { return [] }
        switch reply {
        case .caseDetail(let detail):
            searching = nil
            env.close()
            env.then.append(.openCase(session: search.session, detail))
        case .failed(let message):
            return ask(search.number, order: search.remaining, firstRefusal: search.firstRefusal ?? message, &env)
        default:
            break
        }
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let rect = buffer.bounds.centered(width: 64, height: 7)
        buffer.drawBox(rect, title: "Go to case")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        let note: [Span] = if let error { [Span(error, Theme.error)] }
            else if let searching { [Span("Looking for case \(searching.number)…", Theme.dim)] }
            else { [Span("A case number (8 digits), in any signed-in domain", Theme.dim)] }
        buffer.put(note, x: inner.x, y: inner.y, clip: inner)
        FieldView.render(field, masked: false, focused: true, into: &buffer, area: Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: 1))
        buffer.put(StatusLineView.join(Keymap.hints(context.keys.jump), width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
