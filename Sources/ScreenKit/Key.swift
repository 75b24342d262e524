/// A key press as the app sees it, independent of ncurses.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    /// Ctrl plus a lowercase letter: `.ctrl("u")`.
    case ctrl(Character)
    /// F1…F63.
    case function(Int)
    /// The terminal changed size; re-read the size and redraw.
    case resize
    /// Text pasted in one piece (bracketed paste), if the terminal reports it.
    case paste(String)
    /// A click, double-click or wheel turn at a cell.
    case mouse(MouseEvent)
}

/// What the mouse did, and where: the cell's column and row, from 0 at the top left.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, doubleClick, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(_ kind: Kind, x: Int, y: Int) { self.kind = kind; self.x = x; self.y = y }
}

extension Key: CustomStringConvertible {
    /// The name shown in help texts and the status line: "Ctrl-U", "PgDn", "Enter", "?", "F1".
    public var description: String { name }

    public var name: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .ctrl(let c): return "Ctrl-" + c.uppercased()
        case .function(let n): return "F\(n)"
        case .resize: return "Resize"
        case .paste: return "Paste"
        case .mouse: return "Mouse"
        }
    }
}

extension Key {
    /// Parses a key name as written in keymaps or by `name`: "q", "?", "G",
    /// "space", "ctrl-u", "C-u", "^U", "pgdn", "page down", "esc", "enter",
    /// "up", "↑", "shift-tab", "f5". Returns nil for anything else.
    public init?(parsing text: String) {
        if text.count == 1, let c = text.first {
            // A single character is itself, case kept ("G" is not "g"), except the arrow glyphs.
            let arrows: [Character: Key] = ["↑": .up, "↓": .down, "←": .left, "→": .right]
            self = arrows[c] ?? .char(c)
            return
        }
        let lower = String(text.lowercased().filter { $0 != " " }.map { $0 == "_" ? "-" : $0 })
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isLetter, c.isASCII else { return nil }
            self = .ctrl(c)
            return
        }
        if lower.first == "f", let n = Int(lower.dropFirst()), (1...63).contains(n) {
            self = .function(n)
            return
        }
        let named: [String: Key] = [
            "space": .char(" "), "up": .up, "down": .down, "left": .left, "right": .right,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pgdown": .pageDown, "pagedown": .pageDown,
            "home": .home, "end": .end, "enter": .enter, "return": .enter, "ret": .enter,
            "esc": .escape, "escape": .escape, "backspace": .backspace, "bs": .backspace,
            "del": .delete, "delete": .delete, "tab": .tab, "shift-tab": .backTab, "backtab": .backTab,
            "s-tab": .backTab, "resize": .resize,
        ]
        guard let key = named[lower] else { return nil }
        self = key
    }
}
