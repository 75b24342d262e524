import Foundation
import Testing
@testable import Domain

// MARK: helpers

private func parse(_ text: String) throws(FilterError) -> CaseQuery {
    try CaseQuery(parsing: text)
}

private func terms(_ text: String) throws -> [FilterTerm] {
    try parse(text).terms
}

private func predicate(_ text: String) throws -> FilterPredicate {
    let t = try terms(text)
    #expect(t.count == 1)
    #expect(t.first?.negated == false)
    return try #require(t.first).predicate
}

/// The error `text` gives, or nil when it parses.
private func error(_ text: String) -> FilterError? {
    do throws(FilterError) {
        _ = try parse(text)
        return nil
    } catch {
        return error
    }
}

private func term(_ p: FilterPredicate, negated: Bool = false) -> FilterTerm {
    FilterTerm(negated: negated, predicate: p)
}

/// SplitMix64: small, seeded, the same on every platform.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// MARK: fields and keywords

@Suite("Filter parser: terms")
struct FilterParserTermTests {
    /// The ASCII shortcut of a word's characters agrees with Unicode's properties on every ASCII character.
    @Test func searchWordCharactersOfASCIIAreUnicodesLettersAndDigits() {
        for v in UInt8(0)..<128 {
            let c = Unicode.Scalar(v)
            let unicode = c.properties.isAlphabetic || c.properties.numericType != nil || c.properties.generalCategory == .nonspacingMark
            #expect(FilterParser.isWordScalar(c) == unicode, "\(v)")
        }
        #expect(FilterParser.searchWords("Ça va, naïve café_2 x-ray 4617") == ["Ça", "va", "naïve", "café", "2", "x", "ray", "4617"])
    }

    @Test func emptyInputIsEmptyQuery() throws {
        #expect(try parse("") == .all)
        #expect(try parse("   \t \n ").isEmpty)
        #expect(CaseQuery.all.description == "")
        #expect(CaseQuery().isEmpty)
    }

