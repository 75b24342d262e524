import Foundation

/// A parsed case filter (DESIGN.md §5): a list of terms that must all hold.
///
/// Parse with `CaseQuery(parsing:)`; print with `description`, which is the canonical
/// text of the query. For every query the parser produces, `CaseQuery(parsing: q.description) == q`.
/// (A query built by hand with values the parser would reject, such as an empty word, has no
/// text that parses back to it.)
public struct CaseQuery: Equatable, Sendable, CustomStringConvertible {
    /// ANDed terms, in the order typed.
    public var terms: [FilterTerm]

    public init(terms: [FilterTerm] = []) {
        self.terms = terms
    }

    /// No terms: matches every case.
    public static let all = CaseQuery()

    /// Parses the filter language. Empty or blank text gives an empty query.
    /// Throws `FilterError` (typed) whose `column` points at the offending character.
    /// A filter longer than `maxLength` characters, or with more than `maxTerms` terms, is refused: no real filter
    /// comes near them, and past them a search costs seconds (a pasted page of text) or outgrows SQLite's limits.
    public init(parsing text: String) throws(FilterError) {
        try Self.checkLength(text)
        var parser = FilterParser(text)
        self.terms = try parser.parseTerms()
    }

    /// The longest filter, in characters.
    public static let maxLength = 1_000
    /// The most terms a filter has; each value of a field's list (`sev:p1,p2` has two) counts as one.
    public static let maxTerms = 64
    /// The most words one phrase or keyword makes for the search index (`"a b c"` and `a.b.c` are three).
    public static let maxSearchWords = 16
    /// The fewest letters or digits before a prefix's `*`: the search index has prefixes of 2 and 3 characters.
    public static let minPrefixLength = 2

    /// Refuses text past `maxLength` characters without reading more than that (a paste may be megabytes).
    private static func checkLength(_ text: String) throws(FilterError) {
        guard text.utf8.count > maxLength else { return }  // at most one byte per character
        var characters = 0
        for _ in text {
            characters += 1
            if characters > maxLength {
                throw FilterError(column: maxLength + 1,
                                  message: "the filter is longer than \(maxLength.formatted()) characters; shorten it (search for a few distinctive words)")
            }
        }
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// The query of a filter being typed (`text` as typed): a last word with no space after it matches as a prefix,
    /// so `migrat` finds "migration" before the word is finished. A word too short for a prefix stays a word.
    public static func typed(_ text: String) throws(FilterError) -> CaseQuery {
        var query = try CaseQuery(parsing: text)
        guard let last = text.unicodeScalars.last, !last.properties.isWhitespace, let i = query.terms.indices.last,
              case .keyword(.word(let word)) = query.terms[i].predicate,
              let tail = FilterParser.searchWords(word).last, tail.count >= minPrefixLength else { return query }
        query.terms[i].predicate = .keyword(.prefix(word))
        return query
    }

    /// The same query with each term once: a repeated term changes nothing but the cost of searching.
    public var withoutRepeatedTerms: CaseQuery {
        var kept: [FilterTerm] = []
        for term in terms where !kept.contains(term) { kept.append(term) }
        return CaseQuery(terms: kept)
    }

    /// Canonical text: terms separated by one space, field names lower case (`sev` is written
    /// `severity`), values quoted only when they must be, durations in the largest exact unit.
    public var description: String {
        terms.map(\.description).joined(separator: " ")
    }
}

/// One term of a query; `negated` is a leading `-`.
public struct FilterTerm: Equatable, Sendable, CustomStringConvertible {
    public var negated: Bool
    public var predicate: FilterPredicate

    public init(negated: Bool = false, _ predicate: FilterPredicate) {
        self.negated = negated
        self.predicate = predicate
    }

    public init(negated: Bool = false, predicate: FilterPredicate) {
        self.negated = negated
        self.predicate = predicate
    }

    public var description: String {
        (negated ? "-" : "") + predicate.description
    }
}

/// A free-text search term, kept exactly as typed (the Store decides about case).
public enum Keyword: Equatable, Sendable {
    /// `word`
    case word(String)
    /// `"exact phrase"` (the text between the quotes, unescaped)
    case phrase(String)
    /// `prefix*` (the text before the `*`)
    case prefix(String)
}

public enum FilterPredicate: Equatable, Sendable, CustomStringConvertible {
    case keyword(Keyword)
    case isOpen, isClosed, isEscalated
    /// Someone else added an event since the reader last opened the case (per user: `CaseRow.unread`).
    case isUnread
    /// Waiting on support past its response target (`ResponseTargets`).
    case isBreached
    /// Waiting on any of these sides; deduplicated, in the order typed.
    case waiting([WaitingOn])
    /// Waiting (on either side: not closed) for longer (`>4h`) or shorter (`<1d`) than this.
    case waitingFor(TimeBound)
    /// Any of these statuses; deduplicated, in the order typed.
    case status([CaseStatus])
    /// Any of these severities; deduplicated, in the order typed.
    case severity([Severity])
    /// Any of these customers, as typed.
    case customer([String])
    /// Any of these reseller domains, as typed.
    case domain([String])
    case updated(TimeBound)
    case created(TimeBound)

