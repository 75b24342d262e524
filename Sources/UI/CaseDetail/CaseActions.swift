import Domain
import ScreenKit

/// The case action keys (m p a e x O h t R): the Domain's reason when one can't act now, otherwise its form.
extension AppState {
    mutating func caseAction(_ action: CaseAction, key: Key) -> [Effect] {
        guard case .detail(var view)? = currentScreen else { return [] }
        guard let detail = view.detail else {
            // Kept, not dropped: the action follows as soon as the case is here (over a slow server, say).
            view.waiting = WaitingAction(action: action, key: key)
            tabs[active].current = .detail(view)
            status = .info("\(key.name): case \(view.number) is still loading; \(action.label.lowercased()) follows when it is here.")
            return []
        }
        let c = detail.supportCase, target = view.ref
        switch action.decision(detail, by: actingUser(for: target), now: now) {
        case .refused(let refusal):
            if action == .reopen, Rules.reopenWindowPassed(c, now: now) {
                // Past the reopen window: offer a new case that refers to this one.
                open(Confirmation(target: target, title: "Case \(c.number) can't be reopened",
                                  question: "\(refusal.description) Start it now? y/n", onYes: .followUp))
                return []
            }
            status = .error("\(key.name) (\(action.label)): \(refusal.description)")
            return []
        case .allowed:
            switch action {
            case .message:
                return openMessageEditor(target, thread: MessageForm.thread(of: detail))
            case .severity:
                open(SeverityChoice(target: target, current: c.severity, detail: detail))
            case .close:
                open(Confirmation(target: target, title: "Close case", question: "Close case \(c.number)? y/n",
                                  onYes: .command(.close, progress: "Closing case \(c.number)…", success: "Case \(c.number) closed.")))
            case .reopen:
                let left = Rules.reopenDaysLeft(c, now: now) ?? 0
                let days = left == 1 ? "1 day" : "\(left) days"
                open(Confirmation(target: target, title: "Reopen case", question: "Reopen case \(c.number)? \(days) left to reopen. y/n",
                                  onYes: .command(.reopen, progress: "Reopening case \(c.number)…", success: "Case \(c.number) reopened.")))
            case .escalate:
                open(EscalationForm(target: target))
            case .sharing:
                open(SharingForm(target: target, current: detail.sharing))
            case .attach:
                open(AttachForm(target: target))
            case .status:
                open(StatusChoice(target: target, current: c.status, detail: detail))
            case .removeAttachment:
                guard !detail.attachments.isEmpty else {
                    status = .info("Case \(c.number) has no attachments.")
                    return []
                }
                open(AttachmentRemoval(target: target, attachments: detail.attachments))
            }
            return []
        }
    }

    /// The editor with the text kept from the last Esc, filled from the saved draft if it is empty.
    /// `thread`: the case's last messages, shown above the text (the newest as of this opening).
    mutating func openMessageEditor(_ target: CaseRef, thread: [HistoryEvent] = []) -> [Effect] {
        let kept = unpark(MessageForm.self, domainID: target.domainID, draft: .message(caseNumber: target.number))
        let id = kept?.id ?? requests.serial()
        var env = makeEnv(form: id, actingDomain: target.domainID)
        var (form, effects) = MessageForm.open(kept?.form, target: target, &env)
        form.thread = thread
        overlay = Overlay(id: id, form: form)
        return effects + apply(env)
    }
}
