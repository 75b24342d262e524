import Foundation
import ScreenKit

/// Sign-in: full screen when no domain is signed in, a box over the screen when adding one. "Where" says which
/// database file or server the account is on (the current tab's, unless changed): tabs may mix them.
struct SignInForm: OverlayForm, Equatable {
    enum Field: Equatable, Sendable, CaseIterable { case email, password, location }

    var email = TextField()
    var password = TextField()
    var location: TextField
    var focus: Field = .email
    /// The sign-in waiting for its answer.
    var submitting: Int?
    var message: String?
    /// The address whose sign-in would end a session of the same domain, asked about once: Enter again goes on.
    var replacing: String?

    /// `location`: where the tab the form was opened from lives.
    init(location: String) { self.location = TextField(location) }

    var focusedField: TextField {
        get {
            switch focus {
            case .email: email
            case .password: password
            case .location: location
            }
        }
        set {
            switch focus {
            case .email: email = newValue
            case .password: password = newValue
            case .location: location = newValue
            }
        }
    }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        let command = Keymap.binding(for: key, in: env.keys.signIn)?.command
        if command == .cancel {
            // With no domain signed in there is nothing to go back to; only Ctrl-C ends the app.
            if env.sessions.isEmpty {
                env.status = .info("Sign in to a reseller domain, or press \(env.keys.name(of: .quit)) to quit.")
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
            let place = Self.normalized(location.text)
            if address.isEmpty {
                message = "Enter the email address of your reseller account."
                focus = .email
            } else if password.isEmpty {
                message = "Enter your password."
                focus = .password
            } else if replacing?.lowercased() != address.lowercased(),
                      let existing = env.sessions.first(where: { Self.sameDomain(address, $0) && Self.normalized($0.location) == place }) {
                // One session per domain: say which one signing in ends, before it does.
                replacing = address
                message = "You're signed in to \(existing.domainName) as \(existing.user.email); signing in as \(address) "
                    + "ends that session (and other careportal windows using it). Press Enter again to go on, Esc to keep it."
            } else {
                message = nil
                let secret = password.text
                let effect = env.issue { .signIn(request: $0, email: address, password: secret, location: place) }
                submitting = effect.request
                return [effect]
            }
        case .nextField?, .previousField?:
            let all = Field.allCases
            focus = all[(all.firstIndex(of: focus)! + (command == .nextField ? 1 : all.count - 1)) % all.count]
        default:
            _ = focusedField.handle(key, env.keys)
        }
        return []
    }

    /// Whether `address` is of `session`'s reseller domain (its own address, or one at the domain's name).
    static func sameDomain(_ address: String, _ session: SessionInfo) -> Bool {
        let typed = address.lowercased()
        return typed == session.user.email.lowercased() || typed.hasSuffix("@" + session.domainName.lowercased())
    }

    /// A location as typed, without the spaces around it or a server address's trailing slash.
    static func normalized(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.contains("://") && trimmed.hasSuffix("/") ? String(trimmed.dropLast()) : trimmed
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
        // On a short screen the two lines of introduction give way, so the fields and a refusal still fit.
        let wanted = 13 + max(1, refusal?.lines.count ?? 0)
        let intro = wanted <= buffer.bounds.height ? 3 : 0
        let rect = buffer.bounds.centered(width: 64, height: wanted - 3 + intro)
        buffer.drawBox(rect, title: fullScreen ? "careportal · Customer Care Portal" : "Sign in to another domain")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        if intro > 0 {
            buffer.put("Sign in with your reseller account.", x: inner.x, y: inner.y + 1, clip: inner)
            let note = fullScreen ? "One account per reseller domain; add more later with \(context.keys.name(of: .sessions))."
                                  : "Each reseller domain has its own account."
            buffer.putFitted(note, x: inner.x, y: inner.y + 2, style: Theme.dim, clip: inner)
        }

        let labelWidth = 10, top = inner.y + 1 + intro
        let fieldArea = { (y: Int) in Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: 1) }
        for (i, field) in Field.allCases.enumerated() {
            let (label, text) = switch field {
            case .email: ("Email", email)
            case .password: ("Password", password)
            case .location: ("Where", location)
            }
            buffer.put(label, x: inner.x, y: top + i, style: focus == field ? Theme.bold : Theme.label, clip: inner)
            FieldView.render(text, masked: field == .password, focused: focus == field && submitting == nil, into: &buffer, area: fieldArea(top + i))
        }

        let below = top + Field.allCases.count + 1
        if submitting != nil {
            buffer.put("Signing in…", x: inner.x, y: below, style: Theme.dim, clip: inner)
        } else if focus == .location && message == nil {
            buffer.putFitted("A server's address (https://…) or a database file.", x: inner.x, y: below, style: Theme.dim, clip: inner)
        } else if let message {
            for (i, line) in DialogText(message, width: inner.width, glyphs: buffer.glyphs).fitting(inner.maxY - 1 - below, glyphs: buffer.glyphs).enumerated() {
                buffer.put(line, x: inner.x, y: below + i, style: Theme.error, clip: inner)
            }
        }
        var hints = context.keys.signIn.compactMap { b -> (String, String)? in
            guard let hint = b.hint, !(b.command == .cancel && fullScreen) else { return nil }
            return (b.keys[0].name, hint)
        }
        if fullScreen { hints.append((context.keys.name(of: .quit), "quit")) }
        buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
