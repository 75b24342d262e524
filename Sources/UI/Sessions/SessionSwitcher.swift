import ScreenKit

/// The session switcher (`S`): every signed-in domain, then "sign in to another domain".
struct SessionSwitcher: OverlayForm, Equatable {
    /// Over the sessions, then one more row: "sign in to another domain".
    var cursor: Int
    /// `x` was pressed on this session: it is signed out on `y` (a stray key must not sign anyone out).
    var confirmingSignOut: Int?

    init(cursor: Int) { self.cursor = cursor }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        let count = env.sessions.count
        if let index = confirmingSignOut {
            confirmingSignOut = nil
            if Keymap.binding(for: key, in: env.keys.confirm)?.command == .yes, index < count {
                env.then.append(.signOut(session: index))
            } else {
                env.status = .info("Still signed in to \(env.sessions[min(index, count - 1)].domainName).")
            }
            return []
        }
        guard let command = Keymap.binding(for: key, in: env.keys.sessions)?.command else { return [] }
        switch command {
        case .up: cursor = max(0, cursor - 1)
        case .down: cursor = min(count, cursor + 1)
        case .close: env.close()
        case .signIn: env.open(SignInForm(location: env.location))
        case .choose:
            if cursor < count { env.then.append(.switchTo(session: cursor)) } else { env.open(SignInForm(location: env.location)) }
        case .signOut:
            if cursor < count { confirmingSignOut = cursor }
        }
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let mixed = Set(context.sessions.map(\.location)).count > 1
        var items: [StyledLine] = context.sessions.enumerated().map { i, session in
            [Span(i == context.active ? "* " : "  ", Theme.key), Span(session.domainName, Theme.bold),
             Span("  \(session.user.name) <\(session.user.email)>" + (mixed ? "  on \(session.place)" : ""), Theme.dim)]
        }
        items.append([Span("+ ", Theme.key), Span("Sign in to another domain…")])
        // As wide as its longest row (at least 70 columns), up to the screen less a margin: cut only past that.
        let longest = items.map { $0.drawable(buffer.glyphs).displayWidth }.max() ?? 0
        let rect = context.bounds.centered(width: min(max(70, longest + 6), context.size.width - 4), height: context.sessions.count + 6)
        buffer.drawBox(rect, title: "Sessions")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        for (i, item) in items.enumerated() {
            buffer.putRow(item, in: Rect(x: inner.x, y: inner.y + 1 + i, width: inner.width, height: 1), selected: i == cursor)
        }
        let bottom = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
        if let index = confirmingSignOut, context.sessions.indices.contains(index) {
            let question = "Sign out of \(context.sessions[index].domainName)? y/n"
            buffer.putFitted(question, x: bottom.x, y: bottom.y, style: Theme.warning, clip: bottom)
        } else {
            buffer.put(StatusLineView.join(Keymap.hints(context.keys.sessions), width: inner.width), x: bottom.x, y: bottom.y, clip: bottom)
        }
    }
}
