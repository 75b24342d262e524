import ScreenKit

/// A one-line text input with a caret between characters, edited by the commands of `Keymap.editing`.
struct TextField: Equatable, Sendable {
    private(set) var characters: [Character]
    /// Index in `characters` the next character is inserted at.
    private(set) var caret: Int

    init(_ text: String = "") {
        characters = Array(text)
        caret = characters.count
    }

    var text: String { String(characters) }
    var isEmpty: Bool { characters.isEmpty }

    enum Outcome: Equatable { case changed, moved, ignored }

    /// Applies an editing key or inserts a typed character.
    mutating func handle(_ key: Key) -> Outcome {
        if let binding = Keymap.binding(for: key, in: Keymap.editing) { return apply(binding.command) }
        switch key {
        case .char(let c) where !c.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }):
            insert([c])
        case .paste(let text):
            insert(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        default:
            return .ignored
        }
        return .changed
    }

    mutating func apply(_ command: EditCommand) -> Outcome {
        let before = self
        switch command {
        case .left: caret = max(0, caret - 1)
        case .right: caret = min(characters.count, caret + 1)
        case .home: caret = 0
        case .end: caret = characters.count
        case .deleteBackward:
            if caret > 0 { characters.remove(at: caret - 1); caret -= 1 }
        case .deleteForward:
            if caret < characters.count { characters.remove(at: caret) }
        case .clear:
            characters = []; caret = 0
        case .deleteWord:
            var start = caret
            while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
            while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<caret)
            caret = start
        }
        if characters != before.characters { return .changed }
        return caret != before.caret ? .moved : .ignored
    }

    private mutating func insert(_ new: [Character]) {
        characters.insert(contentsOf: new, at: caret)
        caret += new.count
    }

    /// The part of the text to draw in `width` columns so the caret stays visible.
    /// `start` is the first character shown; `caretColumn` is where the caret is drawn.
    func window(width: Int, masked: Bool) -> (start: Int, text: String, caretColumn: Int) {
        let shown: [Character] = masked ? Array(repeating: "•", count: characters.count) : characters
        let widths = shown.map { DisplayWidth.of($0) }
        var start = 0
        var caretColumn = widths[..<caret].reduce(0, +)
        while caretColumn > max(0, width - 1) && start < caret {
            caretColumn -= widths[start]
            start += 1
        }
        var text = "", used = 0
        for i in start..<shown.count {
            if used + widths[i] > width { break }
            text.append(shown[i])
            used += widths[i]
        }
        return (start, text, caretColumn)
    }
}

/// Multi-line editing (the message editor): Enter inserts a newline, ↑ ↓ move between lines,
/// Home and End go to the ends of the caret's line, and pasted text keeps its newlines.
extension TextField {
    mutating func handleMultiline(_ key: Key) -> Outcome {
        switch key {
        case .enter:
            insert(["\n"])
            return .changed
        case .up: return moveVertically(by: -1)
        case .down: return moveVertically(by: 1)
        case .home, .ctrl("a"): return moveCaret(to: lineStart(caret))
        case .end, .ctrl("e"): return moveCaret(to: lineEnd(caret))
        case .paste(let text):
            let normal = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            insert(normal.map { $0 == "\t" ? " " : $0 })
            return .changed
        default:
            return handle(key)
        }
    }

    private func lineStart(_ index: Int) -> Int {
        var i = index
        while i > 0 && characters[i - 1] != "\n" { i -= 1 }
        return i
    }

    private func lineEnd(_ index: Int) -> Int {
        var i = index
        while i < characters.count && characters[i] != "\n" { i += 1 }
        return i
    }

    private mutating func moveCaret(to index: Int) -> Outcome {
        guard index != caret else { return .ignored }
        caret = index
        return .moved
    }

    /// To the same column of the previous or next line, or its end when it is shorter.
    private mutating func moveVertically(by delta: Int) -> Outcome {
        let start = lineStart(caret), column = caret - start
        if delta < 0 {
            guard start > 0 else { return moveCaret(to: 0) }
            let previous = lineStart(start - 1)
            return moveCaret(to: min(previous + column, start - 1))
        }
        let end = lineEnd(caret)
        guard end < characters.count else { return moveCaret(to: end) }
        let next = end + 1
        return moveCaret(to: min(next + column, lineEnd(next)))
    }

    /// The text wrapped at `width` columns (at newlines and where a line is full), and the row and column of the caret.
    func rows(width: Int) -> (rows: [String], caretRow: Int, caretColumn: Int) {
        let width = max(1, width)
        var rows: [String] = [], row = "", used = 0
        var caretAt = (row: 0, column: 0)
        for (i, c) in characters.enumerated() {
            if c == "\n" {
                if i == caret { caretAt = (rows.count, used) }
                rows.append(row); row = ""; used = 0
                continue
            }
            let w = DisplayWidth.of(c)
            if used + w > width && used > 0 {
                rows.append(row); row = ""; used = 0
            }
            if i == caret { caretAt = (rows.count, used) }
            row.append(c); used += w
        }
        if caret == characters.count {
            if used >= width {
                rows.append(row); row = ""; used = 0
            }
            caretAt = (rows.count, used)
        }
        rows.append(row)
        return (rows, caretAt.row, caretAt.column)
    }
}