    /// How many terms this counts as against `CaseQuery.maxTerms`: one, or one per value of a list (duplicate statuses and severities dropped).
    var valueCount: Int {
        switch self {
        case .status(let s): s.count
        case .severity(let s): s.count
        case .customer(let c): c.count
        case .domain(let d): d.count
        case .waiting(let w): w.count
        default: 1
        }
    }

    public var description: String {
        switch self {
        case .keyword(.word(let w)): w
        case .keyword(.prefix(let w)): w + "*"
        case .keyword(.phrase(let p)): FilterSyntax.quoted(p)
        case .isOpen: "is:open"
        case .isClosed: "is:closed"
        case .isEscalated: "is:escalated"
        case .isUnread: "is:unread"
        case .isBreached: "is:breached"
        case .waiting(let sides): "waiting:" + sides.map(\.rawValue).joined(separator: ",")
        case .waitingFor(let t): "waiting:" + t.description
        case .status(let s): "status:" + s.map(\.rawValue).joined(separator: ",")
        case .severity(let s): "severity:" + s.map { $0.rawValue.lowercased() }.joined(separator: ",")
        case .customer(let c): "customer:" + c.map(FilterSyntax.value).joined(separator: ",")
        case .domain(let d): "domain:" + d.map(FilterSyntax.value).joined(separator: ",")
        case .updated(let t): "updated:" + t.description
        case .created(let t): "created:" + t.description
        }
    }
}

/// A time condition on `updated:` or `created:`.
public enum TimeBound: Equatable, Sendable, CustomStringConvertible {
    /// `<7d`: less than that long ago (more recent).
    case newerThan(seconds: Int)
    /// `>7d`: more than that long ago (older).
    case olderThan(seconds: Int)
    /// `<2026-01-31`: before that UTC day began.
    case before(year: Int, month: Int, day: Int)
    /// `>2026-01-31`: after that UTC day ended.
    case after(year: Int, month: Int, day: Int)
    /// `2026-01-31`: during that UTC day.
    case on(year: Int, month: Int, day: Int)

    /// The half-open range [lower, upper) of instants the bound accepts, given now (UTC calendar). nil = unbounded.
    public func interval(now: Date) -> (lower: Date?, upper: Date?) {
        switch self {
        case .newerThan(let s):
            return (now.addingTimeInterval(-TimeInterval(s)), nil)
        case .olderThan(let s):
            return (nil, now.addingTimeInterval(-TimeInterval(s)))
        case .before(let y, let m, let d):
            return (nil, FilterSyntax.startOfDay(year: y, month: m, day: d))
        case .after(let y, let m, let d):
            return (FilterSyntax.startOfDay(year: y, month: m, day: d).addingTimeInterval(.day), nil)
        case .on(let y, let m, let d):
            let start = FilterSyntax.startOfDay(year: y, month: m, day: d)
            return (start, start.addingTimeInterval(.day))
        }
    }

    /// `<1w`, `>3h`, `<2026-01-31`, `>2026-01-31`, `2026-01-31`.
    public var description: String {
        switch self {
        case .newerThan(let s): "<" + FilterSyntax.duration(s)
        case .olderThan(let s): ">" + FilterSyntax.duration(s)
        case .before(let y, let m, let d): "<" + FilterSyntax.date(y, m, d)
        case .after(let y, let m, let d): ">" + FilterSyntax.date(y, m, d)
        case .on(let y, let m, let d): FilterSyntax.date(y, m, d)
        }
    }
}

/// A filter that does not parse.
public struct FilterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based column, counted in characters (grapheme clusters), of the offending text.
    /// It is `text.count + 1` when something is missing at the end.
    public var column: Int
    /// What was found and what was expected.
    public var message: String

    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    /// "column 5: <message>"
    public var description: String { "column \(column): \(message)" }
}

/// Spelling shared by the parser and the canonical printer.
enum FilterSyntax {
    /// Field names in the order error messages list them.
    static let fieldNames = ["is", "status", "severity", "sev", "customer", "domain", "updated", "created", "waiting"]

    static let units: [(name: String, seconds: Int)] = [("w", 604_800), ("d", 86_400), ("h", 3_600), ("min", 60)]

    /// Durations longer than this are refused (100 years of days).
    static let maxDurationSeconds = 36_525 * 86_400

    /// `"…"` with `\` and `"` escaped (scalar by scalar, as the parser reads them).
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            if c == "\"" || c == "\\" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(c)
        }
        out.unicodeScalars.append("\"")
        return out
    }

    /// A field value, quoted only when it would not survive unquoted.
    static func value(_ s: String) -> String {
        if s.isEmpty || s.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0 == "," || $0 == "\"" }) {
            return quoted(s)
        }
        return s
    }

    static func duration(_ seconds: Int) -> String {
        if seconds == 0 { return "0min" }
        for unit in units where seconds % unit.seconds == 0 {
            return "\(seconds / unit.seconds)\(unit.name)"
        }
        // Not a whole number of minutes: cannot come from the parser; print the nearest minutes.
        return "\(seconds / 60)min"
    }

    static func date(_ y: Int, _ m: Int, _ d: Int) -> String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func startOfDay(year: Int, month: Int, day: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(daysSinceEpoch(year: year, month: month, day: day)) * .day)
    }
}
