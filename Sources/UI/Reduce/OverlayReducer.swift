import Domain
import ScreenKit

extension AppState {
    mutating func helpKey(_ key: Key) -> [Effect] {
        guard case .help(let scroll) = overlay,
              let command = Keymap.binding(for: key, in: Keymap.help)?.command else { return [] }
        switch command {
        case .close: overlay = .none
        case .up: overlay = .help(scroll: max(0, scroll - 1))
        case .down: overlay = .help(scroll: min(HelpView.maxScroll(self), scroll + 1))
        }
        return []
    }

    /// The switcher lists the sessions, then "sign in to another domain".
    mutating func sessionsKey(_ key: Key, cursor: Int) -> [Effect] {
        guard let command = Keymap.binding(for: key, in: Keymap.sessions)?.command else { return [] }
        switch command {
        case .up: overlay = .sessions(cursor: max(0, cursor - 1))
        case .down: overlay = .sessions(cursor: min(tabs.count, cursor + 1))
        case .close: overlay = .none
        case .signIn: overlay = .signIn(SignInForm())
        case .choose:
            guard cursor < tabs.count else {
                overlay = .signIn(SignInForm())
                return []
            }
            overlay = .none
            active = cursor
            return showCurrent()
        case .signOut:
            guard cursor < tabs.count else { return [] }
            return signOut(cursor)
        }
        return []
    }

    private mutating func signOut(_ index: Int) -> [Effect] {
        let name = tabs[index].session.domainName
        tabs.remove(at: index)
        if index < active { active -= 1 }
        active = max(0, min(active, tabs.count - 1))
        markAllDomainsStale()
        status = .info("Signed out of \(name).")
        guard !tabs.isEmpty else {
            overlay = .signIn(SignInForm())
            return [.signOut(session: index)]
        }
        overlay = .sessions(cursor: active)
        return [.signOut(session: index)] + showCurrent()
    }

    mutating func feedbackKey(_ key: Key, form: FeedbackForm) -> [Effect] {
        var form = form
        switch Keymap.binding(for: key, in: Keymap.feedback)?.command {
        case .submit?:
            switch Validate.message(form.field.text, field: "feedback") {
            case .failure(let refusal):
                status = .error(refusal.description)
            case .success(let text):
                overlay = .none
                status = .info("Sending your feedback…")
                return [.sendFeedback(session: activeSession, screen: form.screen, message: text)]
            }
        case .cancel?:
            overlay = .none
            status = .info("Feedback cancelled; nothing was sent.")
            return []
        default:
            _ = form.field.handle(key)
        }
        overlay = .feedback(form)
        return []
    }
}
