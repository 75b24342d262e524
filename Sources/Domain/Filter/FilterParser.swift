import Foundation

/// Hand-written scanner for the filter language. It scans Unicode scalars, so a combining mark
/// typed after a quote, colon or comma cannot hide it (and printing a query never changes how it
/// scans), while error columns count what the user sees: characters (grapheme clusters), 1-based.
///
/// Term grammar (terms are separated by whitespace):
///
///     term     = ["-"] (phrase | field | word)
///     phrase   = '"' { char | '\"' | '\\' } '"'
///     field    = name ":" value { "," value }      name is letters only, case-insensitive
///     value    = phrase-like quoted text | run of characters other than whitespace "," '"'
///     word     = run of non-whitespace without '"'; an optional single trailing "*" makes a prefix
///
/// A bare token whose text before its first ":" is letters only is a field; other text with
/// colons (such as `10:30`) is a word. Inside quotes `\"` and `\\` are escapes; any other
/// backslash is kept literally.
struct FilterParser {
    private let chars: [Unicode.Scalar]
    /// For each scalar index (and one past the end), the 1-based column of its character.
    private let columns: [Int]
    private var i = 0

    init(_ text: String) {
        var chars: [Unicode.Scalar] = []
        var columns: [Int] = []
        var column = 1
        for character in text {
            for scalar in character.unicodeScalars {
                chars.append(scalar)
                columns.append(column)
            }
            column += 1
        }
        columns.append(column)
        self.chars = chars
        self.columns = columns
    }

    /// 1-based character column of scalar index `index`.
    private func col(_ index: Int) -> Int { columns[min(index, chars.count)] }

    private func fail(_ index: Int, _ message: String) -> FilterError {
        FilterError(column: col(index), message: message)
    }

    private var atEnd: Bool { i >= chars.count }

    private func isSeparator(_ index: Int) -> Bool {
        index >= chars.count || chars[index].properties.isWhitespace
    }

    mutating func parseTerms() throws(FilterError) -> [FilterTerm] {
        // Control characters other than the whitespace that separates terms are nothing anyone searches for, and a
        // NUL would end the search index's query text early.
        if let bad = chars.firstIndex(where: { TerminalText.isControl($0) && !$0.properties.isWhitespace }) {
            let what = chars[bad] == "\0" ? "a NUL byte (U+0000)" : "the control character \(Validate.name(of: chars[bad]))"
            throw fail(bad, "\(what) can't be searched for; remove it")
        }
        var terms: [FilterTerm] = []
        var counted = 0
        while true {
            while !atEnd && chars[i].properties.isWhitespace { i += 1 }
            if atEnd { break }
            let start = i
            let term = try parseTerm()
            counted += term.predicate.valueCount
            if counted > CaseQuery.maxTerms {
                throw fail(start, "more than \(CaseQuery.maxTerms) terms (each value of a list counts as one); narrow the filter with fewer, more distinctive terms")
            }
            terms.append(term)
        }
        return terms
    }

    private mutating func parseTerm() throws(FilterError) -> FilterTerm {
        var negated = false
        if chars[i] == "-" {
            if isSeparator(i + 1) {
                throw fail(i, "a lone \"-\"; expected a word, phrase or field right after it, e.g. -status:closed")
            }
            negated = true
            i += 1
        }
        if chars[i] == "\"" {
            let start = i
            let text = try readQuoted()
            try expectSeparator(after: "the closing quote")
            return FilterTerm(negated: negated, predicate: .keyword(try phrase(text, at: start)))
        }
        // Bare token: find where it ends and whether it is a field.
        let start = i
        var j = i
        while j < chars.count, !chars[j].properties.isWhitespace, chars[j] != ":", chars[j] != "\"" { j += 1 }
        if j < chars.count, chars[j] == ":" {
            let head = chars[start..<j]
            if head.isEmpty {
                throw fail(j, "expected a field name before \":\"; fields are " + FilterParser.fieldList)
            }
            if head.allSatisfy(\.properties.isAlphabetic) {
                i = j + 1
                let predicate = try parseField(name: FilterParser.string(head), nameAt: start)
                return FilterTerm(negated: negated, predicate: predicate)
            }
        }
        return FilterTerm(negated: negated, predicate: .keyword(try readWord()))
    }

    // MARK: keywords

