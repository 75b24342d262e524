import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

@Suite struct CaseDetailTests {
    /// My Cases with the cursor on the fixture case, opened and loaded.
    func opened(_ detail: CaseDetail, size: Size = Fixture.small) -> AppState {
        var state = Fixture.myCases(size: size)
        state.press(.char("j"))
        let load = state.press(.enter)
        state.answer(load, .caseDetail(detail))
        return state
    }

    @Test func anActionTheDomainRefusesSaysWhy() {
        var state = opened(Fixture.detail())
        #expect(state.press(.char("e")).isEmpty)
        #expect(state.status == .error("e (escalate): Escalation is only available to customers on Premium support; Acme Corp has Standard support."))
        state.press(.char("O"))
        #expect(state.status == .error("O (reopen): Case 10007919 is open; only a closed case can be reopened."))
    }

    @Test func attachAndSharingOpenTheirForms() {
        var state = opened(Fixture.detail())
        #expect(state.press(.char("a")).isEmpty)
        guard let attach = state.form(AttachForm.self) else { return }
        #expect(attach.target == CaseRef(domainID: 10, number: 10_007_919))
        #expect(state.screenLines().contains { $0.contains("Attach files · case 10007919") })
        state.press(.escape)
        #expect(state.overlay == nil)
        #expect(state.status == .info("Nothing was attached."))
        #expect(state.press(.char("h")).isEmpty)
        guard let form = state.form(SharingForm.self) else { return }
        #expect(form.current == ["it@acme.example"])
    }

    @Test func aClosedCaseShowsTheDaysLeftToReopen() {
        var state = opened(Fixture.detail(status: .closed, closedDaysAgo: 3))
        #expect(state.screenLines().contains(" Reopen       27 days left to reopen (O)"))
        state.press(.char("m"))
        #expect(state.status == .error("m (message): Case 10007919 is closed. Reopen it to send a message."))
        let late = opened(Fixture.detail(status: .closed, closedDaysAgo: 40))
        #expect(late.screenLines().contains { $0.hasPrefix(" Reopen       Case 10007919 was closed 40 days ago") })
    }

    @Test func refusedActionsAreDimmedOnTheActionLine() {
        let state = opened(Fixture.detail(status: .closed, closedDaysAgo: 3))
        let buffer = state.screenBuffer()
        #expect(buffer.lines()[2] == " m message  p severity  a attach  e escalate  x close  O reopen  h sharing")
        #expect(buffer[1, 2].style == Theme.dim)  // m: closed
        #expect(buffer[55, 2].style == Theme.key)  // O: can reopen
        #expect(buffer[65, 2].style == Theme.key)  // h: sharing works on a closed case
    }

    @Test func scrollsThroughTheBodyAndStopsAtTheEnd() {
        var state = opened(Fixture.detail())
        #expect(state.press(.char("G")).isEmpty)
        guard case .detail(let view)? = state.currentScreen else { Issue.record("no case"); return }
        #expect(view.scroll == 4)  // 24 lines, 20 on screen
        #expect(state.screenLines()[20] == "     Thanks. Could you send the full headers of one delayed message?")
        #expect(state.screenLines()[22] == "     headers.txt")
        state.press(.char("j"))
        guard case .detail(let same)? = state.currentScreen else { return }
        #expect(same.scroll == 4)
        state.press(.char("g"), .char("k"))
        guard case .detail(let top)? = state.currentScreen else { return }
        #expect(top.scroll == 0)
    }

    @Test func dataChangedReloadsTheOpenCaseAndLaterTheList() {
        var state = opened(Fixture.detail())
        let effects = state.send(.dataChanged)
        #expect(effects == [.loadCase(request: state.lastRequest, session: 0, number: 10_007_919)])
        // The list behind it reloads when it is shown again, keeping the cursor.
        let back = state.press(.char("q"))
        #expect(back.count == 2)
        guard case .loadCases(_, _, _, _, _, nil, let limit)? = back.first else { Issue.record("no reload"); return }
        #expect(limit == 50)
    }
}
