import Testing
@testable import Domain

/// Finding 2 and 3 of the hardening issue: runaway filters (a 5,000-word phrase took seconds; 987 × `sev:p1` broke
/// SQLite's expression depth) are refused by the parser, at a column, before anything reaches the store.
@Suite("Filter limits")
struct FilterLimitTests {
    private func error(_ text: String) -> FilterError? {
        do throws(FilterError) { _ = try CaseQuery(parsing: text); return nil } catch { return error }
    }

    @Test func aFilterOfTheLongestLengthParses() throws {
        let longest = "\"" + String(repeating: "a", count: CaseQuery.maxLength - 2) + "\""
        #expect(longest.count == CaseQuery.maxLength)
        #expect(try CaseQuery(parsing: longest).terms.count == 1)
    }

    @Test func oneCharacterMoreIsRefusedAtTheColumnPastTheLimit() throws {
        let text = "\"" + String(repeating: "a", count: CaseQuery.maxLength - 1) + "\""
        let e = try #require(error(text))
        #expect(e.column == 1_001)
        #expect(e.description == "column 1001: the filter is longer than 1,000 characters; shorten it (search for a few distinctive words)")
    }

    @Test func lengthCountsCharactersNotBytes() throws {
        // 1,000 accented letters are 2,000 bytes (and "e" + combining acute, 3,000): still 1,000 characters.
        #expect(throws: Never.self) { try CaseQuery(parsing: String(repeating: "é", count: 1_000)) }
        #expect(throws: Never.self) { try CaseQuery(parsing: String(repeating: "e\u{301}", count: 1_000)) }
        #expect(error(String(repeating: "é", count: 1_001))?.column == 1_001)
    }

    @Test func aPastedMegabyteIsRefusedAtOnce() throws {
        let paste = String(repeating: "word ", count: 200_000)
        let clock = ContinuousClock()
        let took = clock.measure { #expect(error(paste)?.column == 1_001) }
        #expect(took < .milliseconds(250), "refusing a 1 MB paste took \(took)")
    }

    @Test func sixtyFourTermsParseAndTheSixtyFifthIsRefusedWhereItStarts() throws {
        let terms = (1...64).map { "w\($0)" }
        #expect(try CaseQuery(parsing: terms.joined(separator: " ")).terms.count == 64)
        let text = (terms + ["w65"]).joined(separator: " ")
        let e = try #require(error(text))
        #expect(e.column == text.count - 2)  // the "w" of w65
        #expect(e.message.hasPrefix("more than 64 terms"))
    }

    @Test(arguments: [
        // The campaign's inputs: each past the limit is refused by the parser, never sent to SQLite.
        String(repeating: "sev:p1 ", count: 987),
        String(repeating: "-a ", count: 1_000),
        String(repeating: "customer:a ", count: 1_000),
        String(repeating: "m* ", count: 986),
    ])
    func theCampaignsFiltersAreRefused(_ text: String) throws {
        let e = try #require(error(text))
        #expect(e.column <= CaseQuery.maxLength + 1)
    }

    @Test func valuesOfAListCountAsTerms() throws {
        let values = (1...64).map { "c\($0)" }
        #expect(try CaseQuery(parsing: "customer:" + values.joined(separator: ",")).terms.count == 1)
        #expect(error("customer:" + (values + ["c65"]).joined(separator: ","))?.message.hasPrefix("more than 64 terms") == true)
        #expect(error("is:open customer:" + values.joined(separator: ","))?.column == 9)
        // Repeated statuses and severities are one value each.
        #expect(throws: Never.self) { try CaseQuery(parsing: "sev:" + Array(repeating: "p1", count: 200).joined(separator: ",")) }
    }
}

/// The two shapes whose cost grows with what was typed rather than what was found: a prefix of one character (the
/// search index keeps prefixes of 2 and 3) and a phrase of many words. Both are refused where they start.
@Suite("Filter limits: search words")
struct FilterSearchWordTests {
    private func error(_ text: String) -> FilterError? {
        do throws(FilterError) { _ = try CaseQuery(parsing: text); return nil } catch { return error }
    }

