import Domain
import ScreenKit

/// The message editor: the text wrapped in a box below the tab bar, the field error, the count and the keys.
enum MessageEditorView {
    static func box(_ size: Size) -> Rect {
        // Below the tab bar and above the status line; as wide as the screen up to 100 columns.
        Rect(size: size).inset(top: 1, bottom: 1).centered(width: min(size.width, 100), height: size.height - 2)
    }

    static func render(_ form: MessageForm, state: AppState, into buffer: inout ScreenBuffer) {
        let rect = box(state.size)
        buffer.drawBox(rect, title: "Message support · case \(form.target.number)")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard inner.height >= 6 else { return }
        buffer.put([Span("Added to the case history and sent to support. ", Theme.dim)],
                   x: inner.x, y: inner.y, clip: inner)

        let area = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 5)
        TextAreaView.render(form.field, in: area, caret: form.sending == nil, into: &buffer)

        let messageRow = Rect(x: inner.x, y: area.maxY, width: inner.width, height: 1)
        if form.sending != nil {
            buffer.put("Sending…", x: messageRow.x, y: messageRow.y, style: Theme.dim, clip: messageRow)
        } else if let error = form.error {
            buffer.put(error.truncated(toWidth: messageRow.width), x: messageRow.x, y: messageRow.y, style: Theme.error, clip: messageRow)
        }

        let count = form.field.characters.count, limit = Limits.messageMaxLength
        let counter = [Span("\(NumberFormat.grouped(count)) / \(NumberFormat.grouped(limit))",
                            count > limit ? Theme.error : Theme.dim)]
        let hints = Keymap.messageEditor.compactMap { b in b.hint.map { (b.keys[0].name, $0) } }
        let bottom = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
        buffer.putSides(left: StatusLineView.join(hints, width: inner.width - counter.displayWidth - 2), right: counter, in: bottom, margin: 0)
    }
}

/// The severity levels with what each means; the case's current level is marked.
enum SeverityChoiceView {
    static func render(_ choice: SeverityChoice, into buffer: inout ScreenBuffer) {
        let levels = Severity.allCases
        let rect = buffer.bounds.centered(width: 76, height: levels.count + 10)
        buffer.drawBox(rect, title: "Change severity · case \(choice.target.number)")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        buffer.put([Span("Now ", Theme.dim), Span(choice.current.label, Theme.severity(choice.current)),
                    Span(". Choose the new severity:", Theme.dim)], x: inner.x, y: inner.y, clip: inner)
        for (i, level) in levels.enumerated() {
            let y = inner.y + 2 + i
            let item: StyledLine = [Span(level == choice.current ? "* " : "  ", Theme.key),
                                    Span(level.label.padded(toWidth: 13), Theme.severity(level)),
                                    Span(level == choice.current ? "(current)" : "", Theme.dim)]
            buffer.putRow(item, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), selected: i == choice.cursor)
        }
        let meaning = levels[min(max(0, choice.cursor), levels.count - 1)].meaning
        for (offset, line) in wrap(meaning, width: inner.width).prefix(2).enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + 3 + levels.count + offset, style: Theme.plain, clip: inner)
        }
        let hints = Keymap.choice.compactMap { b in b.hint.map { (b.keyLabel, $0) } }
        buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}

/// A yes/no question before a case command.
enum ConfirmView {
    static func render(_ confirmation: Confirmation, into buffer: inout ScreenBuffer) {
        let title = switch confirmation.command {
        case .close: "Close case"
        case .reopen: "Reopen case"
        case .followUp: "Case \(confirmation.target.number) can't be reopened"
        }
        let rect = buffer.bounds.centered(width: max(40, confirmation.question.displayWidth + 6), height: 6)
        buffer.drawBox(rect, title: title)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        buffer.put(confirmation.question, x: inner.x, y: inner.y + 1, style: Theme.bold, clip: inner)
        let hints = Keymap.confirm.compactMap { b in b.hint.map { (b.keys[0].name, $0) } }
        buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