    private mutating func readWord() throws(FilterError) -> Keyword {
        let start = i
        var end = i
        while !isSeparator(end) { end += 1 }
        let whole = FilterParser.string(chars[start..<end])
        var text = ""
        var starAt: Int?
        while i < end {
            let c = chars[i]
            if c == "\"" {
                throw fail(i, "unexpected quote inside the word \(FilterParser.show(whole)); put a space before a \"phrase\"")
            }
            if let s = starAt {
                throw fail(s, "\"*\" must end a word, found one inside \(FilterParser.show(whole)); expected a space after it")
            }
            if c == "*" { starAt = i } else { text.unicodeScalars.append(c) }
            i += 1
        }
        if text.isEmpty {
            throw fail(start, "empty keyword before \"*\"; expected a word such as invoice*")
        }
        guard FilterParser.hasWordCharacter(text) else {
            throw fail(start, "found \(FilterParser.show(whole)) with no letter or digit; expected a word")
        }
        try checkSearchWords(text, at: start)
        if starAt != nil, let last = FilterParser.searchWords(text).last, last.count < CaseQuery.minPrefixLength {
            // The search index keeps prefixes of 2 and 3 characters; one character would merge half the index's words.
            throw fail(start, "the prefix \(FilterParser.show(whole)) is too short; expected at least \(CaseQuery.minPrefixLength) letters or digits before \"*\", e.g. in*")
        }
        return starAt == nil ? .word(text) : .prefix(text)
    }

