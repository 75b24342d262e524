import Domain
import Foundation

/// The actions of an open case. Whether each can act is the Domain's decision.
enum CaseAction: CaseIterable, Equatable, Sendable {
    case message, severity, attach, escalate, close, reopen, sharing

    /// Short label on the case screen's action line.
    var label: String {
        switch self {
        case .message: "message"
        case .severity: "severity"
        case .attach: "attach"
        case .escalate: "escalate"
        case .close: "close"
        case .reopen: "reopen"
        case .sharing: "sharing"
        }
    }

    /// Asks the Domain whether `user` may do this to the case now.
    func decision(_ detail: CaseDetail, by user: User, now: Date) -> Decision {
        let actor = Actor.reseller(user), c = detail.supportCase, access = detail.access
        switch self {
        case .message: return Rules.postMessage(by: actor, c, access: access)
        case .severity:
            // Any other level: the rule refuses only "the same level", which a form wouldn't offer.
            let other: Severity = c.severity == .p1 ? .p2 : .p1
            return Rules.changeSeverity(by: actor, c, to: other, access: access)
        case .attach: return Rules.attach(by: actor, c, access: access)
        case .escalate: return Rules.escalate(by: actor, c, customer: detail.customer, access: access)
        case .close: return Rules.closeCase(by: actor, c, access: access)
        case .reopen: return Rules.reopenCase(by: actor, c, access: access, now: now)
        case .sharing: return Rules.shareCase(by: actor, c, access: access)
        }
    }

    /// Said when the action could act: what it would do first (the status line may cut the end),
    /// that its form isn't in this version and nothing changed, then the command that does it today.
    func notYetAvailable(_ c: SupportCase) -> String {
        let n = c.number
        let (would, command) = switch self {
        case .message: ("add your message to case \(n)'s history", "careportal case message \(n) --message TEXT")
        case .severity: ("change the severity of case \(n) (now \(c.severity.rawValue))", "careportal case severity \(n) P1|P2|P3|P4")
        case .attach: ("attach a file to case \(n)", "careportal case attach \(n) FILE")
        case .escalate: ("escalate case \(n)", "careportal case escalate \(n) --reason R --justification TEXT")
        case .close: ("close case \(n)", "careportal case close \(n)")
        case .reopen: ("reopen case \(n)", "careportal case reopen \(n)")
        case .sharing: ("edit the sharing addresses of case \(n)", "careportal case share \(n) --add EMAIL")
        }
        return "Would \(would): not in this version yet, nothing changed. Use: \(command)"
    }
}
