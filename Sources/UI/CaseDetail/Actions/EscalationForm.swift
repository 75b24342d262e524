import Domain
import ScreenKit

/// Escalating an open case (`e`, Premium support customers): a reason and a justification; Tab switches.
struct EscalationForm: OverlayForm, Equatable {
    enum Focus: Equatable, Sendable { case reason, justification }
    var target: CaseRef
    var cursor = 0
    var field = TextField()
    var focus = Focus.reason
    var error: String?
    /// The escalation waiting for its answer.
    var sending: Int?

    init(target: CaseRef) { self.target = target }

    var actingDomain: Int64? { target.domainID }
    var reason: EscalationReason { EscalationReason.allCases[min(max(0, cursor), EscalationReason.allCases.count - 1)] }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        let command = Keymap.binding(for: key, in: env.keys.escalate)?.command
        if env.closeOrWait(closing: command == .close, sending: sending,
                           cancelled: "Case \(target.number) not escalated; nothing was sent.", busy: "The escalation is being sent…") {
            return []
        }
        switch command {
        case .switchFocus?:
            focus = focus == .reason ? .justification : .reason
        case .send?:
            switch Validate.justification(field.text) {
            case .failure(let refusal):
                error = refusal.description
                focus = .justification
            case .success(let text):
                guard let session = env.session else { return [] }
                error = nil
                let number = target.number, reason = reason
                let sent = env.command("escalate case \(number)", success: "Case \(number) escalated.") {
                    .caseCommand(request: $0, session: session, number: number, .escalate(reason: reason, justification: text))
                }
                sending = sent.request
                env.status = .info("Escalating case \(number)…")
                return [sent.effect]
            }
        default:
            switch focus {
            case .justification:
                if field.handleMultiline(key, env.keys) == .changed { error = nil }
            case .reason:
                switch Keymap.binding(for: key, in: env.keys.formList)?.command {
                case .up?: cursor = max(0, cursor - 1)
                case .down?: cursor = min(EscalationReason.allCases.count - 1, cursor + 1)
                default:
                    if key == .enter { focus = .justification; break }
                    env.status = .info("\(key.name): choose the reason with j k, Tab to write the justification, Ctrl-S to escalate.")
                }
            }
        }
        return []
    }

    mutating func receive(_ reply: Reply, request: Int, _ env: inout Env) -> [Effect] {
        env.settle(reply, request: request, sending: &sending, error: &error)
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let reasons = EscalationReason.allCases
        let rect = buffer.bounds.centered(width: min(buffer.bounds.width, 76), height: min(buffer.bounds.height - 2, 18))
        buffer.drawBox(rect, title: "Escalate · case \(target.number)")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard inner.height >= 9 else { return }
        let writing = focus == .justification
        buffer.put([Span("Reason", writing ? Theme.dim : Theme.bold), Span(" (j k to choose):", Theme.dim)], x: inner.x, y: inner.y, clip: inner)
        for (i, reason) in reasons.enumerated() {
            let item: StyledLine = [Span(i == cursor ? "> " : "  ", Theme.key), Span(reason.label, Theme.plain)]
            buffer.putRow(item, in: Rect(x: inner.x, y: inner.y + 1 + i, width: inner.width, height: 1), selected: i == cursor && !writing)
        }
        let labelY = inner.y + 2 + reasons.count
        buffer.put([Span("Justification", writing ? Theme.bold : Theme.dim), Span(" (Tab to write):", Theme.dim)], x: inner.x, y: labelY, clip: inner)
        let area = Rect(x: inner.x, y: labelY + 1, width: inner.width, height: max(1, inner.maxY - 2 - (labelY + 1)))
        TextAreaView.render(field, in: area, caret: writing && sending == nil, into: &buffer)
        buffer.putMessage(sending != nil ? .progress("Escalating…") : error.map(FormMessage.error),
                          in: Rect(x: inner.x, y: area.maxY, width: inner.width, height: 1))
        buffer.put(StatusLineView.join(Keymap.hints(context.keys.escalate), width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
