import ScreenKit

/// A list to choose from that narrows as you type: the typed text and the highlighted row.
struct SearchList: Equatable, Sendable {
    var query = TextField()
    var cursor = 0

    enum Pick<T> { case searching, nothing, chosen(T) }

    /// Enter takes the highlighted choice; other keys search (`search`).
    mutating func pick<T>(_ key: Key, from choices: [T], _ keys: Keymap) -> Pick<T> {
        guard key == .enter else {
            search(key, count: choices.count, keys)
            return .searching
        }
        return choices.indices.contains(cursor) ? .chosen(choices[cursor]) : .nothing
    }

    /// Type-to-search: ↑ ↓ PgUp PgDn move, every other key edits the search text (the highlight goes to the best match).
    mutating func search(_ key: Key, count: Int, _ keys: Keymap) {
        switch key {
        case .up, .ctrl("p"): cursor = max(0, cursor - 1)
        case .down, .ctrl("n"): cursor = min(max(0, count - 1), cursor + 1)
        case .pageUp: cursor = max(0, cursor - 10)
        case .pageDown: cursor = min(max(0, count - 1), cursor + 10)
        default:
            if query.handle(key, keys) == .changed { cursor = 0 }
        }
    }
}

/// A list that narrows as you type: the search field, then the rows around the highlight.
enum ChoiceListView {
    struct Item {
        var line: StyledLine
        /// Why this row can't be chosen; it is shown under the row while the row is highlighted.
        var disabledReason: String?
    }

    /// Where the reason of a highlighted row that can't be chosen starts, under the row.
    static let reasonIndent = 4

    static func render(search: SearchList, items: [Item], empty: String, focused: Bool, in area: Rect, into buffer: inout ScreenBuffer) {
        guard area.height >= 3 else { return }
        buffer.put("Search", x: area.x, y: area.y, style: Theme.dim, clip: area)
        FieldView.render(search.query, masked: false, focused: focused, into: &buffer,
                         area: Rect(x: area.x + 7, y: area.y, width: max(1, area.width - 7), height: 1))
        let list = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        if items.isEmpty {
            buffer.putFitted(empty, x: list.x + 2, y: list.y, style: Theme.dim, clip: list)
            return
        }
        // A highlighted row that can't be chosen says why right under it (up to two lines), before Enter is pressed.
        let highlighted = items.indices.contains(search.cursor) ? items[search.cursor] : nil
        let reasonWidth = max(1, list.width - reasonIndent)
        let reason = highlighted?.disabledReason.map {
            DialogText("Can't be chosen: " + $0, width: reasonWidth, glyphs: buffer.glyphs).fitting(min(2, max(0, list.height - 1)), glyphs: buffer.glyphs)
        } ?? []
        let rows = max(1, list.height - reason.count)
        let first = max(0, min(search.cursor - rows / 2, items.count - rows))
        var y = list.y
        for (index, item) in items.enumerated().dropFirst(first).prefix(rows) {
            let row = Rect(x: list.x, y: y, width: list.width, height: 1)
            buffer.putRow(item.line, in: row, selected: index == search.cursor && focused)
            y += 1
            guard index == search.cursor else { continue }
            for line in reason where y < list.maxY {
                buffer.put(line, x: list.x + reasonIndent, y: y, style: Theme.warning, clip: list)
                y += 1
            }
        }
    }
}
