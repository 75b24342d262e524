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
            .loadCases(request: effects.request(0), session: 0, scope: .domain(10), query: .all, sort: .updated, page: .first, limit: 50),
            .countCases(request: effects.request(1), session: 0, scope: .domain(10), query: .all, cap: 10_000),
            .loadDrafts(request: effects.request(2), session: 0),  // counted in the status line, marked in the list
            // The tab's unread cases, for the count on the tab.
            .countAside(request: state.lastRequest, session: 0, scope: .domain(10), query: CaseQuery(terms: [FilterTerm(.isUnread)]),
                        cap: AppState.unreadCap),
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
        #expect(state.press(.char("g")).isEmpty)
        #expect(state.list.cursor == ListCursor(index: 0, top: 0))
        #expect(state.list.pageRequest == nil)
    }

    /// A page key reads ahead once the screen after one more page down would pass what is loaded, so that screen's
    /// rows are there when it comes (over a server a read takes a few milliseconds).
    @Test func aPageDownReadsAheadOfTheNextScreen() {
        var state = Fixture.myCases()  // 50 rows loaded, 20 on screen
        let effects = state.press(.pageDown)  // rows 19–38 on screen: the next page down would show rows past 49
        #expect(effects == [.loadCases(request: state.lastRequest, session: 0, scope: .domain(10), query: .all, sort: .updated,
                                       page: .after(Fixture.row(49)), limit: 50)])
        #expect(state.screenComplete, "what this screen shows is loaded")
        state.answer(effects, .cases(CasePage(rows: Fixture.rows(50..<100), hasMore: true)))
        #expect(state.press(.pageDown).isEmpty, "rows 38–57 are loaded, and one more page down (to 76) would be too")
        #expect(state.screenComplete)
    }

    @Test func nearTheEndRequestsTheNextPageAfterTheLastRowOnce() {
        var state = Fixture.myCases()  // 50 rows loaded, 20 on screen
        for _ in 0..<29 { #expect(state.press(.char("j")).isEmpty) }  // index 29, rows 10–29 on screen
        let effects = state.press(.char("j"))  // index 30: within a screen of row 49 (and a page down would pass it)
        #expect(effects == [.loadCases(request: state.lastRequest, session: 0, scope: .domain(10), query: .all, sort: .updated,
                                       page: .after(Fixture.row(49)), limit: 50)])
        #expect(state.press(.char("j")).isEmpty)  // already asked: no second request
        state.answer(effects, .cases(CasePage(rows: Fixture.rows(50..<100), hasMore: false)))
        #expect(state.list.rows.count == 100)
        #expect(state.list.cursor.index == 31)
        #expect(state.press(.char("G")).isEmpty)  // no more pages
        #expect(state.list.cursor.index == 99)
    }

    /// `G` reads the last page at once (a reverse keyset read from the list's end) and lands on the oldest case;
    /// moving up loads the page before only when the cursor nears the top of what is loaded; `g` reads the first again.
    @Test func bottomReadsTheLastPageThenUpLoadsThePageBeforeAndTopTheFirst() {
        var state = Fixture.myCases(total: 1_859)  // 50 rows loaded, 20 on screen
        let effects = state.press(.char("G"))
        #expect(effects == [.loadCases(request: state.lastRequest, session: 0, scope: .domain(10), query: .all, sort: .updated,
                                       page: .last, limit: 50)])
        #expect(state.list.phase == .loading(request: state.lastRequest))
        #expect(state.press(.end).isEmpty, "already on its way: not read twice")
        state.answer(effects, .cases(CasePage(rows: Fixture.rows(1_809..<1_859), hasMore: true)))
        #expect(state.list.rows.count == 50 && state.list.hasBefore && !state.list.hasMore)
        #expect(state.list.selected == Fixture.row(1_858))
        #expect(state.list.cursor == ListCursor(index: 49, top: 30))
        #expect(state.screenLines()[1].hasSuffix("1,840–1,859 of 1,859 · updated, newest first"), "\(state.screenLines()[1])")
        #expect(state.screenLines()[22].contains(String(Fixture.row(1_858).number)))  // the last row at the bottom of the list
        #expect(state.press(.char("G")).isEmpty, "at the end: nothing to read")

        // Up: nothing is read while the rows above last, then the page before the first row, once.
        for _ in 0..<29 { #expect(state.press(.char("k")).isEmpty) }  // index 20
        let before = state.press(.char("k"))  // index 19: within a screen of the top of what is loaded
        #expect(before == [.loadCases(request: state.lastRequest, session: 0, scope: .domain(10), query: .all, sort: .updated,
                                      page: .before(Fixture.row(1_809)), limit: 50)])
        #expect(state.press(.up).isEmpty, "already asked: no second request")
        state.answer(before, .cases(CasePage(rows: Fixture.rows(1_759..<1_809), hasMore: true)))
        #expect(state.list.rows.count == 100)
        #expect(state.list.selected == Fixture.row(1_827), "the cursor stays on its case")
        #expect(state.list.cursor == ListCursor(index: 68, top: 68), "and the screen on the same rows")
        #expect(state.screenLines()[1].hasSuffix("1,828–1,847 of 1,859 · updated, newest first"), "\(state.screenLines()[1])")

        // g: the first page again, the cursor on its first row.
        let top = state.press(.char("g"))
        #expect(top == [.loadCases(request: state.lastRequest, session: 0, scope: .domain(10), query: .all, sort: .updated,
                                   page: .first, limit: 50)])
        state.answer(top, .cases(CasePage(rows: Fixture.rows(0..<50), hasMore: true)))
        #expect(state.list.cursor == ListCursor(index: 0, top: 0))
        #expect(!state.list.hasBefore && state.list.hasMore)
        #expect(state.screenLines()[1].hasSuffix("1–20 of 1,859 · updated, newest first"))
        #expect(state.press(.char("k"), .char("g")).isEmpty, "at the start: nothing to read")
    }

    /// Paging back from the end reaches the first row: the rows are then the whole list, and `g` and `G` just move.
    @Test func pagingBackFromTheEndReachesTheStart() {
        var state = Fixture.myCases(count: 50, total: 120)
        state.answer(state.press(.char("G")), .cases(CasePage(rows: Fixture.rows(70..<120), hasMore: true)))
        var pages = 0
        for _ in 0..<20 where state.list.hasBefore {
            let effects = state.press(.pageUp)
            guard case .loadCases(_, _, _, _, _, .before(let first?), _)? = effects.first else { continue }
            #expect(first == state.list.rows.first)
            let start = max(0, Int(first.id - 10_000) - 50)
            state.answer(effects, .cases(CasePage(rows: Fixture.rows(start..<Int(first.id - 10_000)), hasMore: start > 0)))
            pages += 1
        }
        #expect(pages == 2)
        #expect(state.list.rows == Fixture.rows(0..<120))
        #expect(state.press(.char("g")).isEmpty && state.list.cursor == ListCursor(index: 0, top: 0))
        #expect(state.screenLines()[1].hasSuffix("1–20 of 120 · updated, newest first"))
        #expect(state.press(.char("G")).isEmpty && state.list.cursor.index == 119)
        #expect(state.screenLines()[1].hasSuffix("101–120 of 120 · updated, newest first"))
    }

    /// `g` before the last page came: the last page is no longer wanted, and its answer changes nothing.
    @Test func topBeforeTheLastPageComesCancelsIt() {
        var state = Fixture.myCases()
        state.press(.char("j"), .char("j"))
        let bottom = state.press(.char("G"))
        #expect(state.press(.char("g")).isEmpty)  // the first page is loaded: the cursor just goes there
        #expect(state.list.cursor == ListCursor(index: 0, top: 0) && state.list.phase == .ready)
        state.answer(bottom, .cases(CasePage(rows: Fixture.rows(12_295..<12_345), hasMore: true)))
        #expect(state.list.rows == Fixture.rows(0..<50) && state.list.cursor.index == 0)
        // And G after g on a list read from its end: the first page supersedes the last.
        let last = state.press(.char("G"))
        state.answer(last, .cases(CasePage(rows: Fixture.rows(12_295..<12_345), hasMore: true)))
        let first = state.press(.home)
        let again = state.press(.end)  // the rows reach the end: the cursor goes there, the first page is dropped
        #expect(again.isEmpty && state.list.cursor.index == 49)
        state.answer(first, .cases(CasePage(rows: Fixture.rows(0..<50), hasMore: true)))
        #expect(state.list.rows.first == Fixture.row(12_295) && state.list.selected == Fixture.row(12_344))
    }

    /// Read from the end without an exact total, the position counts from the end.
    @Test func withoutAnExactTotalThePositionCountsFromTheEnd() {
        var state = Fixture.myCases()  // 12,345 cases: the count is capped at 10,000
        state.answer(state.press(.char("G")), .cases(CasePage(rows: Fixture.rows(12_295..<12_345), hasMore: true)))
        #expect(state.screenLines()[1].hasSuffix("20–1 from the end of 10,000+ · updated, newest first"), "\(state.screenLines()[1])")
        state.press(.pageUp)
        #expect(state.screenLines()[1].hasSuffix("39–20 from the end of 10,000+ · updated, newest first"), "\(state.screenLines()[1])")
    }

    /// A refresh of a list read from its end reads from the end again, down to the cursor's case, which stays put.
    @Test func aRefreshFromTheEndKeepsTheCursorOnItsCase() {
        var state = Fixture.myCases(total: 1_859)
        state.answer(state.press(.char("G")), .cases(CasePage(rows: Fixture.rows(1_809..<1_859), hasMore: true)))
        state.press(.char("k"), .char("k"))
        let before = state.list.cursor
        let effects = state.press(.char("r"))
        guard case .loadCases(_, _, _, _, _, .last, let limit)? = effects.first else { Issue.record("no reload from the end: \(effects)"); return }
        #expect(limit == 50)
        // Another process filed a case: it is at the other end, so nothing moves here.
        state.answer(effects, .cases(CasePage(rows: Fixture.rows(1_809..<1_859), hasMore: true)))
        #expect(state.list.cursor == before && state.list.selected == Fixture.row(1_856) && state.list.hasBefore)
        // A sort starts the list from its first row again.
        guard case .loadCases(_, _, _, _, .created, .first, _)? = state.press(.char("o")).first else { Issue.record("no reload"); return }
    }

    /// All domains reads its last page merged from every session's end.
    @Test func allDomainsGoesToItsLastRowToo() {
        var state = Fixture.myCases(sessions: [Fixture.ana, Fixture.ben])
        let all = state.press(.char("3"))
        state.answer(all, .cases(CasePage(rows: Fixture.rows(0..<50), hasMore: true)))
        let effects = state.press(.char("G"))
        #expect(effects == [.loadMergedCases(request: state.lastRequest, sessions: [0, 1], query: .all, sort: .updated, page: .last, limit: 50)])
        state.answer(effects, .cases(CasePage(rows: Fixture.rows(950..<1_000), hasMore: true)))
        #expect(state.list.selected == Fixture.row(999))
    }

    @Test func sortCyclesAndReloadsWithTheNextSortWithoutRecounting() {
        var state = Fixture.myCases()
        for expected in [CaseSort.created, .severity, .status, .waiting, .updated] {
            let effects = state.press(.char("o"))
            #expect(effects.count == 1)
            guard case .loadCases(let request, _, _, _, let sort, let page, _)? = effects.first else {
                Issue.record("no reload"); return
            }
            #expect(sort == expected)
            #expect(page == .first)
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
        #expect(effects.count == 3)  // the page, a new count, and the tab's unread cases counted again
        #expect(effects.at(2)?.isUnreadCount == true)
        guard case .loadCases(let request, _, _, _, _, .first, _)? = effects.first else { Issue.record("no reload"); return }
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

/// `I` inverts the order: the store's list read from its other end, each page turned over.
@Suite struct ReversedOrderTests {
    @Test func invertReadsFromTheOtherEndAndPagesOnInTheStoresBackwardDirection() {
        var state = Fixture.myCases(size: Fixture.large, total: 1_859)
        let effects = state.press(.char("I"))
        #expect(effects == [.loadCases(request: state.lastRequest, session: 0, scope: .domain(10), query: .all, sort: .updated,
                                       page: .last, limit: effects.limit)])
        #expect(state.status == .info("Sorted by updated, oldest first."))
        // The store answers in its own order (newest first); the list shows the oldest first.
        state.answer(effects, .cases(CasePage(rows: Fixture.rows(1_787..<1_859), hasMore: true)))
        #expect(state.list.rows.first == Fixture.row(1_858) && state.list.rows.last == Fixture.row(1_787))
        #expect(state.list.cursor.index == 0 && state.list.hasMore && !state.list.hasBefore)
        let lines = state.screenLines()
        #expect(lines[1].hasSuffix("of 1,859 · updated, oldest first"), "\(lines[1])")
        #expect(lines.contains { $0.contains("Update↑") }, "the sorted header shows the direction")
        // Near the end of what is loaded: the store's page before the last row shown.
        var more: [Effect] = []
        for _ in 0..<50 where more.isEmpty { more = state.press(.char("j")) }
        #expect(more == [.loadCases(request: state.lastRequest, session: 0, scope: .domain(10), query: .all, sort: .updated,
                                    page: .before(Fixture.row(1_787)), limit: more.limit)])
        state.answer(more, .cases(CasePage(rows: Fixture.rows(1_715..<1_787), hasMore: true)))
        #expect(state.list.rows.count == 144 && state.list.rows[72] == Fixture.row(1_786))
        // G: the store's first page, turned over; I again: the usual order from the top.
        let bottom = state.press(.char("G"))
        #expect(bottom.first == .loadCases(request: bottom.request(0), session: 0, scope: .domain(10), query: .all, sort: .updated,
                                           page: .first, limit: bottom.limit))
        let back = state.press(.char("I"))
        #expect(back.first == .loadCases(request: back.request(0), session: 0, scope: .domain(10), query: .all, sort: .updated,
                                         page: .first, limit: back.limit))
        #expect(state.status == .info("Sorted by updated, newest first."))
    }

    @Test func everyOrderHasItsReversedLabel() {
        #expect(CaseSort.allCases.map { $0.label(reversed: true) }
                == ["updated, oldest first", "created, oldest first", "severity, P4 first", "status, reversed", "waiting, reversed"])
    }
}
