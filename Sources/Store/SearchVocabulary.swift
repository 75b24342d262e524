import Domain
import GRDB

/// The words of the keyword index (`search_word`, schema v15), kept so a prefix can be turned into the words it stands for.
///
/// FTS5 answers a prefix longer than its prefix indexes (2 and 3 characters) by reading and merging, in memory, the
/// whole list of every word that starts with it, before it returns one row: `mail users*` took 34 ms at 100,000
/// cases, `mail (users OR usersx)` 1 ms. With the words at hand the prefix becomes an OR of them, which FTS5 merges
/// as it reads and stops when the page is full. The table is a superset of the index's words (the commands add what
/// they index; nothing removes a word, which then matches no case); words of digits alone (case numbers, most of the
/// vocabulary) are left out, and so are never expanded.
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

    /// The FTS5 expressions of the query's long prefixes, by prefix text, for `FTS.expansions`.
    static func expansions(_ db: Database, _ query: CaseQuery) throws -> [String: String] {
        var expansions: [String: String] = [:]
        for term in query.terms {
            guard case .keyword(.prefix(let p)) = term.predicate, expansions[p] == nil else { continue }
            if let expression = try expansion(db, p) { expansions[p] = expression }
        }
        return expansions
    }

    /// `"p"*` as an OR of the words (or phrases, for a prefix of several words) it stands for; nil where FTS5's prefix
    /// indexes already serve it (three characters or fewer), for numbers, and for more than `mostWords` words.
    static func expansion(_ db: Database, _ prefix: String) throws -> String? {
        let tokens = try tokenizer(db).tokenize(query: prefix).map(\.token)
        guard let last = tokens.last, last.count > 3, !isNumber(last) else { return nil }
        // No token holds U+10FFFF (unicode61 splits on it), so the range is exactly the words that start with `last`.
        let words = try String.fetchAll(db.cachedStatement(sql: """
            SELECT term FROM search_word WHERE term >= ? AND term < ? || char(1114111) ORDER BY term LIMIT \(mostWords + 1)
            """), arguments: [last, last])
        guard words.count <= mostWords else { return nil }
        let lead = tokens.dropLast().joined(separator: " ")
        // No word: the exact token, which no case holds (the index has no word the vocabulary lacks).
        let phrases = (words.isEmpty ? [last] : words).map { FTS.quoted(lead.isEmpty ? $0 : lead + " " + $0) }
        return "(" + phrases.joined(separator: " OR ") + ")"
    }

    private static func isNumber(_ token: String) -> Bool { token.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
}
