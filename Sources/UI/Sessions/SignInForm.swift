import Foundation
import ScreenKit

/// Sign-in: full screen when no domain is signed in, a box over the screen when adding one.
struct SignInForm: OverlayForm, Equatable {
    enum Field: Equatable, Sendable { case email, password }

    var email = TextField()
    var password = TextField()
    var focus: Field = .email
    /// The sign-in waiting for its answer.
    var submitting: Int?
    var message: String?
    /// The address whose sign-in would end a session of the same domain, asked about once: Enter again goes on.
    var replacing: String?

    var focusedField: TextField {
        get { focus == .email ? email : password }
        set { if focus == .email { email = newValue } else { password = newValue } }
    }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        let command = Keymap.binding(for: key, in: Keymap.signIn)?.command
        if command == .cancel {
            // With no domain signed in there is nothing to go back to; only Ctrl-C ends the app.
            if env.sessions.isEmpty {
                env.status = .info("Sign in to a reseller domain, or press \(Keymap.name(of: .quit)) to quit.")
            } else {
                env.close()
            }
            return []
        }
        guard submitting == nil else { return [] }  // waiting for the answer
        switch command {
        case .submit?:
            if focus == .email && password.isEmpty {
                focus = .password
                break
            }
            let address = email.text.trimmingCharacters(in: .whitespaces)
            if address.isEmpty {
                message = "Enter the email address of your reseller account."
                focus = .email
            } else if password.isEmpty {
                message = "Enter your password."
                focus = .password
            } else if replacing?.lowercased() != address.lowercased(),
                      let existing = env.sessions.first(where: { Self.sameDomain(address, $0) }) {
                // One session per domain: say which one signing in ends, before it does.
                replacing = address
                message = "You're signed in to \(existing.domainName) as \(existing.user.email); signing in as \(address) "
                    + "ends that session (and other careportal windows using it). Press Enter again to go on, Esc to keep it."
            } else {
                message = nil
                let secret = password.text
                let effect = env.issue { .signIn(request: $0, email: address, password: secret) }
                submitting = effect.request
                return [effect]
            }
        case .nextField?:
            focus = focus == .email ? .password : .email
        default:
            _ = focusedField.handle(key)
        }
        return []
    }

    /// Whether `address` is of `session`'s reseller domain (its own address, or one at the domain's name).
    static func sameDomain(_ address: String, _ session: SessionInfo) -> Bool {
        let typed = address.lowercased()
        return typed == session.user.email.lowercased() || typed.hasSuffix("@" + session.domainName.lowercased())
    }

    mutating func receive(_ reply: Reply, request: Int, _ env: inout Env) -> [Effect] {
        guard request == submitting else { return [] }
        submitting = nil
        switch reply {
        case .signedIn(let session):
            env.then.append(.signedIn(session))
        case .failed(let why):
            message = why
            password = TextField()
            focus = .password
        default:
            break
        }
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let fullScreen = context.sessions.isEmpty
        // A refusal is shown whole: the box grows by the lines it needs beyond the one it always has.
        let refusal = submitting == nil ? message.map { DialogText($0, width: 60, glyphs: buffer.glyphs) } : nil
        let rect = buffer.bounds.centered(width: 64, height: 12 + max(1, refusal?.lines.count ?? 0))
        buffer.drawBox(rect, title: fullScreen ? "careportal · Customer Care Portal" : "Sign in to another domain")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        buffer.put("Sign in with your reseller account.", x: inner.x, y: inner.y + 1, clip: inner)
        let note = fullScreen ? "One account per reseller domain; add more later with \(Keymap.name(of: .sessions))."
                              : "Each reseller domain has its own account."
        buffer.putFitted(note, x: inner.x, y: inner.y + 2, style: Theme.dim, clip: inner)

        let labelWidth = 10
        let fieldArea = { (row: Int) in Rect(x: inner.x + labelWidth, y: inner.y + row, width: inner.width - labelWidth, height: 1) }
        buffer.put("Email", x: inner.x, y: inner.y + 4, style: focus == .email ? Theme.bold : Theme.label, clip: inner)
        FieldView.render(email, masked: false, focused: focus == .email && submitting == nil, into: &buffer, area: fieldArea(4))
        buffer.put("Password", x: inner.x, y: inner.y + 5, style: focus == .password ? Theme.bold : Theme.label, clip: inner)
        FieldView.render(password, masked: true, focused: focus == .password && submitting == nil, into: &buffer, area: fieldArea(5))

        if submitting != nil {
            buffer.put("Signing in…", x: inner.x, y: inner.y + 7, style: Theme.dim, clip: inner)
        } else if let message {
            for (i, line) in DialogText(message, width: inner.width, glyphs: buffer.glyphs).fitting(inner.height - 8, glyphs: buffer.glyphs).enumerated() {
                buffer.put(line, x: inner.x, y: inner.y + 7 + i, style: Theme.error, clip: inner)
            }
        }
        var hints = Keymap.signIn.compactMap { b -> (String, String)? in
            guard let hint = b.hint, !(b.command == .cancel && fullScreen) else { return nil }
            return (b.keys[0].name, hint)
        }
        if fullScreen { hints.append((Keymap.name(of: .quit), "quit")) }
        buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
