import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// `:` (go to a case by number, in any signed-in domain) and `y` / `Y` (copy to the terminal's clipboard).
@Suite struct JumpCopyTests {
    /// Ben's tab is the second; Ana's the active one.
    static func twoTabs() -> AppState { Fixture.myCases(sessions: [Fixture.ana, Fixture.ben]) }

    static func bensDetail() -> CaseDetail {
        var detail = Fixture.detail()
        detail.supportCase.number = 20_202_020
        detail.supportCase.domainID = 20
        detail.domainName = "partner-two.example"
        return detail
    }

    @Test func aNumberNotVisibleToTheActiveDomainIsAskedOfTheNextAndOpensInItsTab() {
        var state = Self.twoTabs()
        state.press(.char(":"))
        #expect(state.form(JumpForm.self) != nil)
        state.type("20202020")
        let first = state.press(.enter)
        guard case .findCase(_, 0, 20_202_020)? = first.at(0) else { Issue.record("asks the active session first: \(first)"); return }
        #expect(state.screenLines().joined(separator: "\n").contains("Looking for case 20202020"))
        let second = state.answer(first.at(0), .failed("Case 20202020 was not found."))
        guard case .findCase(_, 1, 20_202_020)? = second.at(0) else { Issue.record("then Ben's: \(second)"); return }
        let opened = state.answer(second.at(0), .caseDetail(Self.bensDetail()))
        #expect(!opened.contains { if case .loadCase = $0 { true } else if case .findCase = $0 { true } else { false } },
                "the detail in hand isn't loaded again: \(opened)")
        #expect(state.overlay == nil)
        #expect(state.active == 1)
        guard case .detail(let view)? = state.currentScreen else { Issue.record("no case open"); return }
        #expect(view.number == 20_202_020 && view.phase == .ready && view.ref.domainID == 20)
        // Back goes to Ben's list, where the case was opened.
        state.press(.escape)
        #expect(state.currentCaseList != nil && state.active == 1)
    }

    @Test func whenNoDomainMaySeeItTheActiveDomainsReasonIsShownAndTheTextKept() {
        var state = Self.twoTabs()
        state.press(.char(":"))
        state.type("#30303030")
        let first = state.press(.enter)
        let second = state.answer(first.at(0), .failed("Case 30303030 was not found."))
        let none = state.answer(second.at(0), .failed("Ben's sentence"))
        #expect(none.isEmpty)
        let form = state.form(JumpForm.self)
        #expect(form?.error == "Case 30303030 was not found.")
        #expect(form?.field.text == "#30303030")
        #expect(state.active == 0)
        #expect(state.screenLines().joined(separator: "\n").contains("Case 30303030 was not found."))
    }

    @Test func colonWorksFromMyCustomersToo() {
        var state = Self.twoTabs()
        state.press(.char("2"))
        state.press(.char(":"))
        #expect(state.form(JumpForm.self) != nil)
    }

    @Test func notACaseNumberIsRefusedWithoutAsking() {
        var state = Self.twoTabs()
        state.press(.char(":"))
        state.type("1234")
        let effects = state.press(.enter)
        #expect(effects.isEmpty)
        #expect(state.form(JumpForm.self)?.error?.contains("not a case number (8 digits") == true)
        // Esc closes it; nothing was asked.
        state.press(.escape)
        #expect(state.overlay == nil)
    }

    @Test func escWhileLookingDropsTheAnswer() {
        var state = Self.twoTabs()
        state.press(.char(":"))
        state.type("20202020")
        let first = state.press(.enter)
        state.press(.escape)
        let late = state.answer(first.at(0), .caseDetail(Self.bensDetail()))
        #expect(late.isEmpty && state.overlay == nil && state.active == 0)
        #expect(state.currentCaseList != nil)
    }

    @Test func yCopiesTheCursorRowsNumberAndYItsSummary() {
        var state = Self.twoTabs()
        state.press(.char("j"))
        let row = Fixture.row(1)
        #expect(state.press(.char("y")) == [.copyToClipboard(String(row.number))])
        #expect(state.status == .success("Copied to the clipboard: \(row.number)"))
        let summary = "Case \(row.number) · \(row.severity.rawValue) · \(row.customerName) · \(row.title)"
        #expect(state.press(.char("Y")) == [.copyToClipboard(summary)])
        #expect(state.screenLines().last?.contains("Copied to the clipboard: Case \(row.number)") == true)
    }

    @Test func yOnAnOpenCaseCopiesItsNumber() {
        var state = Self.twoTabs()
        let load = state.press(.enter)
        state.answer(load, .caseDetail(Fixture.detail()))
        #expect(state.press(.char("y")) == [.copyToClipboard("10007919")])
        #expect(state.press(.char("Y")) == [.copyToClipboard("Case 10007919 · P2 · Acme Corp · Mail delivery delayed for some users")])
    }

    @Test func anEmptyListHasNothingToCopy() {
        var state = Fixture.myCases(count: 0, hasMore: false, total: 0)
        #expect(state.press(.char("y")).isEmpty)
        #expect(state.status == .info("There is no case to copy."))
    }
}

@Suite struct PagerKeyTests {
    @Test func barShowsTheOpenCaseAsTextAndAMissingPagerIsSaid() {
        var state = Fixture.myCases()
        let load = state.press(.enter)
        state.answer(load, .caseDetail(Fixture.detail()))
        let effects = state.press(.char("|"))
        guard case .showInPager(let request, let text)? = effects.at(0) else { Issue.record("no pager: \(effects)"); return }
        #expect(text.hasPrefix("Case 10007919 · Mail delivery delayed for some users\n"))
        #expect(text.contains("messages from outside the organisation") && text.contains("two hours for about thirty users"))
        #expect(text.contains("Could you send the full headers"))
        #expect(!text.contains(" \n"), "no trailing spaces")
        state.send(.reply(request: request, .failed("less -R isn't installed; set $PAGER to the pager you use")))
        #expect(state.status == .error("Couldn't show the case in the pager: less -R isn't installed; set $PAGER to the pager you use"))
    }

    @Test func barOnAListSaysItIsForAnOpenCase() {
        var state = Fixture.myCases()
        #expect(state.press(.char("|")).isEmpty)
        #expect(state.status?.text.contains("no case is open") == true)
    }
}
