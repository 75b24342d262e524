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
        switch Keymap.binding(for: key, in: env.keys.draftChoice)?.command {
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
            let t = env.keys.draftChoice
            env.status = .info("Press \(Keymap.name(of: .resume, in: t)) to resume the draft, \(Keymap.name(of: .startNew, in: t)) for a new case for "
                               + "\(customer.name), or \(Keymap.name(of: .cancel, in: t)).")
        }
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        buffer.drawQuestion(question, title: "New case", keys: Keymap.hints(context.keys.draftChoice), minimumWidth: 44)
    }
}
