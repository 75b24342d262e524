import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

@Suite struct FilterTests {
    func query(_ text: String) -> CaseQuery { try! CaseQuery(parsing: text) }

    @Test func typingAppliesAfterTheDebounceOnATick() {
        var state = Fixture.myCases()
        #expect(state.press(.char("/")).isEmpty)
        #expect(state.type("is:open").isEmpty)  // typing alone loads nothing
        #expect(state.wakeAt == Fixture.now.addingTimeInterval(0.15))
        #expect(state.send(.tick(Fixture.now.addingTimeInterval(0.1))).isEmpty)  // still typing
        let effects = state.send(.tick(Fixture.now.addingTimeInterval(0.2)))
        #expect(effects == [
            .loadCases(request: effects.request(0), session: 0, scope: .domain(10), query: query("is:open"), sort: .updated, page: .first, limit: 50),
            .countCases(request: state.lastRequest, session: 0, scope: .domain(10), query: query("is:open"), cap: 10_000),
        ])
        #expect(state.list.filter.text == "is:open")
        #expect(state.list.filter.editing != nil)  // the bar stays open while typing
        #expect(state.list.count == nil)  // the old total was for another query
        #expect(state.wakeAt == nil)
        // Another tick without typing does nothing.
        #expect(state.send(.tick(Fixture.now.addingTimeInterval(1))).isEmpty)
    }

    /// The old rows stay on screen until the new query's first page comes, but the screen is not the filter's yet:
    /// what `bench` times a filter keystroke to.
    @Test func aFilteredScreenIsCompleteOnceItsFirstPageIsIn() {
        var state = Fixture.myCases()
        #expect(state.screenComplete)
        state.press(.char("/"))
        state.type("is:open")
        let effects = state.send(.tick(Fixture.now.addingTimeInterval(0.2)))
        #expect(state.list.rows.count == 50)
        #expect(!state.screenComplete, "the rows shown are the unfiltered list's")
        state.answer(effects, .cases(CasePage(rows: Fixture.rows(0..<3), hasMore: false)))
        #expect(state.screenComplete)
    }

    @Test func enterAppliesAtOnceAndClosesTheBar() {
        var state = Fixture.myCases()
        state.press(.char("/"))
        state.type("sev:p1")
        let effects = state.press(.enter)
        #expect(effects.first == .loadCases(request: effects.request(0), session: 0, scope: .domain(10), query: query("severity:p1"),
                                            sort: .updated, page: .first, limit: 50))
        #expect(state.list.filter.editing == nil)
        #expect(state.list.filter.text == "sev:p1")
        // The rows stay until the new page arrives; then they are replaced.
        #expect(state.list.rows.count == 50)
        state.answer(effects, .cases(CasePage(rows: Fixture.rows(0..<1), hasMore: false)))
        #expect(state.list.rows.count == 1)
        // The applied filter is shown in its bar; / opens it with that text.
        #expect(state.screenLines()[22] == " Filter sev:p1                                                           / edit")
        state.press(.char("/"))
        #expect(state.list.filter.editing?.field.text == "sev:p1")
    }

    @Test func escapeRestoresThePreviousFilter() {
        var state = Fixture.myCases()
        state.press(.char("/"))
        state.type("is:open")
        state.press(.enter)
        state.press(.char("/"))
        state.type(" sev:p1")
        state.send(.tick(Fixture.now.addingTimeInterval(1)))  // applied while typing
        #expect(state.list.filter.query == query("is:open sev:p1"))
        let effects = state.press(.escape)
        #expect(state.list.filter.editing == nil)
        #expect(state.list.filter.text == "is:open")
        guard case .loadCases(_, _, _, let restored, _, _, _)? = effects.first else { Issue.record("no reload"); return }
        #expect(restored == query("is:open"))
        // Esc without any change reloads nothing.
        state.press(.char("/"))
        state.type("x")
        #expect(state.press(.escape).isEmpty)
        #expect(state.list.filter.text == "is:open")
    }

    @Test func ctrlUClearsAndCtrlWDeletesAWord() {
        var state = Fixture.myCases()
        state.press(.char("/"))
        state.type("is:open sev:p1")
        state.press(.ctrl("w"))
        #expect(state.list.filter.editing?.field.text == "is:open ")
        state.press(.left, .left, .backspace)
        #expect(state.list.filter.editing?.field.text == "is:opn ")
        state.press(.ctrl("u"))
        #expect(state.list.filter.editing?.field.text == "")
        #expect(state.press(.enter).isEmpty)  // empty filter was already applied
        #expect(state.list.filter.isVisible == false)
    }

    @Test func aMalformedFilterKeepsTheLastGoodRowsAndMarksTheColumn() {
        var state = Fixture.myCases()
        state.press(.char("/"))
        state.type("status:bogus")
        let rowsBefore = state.list.rows
        #expect(state.press(.enter).isEmpty)
        #expect(state.list.rows == rowsBefore)
        #expect(state.list.filter.query == .all)
        #expect(state.list.filter.error?.column == 8)
        #expect(state.list.filter.editing != nil)  // the bar stays open on the error
        let buffer = state.screenBuffer()
        let lines = buffer.lines()
        #expect(lines[22] == " Filter status:bogus")
        #expect(lines[23].hasPrefix(" Filter error at column 8: unknown status \"bogus\""))
        // "Filter " is 7 columns after the 1-column margin: column 8 of the text is x = 8 + 7.
        #expect(buffer[15, 22].grapheme == "b")
        #expect(buffer[15, 22].style.underline)
        #expect(!buffer[14, 22].style.underline)
        // Fixing it clears the error and applies.
        state.press(.ctrl("w"))
        state.type("status:new")
        #expect(state.press(.enter).count == 2)
        #expect(state.list.filter.error == nil)
        #expect(state.list.filter.query == query("status:new"))
    }

    @Test func aDebouncedErrorIsShownWhileTypingContinues() {
        var state = Fixture.myCases()
        state.press(.char("/"))
        state.type("sev:")
        #expect(state.send(.tick(Fixture.now.addingTimeInterval(0.5))).isEmpty)
        #expect(state.list.filter.error != nil)
        state.type("p2")
        #expect(state.send(.tick(Fixture.now.addingTimeInterval(1))).count == 2)
        #expect(state.list.filter.error == nil)
    }
}