    @Test func aPrefixNeedsTwoCharactersInItsLastWord() throws {
        #expect(try CaseQuery(parsing: "in*").terms == [FilterTerm(.keyword(.prefix("in")))])
        #expect(try CaseQuery(parsing: "日本*").terms.count == 1)
        let e = try #require(error("is:open m*"))
        #expect(e.column == 9)
        #expect(e.message == #"the prefix "m*" is too short; expected at least 2 letters or digits before "*", e.g. in*"#)
        // The index sees "user-b" as the words "user" and "b": the prefix is "b".
        #expect(error("user-b*")?.column == 1)
        #expect(error("-é*")?.column == 2)
        #expect(throws: Never.self) { try CaseQuery(parsing: "user-bo*") }
    }

    @Test func aPhraseOrKeywordHasAtMostSixteenWords() throws {
        let sixteen = (1...16).map { "w\($0)" }
        #expect(try CaseQuery(parsing: "\"" + sixteen.joined(separator: " ") + "\"").terms.count == 1)
        #expect(try CaseQuery(parsing: sixteen.joined(separator: ".")).terms.count == 1)
        let phrase = try #require(error("is:open \"" + (sixteen + ["w17"]).joined(separator: " ") + "\""))
        #expect(phrase.column == 9)
        #expect(phrase.message.contains("is 17 words to search for; a phrase or keyword has at most 16"))
        // A dotted word is searched as a phrase of its parts.
        #expect(error((sixteen + ["w17"]).joined(separator: "."))?.column == 1)
        #expect(error("-" + (sixteen + ["w17"]).joined(separator: "-") + "*")?.column == 2)
    }

    @Test func repeatedTermsAreSearchedOnce() throws {
        let q = try CaseQuery(parsing: "mail is:open mail -x is:open -x sev:p1")
        #expect(q.withoutRepeatedTerms.description == "mail is:open -x severity:p1")
        #expect(q.description == "mail is:open mail -x is:open -x severity:p1", "the query itself keeps what was typed")
    }
}

@Suite("Filter limits: control characters")
struct FilterControlCharacterTests {
    /// Found by the store's filter fuzz: a NUL inside a keyword ended SQLite's FTS5 query text ("unterminated
    /// string", exit 3). Control characters are refused at their column; whitespace controls still separate terms.
    @Test func controlCharactersAreRefusedAtTheirColumn() throws {
        func error(_ text: String) -> FilterError? {
            do throws(FilterError) { _ = try CaseQuery(parsing: text); return nil } catch { return error }
        }
        #expect(error("in* \u{0}customer:acme") == FilterError(column: 5, message: "a NUL byte (U+0000) can't be searched for; remove it"))
        #expect(error("mail\u{1B}[2J")?.message == "the control character ESC (U+001B) can't be searched for; remove it")
        #expect(error("a\u{7F}b")?.column == 2)
        #expect(error("\"x \u{9B}\"")?.column == 4)
        #expect(try CaseQuery(parsing: "mail\tis:open\nsev:p1\r\n").terms.count == 3)
    }
}

/// First-use item 11: `status:open` was refused; people type it for is:open (and status:escalated for is:escalated).
@Suite struct FilterStatusAliasTests {
    @Test func statusOpenAndEscalatedMeanIsOpenAndIsEscalated() throws {
        #expect(try CaseQuery(parsing: "status:open").terms == [FilterTerm(.isOpen)])
        #expect(try CaseQuery(parsing: "-Status:Escalated").terms == [FilterTerm(negated: true, .isEscalated)])
        #expect(try CaseQuery(parsing: "status:open").description == "is:open")
        #expect(try CaseQuery(parsing: "status:closed").terms == [FilterTerm(.status([.closed]))])
    }
}
