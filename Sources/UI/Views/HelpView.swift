import ScreenKit

/// The help overlay: the keys of the current screen, generated from the keymap.
enum HelpView {
    static let keyWidth = 14

    static func lines(_ state: AppState) -> [StyledLine] {
        guard let screen = state.currentScreen else { return [] }
        func entry(_ keys: String, _ help: String) -> StyledLine {
            [Span(keys.padded(toWidth: keyWidth), Theme.key), Span(help)]
        }
        var lines = Keymap.bindings(Keymap.main, in: screen.context).map { entry($0.keyLabel, $0.help) }
        if screen.context == .caseList {
            lines.append([])
            lines.append([Span("In the filter bar", Theme.heading)])
            lines += Keymap.filterBar.map { entry($0.keyLabel, $0.help) }
        }
        return lines
    }

    static func box(_ state: AppState) -> Rect {
        // Below the tab bar and above the status line, so you still see where you are.
        Rect(size: state.size).inset(top: 1, bottom: 1).centered(width: 84, height: lines(state).count + 4)
    }

    static func maxScroll(_ state: AppState) -> Int {
        max(0, lines(state).count - (box(state).height - 4))
    }

    static func render(_ state: AppState, scroll: Int, into buffer: inout ScreenBuffer) {
        let rect = box(state)
        buffer.drawBox(rect, title: "Keys · \(state.currentScreen?.name ?? "")")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        let all = lines(state)
        let rows = inner.height - 2
        for (offset, line) in all.dropFirst(scroll).prefix(rows).enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + offset, clip: inner)
        }
        let hints = Keymap.help.compactMap { b in b.hint.map { (b.keyLabel, $0) } }
        buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
