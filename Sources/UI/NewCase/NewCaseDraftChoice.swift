import Domain
import ScreenKit

/// `n` with a customer in view while the only new-case drafts are for others: go on with the draft, or start
/// one for this customer (the other draft stays saved).
struct NewCaseDraftChoice: OverlayForm, Equatable {
    var customer: Customer
    /// The other drafts: one is resumed at once, several open the drafts list to choose.
    var others: [DraftForm]
    /// "a new case for Globex", "2 new-case drafts for other customers".
    var description: String

    var question: String {
        "You have a draft: \(description). Go on with it, or start a new case for \(customer.name)? Drafts are kept per customer."
    }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        switch Keymap.binding(for: key, in: Keymap.draftChoice)?.command {
        case .resume?:
            env.close()
            env.then.append(others.count == 1 ? .resume(others[0]) : .openDrafts)
        case .startNew?:
            env.close()
            env.then.append(.newCase(for: customer))
        case .cancel?:
            env.close()
            env.status = .info("No new case started; your drafts are kept.")
        case nil:
            env.status = .info("Press r to resume the draft, n for a new case for \(customer.name), or Esc.")
        }
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        buffer.drawQuestion(question, title: "New case", keys: Keymap.hints(Keymap.draftChoice), minimumWidth: 44)
    }
}
