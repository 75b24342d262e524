import Domain
import ScreenKit

/// The help overlay (`?`): the keys of the screen it was opened on, generated from the keymap.
struct Help: OverlayForm, Equatable {
    var context: KeyContext
    var screenName: String
    /// The first line shown.
    var scroll = 0

    static let keyWidth = 14

    func lines(_ keys: Keymap) -> [StyledLine] {
        func entry(_ keys: String, _ help: String) -> StyledLine { [Span(keys.padded(toWidth: Self.keyWidth), Theme.key), Span(help)] }
        var lines = Keymap.bindings(keys.main, in: context).map { entry($0.keyLabel, $0.help) }
        if context == .caseList {
            lines.append([])
            lines.append([Span("In the filter bar", Theme.heading)])
            lines += keys.filterBar.map { entry($0.keyLabel, $0.help) }
            lines.append([Span("⚑".padded(toWidth: Self.keyWidth), Theme.escalated), Span("in a row: the case is escalated")])
            lines.append([Span("✎".padded(toWidth: Self.keyWidth), Theme.key), Span("in a title: a message to the case is saved as a draft")])
            lines.append([Span("●".padded(toWidth: Self.keyWidth), Theme.unreadMark),
                          Span("left of a bold row: unread, someone else changed it since you opened it")])
            lines.append([])
            lines.append([Span("Filter terms", Theme.heading)])
            let width = FilterCheatSheet.entries.map(\.term.displayWidth).max() ?? 0
            lines += FilterCheatSheet.entries.map { [Span($0.term.padded(toWidth: width + 2), Theme.key), Span($0.meaning)] }
        }
        return lines
    }

    /// Below the tab bar and above the status line, so you still see where you are.
    func box(_ size: Size, lines: Int) -> Rect {
        Rect(size: size).inset(top: 1, bottom: 1).centered(width: 84, height: lines + 4)
    }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        switch Keymap.binding(for: key, in: env.keys.help)?.command {
        case .close?: env.close()
        case .up?: scroll = max(0, scroll - 1)
        case .down?:
            let count = lines(env.keys).count
            scroll = min(max(0, count - (box(env.size, lines: count).height - 4)), scroll + 1)
        case nil: break
        }
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let lines = lines(context.keys)
        let rect = box(context.size, lines: lines.count)
        buffer.drawBox(rect, title: "Keys · \(screenName)")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        for (offset, line) in lines.dropFirst(scroll).prefix(inner.height - 2).enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + offset, clip: inner)
        }
        buffer.put(StatusLineView.join(Keymap.hints(context.keys.help, keyLabels: true), width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
