import Domain
import Foundation

/// The actions of an open case. Whether each can act is the Domain's decision.
enum CaseAction: CaseIterable, Equatable, Sendable {
    case message, severity, attach, escalate, close, reopen, sharing
    /// Support engineers only: move the case's status; remove an attachment.
    case status, removeAttachment

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
        case .status: "status"
        case .removeAttachment: "remove attachment"
        }
    }

    /// The actions an account's role has at all, shown on the action line: a reseller's, a support engineer's
    /// (message, attach, set the status, remove an attachment), a customer user's (message, attach). Whether one can act now stays the
    /// Domain's decision (dimmed when refused), and a key outside the role is refused by it with its reason.
    func belongs(to kind: AccountKind) -> Bool {
        switch kind {
        case .reseller: self != .status && self != .removeAttachment
        case .supportEngineer: [.message, .attach, .status, .removeAttachment].contains(self)
        case .customer: [.message, .attach].contains(self)
        }
    }

    /// Asks the Domain whether `user` may do this to the case now.
    func decision(_ detail: CaseDetail, by user: User, now: Date) -> Decision {
        let actor = Actor(user), c = detail.supportCase, access = detail.access
        switch self {
        case .message: return Rules.postMessage(by: actor, c, access: access)
        case .severity: return Rules.changeSeverity(by: actor, c, access: access)
        case .attach: return Rules.attach(by: actor, c, access: access)
        case .escalate: return Rules.escalate(by: actor, c, customer: detail.customer, access: access)
        case .close: return Rules.closeCase(by: actor, c, access: access)
        case .reopen: return Rules.reopenCase(by: actor, c, access: access, now: now)
        case .sharing: return Rules.shareCase(by: actor, c, access: access)
        case .status: return Rules.supportReply(by: actor)
        case .removeAttachment: return Rules.removeAttachment(by: actor)
        }
    }
}
