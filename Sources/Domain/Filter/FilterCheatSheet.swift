/// The filter language in a few lines, as the app's help overlay, `careportal help filter` and `cases --help`
/// show it: each line a term and what it does.
public enum FilterCheatSheet {
    public static let entries: [(term: String, meaning: String)] = [
        ("word  \"a phrase\"  pre*", "keywords in number, title, text, messages, customer"),
        ("4617", "digits also match the start of a case number"),
        ("is:open  is:closed", "open or closed cases (or status:open)"),
        ("is:escalated  is:unread", "escalated cases; changed by others since you opened them"),
        ("waiting:you  waiting:>4h", "whose turn (you, support, nobody), or for how long"),
        ("is:breached", "waiting on support past its response target"),
        ("status:new,action-required", "any of these statuses (see README)"),
        ("sev:p1,p2", "any of these severities"),
        ("customer:acme", "a customer's name or domain (\"Two Words\")"),
        ("domain:NAME", "a reseller domain (All domains)"),
        ("updated:<7d  created:>2026-01-31", "times: min, h, d, w ago, or UTC days"),
        ("-term", "not: -status:closed, -mail"),
    ]

    public static let limits = "At most \(CaseQuery.maxLength.formatted()) characters, \(CaseQuery.maxTerms) terms, "
        + "\(CaseQuery.maxSearchWords) words a phrase, \(CaseQuery.minPrefixLength) characters before *."

    /// The cheat sheet as plain text, one term a line, meanings aligned.
    public static var text: String {
        let width = entries.map(\.term.count).max() ?? 0
        let lines = entries.map { $0.term.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.meaning }
        return (["Terms are ANDed; commas inside a field are ORed; - negates a term."] + lines + [limits]).joined(separator: "\n")
    }

    /// Fields and the line shown while one is typed: by name, with the names that reach it.
    static let fieldHints: [(names: [String], hint: String)] = [
        (["is"], "is:open  is:closed  is:escalated  is:unread  is:breached"),
        (["waiting"], "waiting:you  waiting:support  waiting:>4h  whose turn it is, or for how long (not closed)"),
        (["status"], "status:new,in-progress,action-required,solution-provided,closed  (status:open = is:open)"),
        (["severity", "sev"], "sev:p1,p2  any of these severities, P1 critical … P4 low"),
        (["customer"], "customer:acme  customer:\"Two Words\"  a customer's name or primary domain"),
        (["domain"], "domain:NAME  a signed-in reseller domain (All domains)"),
        (["updated", "created"], "updated:<7d  created:>2026-01-31  ago in min, h, d, w; or a UTC day"),
    ]

    /// The one-line hint for the field being typed at the end of `typed` (the text before the caret): `sev`,
    /// `-status:act`, `customer:`; nil for a keyword or a word too short to tell (one letter).
    public static func hint(typing typed: String) -> String? {
        var word = Substring(typed.split(separator: " ", omittingEmptySubsequences: false).last ?? "")
        if word.hasPrefix("-") { word = word.dropFirst() }
        if let colon = word.firstIndex(of: ":") {
            let name = word[..<colon].lowercased()
            return fieldHints.first { $0.names.contains(name) }?.hint
        }
        let name = word.lowercased()
        guard name.count >= 2 else { return nil }
        return fieldHints.first { $0.names.contains { $0.hasPrefix(name) } }?.hint
    }
}
