import Domain
import ScreenKit

extension AppState {
    /// The user who acts on a case: the session of the domain that filed it.
    func actingUser(for view: CaseView) -> User {
        tabs[sessionIndex(domainID: view.domainID) ?? active].session.user
    }

    mutating func reloadCase() -> [Effect] {
        guard case .detail(var view)? = currentScreen else { return [] }
        let effects = view.reload(session: sessionIndex(domainID: view.domainID) ?? active, requests: &requests)
        tabs[active].current = .detail(view)
        return effects
    }

    func caseBodyLineCount(_ view: CaseView) -> Int {
        guard let detail = view.detail else { return 0 }
        return CaseDetailBody.lines(for: detail, user: actingUser(for: view), width: Layout.contentWidth(size.width), now: now).count
    }

    /// A case action key: the Domain's reason when it can't act, otherwise its form.
    mutating func caseAction(_ action: CaseAction, key: Key) -> [Effect] {
        guard case .detail(let view)? = currentScreen else { return [] }
        guard let detail = view.detail else {
            status = .info("\(key.name): case \(view.number) is still loading.")
            return []
        }
        let c = detail.supportCase
        switch action.decision(detail, by: actingUser(for: view), now: now) {
        case .refused(let refusal):
            if action == .reopen, Rules.reopenWindowPassed(c, now: now) {
                // Past the 30 days: offer a new case that refers to this one.
                overlay = .confirm(Confirmation(target: CaseRef(domainID: view.domainID, number: c.number), command: .followUp,
                                                question: "\(refusal.description) Start it now? y/n"))
                return []
            }
            status = .error("\(key.name) (\(action.label)): \(refusal.description)")
            return []
        case .allowed:
            let target = CaseRef(domainID: view.domainID, number: view.number)
            switch action {
            case .message:
                return openMessageEditor(target)
            case .severity:
                overlay = .severity(SeverityChoice(target: target, current: c.severity,
                                                   cursor: Severity.allCases.firstIndex(of: c.severity) ?? 0))
            case .close:
                overlay = .confirm(Confirmation(target: target, command: .close, question: "Close case \(c.number)? y/n"))
            case .reopen:
                let left = Rules.reopenDaysLeft(c, now: now) ?? 0
                let days = left == 1 ? "1 day" : "\(left) days"
                overlay = .confirm(Confirmation(target: target, command: .reopen,
                                                question: "Reopen case \(c.number)? \(days) left to reopen. y/n"))
            case .escalate:
                overlay = .escalate(EscalationForm(target: target))
            case .sharing:
                overlay = .sharing(SharingForm(target: target, current: detail.sharing))
            case .attach:
                overlay = .attach(AttachForm(target: target))
            }
            return []
        }
    }
}

extension CaseView {
    mutating func scroll(_ movement: ListCursor.Movement, lines: Int, viewport: Int) {
        let last = max(0, lines - viewport)
        switch movement {
        case .up: scroll -= 1
        case .down: scroll += 1
        case .pageUp: scroll -= max(1, viewport - 1)
        case .pageDown: scroll += max(1, viewport - 1)
        case .top: scroll = 0
        case .bottom: scroll = last
        }
        scroll = max(0, min(scroll, last))
    }
}
