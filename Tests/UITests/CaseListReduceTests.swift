import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

@Suite struct CaseListReduceTests {
    @Test func startLoadsTwoScreensOfMyCasesAndCountsThem() {
        var state = AppState(sessions: [Fixture.ana], size: Fixture.small, now: Fixture.now)
        let effects = start(&state)
        // 80×24 shows 20 rows: 2 × 20 = 40, raised to the minimum page of 50.
        #expect(effects == [
            .loadCases(request: effects.request(0), session: 0, scope: .domain(10), query: .all, sort: .updated, after: nil, limit: 50),
            .countCases(request: effects.request(1), session: 0, scope: .domain(10), query: .all, cap: 10_000),
            .loadDrafts(request: state.lastRequest, session: 0),  // counted in the status line, marked in the list
        ])
        var tall = AppState(sessions: [Fixture.ana], size: Fixture.large, now: Fixture.now)
        guard case .loadCases(_, _, _, _, _, _, let limit)? = start(&tall).first else {
            Issue.record("no load"); return
        }
        #expect(limit == 72)  // 36 rows on screen at 120×40
    }

    @Test func cursorMovesInsideLoadedRowsIssueNoEffects() {
        var state = Fixture.myCases()
        #expect(state.list.pageRequest == nil)  // the first page covers two screens: nothing more yet
        for _ in 0..<10 { #expect(state.press(.char("j")).isEmpty) }
        #expect(state.press(.down, .char("k"), .up).isEmpty)
        #expect(state.list.cursor.index == 9)
        #expect(state.press(.pageDown).isEmpty)
        #expect(state.list.cursor.index == 28)
        #expect(state.press(.char("g")).isEmpty)
        #expect(state.list.cursor == ListCursor(index: 0, top: 0))
        #expect(state.list.pageRequest == nil)
    }

    @Test func nearTheEndRequestsTheNextPageAfterTheLastRowOnce() {
        var state = Fixture.myCases()  // 50 rows loaded, 20 on screen
        #expect(state.press(.pageDown).isEmpty)  // index 19
        let effects = state.press(.pageDown)  // index 38: within a screen of row 49
        #expect(effects == [.loadCases(request: state.lastRequest, session: 0, scope: .domain(10), query: .all, sort: .updated,
                                       after: Fixture.row(49), limit: 50)])
        #expect(state.press(.char("j")).isEmpty)  // already asked: no second request
        state.answer(effects, .cases(CasePage(rows: Fixture.rows(50..<100), hasMore: false)))
        #expect(state.list.rows.count == 100)
        #expect(state.list.cursor.index == 39)
        #expect(state.press(.char("G")).isEmpty)  // no more pages
        #expect(state.list.cursor.index == 99)
    }

    @Test func bottomGoesToTheLastLoadedRowAndAsksForMore() {
        var state = Fixture.myCases()
        let effects = state.press(.char("G"))
        #expect(state.list.cursor.index == 49)
        #expect(effects.count == 1)
        guard case .loadCases(_, _, _, _, _, let after, _)? = effects.first else { Issue.record("no page"); return }
        #expect(after == Fixture.row(49))
    }

    @Test func sortCyclesAndReloadsWithTheNextSortWithoutRecounting() {
        var state = Fixture.myCases()
        for expected in [CaseSort.created, .severity, .status, .updated] {
            let effects = state.press(.char("o"))
            #expect(effects.count == 1)
            guard case .loadCases(let request, _, _, _, let sort, let after, _)? = effects.first else {
                Issue.record("no reload"); return
            }
            #expect(sort == expected)
            #expect(after == nil)
            #expect(state.list.phase == .loading(request: request))
        }
        #expect(state.status == .info("Sorted by updated, newest first."))
    }

    @Test func staleResultsArrivingOutOfOrderAreDropped() {
        var state = AppState(sessions: [Fixture.ana], size: Fixture.small, now: Fixture.now)
        let first = start(&state).first
        let second = state.press(.char("o")).first  // sorted by created: the first load is stale
        state.answer(second, .cases(CasePage(rows: Fixture.rows(10..<12), hasMore: false)))
        state.answer(first, .cases(CasePage(rows: Fixture.rows(0..<50), hasMore: true)))
        #expect(state.list.rows.map(\.id) == [10_010, 10_011])
        #expect(state.list.hasMore == false)
        // A failure of a request nobody waits for says nothing either.
        state.answer(first, .failed("interrupted"))
        #expect(state.status == .info("Sorted by created, newest first."))
        #expect(state.list.phase == .ready)
    }

    @Test func aFailedLoadKeepsTheRowsAndSaysWhy() {
        var state = Fixture.myCases()
        let reload = state.press(.char("r"))
        state.answer(reload, .failed("database is locked"))
        #expect(state.list.rows.count == 50)
        #expect(state.list.phase == .failed("database is locked"))
        #expect(state.status == .error("Couldn't load the cases: database is locked  (r retries)"))
    }

    @Test func dataChangedReloadsKeepingTheCursorOnTheSameCase() {
        var state = Fixture.myCases()
        state.press(.char("j"), .char("j"), .char("j"))
        let selected = state.list.selected?.id
        let effects = state.send(.dataChanged)
        #expect(effects.count == 2)  // the page and a new count
        guard case .loadCases(let request, _, _, _, _, nil, _)? = effects.first else { Issue.record("no reload"); return }
        // Another process filed a case: it comes first, and ours moves down one row.
        let newRow = CaseRow(id: 99_999, number: 12_345_678, title: "New", customerName: "Acme Corp", domainID: 10,
                             domainName: "reseller-one.example", status: .new, severity: .p1, escalated: false,
                             createdAt: Fixture.now, updatedAt: Fixture.now)
        state.send(.reply(request: request, .cases(CasePage(rows: [newRow] + Fixture.rows(0..<49), hasMore: true))))
        #expect(state.list.selected?.id == selected)
        #expect(state.list.cursor.index == 4)
    }

    @Test func countsAreCappedAndShownWithThePosition() {
        let state = Fixture.myCases()
        #expect(state.list.count == CaseList.Count(total: 10_000, capped: true))
        #expect(state.screenLines()[1].hasSuffix("1–20 of 10,000+ · updated, newest first"))
    }
}