    @Test func keywords() throws {
        #expect(try terms(#"word "exact phrase" prefix*"#) == [
            term(.keyword(.word("word"))),
            term(.keyword(.phrase("exact phrase"))),
            term(.keyword(.prefix("prefix"))),
        ])
    }

    @Test func keywordsKeepTheirCase() throws {
        #expect(try predicate("Invoice") == .keyword(.word("Invoice")))
        #expect(try predicate(#""Out Of Office""#) == .keyword(.phrase("Out Of Office")))
        #expect(try predicate("Acme*") == .keyword(.prefix("Acme")))
    }

    @Test func keywordsWithPunctuationAndDigits() throws {
        #expect(try predicate("12345") == .keyword(.word("12345")))
        #expect(try predicate("user@example.com") == .keyword(.word("user@example.com")))
        #expect(try predicate("10:30") == .keyword(.word("10:30")), "a colon after digits is part of a word")
        #expect(try predicate("#42") == .keyword(.word("#42")))
        #expect(try predicate("日本語") == .keyword(.word("日本語")))
        #expect(try predicate("café*") == .keyword(.prefix("café")))
    }

    @Test func phraseEscapes() throws {
        #expect(try predicate(#""say \"hi\"""#) == .keyword(.phrase(#"say "hi""#)))
        #expect(try predicate(#""back\\slash""#) == .keyword(.phrase(#"back\slash"#)))
        #expect(try predicate(#""C:\path""#) == .keyword(.phrase(#"C:\path"#)), "other backslashes are literal")
        #expect(try predicate(#""status:closed""#) == .keyword(.phrase("status:closed")), "fields are not parsed inside quotes")
        #expect(try predicate(#""a*b""#) == .keyword(.phrase("a*b")))
    }

    @Test func isValues() throws {
        #expect(try predicate("is:open") == .isOpen)
        #expect(try predicate("is:closed") == .isClosed)
        #expect(try predicate("is:escalated") == .isEscalated)
        #expect(try predicate("is:unread") == .isUnread)
        #expect(try predicate("IS:Unread") == .isUnread)
        #expect(try predicate("IS:Open") == .isOpen)
        #expect(try predicate(#"is:"escalated""#) == .isEscalated)
    }

    @Test func statusValues() throws {
        #expect(try predicate("status:new,in-progress,action-required,solution-provided,closed")
            == .status([.new, .inProgress, .actionRequired, .solutionProvided, .closed]))
        #expect(try predicate("status:closed,new") == .status([.closed, .new]), "order typed")
        #expect(try predicate("status:new,NEW,closed,new") == .status([.new, .closed]), "deduplicated")
        #expect(try predicate("Status:In-Progress") == .status([.inProgress]))
    }

    @Test func severityValues() throws {
        #expect(try predicate("severity:p1,p2") == .severity([.p1, .p2]))
        #expect(try predicate("sev:P3") == .severity([.p3]))
        #expect(try predicate("sev:4,1") == .severity([.p4, .p1]))
        #expect(try predicate("SEV:p2,P2,2") == .severity([.p2]))
        #expect(try predicate("SeVeRiTy:1") == .severity([.p1]))
    }

    @Test func customerAndDomainValues() throws {
        #expect(try predicate("customer:acme") == .customer(["acme"]))
        #expect(try predicate(#"customer:"Acme Corp""#) == .customer(["Acme Corp"]))
        #expect(try predicate(#"customer:"Acme Corp",globex,"Initech, Inc.""#) == .customer(["Acme Corp", "globex", "Initech, Inc."]))
        #expect(try predicate("domain:reseller-one.example") == .domain(["reseller-one.example"]))
        #expect(try predicate("domain:a.example,B.example") == .domain(["a.example", "B.example"]))
        #expect(try predicate("customer:a:b") == .customer(["a:b"]), "colons are fine in a value")
        #expect(try predicate(#"customer:"say \"x\"""#) == .customer([#"say "x""#]))
    }

    @Test func durations() throws {
        #expect(try predicate("updated:<7d") == .updated(.newerThan(seconds: 7 * 86_400)))
        #expect(try predicate("updated:>7d") == .updated(.olderThan(seconds: 7 * 86_400)))
        #expect(try predicate("created:<24h") == .created(.newerThan(seconds: 24 * 3_600)))
        #expect(try predicate("created:>30min") == .created(.olderThan(seconds: 30 * 60)))
        #expect(try predicate("updated:<2w") == .updated(.newerThan(seconds: 2 * 604_800)))
        #expect(try predicate("updated:<0d") == .updated(.newerThan(seconds: 0)))
        #expect(try predicate("UPDATED:<3H") == .updated(.newerThan(seconds: 3 * 3_600)), "units are case-insensitive")
        #expect(try predicate("updated:<36525d") == .updated(.newerThan(seconds: 36_525 * 86_400)))
    }

    @Test func dates() throws {
        #expect(try predicate("updated:<2026-01-31") == .updated(.before(year: 2026, month: 1, day: 31)))
        #expect(try predicate("updated:>2026-01-31") == .updated(.after(year: 2026, month: 1, day: 31)))
        #expect(try predicate("created:2026-01-31") == .created(.on(year: 2026, month: 1, day: 31)))
        #expect(try predicate("created:2024-02-29") == .created(.on(year: 2024, month: 2, day: 29)), "leap day")
        #expect(try predicate("created:2000-02-29") == .created(.on(year: 2000, month: 2, day: 29)))
    }

    @Test func negation() throws {
        #expect(try terms("-word -status:closed -\"a phrase\" -pre* -is:escalated") == [
            term(.keyword(.word("word")), negated: true),
            term(.status([.closed]), negated: true),
            term(.keyword(.phrase("a phrase")), negated: true),
            term(.keyword(.prefix("pre")), negated: true),
            term(.isEscalated, negated: true),
        ])
        #expect(try terms("--x") == [term(.keyword(.word("-x")), negated: true)], "only the first dash negates")
        #expect(try terms("a-b") == [term(.keyword(.word("a-b")))], "a dash inside a word is part of it")
    }

    @Test func termsAreAndedInOrder() throws {
        let q = try parse("  is:open \t severity:p1,p2   customer:\"Acme Corp\"  printer  updated:<7d\n-status:new ")
        #expect(q.terms == [
            term(.isOpen),
            term(.severity([.p1, .p2])),
            term(.customer(["Acme Corp"])),
            term(.keyword(.word("printer"))),
            term(.updated(.newerThan(seconds: 604_800))),
            term(.status([.new]), negated: true),
        ])
        #expect(q.description == #"is:open severity:p1,p2 customer:"Acme Corp" printer updated:<1w -status:new"#)
    }

    @Test func canonicalText() throws {
        let cases: [(String, String)] = [
            ("sev:P1,2", "severity:p1,p2"),
            ("Status:NEW", "status:new"),
            ("IS:OPEN", "is:open"),
            ("updated:<24h", "updated:<1d"),
            ("updated:<7d", "updated:<1w"),
            ("updated:>90min", "updated:>90min"),
            ("updated:<120min", "updated:<2h"),
            ("created:<0h", "created:<0min"),
            ("customer:\"acme\"", "customer:acme"),
            ("customer:\"a,b\"", "customer:\"a,b\""),
            ("\"a \\\"b\\\" c\"", "\"a \\\"b\\\" c\""),
            ("CREATED:2026-01-31", "created:2026-01-31"),
            ("sev:1 SEV:4", "severity:p1 severity:p4"),
        ]
        for (input, canonical) in cases {
            #expect(try parse(input).description == canonical, "\(input)")
        }
    }

    @Test func constructedQueriesPrint() {
        let q = CaseQuery(terms: [
            FilterTerm(negated: true, predicate: .status([.closed])),
            FilterTerm(negated: false, predicate: .severity([.p1])),
            FilterTerm(negated: false, predicate: .created(.before(year: 999, month: 3, day: 4))),
        ])
        #expect(q.description == "-status:closed severity:p1 created:<0999-03-04")
        #expect(!q.isEmpty)
    }
}

