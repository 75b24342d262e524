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

    /// Over a slow server the detail can take a while: an action key pressed meanwhile waits for it instead of being
    /// dropped, and the latest key wins; a failed load forgets it.
    @Test func anActionPressedWhileTheCaseLoadsFollowsWhenItArrives() {
        var state = Fixture.myCases()
        state.press(.char("j"))
        let load = state.press(.enter)
        #expect(state.press(.char("p")).isEmpty)
        #expect(state.press(.char("m")).isEmpty)
        #expect(state.status == .info("m: case 10007919 is still loading; message follows when it is here."))
        #expect(state.overlay == nil)
        state.answer(load, .caseDetail(Fixture.detail()))
        #expect(state.form(MessageForm.self) != nil, "the message editor opens once the case is here")
        #expect(state.overlay[SeverityChoice.self] == nil, "only the latest key waits")

        var failing = Fixture.myCases()
        failing.press(.char("j"))
        let second = failing.press(.enter)
        failing.press(.char("m"))
        failing.answer(second, .failed("server: can't reach http://127.0.0.1:8750: connection refused"))
        let again = failing.press(.char("r"))  // refresh: the load again
        failing.answer(again, .caseDetail(Fixture.detail()))
        #expect(failing.overlay == nil, "a failed load forgets the waiting key")
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

    /// Usability item 17: two fields a row from 80 columns; narrower, one a row, and scrolling counts the same lines.
    @Test func belowEightyColumnsTheFieldsAreOneARow() {
        var state = opened(Fixture.detail(), size: Size(width: 79, height: 24))
        let lines = state.screenLines()
        #expect(Array(lines[3...5]) == [" Customer     Acme Corp (Standard support)", " Domain       reseller-one.example", " Status       In progress"])
        state.press(.char("G"))
        guard case .detail(let view)? = state.currentScreen else { Issue.record("no case"); return }
        #expect(view.scroll == 4)  // 24 lines, 20 on screen
        #expect(state.screenLines()[22] == "     headers.txt")
        state.send(.resized(Fixture.small))
        state.press(.char("G"))
        guard case .detail(let wide)? = state.currentScreen else { return }
        #expect(wide.scroll == 0, "at 80 columns the 19 lines fit the 20 rows")
        #expect(state.screenLines()[3...4] == [" Customer     Acme Corp (Standard support)", " Domain       reseller-one.example       Status       In progress"])
    }

    @Test func scrollsThroughTheBodyAndStopsAtTheEnd() {
        var detail = Fixture.detail()
        detail.supportCase.description = (1...10).map { "Line \($0) of the description." }.joined(separator: "\n")
        var state = opened(detail)
        #expect(state.press(.char("G")).isEmpty)
        guard case .detail(let view)? = state.currentScreen else { Issue.record("no case"); return }
        #expect(view.scroll == 7)  // 27 lines (the fields two to a row), 20 on screen
        #expect(state.screenLines()[20] == "     Thanks. Could you send the full headers of one delayed message?")
        #expect(state.screenLines()[22] == "     headers.txt")
        state.press(.char("j"))
        guard case .detail(let same)? = state.currentScreen else { return }
        #expect(same.scroll == 7)
        state.press(.char("g"), .char("k"))
        guard case .detail(let top)? = state.currentScreen else { return }
        #expect(top.scroll == 0)
    }

    @Test func dataChangedReloadsTheOpenCaseAndLaterTheList() {
        var state = opened(Fixture.detail())
        let effects = state.send(.dataChanged)
        // The case, and the tab's unread cases counted again.
        #expect(effects == [.loadCase(request: effects.request(0), session: 0, number: 10_007_919),
                            .countAside(request: state.lastRequest, session: 0, scope: .domain(10),
                                        query: CaseQuery(terms: [FilterTerm(.isUnread)]), cap: AppState.unreadCap)])
        // The list behind it reloads when it is shown again, keeping the cursor.
        let back = state.press(.char("q"))
        #expect(back.count == 2)
        guard case .loadCases(_, _, _, _, _, .first, let limit)? = back.first else { Issue.record("no reload"); return }
        #expect(limit == 50)
    }
}

/// First-use item 15: after `m … Ctrl-S` or `x y` the new history event sat below the fold. After an action the
/// case reopens at its end, where the event is.
@Suite struct RevealLatestEventTests {
    @Test func afterClosingTheCaseTheNewEventIsOnScreen() {
        var state = Fixture.myCases()
        state.press(.char("j"))
        let load = state.press(.enter)
        var detail = Fixture.detail()
        for i in 0..<40 {
            detail.history.append(HistoryEvent(id: Int64(10 + i), caseID: detail.supportCase.id, at: Fixture.now.addingTimeInterval(-Double(3_600 - i)),
                                               author: "Sam Support", kind: .supportReply, text: "Reply number \(i)."))
        }
        state.answer(load, .caseDetail(detail))
        #expect(!state.screenLines().joined().contains("Reply number 39."), "the end is below the fold at first")
        state.press(.char("x"))
        let close = state.press(.char("y"))
        let reload = state.answer(close, .done)
        detail.history.append(HistoryEvent(id: 99, caseID: detail.supportCase.id, at: Fixture.now, author: "Ana Agent", kind: .statusChange,
                                           text: "Closed the case."))
        detail.supportCase.status = .closed
        state.answer(reload.first { if case .loadCase = $0 { true } else { false } }, .caseDetail(detail))
        let screen = state.screenLines().joined(separator: "\n")
        #expect(screen.contains("Closed the case."), "\(screen)")
        // Scrolling up from there moves one line at a time.
        state.press(.char("k"))
        #expect(state.screenLines().joined(separator: "\n") != screen)
    }
}
