import Domain
import GRDB

/// The words of the keyword index (`search_word`, schema v15), kept so a prefix can be turned into the words it stands for.
///
/// FTS5 answers a prefix without a prefix index of its length (it has one, of 3 characters, since schema v17) by
/// reading and merging, in memory, the whole list of every word that starts with it, before it returns one row:
/// `mail users*` took 34 ms at 100,000 cases, `mail (users OR usersx)` 1 ms. With the words at hand the prefix becomes
/// an OR of them, which FTS5 merges as it reads and stops when the page is full; a 2-character prefix becomes an OR of
/// the 3-character prefixes that follow it (`ma*`: `ma OR mai* OR man* …`, 0.3 ms for a first page at 100,000 cases,
/// where FTS5's own 2-character prefix index took 2 ms and its merge 13). The table is a superset of the index's words
/// (the commands add what they index; nothing removes a word, which then matches no case); words of digits alone (case
/// numbers, most of the vocabulary) are left out, and so are never expanded but by their ten next digits.
enum SearchVocabulary {
    /// A prefix standing for more words than this keeps FTS5's own prefix query.
    static let mostWords = 64

    /// The tokenizer of `case_search` (schema v8), so the words here are the index's, folded the same way.
    static func tokenizer(_ db: Database) throws -> any FTS5Tokenizer {
        try db.makeTokenizer(FTS5TokenizerDescriptor(components: ["unicode61", "remove_diacritics", "2"]))
    }

    /// Adds the words of `texts` (as the index tokenizes them) to the vocabulary.
    static func add(_ db: Database, _ texts: [String]) throws {
        let tokenizer = try tokenizer(db)
        var words = Set<String>()
        for text in texts {
            for (token, _) in try tokenizer.tokenize(document: text) where !isNumber(token) { words.insert(token) }
        }
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO search_word (term) VALUES (?)")
        for word in words { try insert.execute(arguments: [word]) }
    }

    /// Every word of the index into the vocabulary: after a bulk load, and once by the migration that adds it.
    static let fillSQL = """
        CREATE VIRTUAL TABLE temp.case_search_words USING fts5vocab(main, case_search, 'row');
        INSERT OR IGNORE INTO search_word (term)
          SELECT term FROM temp.case_search_words WHERE term GLOB '*[^0-9]*';
        DROP TABLE temp.case_search_words;
        """

    static func fill(_ db: Database) throws { try db.execute(sql: fillSQL) }

    /// The FTS5 expressions of the query's prefixes (and numbers, which match as prefixes), by their text, for
    /// `FTS.expansions`.
    static func expansions(_ db: Database, _ query: CaseQuery) throws -> [String: String] {
        var expansions: [String: String] = [:]
        for term in query.terms {
            guard case .keyword(let keyword) = term.predicate else { continue }
            let p: String
            switch keyword {
            case .prefix(let text): p = text
            case .word(let w) where FTS.isNumberPrefix(w) && w.utf8.count == 2: p = w  // longer: the prefix index or FTS5's own
            default: continue
            }
            if expansions[p] == nil, let expression = try expansion(db, p) { expansions[p] = expression }
        }
        return expansions
    }

    /// `"p"*` as an OR of the words (or phrases, for a prefix of several words) it stands for; for a prefix of two
    /// characters, of the word itself and the 3-character prefixes that follow it. Nil where FTS5's prefix index already
    /// serves it (three characters), for longer numbers, and for more than `mostWords` words.
    static func expansion(_ db: Database, _ prefix: String) throws -> String? {
        let tokens = try tokenizer(db).tokenize(query: prefix).map(\.token)
        guard let last = tokens.last else { return nil }
        let lead = tokens.dropLast().joined(separator: " ")
        func phrase(_ word: String) -> String { FTS.quoted(lead.isEmpty ? word : lead + " " + word) }
        // FTS5 counts a prefix's characters as code points, as SQL's substr does.
        switch last.unicodeScalars.count {
        case 2:
            // No token holds U+10FFFF (unicode61 splits on it), so the range is exactly the words that start with `last`.
            var heads = try String.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT substr(term, 1, 3) FROM search_word WHERE term >= ? AND term < ? || char(1114111) LIMIT \(mostWords + 1)
                """), arguments: [last, last])
            guard heads.count <= mostWords else { return nil }
            if isNumber(last) { heads += (0...9).map { last + String($0) } }  // numbers are not in the vocabulary
            let alternatives = [phrase(last)] + Set(heads).subtracting([last]).sorted().map { phrase($0) + "*" }
            return "(" + alternatives.joined(separator: " OR ") + ")"
        case 4...:
            guard !isNumber(last) else { return nil }
            let words = try String.fetchAll(db.cachedStatement(sql: """
                SELECT term FROM search_word WHERE term >= ? AND term < ? || char(1114111) ORDER BY term LIMIT \(mostWords + 1)
                """), arguments: [last, last])
            guard words.count <= mostWords else { return nil }
            // No word: the exact token, which no case holds (the index has no word the vocabulary lacks).
            return "(" + (words.isEmpty ? [last] : words).map(phrase).joined(separator: " OR ") + ")"
        default:
            return nil
        }
    }

    private static func isNumber(_ token: String) -> Bool { token.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
}
