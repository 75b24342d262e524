import Domain
import Foundation

/// Keyword search on PostgreSQL with the FTS5 filter's meaning: the same words (`SearchWords`, folded to lower case
/// without diacritics, as unicode61 with remove_diacritics does), written as tsvector and tsquery literals, so neither
/// PostgreSQL's text parser nor its locale decides what a word is. A keyword of several words is a phrase (`<->`), a
/// prefix marks its last word `:*`, and a word of digits alone also matches as a prefix (`4617` finds case 46171234).
enum SearchVector {
    /// PostgreSQL keeps word positions up to this; later words share it.
    static let lastPosition = 16_383
    /// A longer word is not indexed (PostgreSQL refuses lexemes of 2 KB; nobody searches for such a word).
    static let longestWord = 500

    static func words(_ text: String) -> [String] {
        SearchWords.of(text).map(fold).filter { $0.utf8.count <= longestWord }
    }

    static func fold(_ word: String) -> String {
        // Most words are ASCII, where folding is lower case alone; Foundation's folding took a tenth of an import.
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        return word.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    }

    /// A tsvector literal of the fields' words at their positions. A position is left out between two fields, so a
    /// phrase never runs from one into the next (FTS5's columns; `||` on PostgreSQL also shifts a message's words past
    /// the case's).
    static func vector(_ fields: [String]) -> String {
        var parts: [String] = []
        var position = 0
        for field in fields {
            for word in words(field) {
                position += 1
                parts.append("\(quoted(word)):\(min(position, lastPosition))")
            }
            position += 1
        }
        return parts.joined(separator: " ")
    }

    /// The words a new case is found by: its number, title, description and customer.
    static func caseVector(number: Int, title: String, description: String, customerName: String, customerDomain: String) -> String {
        vector([String(number), title, description, customerName + " " + customerDomain])
    }

    /// A tsquery literal for one keyword, or nil when it has no words (it then matches nothing).
    static func query(_ keyword: Keyword) -> String? {
        let (text, prefix): (String, Bool) = switch keyword {
        case .word(let w): (w, w.count >= CaseQuery.minPrefixLength && w.allSatisfy { $0.isASCII && $0.isNumber })
        case .phrase(let p): (p, false)
        case .prefix(let p): (p, true)
        }
        let words = words(text)
        guard !words.isEmpty else { return nil }
        let last = words.count - 1
        return words.enumerated().map { quoted($1) + ($0 == last && prefix ? ":*" : "") }.joined(separator: " <-> ")
    }

    /// A lexeme in quotes, its quotes and backslashes escaped.
    static func quoted(_ word: String) -> String {
        var out = "'"
        out.reserveCapacity(word.utf8.count + 2)
        for ch in word.unicodeScalars {
            if ch == "\\" { out += "\\\\" } else if ch == "'" { out += "''" } else { out.unicodeScalars.append(ch) }
        }
        return out + "'"
    }
}