    /// A letter, a digit or a combining mark. ASCII is answered without Unicode's property tables, which took a tenth
    /// of an import's time.
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return c.properties.isAlphabetic || c.properties.numericType != nil || c.properties.generalCategory == .nonspacingMark
    }

    /// The words the search index makes of `text`: runs of letters, digits and the marks on them.
    static func searchWords(_ text: String) -> [String] {
        var words: [String] = [], word = ""
        for c in text.unicodeScalars {
            if isWordScalar(c) {
                word.unicodeScalars.append(c)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// A keyword is searched as a phrase of its words; past `maxSearchWords` (a pasted paragraph, or `a.b.c.…`)
    /// the search costs seconds and finds nothing a few distinctive words would not.
    private func checkSearchWords(_ text: String, at start: Int) throws(FilterError) {
        let count = FilterParser.searchWords(text).count
        if count > CaseQuery.maxSearchWords {
            throw fail(start, "\(FilterParser.show(text)) is \(count) words to search for; a phrase or keyword has at most \(CaseQuery.maxSearchWords) (pick a few distinctive ones)")
        }
    }

    private func phrase(_ text: String, at start: Int) throws(FilterError) -> Keyword {
        if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            throw fail(start, "empty phrase; expected words between the quotes")
        }
        guard FilterParser.hasWordCharacter(text) else {
            throw fail(start, "phrase \(FilterParser.show(text)) has no letter or digit; expected a word")
        }
        try checkSearchWords(text, at: start)
        return .phrase(text)
    }

    static func hasWordCharacter(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// Reads `"…"` starting at the opening quote; leaves `i` after the closing quote.
    private mutating func readQuoted() throws(FilterError) -> String {
        let open = i
        i += 1
        var text = ""
        while i < chars.count {
            let c = chars[i]
            if c == "\"" {
                i += 1
                return text
            }
            if c == "\\", i + 1 < chars.count, chars[i + 1] == "\"" || chars[i + 1] == "\\" {
                text.unicodeScalars.append(chars[i + 1])
                i += 2
                continue
            }
            text.unicodeScalars.append(c)
            i += 1
        }
        throw fail(open, "unterminated quote; expected a closing \" before the end")
    }

    private func expectSeparator(after what: String) throws(FilterError) {
        if !isSeparator(i) {
            throw fail(i, "found \(FilterParser.show(String(chars[i]))) right after \(what); expected a space")
        }
    }

    // MARK: fields

    static let fieldList = FilterSyntax.fieldNames.joined(separator: ", ")

    private struct Item {
        var text: String
        /// Index of the first character of the value's content (after an opening quote).
        var contentAt: Int
        /// Index where the item starts (its opening quote if quoted).
        var at: Int
    }

    private mutating func parseField(name: String, nameAt: Int) throws(FilterError) -> FilterPredicate {
        let field = name.lowercased()
        guard FilterSyntax.fieldNames.contains(field) else {
            throw fail(nameAt, "unknown field \(FilterParser.show(name)); expected one of \(FilterParser.fieldList)")
        }
        let items = try readValues(field: field)
        switch field {
        case "is":
            let item = try single(items, field: field)
            switch item.text.lowercased() {
            case "open": return .isOpen
            case "closed": return .isClosed
            case "escalated": return .isEscalated
            case "unread": return .isUnread
            case "breached": return .isBreached
            default:
                throw fail(item.at, "unknown value \(FilterParser.show(item.text)) for is:; expected open, closed, escalated, unread or breached")
            }
        case "status":
            // `status:open` and `status:escalated` are what people type for is:open and is:escalated.
            if items.count == 1, let alias = ["open": FilterPredicate.isOpen, "escalated": .isEscalated][items[0].text.lowercased()] {
                return alias
            }
            var out: [CaseStatus] = []
            for item in items {
                guard let s = CaseStatus(rawValue: item.text.lowercased()) else {
                    let valid = CaseStatus.allCases.map(\.rawValue).joined(separator: ", ")
                    let hint = ["open", "escalated"].contains(item.text.lowercased()) ? " (alone, status:\(item.text.lowercased()) means is:\(item.text.lowercased()))" : ""
                    throw fail(item.at, "unknown status \(FilterParser.show(item.text)); expected one of \(valid)\(hint)")
                }
                if !out.contains(s) { out.append(s) }
            }
            return .status(out)
        case "severity", "sev":
            var out: [Severity] = []
            for item in items {
                guard let s = Severity(token: item.text) else {
                    throw fail(item.at, "unknown severity \(FilterParser.show(item.text)); expected p1, p2, p3 or p4 (P1 or 1 also work)")
                }
                if !out.contains(s) { out.append(s) }
            }
            return .severity(out)
        case "customer":
            return .customer(items.map(\.text))
        case "domain":
            return .domain(items.map(\.text))
        case "updated":
            return .updated(try timeBound(single(items, field: field), field: field))
        case "created":
            return .created(try timeBound(single(items, field: field), field: field))
        case "waiting":
            // `waiting:>4h`: how long; `waiting:you,support`: on whom.
            if let first = items.first?.text.unicodeScalars.first, first == "<" || first == ">" {
                let item = try single(items, field: field)
                let bound = try timeBound(item, field: field)
                switch bound {
                case .newerThan, .olderThan: return .waitingFor(bound)
                default: throw fail(item.contentAt, "waiting: takes a duration such as >4h or <2d, not a date")
                }
            }
            var sides: [WaitingOn] = []
            for item in items {
                guard let side = WaitingOn(rawValue: item.text.lowercased()) else {
                    throw fail(item.at, "unknown value \(FilterParser.show(item.text)) for waiting:; expected you, support, nobody, or a duration such as >4h")
                }
                if !sides.contains(side) { sides.append(side) }
            }
            return .waiting(sides)
        default:
            throw fail(nameAt, "unknown field \(FilterParser.show(name)); expected one of \(FilterParser.fieldList)")
        }
    }

    /// Reads `value{,value}` after the colon; leaves `i` at the separator after the last value.
    private mutating func readValues(field: String) throws(FilterError) -> [Item] {
        var items: [Item] = []
        while true {
            if isSeparator(i) || chars[i] == "," {
                throw fail(i, "empty value for \(field):; expected " + FilterParser.expectation(field))
            }
            let at = i
            let text: String
            let contentAt: Int
            if chars[i] == "\"" {
                contentAt = i + 1
                text = try readQuoted()
                if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                    throw fail(at, "empty value for \(field):; expected " + FilterParser.expectation(field))
                }
                if !isSeparator(i) && chars[i] != "," {
                    throw fail(i, "found \(FilterParser.show(String(chars[i]))) right after the closing quote; expected \",\" or a space")
                }
            } else {
                contentAt = i
                var s = ""
                while !isSeparator(i), chars[i] != ",", chars[i] != "\"" {
                    s.unicodeScalars.append(chars[i])
                    i += 1
                }
                if !isSeparator(i), chars[i] == "\"" {
                    throw fail(i, "unexpected quote inside a value; quote the whole value, e.g. customer:\"Acme Corp\"")
                }
                text = s
            }
            items.append(Item(text: text, contentAt: contentAt, at: at))
            if !isSeparator(i), chars[i] == "," {
                i += 1
                continue
            }
            return items
        }
    }

    private func single(_ items: [Item], field: String) throws(FilterError) -> Item {
        if items.count > 1 {
            // Point at the comma before the second value.
            let comma = items[1].at - 1
            throw fail(comma, "\(field): takes one value, found \(items.count); use separate \(field): terms instead")
        }
        return items[0]
    }

    static func expectation(_ field: String) -> String {
        switch field {
        case "is": "open, closed, escalated, unread or breached"
        case "waiting": "you, support or nobody, or a duration such as >4h"
        case "status": "one or more of " + CaseStatus.allCases.map(\.rawValue).joined(separator: ",")
        case "severity", "sev": "one or more of p1,p2,p3,p4"
        case "customer": "a customer name or domain, e.g. customer:acme or customer:\"Acme Corp\""
        case "domain": "a reseller domain, e.g. domain:reseller-one.example"
        default: "a time such as <7d, >24h, <2026-01-31 or 2026-01-31"
        }
    }

    // MARK: times

    private func timeBound(_ item: Item, field: String) throws(FilterError) -> TimeBound {
        let v = Array(item.text.unicodeScalars)
        let base = item.contentAt
        var k = 0
        var comparator: Unicode.Scalar?
        if v[0] == "<" || v[0] == ">" {
            comparator = v[0]
            k = 1
        }
        if k >= v.count {
            throw fail(base + k, "expected a duration such as 7d or a date such as 2026-01-31 after \"\(comparator!)\"")
        }
        let rest = v[k...]
        if rest.contains("-") {
            let (y, m, d) = try date(rest, at: base + k)
            switch comparator {
            case "<": return .before(year: y, month: m, day: d)
            case ">": return .after(year: y, month: m, day: d)
            default: return .on(year: y, month: m, day: d)
            }
        }
        let seconds = try duration(rest, at: base + k)
        switch comparator {
        case "<": return .newerThan(seconds: seconds)
        case ">": return .olderThan(seconds: seconds)
        default:
            throw fail(item.contentAt, "a duration needs \"<\" (more recent than) or \">\" (older than), e.g. \(field):<\(FilterParser.string(rest))")
        }
    }

    private static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(c)
    }

    static func string<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var s = ""
        s.unicodeScalars.append(contentsOf: scalars)
        return s
    }

    /// `rest` is the text after the comparator; `at` the index of its first character.
    private func duration(_ rest: ArraySlice<Unicode.Scalar>, at: Int) throws(FilterError) -> Int {
        let chars = Array(rest)
        var n = 0
        while n < chars.count, FilterParser.isASCIIDigit(chars[n]) { n += 1 }
        if n == 0 {
            throw fail(at, "found \(FilterParser.show(FilterParser.string(chars))); expected a duration such as 7d, 24h, 30min or 2w, or a date such as 2026-01-31")
        }
        let digits = FilterParser.string(chars[..<n])
        let unitText = FilterParser.string(chars[n...])
        if unitText.isEmpty {
            throw fail(at + n, "missing unit after \(digits); expected min, h, d or w")
        }
        guard let unit = FilterSyntax.units.first(where: { $0.name == unitText.lowercased() }) else {
            throw fail(at + n, "unknown time unit \(FilterParser.show(unitText)); expected min, h, d or w")
        }
        guard let count = Int(digits) else {
            throw fail(at, "duration \(digits)\(unitText) is too long; the longest is 36525d")
        }
        let (seconds, overflow) = count.multipliedReportingOverflow(by: unit.seconds)
        if overflow || seconds > FilterSyntax.maxDurationSeconds {
            throw fail(at, "duration \(digits)\(unitText) is too long; the longest is 36525d")
        }
        return seconds
    }

    private func date(_ rest: ArraySlice<Unicode.Scalar>, at: Int) throws(FilterError) -> (Int, Int, Int) {
        let chars = Array(rest)
        let text = FilterParser.string(chars)
        let parts = chars.split(separator: "-", omittingEmptySubsequences: false)
        let expected = "expected a date as YYYY-MM-DD, e.g. 2026-01-31"
        guard parts.count == 3,
              parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(FilterParser.isASCIIDigit) })
        else {
            throw fail(at, "found \(FilterParser.show(text)); \(expected)")
        }
        let y = Int(FilterParser.string(parts[0]))!, m = Int(FilterParser.string(parts[1]))!, d = Int(FilterParser.string(parts[2]))!
        if y < 1 {
            throw fail(at, "year \(FilterParser.string(parts[0])) is out of range; expected 0001 to 9999")
        }
        if !(1...12).contains(m) {
            throw fail(at + 5, "month \(FilterParser.string(parts[1])) is out of range in \(text); expected 01 to 12")
        }
        let last = FilterSyntax.daysIn(month: m, year: y)
        if !(1...last).contains(d) {
            throw fail(at + 8, "day \(FilterParser.string(parts[2])) is out of range in \(text); expected 01 to \(last)")
        }
        return (y, m, d)
    }

    // MARK: messages

    /// Quotes found text for a message, shortened if long.
    static func show(_ s: String) -> String {
        let limit = 40
        let t = s.count > limit ? String(s.prefix(limit)) + "…" : s
        return "\"" + t + "\""
    }
}
