/// The filter language in a few lines, as the app's help overlay, `careportal help filter` and `cases --help`
/// show it: each line a term and what it does.
public enum FilterCheatSheet {
    public static let entries: [(term: String, meaning: String)] = [
        ("word  \"a phrase\"  pre*", "keywords in number, title, text, messages"),
        ("4617", "digits also match the start of a case number"),
        ("is:open  is:closed", "open or closed cases (or status:open)"),
        ("is:escalated", "escalated cases"),
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
}
