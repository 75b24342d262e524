import Foundation

/// The symbols the app draws that not every terminal can: box frames, the ellipsis of cut text, the escalated and
/// draft marks. Chosen once from what the terminal can draw (`Terminal` knows; the app state carries it) and applied
/// by `ScreenBuffer.put`, so no view asks which terminal it is on.
public struct Glyphs: Hashable, Sendable {
    /// Whether the terminal draws characters outside ASCII; false: every symbol has an ASCII stand-in.
    public let unicode: Bool
    public let horizontal: String
    public let vertical: String
    public let topLeft: String
    public let topRight: String
    public let bottomLeft: String
    public let bottomRight: String
    /// Ends text cut to fit.
    public let ellipsis: String
    /// A case that is escalated.
    public let escalated: String
    /// A case with a message saved as a draft.
    public let draft: String
    /// A row marked for a change to several cases.
    public var marked: String { unicode ? "▶" : ">" }
    /// An unread case (N for new, as mail readers mark it, where there is no ●).
    public var unread: String { unicode ? "●" : "N" }

    /// Box drawing, `…`, `⚑`, `✎`.
    public static let unicode = Glyphs(unicode: true, horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
                                       bottomRight: "┘", ellipsis: "…", escalated: "⚑", draft: "✎")
    /// `+-|` frames, `...`, `!` and `*`, for terminals that can't draw UTF-8 (`TERM=vt100`).
    public static let ascii = Glyphs(unicode: false, horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
                                     bottomRight: "+", ellipsis: "...", escalated: "!", draft: "*")

    /// `text` as this set draws it: unchanged when the terminal draws Unicode; else every symbol of the app by its ASCII
    /// stand-in, a letter with an accent by the letter, and anything else by `?` per column it takes.
    public func drawable(_ text: String) -> String {
        guard !unicode, !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var out = ""
        for c in text {
            if c.isASCII { out.append(c); continue }
            if let stand = Self.asciiStandIns[c] { out += stand; continue }
            let base = String(c).decomposedStringWithCanonicalMapping.unicodeScalars.first
            if let base, base.isASCII, base.properties.isAlphabetic { out.unicodeScalars.append(base); continue }
            let width = DisplayWidth.of(c)
            out += String(repeating: "?", count: width)
        }
        return out
    }

    /// At most `width` columns of `text` as this set draws it; when cut, exactly `width` columns ending in the ellipsis.
    /// The one way views fit text into the room they have.
    public func fit(_ text: String, toWidth width: Int) -> String {
        drawable(text).truncated(toWidth: width, ellipsis: ellipsis)
    }

    /// Exactly `width` columns: `text` padded with spaces, or cut with the ellipsis when longer.
    public func pad(_ text: String, toWidth width: Int) -> String {
        let fitted = fit(text, toWidth: width)
        return fitted + String(repeating: " ", count: max(0, width - fitted.displayWidth))
    }

    /// The app's symbols and their stand-ins, frames and marks included.
    static let asciiStandIns: [Character: String] = [
        "─": "-", "━": "-", "│": "|", "┃": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+",
        "┼": "+", "…": "...", "⚑": "!", "✎": "*", "●": "*", "•": "*", "✓": "+", "·": "-", "–": "-", "—": "-", "›": ">", "‹": "<",
        "↑": "^", "↓": "v", "←": "<", "→": ">", "×": "x", "“": "\"", "”": "\"", "‘": "'", "’": "'", "≥": ">=", "≤": "<=",
        "\u{00A0}": " ",
    ]
}

extension String {
    /// At most `width` columns, ending in `ellipsis` when cut (then exactly `width` columns, or the ellipsis cut
    /// itself when `width` is narrower than it). A wide character that would straddle the limit becomes a space.
    public func truncated(toWidth width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        let mark = ellipsis.displayWidth
        guard mark < width else { return ellipsis.truncated(toWidth: width, ellipsis: false) }
        return truncated(toWidth: width - mark, ellipsis: false) + ellipsis
    }
}