/// First-use item 11: `migrat` found nothing while `migration` found 128. The word being typed matches as a prefix
/// until a space follows it.
@Suite struct FilterTypingPrefixTests {
    @Test func theLastWordIsAPrefixUntilASpaceFollowsIt() {
        var state = Fixture.myCases()
        state.press(.char("/"))
        state.type("is:open migrat")
        var effects = state.send(.tick(Fixture.now.addingTimeInterval(1)))
        let prefix = CaseQuery(terms: [FilterTerm(.isOpen), FilterTerm(.keyword(.prefix("migrat")))])
        #expect(effects.first == .loadCases(request: effects.request(0), session: 0, scope: .domain(10), query: prefix, sort: .updated,
                                            page: .first, limit: 50))
        state.type(" ")
        effects = state.send(.tick(Fixture.now.addingTimeInterval(2)))
        let word = CaseQuery(terms: [FilterTerm(.isOpen), FilterTerm(.keyword(.word("migrat")))])
        #expect(effects.first == .loadCases(request: effects.request(0), session: 0, scope: .domain(10), query: word, sort: .updated,
                                            page: .first, limit: 50))
        #expect(state.list.filter.text == "is:open migrat ", "the text stays as typed")
    }

    @Test func wordsTooShortForAPrefixAndFieldsStayAsTyped() throws {
        #expect(try CaseQuery.typed("a").terms == [FilterTerm(.keyword(.word("a")))])
        #expect(try CaseQuery.typed("sev:p1").terms == [FilterTerm(.severity([.p1]))])
        #expect(try CaseQuery.typed("\"mail delivery\"").terms == [FilterTerm(.keyword(.phrase("mail delivery")))])
        #expect(try CaseQuery.typed("-mail").terms == [FilterTerm(negated: true, .keyword(.prefix("mail")))])
    }
}

@Suite struct FilterHelpOverlayTests {
    /// First-use item 11: `?` documented no filter term. The case list's help lists them.
    @Test func theCaseListHelpHasTheFilterTerms() {
        var state = Fixture.myCases(size: Fixture.large)
        state.press(.char("?"))
        var seen = state.screenLines().joined(separator: "\n")
        for _ in 0..<40 {
            state.press(.char("j"))
            seen += state.screenLines().joined(separator: "\n")
        }
        for term in ["Filter terms", "is:open  is:closed", "customer:acme", "updated:<7d", "-term"] {
            #expect(seen.contains(term), "\(term)")
        }
    }
}

/// While a field name is typed in the filter bar, the status line says what the field takes.
@Suite struct FilterFieldHintTests {
    @Test func typingAFieldNameShowsWhatItTakesAndAKeywordShowsTheKeys() {
        var state = Fixture.myCases(size: Fixture.large)
        state.press(.char("/"))
        func statusLine() -> String { state.screenLines().last ?? "" }
        #expect(statusLine().contains("Enter"), "the bar's keys first: \(statusLine())")
        state.type("mail se")
        #expect(statusLine().contains("sev:p1,p2  any of these severities"), "\(statusLine())")
        state.type("v:p1 -stat")
        #expect(statusLine().contains("status:new,in-progress,action-required"), "\(statusLine())")
        state.type("us:new,act")
        #expect(statusLine().contains("status:new,in-progress"), "still in the field: \(statusLine())")
        state.type(" harbor")
        #expect(!statusLine().contains("status:") && statusLine().contains("Enter"), "a keyword: the keys again: \(statusLine())")
    }
}
