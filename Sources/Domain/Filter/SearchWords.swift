/// The words a keyword search sees in a text: runs of letters, digits and the marks on them (what SQLite's unicode61
/// tokenizer makes of it). The PostgreSQL store indexes and searches these same words, so a filter finds the same cases
/// on either store.
public enum SearchWords {
    public static func of(_ text: String) -> [String] { FilterParser.searchWords(text) }
}
