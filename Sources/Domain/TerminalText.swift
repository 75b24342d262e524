/// Text from the database as it may reach a terminal (or a mail reader in one). Stored text is never trusted:
/// every control character — C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F) — is written as `\x` and
/// its code point in two hex digits (ESC is `\x1B`, BEL `\x07`), so a title can't retitle a window, move the
/// cursor or ring the bell. Multi-line text keeps its newlines and tabs; a line (a table cell, a title, a name,
/// a mail header) escapes those too. Every output path of the command line and of email alerts uses this.
public enum TerminalText {
    public enum Breaks: Sendable {
        /// Newline and tab stay as they are: descriptions, messages, history text.
        case kept
        /// Newline and tab are escaped like every other control character: one-line fields.
        case escaped
    }

    public static func escape(_ text: String, breaks: Breaks = .escaped) -> String {
        let keep: (Unicode.Scalar) -> Bool = { breaks == .kept && ($0 == "\n" || $0 == "\t") }
        guard text.unicodeScalars.contains(where: { isControl($0) && !keep($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isControl(s) && !keep(s) { out.append(contentsOf: hex(s).unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }

    /// C0, DEL and C1: the scalars Unicode classes as controls (general category Cc).
    public static func isControl(_ s: Unicode.Scalar) -> Bool { s.properties.generalCategory == .control }

    /// `\x1B`: how `escape` writes a control character.
    static func hex(_ s: Unicode.Scalar) -> String {
        let digits = String(s.value, radix: 16, uppercase: true)
        return "\\x" + (digits.count < 2 ? "0" + digits : digits)
    }
}

extension String {
    /// This text as one line for a terminal: `TerminalText.escape(self)`.
    public var terminalLine: String { TerminalText.escape(self) }
    /// This text for a terminal with its newlines and tabs: `TerminalText.escape(self, breaks: .kept)`.
    public var terminalText: String { TerminalText.escape(self, breaks: .kept) }
}