// MARK: errors

@Suite("Filter parser: errors")
struct FilterParserErrorTests {
    /// (input, column, a fragment of the message)
    static let cases: [(String, Int, String)] = [
        // unknown field
        ("sevrity:p1", 1, #"unknown field "sevrity"; expected one of is, status, severity, sev, customer, domain, updated, created, waiting"#),
        ("is:open  foo:bar", 10, #"unknown field "foo""#),
        ("-prio:1", 2, #"unknown field "prio""#),
        (":x", 1, "expected a field name"),
        // empty value
        ("status:", 8, "empty value for status:"),
        ("x status: y", 10, "empty value for status:"),
        ("status:new,", 12, "empty value for status:"),
        ("status:new,,closed", 12, "empty value"),
        ("sev:,p1", 5, "empty value for sev:"),
        ("customer:\"\"", 10, "empty value for customer:"),
        ("customer:\"  \"", 10, "empty value for customer:"),
        ("updated:", 9, "empty value for updated:"),
        // unknown values, naming the valid ones
        ("status:bogus", 8, #"unknown status "bogus"; expected one of new, in-progress, action-required, solution-provided, closed"#),
        ("status:new,opened", 12, #"unknown status "opened""#),
        ("status:new,open", 12, "alone, status:open means is:open"),
        ("status:in_progress", 8, "unknown status"),
        ("severity:p5", 10, #"unknown severity "p5"; expected p1, p2, p3 or p4"#),
        ("sev:p1,high", 8, #"unknown severity "high""#),
        ("is:pending", 4, #"unknown value "pending" for is:; expected open, closed, escalated, unread or breached"#),
        ("is:open,closed", 8, "is: takes one value"),
        ("updated:<7d,<2d", 12, "updated: takes one value"),
        // malformed times
        ("updated:<7x", 11, #"unknown time unit "x"; expected min, h, d or w"#),
        ("updated:<7", 11, "missing unit after 7"),
        ("updated:<7m", 11, #"unknown time unit "m""#),
        ("updated:<d", 10, "expected a duration"),
        ("updated:<", 10, "expected a duration such as 7d"),
        ("updated:7d", 9, #"a duration needs "<""#),
        ("updated:>2026-13-40", 15, "month 13 is out of range"),
        ("updated:>2026-02-30", 18, "day 30 is out of range in 2026-02-30; expected 01 to 28"),
        ("created:2026-04-31", 17, "expected 01 to 30"),
        ("created:0000-01-01", 9, "year 0000 is out of range"),
        ("created:<2026-1-31", 10, "expected a date as YYYY-MM-DD"),
        ("created:<26-01-31", 10, "expected a date as YYYY-MM-DD"),
        ("created:<2026-01-3x", 10, "expected a date as YYYY-MM-DD"),
        ("updated:<99999999999999999999999999d", 10, "too long"),
        ("updated:<36526d", 10, "too long"),
        // quotes
        (#""unterminated"#, 1, "unterminated quote"),
        (#"ok "still open"#, 4, "unterminated quote"),
        (#"customer:"Acme"#, 10, "unterminated quote"),
        (#""a\""#, 1, "unterminated quote"),
        (#""abc"def"#, 6, #"found "d" right after the closing quote"#),
        (#"customer:"a"b"#, 13, "right after the closing quote"),
        (#"customer:ab"c""#, 12, "quote the whole value"),
        (#"a"b""#, 2, "unexpected quote inside the word"),
        // lone dash
        ("-", 1, #"a lone "-""#),
        ("a - b", 3, #"a lone "-""#),
        ("a -", 3, #"a lone "-""#),
        ("-\tb", 1, #"a lone "-""#),
        // star not at the end
        ("fo*o", 3, #""*" must end a word"#),
        ("a**", 2, #""*" must end a word"#),
        ("x *a", 3, #""*" must end a word"#),
        // empty keyword
        (#""""#, 1, "empty phrase"),
        (#"a "   ""#, 3, "empty phrase"),
        ("*", 1, "empty keyword"),
        ("-*", 2, "empty keyword"),
        // punctuation-only keyword
        ("!!!", 1, "expected a word"),
        ("ok ...", 4, #"found "..." with no letter or digit; expected a word"#),
        ("--", 2, "expected a word"),
        ("-!*", 2, "expected a word"),
        (#""?!""#, 1, "expected a word"),
        ("😀", 1, "expected a word"),
    ]

    @Test(arguments: cases.indices)
    func errorColumnAndMessage(_ index: Int) throws {
        let (input, column, fragment) = Self.cases[index]
        let e = try #require(error(input), "\(input) should not parse")
        #expect(e.column == column, "\(input): \(e)")
        #expect(e.message.contains(fragment), "\(input): \(e.message)")
        #expect((1...input.count + 1).contains(e.column))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // "é" (2 UTF-8 bytes), a flag (2 scalars) and a family emoji (several scalars) count as one column each.
        let e = try #require(error("é x🇫🇷 a👩‍👩‍👧 sevrity:1"))
        #expect(e.column == 9)
        let emoji = try #require(error("ok 👩‍👩‍👧"))
        #expect(emoji.column == 4)
        let decomposed = try #require(error("e\u{301} status:x"))
        #expect(decomposed.column == 10)
    }

    @Test func descriptionNamesTheColumn() throws {
        let e = try #require(error("status:bogus"))
        #expect(e.description == "column 8: " + e.message)
        #expect(FilterError(column: 5, message: "m").description == "column 5: m")
    }

    @Test func unknownFieldMessageIsExact() throws {
        let e = try #require(error("sevrity:p1"))
        #expect(e.message == #"unknown field "sevrity"; expected one of is, status, severity, sev, customer, domain, updated, created, waiting"#)
    }
}

// MARK: round trip, property and fuzz tests

@Suite("Filter parser: round trip and fuzz")
struct FilterParserPropertyTests {
    static let handWritten = [
        "",
        "printer",
        #"word "exact phrase" prefix*"#,
        "is:open is:closed is:escalated is:unread",
        "status:new,in-progress,action-required,solution-provided,closed",
        "severity:p1,p2 sev:3",
        #"customer:acme customer:"Acme Corp" domain:reseller-one.example"#,
        "updated:<7d updated:>2026-01-31 created:<24h created:2026-01-31 updated:<2026-01-31",
        #"-word -status:closed -"a phrase" -pre*"#,
        #""with \"quotes\" and \\ backslash""#,
        #"customer:"comma, inside","quote \" inside",plain"#,
        "10:30 user@example.com #42 日本語 café*",
        "updated:>45min created:>3w updated:<5h",
        "--negated-dash",
    ]

    @Test(arguments: handWritten)
    func handWrittenRoundTrip(_ text: String) throws {
        let q = try parse(text)
        let again = try parse(q.description)
        #expect(again == q, "\(text) → \(q.description)")
        #expect(again.description == q.description, "canonical text is stable")
    }

    @Test func randomQueriesRoundTrip() throws {
        var rng = SeededRandom(seed: 0x5EED_F117)
        for n in 0..<3_000 {
            let q = Self.randomQuery(&rng)
            let text = q.description
            let parsed: CaseQuery
            do {
                parsed = try parse(text)
            } catch {
                Issue.record("query \(n): \(text.debugDescription) did not parse: \(error)")
                continue
            }
            #expect(parsed == q, "query \(n): \(text.debugDescription)")
        }
    }

    @Test func fuzzNeverCrashesAndPointsInsideTheText() throws {
        var rng = SeededRandom(seed: 20_000)
        var parsedCount = 0, failedCount = 0
        for n in 0..<20_000 {
            let text = Self.randomText(&rng)
            do throws(FilterError) {
                let q = try parse(text)
                parsedCount += 1
                // Whatever parses has a canonical text that parses back to it.
                let again = try parse(q.description)
                #expect(again == q, "fuzz \(n): \(text.debugDescription) → \(q.description.debugDescription)")
            } catch {
                failedCount += 1
                #expect((1...text.count + 1).contains(error.column), "fuzz \(n): \(text.debugDescription): \(error)")
                #expect(!error.message.isEmpty)
            }
        }
        // The generator should exercise both outcomes.
        #expect(parsedCount > 1_000)
        #expect(failedCount > 1_000)
    }

    // MARK: generators

    static func pick<T>(_ items: [T], _ rng: inout SeededRandom) -> T {
        items[Int.random(in: 0..<items.count, using: &rng)]
    }

    static let wordPieces = ["a", "Z", "printer", "Acme", "é", "日本", "42", "0", ".", "@", "-", "'", "#", "\\", ",", "ß", "Ω", "x1", "_", "😀"]
    static let freePieces = wordPieces + [" ", "\"", ":", "*", "\\\"", "\\\\", "\t", "status:", "  "]

    static func randomWord(_ rng: inout SeededRandom) -> String {
        var w = ""
        while true {
            w = ""
            for _ in 0..<Int.random(in: 1...4, using: &rng) { w += pick(wordPieces, &rng) }
            if !w.hasPrefix("-"), CaseQueryTestSupport.hasWordCharacter(w) { return w }
        }
    }

    /// A word whose last search word has the two characters a prefix needs.
    static func randomPrefix(_ rng: inout SeededRandom) -> String {
        while true {
            let w = randomWord(&rng)
            if let last = FilterParser.searchWords(w).last, last.count >= CaseQuery.minPrefixLength { return w }
        }
    }

    static func randomFree(_ rng: inout SeededRandom, letterRequired: Bool) -> String {
        while true {
            var s = ""
            for _ in 0..<Int.random(in: 1...6, using: &rng) { s += pick(freePieces, &rng) }
            if s.unicodeScalars.allSatisfy(\.properties.isWhitespace) { continue }
            if letterRequired && !CaseQueryTestSupport.hasWordCharacter(s) { continue }
            return s
        }
    }

    static func randomDuration(_ rng: inout SeededRandom) -> Int {
        let unit = pick([60, 3_600, 86_400, 604_800], &rng)
        let maxCount = FilterSyntax.maxDurationSeconds / unit
        return Int.random(in: 0...min(maxCount, 500), using: &rng) * unit
    }

    static func randomBound(_ rng: inout SeededRandom) -> TimeBound {
        let y = Int.random(in: 1...9999, using: &rng), m = Int.random(in: 1...12, using: &rng)
        let d = Int.random(in: 1...FilterSyntax.daysIn(month: m, year: y), using: &rng)
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return .newerThan(seconds: randomDuration(&rng))
        case 1: return .olderThan(seconds: randomDuration(&rng))
        case 2: return .before(year: y, month: m, day: d)
        case 3: return .after(year: y, month: m, day: d)
        default: return .on(year: y, month: m, day: d)
        }
    }

    static func randomSubset<T: Equatable>(_ all: [T], _ rng: inout SeededRandom) -> [T] {
        var out: [T] = []
        for _ in 0..<Int.random(in: 1...all.count, using: &rng) {
            let x = pick(all, &rng)
            if !out.contains(x) { out.append(x) }
        }
        return out
    }

    static func randomPredicate(_ rng: inout SeededRandom) -> FilterPredicate {
        switch Int.random(in: 0..<12, using: &rng) {
        case 0: return .keyword(.word(randomWord(&rng)))
        case 1: return .keyword(.prefix(randomPrefix(&rng)))
        case 2: return .keyword(.phrase(randomFree(&rng, letterRequired: true)))
        case 3: return pick([.isOpen, .isClosed, .isEscalated], &rng)
        case 4: return .status(randomSubset(CaseStatus.allCases, &rng))
        case 5: return .severity(randomSubset(Severity.allCases, &rng))
        case 6: return .customer((0..<Int.random(in: 1...3, using: &rng)).map { _ in randomFree(&rng, letterRequired: false) })
        case 7: return .domain((0..<Int.random(in: 1...3, using: &rng)).map { _ in randomFree(&rng, letterRequired: false) })
        case 8, 9: return .updated(randomBound(&rng))
        default: return .created(randomBound(&rng))
        }
    }

    static func randomQuery(_ rng: inout SeededRandom) -> CaseQuery {
        CaseQuery(terms: (0..<Int.random(in: 0...6, using: &rng)).map { _ in
            FilterTerm(negated: Bool.random(using: &rng), predicate: randomPredicate(&rng))
        })
    }

    static let fuzzPieces = [
        "status", "sev", "severity", "is", "customer", "domain", "updated", "created", "Status", "bogus", "open",
        "closed", "escalated", "unread", "new", "in-progress", "p1", "P4", "3", "<", ">", "7d", "24h", "30min", "2w", "7x",
        "2026-01-31", "2026-13-40", "0000-00-00", ":", ":", ",", ",", "\"", "\"", "\\", "-", "-", "*", " ", " ", "  ",
        "\t", "\n", "\r\n", "é", "e\u{301}", "\u{301}", "日本", "😀", "👩‍👩‍👧", "🇫🇷", "\u{200D}", "\u{600}", "ß", "!", ".",
        "acme", "Acme Corp", "x", "9", "99999999999999999999",
    ]

    static func randomText(_ rng: inout SeededRandom) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 0...12, using: &rng) {
            if Int.random(in: 0..<10, using: &rng) == 0 {
                // An arbitrary scalar now and then, including controls and private use.
                let v = UInt32.random(in: 0...0x2FFFF, using: &rng)
                if let u = Unicode.Scalar(v) { s.unicodeScalars.append(u) }
            } else {
                s += pick(fuzzPieces, &rng)
            }
        }
        return s
    }
}

/// The parser's own rule for "has a letter or digit", restated for the generators.
enum CaseQueryTestSupport {
    static func hasWordCharacter(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }
}

// MARK: time bounds

@Suite("TimeBound intervals")
struct TimeBoundTests {
    /// 2026-03-15 12:30:00 UTC
    let now = Date(timeIntervalSince1970: 1_773_577_800)

    func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0) -> Date {
        var c = DateComponents()
        c.year = y; c.month = m; c.day = d; c.hour = h; c.minute = min
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        return cal.date(from: c)!
    }

    @Test func newerAndOlderThan() {
        let newer = TimeBound.newerThan(seconds: 7 * 86_400).interval(now: now)
        #expect(newer.lower == utc(2026, 3, 8, 12, 30))
        #expect(newer.upper == nil)
        let older = TimeBound.olderThan(seconds: 24 * 3_600).interval(now: now)
        #expect(older.lower == nil)
        #expect(older.upper == utc(2026, 3, 14, 12, 30))
    }

    @Test func dayBounds() {
        let before = TimeBound.before(year: 2026, month: 1, day: 31).interval(now: now)
        #expect(before.lower == nil)
        #expect(before.upper == utc(2026, 1, 31))
        let after = TimeBound.after(year: 2026, month: 1, day: 31).interval(now: now)
        #expect(after.lower == utc(2026, 2, 1))
        #expect(after.upper == nil)
        let on = TimeBound.on(year: 2026, month: 1, day: 31).interval(now: now)
        #expect(on.lower == utc(2026, 1, 31))
        #expect(on.upper == utc(2026, 2, 1))
    }

    @Test func dayBoundsDoNotDependOnNow() {
        let bound = TimeBound.on(year: 2024, month: 2, day: 29)
        #expect(bound.interval(now: now).lower! == bound.interval(now: .distantPast).lower!)
        #expect(bound.interval(now: now).upper == utc(2024, 3, 1))
    }

    @Test func endOfYearAndLeapYears() {
        #expect(TimeBound.after(year: 2025, month: 12, day: 31).interval(now: now).lower == utc(2026, 1, 1))
        #expect(TimeBound.on(year: 1970, month: 1, day: 1).interval(now: now).lower == Date(timeIntervalSince1970: 0))
        #expect(TimeBound.on(year: 1900, month: 3, day: 1).interval(now: now).lower == utc(1900, 3, 1))
        #expect(TimeBound.on(year: 2000, month: 3, day: 1).interval(now: now).lower == utc(2000, 3, 1))
        #expect(TimeBound.before(year: 1969, month: 12, day: 31).interval(now: now).upper == Date(timeIntervalSince1970: -86_400))
    }

    @Test func parsedBoundsMatchTheirMeaning() throws {
        // A case updated 3 days ago passes updated:<7d and fails updated:>7d.
        let threeDaysAgo = now.addingTimeInterval(-3 * 86_400)
        func accepts(_ text: String, _ date: Date) throws -> Bool {
            guard case .updated(let bound) = try parse(text).terms[0].predicate else { return false }
            let (lower, upper) = bound.interval(now: now)
            return (lower.map { date >= $0 } ?? true) && (upper.map { date < $0 } ?? true)
        }
        #expect(try accepts("updated:<7d", threeDaysAgo))
        #expect(try !accepts("updated:>7d", threeDaysAgo))
        #expect(try accepts("updated:2026-03-12", threeDaysAgo))
        #expect(try !accepts("updated:2026-03-13", threeDaysAgo))
        #expect(try accepts("updated:>2026-03-11", threeDaysAgo))
        #expect(try !accepts("updated:>2026-03-12", threeDaysAgo))
        #expect(try accepts("updated:<2026-03-13", threeDaysAgo))
        #expect(try !accepts("updated:<2026-03-12", threeDaysAgo))
    }

    @Test func descriptions() {
        #expect(TimeBound.newerThan(seconds: 604_800).description == "<1w")
        #expect(TimeBound.olderThan(seconds: 90 * 60).description == ">90min")
        #expect(TimeBound.before(year: 2026, month: 1, day: 5).description == "<2026-01-05")
        #expect(TimeBound.after(year: 2026, month: 1, day: 5).description == ">2026-01-05")
        #expect(TimeBound.on(year: 2026, month: 12, day: 25).description == "2026-12-25")
    }
}

@Suite struct FilterHintTests {
    @Test func theFieldBeingTypedHasAHintAndAKeywordHasNone() {
        #expect(FilterCheatSheet.hint(typing: "cu")?.hasPrefix("customer:") == true)
        #expect(FilterCheatSheet.hint(typing: "mail -sev")?.hasPrefix("sev:") == true)
        #expect(FilterCheatSheet.hint(typing: "severity:p")?.hasPrefix("sev:") == true)
        #expect(FilterCheatSheet.hint(typing: "up")?.hasPrefix("updated:") == true)
        #expect(FilterCheatSheet.hint(typing: "is:esc")?.hasPrefix("is:open") == true)
        #expect(FilterCheatSheet.hint(typing: "s") == nil, "one letter tells nothing")
        #expect(FilterCheatSheet.hint(typing: "mail ") == nil)
        #expect(FilterCheatSheet.hint(typing: "harbor") == nil)
        #expect(FilterCheatSheet.hint(typing: "title:x") == nil, "not a field")
        #expect(FilterCheatSheet.hint(typing: "") == nil)
    }
}

/// `waiting:` (whose turn, or for how long) and `is:breached`, with their refusals.
@Suite struct WaitingFilterTests {
    func predicate(_ text: String) throws -> FilterPredicate? { try CaseQuery(parsing: text).terms.first?.predicate }

    @Test func sidesAndDurationsParseAndPrintBack() throws {
        #expect(try predicate("waiting:you") == .waiting([.you]))
        #expect(try predicate("waiting:Support,you,support") == .waiting([.support, .you]))
        #expect(try predicate("waiting:>4h") == .waitingFor(.olderThan(seconds: 4 * 3_600)))
        #expect(try predicate("waiting:<2d") == .waitingFor(.newerThan(seconds: 2 * 86_400)))
        #expect(try predicate("is:breached") == .isBreached)
        for text in ["waiting:you", "waiting:support,nobody", "waiting:>4h", "-waiting:<1w", "is:breached severity:p1"] {
            let q = try CaseQuery(parsing: text)
            let again = try CaseQuery(parsing: q.description)
            #expect(q.description == text && again == q)
        }
    }

    @Test func refusalsNameTheValue() {
        #expect(throws: FilterError(column: 9, message: "unknown value \"me\" for waiting:; expected you, support, nobody, or a duration such as >4h")) {
            try CaseQuery(parsing: "waiting:me")
        }
        #expect(throws: FilterError(column: 9, message: "waiting: takes a duration such as >4h or <2d, not a date")) {
            try CaseQuery(parsing: "waiting:>2026-01-01")
        }
        #expect(throws: FilterError.self) { try CaseQuery(parsing: "waiting:4h") }  // no comparator
        #expect(throws: FilterError.self) { try CaseQuery(parsing: "waiting:>4h,you") }
    }

    @Test func theRuleBehindTheColumn() {
        let t = ResponseTargets.defaults
        let since = Date(timeIntervalSince1970: 1_000_000)
        #expect(WaitingOn(.new) == .support && WaitingOn(.actionRequired) == .you && WaitingOn(.closed) == .nobody)
        #expect(t.due(status: .inProgress, severity: .p1, tier: .premium, waitingSince: since) == since.addingTimeInterval(900))
        #expect(t.due(status: .solutionProvided, severity: .p1, tier: .premium, waitingSince: since) == nil, "your turn: nothing due")
        #expect(!t.breached(status: .new, severity: .p1, tier: .premium, waitingSince: since, now: since.addingTimeInterval(900)))
        #expect(t.breached(status: .new, severity: .p1, tier: .premium, waitingSince: since, now: since.addingTimeInterval(901)))
        // A status change within a side keeps the clock; across sides restarts it.
        let c = SupportCase(id: 1, number: 10_000_001, customerID: 1, domainID: 1, creatorID: nil, title: "t", category: "c", description: "d",
                            severity: .p2, status: .new, escalated: false, language: "en", timeZone: "UTC", createdAt: since,
                            updatedAt: since, closedAt: nil)
        let later = since.addingTimeInterval(3_600)
        #expect(c.waitingSince(after: .inProgress, at: later) == since)
        #expect(c.waitingSince(after: .actionRequired, at: later) == later)
        #expect(c.waitingSince(after: .closed, at: later) == later)
    }
}
