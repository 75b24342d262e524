import ScreenKit

/// The session switcher: every signed-in domain, then "sign in to another domain".
enum SessionsView {
    static func render(_ state: AppState, cursor: Int, into buffer: inout ScreenBuffer) {
        let rect = Rect(size: state.size).centered(width: 70, height: state.tabs.count + 6)
        buffer.drawBox(rect, title: "Sessions")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        var items: [StyledLine] = state.tabs.enumerated().map { i, tab in
            let user = tab.session.user
            return [Span(i == state.active ? "* " : "  ", Theme.key), Span(tab.session.domainName, Theme.bold),
                    Span("  \(user.name) <\(user.email)>", Theme.dim)]
        }
        items.append([Span("+ ", Theme.key), Span("Sign in to another domain…")])
        for (i, item) in items.enumerated() {
            let y = inner.y + 1 + i
            buffer.putRow(item, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), selected: i == cursor)
        }
        let hints = Keymap.sessions.compactMap { b in b.hint.map { (b.keys[0].name, $0) } }
        buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
