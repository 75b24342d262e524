import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// `/` in an open case: search its description and history, `n` / `N` between matches, Esc clears.
@Suite struct CaseSearchTests {
    /// An open case at 80×16 whose history is long enough to scroll.
    static func openCase() -> AppState {
        var state = Fixture.myCases(size: Size(width: 80, height: 16))
        var detail = Fixture.detail()
        for i in 0..<12 {
            detail.history.append(HistoryEvent(id: Int64(10 + i), caseID: detail.supportCase.id, at: Fixture.now, author: "Sam Support",
                                               kind: .supportReply, text: i % 4 == 3 ? "Please check the MX records (\(i))." : "Still looking (\(i))."))
        }
        let load = state.press(.enter)
        state.answer(load, .caseDetail(detail))
        return state
    }

    static func scroll(_ state: AppState) -> Int { state.currentCaseScreen?.scroll ?? -1 }

    @Test func slashFindsTheFirstMatchAndNAndShiftNGoBetweenMatchesWrapping() {
        var state = Self.openCase()
        state.press(.char("/"))
        #expect(state.form(CaseSearchForm.self) != nil)
        #expect(state.screenLines().joined().contains("Search this case:"))
        state.type("mx records")
        state.press(.enter)
        #expect(state.overlay == nil)
        #expect(state.currentCaseScreen?.search == "mx records")
        let text = state.caseBodyText(state.currentCaseScreen!)
        let matches = CaseSearch.lines(in: text, matching: "MX RECORDS")
        #expect(matches.count == 3, "\(text)")
        #expect(state.status == .info("Match 1 of 3 for \"mx records\" · n next, N previous, Esc clears"))
        let first = Self.scroll(state)
        #expect(first > 0 && text[first].contains("MX records"), "the first match is at the top of the body")
        state.press(.char("n"))
        #expect(state.status?.text.hasPrefix("Match 2 of 3") == true)
        #expect(Self.scroll(state) > first || text.count - Self.scroll(state) <= 9)
        state.press(.char("N"))
        #expect(Self.scroll(state) == first && state.status?.text.hasPrefix("Match 1 of 3") == true)
        state.press(.char("N"))
        #expect(state.status?.text.hasPrefix("Match 3 of 3") == true, "N wraps to the last")
        // The match is drawn in the match style.
        let buffer = state.screenBuffer()
        let styled = (0..<buffer.size.height).contains { y in (0..<buffer.size.width).contains { x in buffer[x, y].style == Theme.match } }
        #expect(styled)
        // Esc clears the search (n is new case again); a second Esc goes back to the list.
        state.press(.escape)
        #expect(state.currentCaseScreen?.search == nil && state.status == .info("Search cleared."))
        state.press(.escape)
        #expect(state.currentCaseList != nil)
    }

    @Test func noMatchIsSaidAndNWithoutASearchIsANewCase() {
        var state = Self.openCase()
        state.press(.char("/"))
        state.type("zebra")
        state.press(.enter)
        #expect(state.status == .info("No match for \"zebra\" in this case."))
        #expect(Self.scroll(state) == 0)
        state.press(.char("/"))
        #expect(state.form(CaseSearchForm.self)?.field.text == "zebra", "the last search is offered again")
        state.press(.ctrl("u"))
        state.press(.enter)
        #expect(state.currentCaseScreen?.search == nil)
        let effects = state.press(.char("n"))
        #expect(state.overlay != nil, "n opens the new-case wizard: \(effects)")
    }

    @Test func highlightSplitsSpansAroundEachMatchKeepingTheirStyle() {
        let line: StyledLine = [Span("Check mx and MX", Theme.dim), Span(" records", Theme.plain)]
        let out = CaseSearch.highlight(line, "mx")
        #expect(out.map(\.text) == ["Check ", "mx", " and ", "MX", " records"])
        #expect(out.map(\.style) == [Theme.dim, Theme.match, Theme.dim, Theme.match, Theme.plain])
    }

    @Test func slashOnAListStillFilters() {
        var state = Fixture.myCases()
        state.press(.char("/"))
        #expect(state.currentCaseList?.filter.editing != nil && state.overlay == nil)
    }
}
