import Foundation
import ScreenKit

extension AppState {
    mutating func signInKey(_ key: Key, form: SignInForm) -> [Effect] {
        var form = form
        let command = Keymap.binding(for: key, in: Keymap.signIn)?.command
        if command == .cancel {
            if tabs.isEmpty { return quit() }
            overlay = .none
            return []
        }
        guard form.phase == .editing else { return [] }  // waiting for the answer
        switch command {
        case .submit?:
            if form.focus == .email && form.password.isEmpty {
                form.focus = .password
                break
            }
            let email = form.email.text.trimmingCharacters(in: .whitespaces)
            if email.isEmpty {
                form.message = "Enter the email address of your reseller account."
                form.focus = .email
            } else if form.password.isEmpty {
                form.message = "Enter your password."
                form.focus = .password
            } else {
                form.phase = .submitting
                form.message = nil
                overlay = .signIn(form)
                return [.signIn(email: email, password: form.password.text)]
            }
        case .nextField?:
            form.focus = form.focus == .email ? .password : .email
        default:
            _ = form.focusedField.handle(key)
        }
        overlay = .signIn(form)
        return []
    }

    mutating func signInFailed(_ message: String) {
        guard case .signIn(var form) = overlay else {
            status = .error(message)
            return
        }
        form.phase = .editing
        form.message = message
        form.password = TextField()
        form.focus = .password
        overlay = .signIn(form)
    }

    /// A new session becomes the last tab (the runtime appends it to its sessions too) and opens on
    /// My Cases. One account per domain: an older session of the same domain is signed out.
    mutating func signedIn(_ session: SessionInfo) -> [Effect] {
        var effects: [Effect] = []
        if let old = sessionIndex(domainID: session.user.domainID) {
            tabs.remove(at: old)
            effects.append(.signOut(session: old))
        }
        tabs.append(Tab(session: session))
        active = tabs.count - 1
        markAllDomainsStale()
        overlay = .none
        status = .success("Signed in to \(session.domainName) as \(session.user.email).")
        return effects + showCurrent()
    }

    /// The set of sessions changed, so every unified inbox is out of date.
    mutating func markAllDomainsStale() {
        for t in tabs.indices where tabs[t].allDomains.phase != .unloaded {
            tabs[t].allDomains.freshness = .stale
        }
    }
}
