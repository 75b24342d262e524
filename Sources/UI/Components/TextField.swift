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
    mutating func handle(_ key: Key, _ keys: Keymap) -> Outcome {
        if let binding = Keymap.binding(for: key, in: keys.editing) { return apply(binding.command) }
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
    mutating func handleMultiline(_ key: Key, _ keys: Keymap) -> Outcome {
        switch Keymap.binding(for: key, in: keys.editing)?.command {
        case .home?: return moveCaret(to: lineStart(caret))
        case .end?: return moveCaret(to: lineEnd(caret))
        default: break
        }
        switch key {
        case .enter:
            insert(["\n"])
            return .changed
        case .up: return moveVertically(by: -1)
        case .down: return moveVertically(by: 1)
        case .paste(let text):
            let normal = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            insert(normal.map { $0 == "\t" ? " " : $0 })
            return .changed
        default:
            return handle(key, keys)
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

    /// The text wrapped at `width` columns — at newlines, and where a line is full at the last space, so a word
    /// moves down whole (one longer than the line is broken) — and the row and column of the caret.
    func rows(width: Int) -> (rows: [String], caretRow: Int, caretColumn: Int) {
        let width = max(1, width)
        var ranges: [Range<Int>] = []  // each row's characters, its newline excluded
        var start = 0, used = 0, i = 0
        var lastSpace: Int?
        while i < characters.count {
            let c = characters[i]
            if c == "\n" {
                ranges.append(start..<i)
                start = i + 1; used = 0; lastSpace = nil; i += 1
                continue
            }
            let w = DisplayWidth.of(c)
            if used + w > width && used > 0 {
                if let space = lastSpace, space >= start {
                    ranges.append(start..<(space + 1))
                    start = space + 1
                    used = characters[start..<i].reduce(0) { $0 + DisplayWidth.of($1) }
                } else {
                    ranges.append(start..<i)
                    start = i; used = 0
                }
                lastSpace = nil
                continue  // the same character, on the new row
            }
            if c == " " { lastSpace = i }
            used += w; i += 1
        }
        ranges.append(start..<characters.count)
        var rows = ranges.map { String(characters[$0]) }
        var row = ranges.lastIndex { $0.lowerBound <= caret } ?? 0
        var column = characters[ranges[row].lowerBound..<caret].reduce(0) { $0 + DisplayWidth.of($1) }
        if caret == characters.count && column >= width {  // the caret after a full last row starts the next
            rows.append("")
            row += 1; column = 0
        }
        return (rows, row, column)
    }

    // MARK: Answers of a description template

    /// Where each `Answer:` line's text ends, in order: the places the caret jumps between.
    private var answerEnds: [Int] {
        var ends: [Int] = [], start = 0
        for i in 0...characters.count where i == characters.count || characters[i] == "\n" {
            if characters[start..<i].starts(with: Array(Self.answerLabel)) { ends.append(i) }
            start = i + 1
        }
        return ends
    }

    static let answerLabel = "Answer:"

    /// Puts the caret at the end of the first `Answer:` line with nothing after the label (else leaves it).
    mutating func moveToFirstEmptyAnswer() {
        for end in answerEnds {
            if characters[(lineStart(end) + Self.answerLabel.count)..<end].allSatisfy(\.isWhitespace) {
                caret = end
                return
            }
        }
    }

    /// Moves the caret to the next (or previous) `Answer:` line's end; false when there is none that way.
    mutating func moveToAnswer(forward: Bool) -> Bool {
        let here = lineStart(caret)
        let target = forward ? answerEnds.first { lineStart($0) > here } : answerEnds.last { lineStart($0) < here }
        guard let target else { return false }
        caret = target
        return true
    }
}
