import Domain
import ScreenKit

/// The bottom row: the last message, else a filter error, else the keys that apply now (from the keymap).
enum StatusLineView {
    static func render(_ state: AppState, screen: Screen, into buffer: inout ScreenBuffer, area: Rect) {
        let inner = area.inset(left: Layout.margin, right: Layout.margin)
        if let lost = state.connectionLost {
            // What is typed stays where it is; the runner retries, less often the longer it fails.
            buffer.putFitted("Reconnecting… \(lost)", x: inner.x, y: inner.y, style: Theme.error, clip: inner)
            return
        }
        if let message = state.status {
            let style = switch message.kind {
            case .info: Theme.info
            case .success: Theme.success
            case .error: Theme.error
            case .arrival: Theme.arrival
            }
            if message.kind == .arrival {
                // The whole row lit, not only the text: an arrival is seen from the corner of the eye.
                buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: Theme.arrival)
            }
            buffer.putFitted(message.text, x: inner.x, y: inner.y, style: style, clip: inner)
            return
        }
        if case .cases(let list) = screen, let error = list.filter.error {
            let text = "Filter error at column \(error.column): \(error.message)"
            buffer.putFitted(text, x: inner.x, y: inner.y, style: Theme.error, clip: inner)
            return
        }
        // An open form or box lists its own keys.
        if state.overlay == nil { buffer.put(hints(state, screen: screen), x: inner.x, y: inner.y, clip: inner) }
    }

    static func hints(_ state: AppState, screen: Screen) -> StyledLine {
        let width = Layout.contentWidth(state.size.width)
        var items: [(keys: String, label: String)]
        if case .cases(let list) = screen, let editing = list.filter.editing {
            items = state.keys.filterBar.compactMap { b in b.hint.map { (b.keyLabel, $0) } }
            // A field name being typed: what it takes first, then the keys that still fit.
            let typed = String(editing.field.characters.prefix(editing.field.caret))
            if let hint = FilterCheatSheet.hint(typing: typed) {
                let shown = hint.truncated(toWidth: width)
                let rest = width - shown.displayWidth - 3
                let keys = rest > 0 ? join(items, width: rest) : []
                return [Span(shown, Theme.info)] + (keys.isEmpty ? [] : [Span("   ")] + keys)
            }
        } else {
            let atTop = state.tabs[state.active].isAtRoot
            items = Keymap.bindings(state.keys.main, in: screen.context).compactMap { b in
                guard let hint = b.hint else { return nil }
                return (b.keys[0].name, b.command == .backOrQuit && atTop ? "quit" : hint)
            }
            // Saved drafts are a sign of unfinished work: counted first, with the key that lists them.
            if let count = state.tabs[state.active].drafts?.count, count > 0 {
                items.insert((state.keys.name(of: .drafts), "\(count) draft\(count == 1 ? "" : "s")"), at: 0)
            }
            // Marked rows, and what acts on them, before everything else.
            if case .cases(let list) = screen, !list.marks.isEmpty {
                let keys = [Command.bulk(.close), .bulk(.severity), .bulk(.share), .toggleRead].map(state.keys.name(of:)).joined(separator: " ")
                items.insert((keys, "act on \(list.marks.count) marked · \(state.keys.name(of: .back)) clears"), at: 0)
            }
        }
        return join(items, width: width)
    }

    /// "key label  key label …", stopping before the first that doesn't fit.
    static func join(_ items: [(keys: String, label: String)], width: Int) -> StyledLine {
        var line: StyledLine = []
        var used = 0
        for item in items {
            let w = (used == 0 ? 0 : 2) + item.keys.displayWidth + 1 + item.label.displayWidth
            if used + w > width { break }
            if used > 0 { line.append(Span("  ")) }
            line += [Span(item.keys, Theme.key), Span(" " + item.label, Theme.hint)]
            used += w
        }
        return line
    }
}
