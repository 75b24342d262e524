import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// Unread in the app: bold rows with ●, opening a case reads it (as of the update time shown), `u` on the cursor row
/// or the marked rows, the tab's count, and a refused mark put back.
@Suite struct UnreadTests {
    static let unreadQuery = CaseQuery(terms: [FilterTerm(.isUnread)])

    /// My Cases with rows 1 and 3 unread, and the tab's count answered.
    static func state(size: Size = Fixture.small, unread: Int = 2) -> AppState {
        var state = AppState(sessions: [Fixture.ana], size: size, now: Fixture.now)
        let effects = start(&state)
        var rows = Fixture.rows(0..<10)
        rows[1].unread = true
        rows[3].unread = true
        state.answer(effects.at(0), .cases(CasePage(rows: rows, hasMore: false)))
        state.answer(effects.first(where: \.isUnreadCount), .counted(unread, capped: false))
        return state
    }

    @Test func startCountsTheTabsUnreadCasesAndTheTabShowsThem() {
        var state = AppState(sessions: [Fixture.ana, Fixture.ben], size: Fixture.large, now: Fixture.now)
        let counts = start(&state).filter(\.isUnreadCount)
        #expect(counts.count == 2, "one count per tab, whichever is shown")
        #expect(counts.map(\.session) == [0, 1])
        state.answer(counts.at(0), .counted(3, capped: false))
        state.answer(counts.at(1), .counted(99, capped: true))
        let bar = state.screenLines()[0]
        #expect(bar.contains("reseller-one.example ●3") && bar.contains("partner-two.example ●99+"), "\(bar)")
        // None unread: no count at all.
        var quiet = AppState(sessions: [Fixture.ana], size: Fixture.large, now: Fixture.now)
        quiet.answer(start(&quiet).first(where: \.isUnreadCount), .counted(0, capped: false))
        #expect(!quiet.screenLines()[0].contains("●"))
    }

    @Test func unreadRowsAreBoldWithAMarkInTheMargin() {
        let state = Self.state()
        let lines = state.screenLines()
        let buffer = state.screenBuffer()
        let rowOf = { (i: Int) in lines.firstIndex { $0.contains(String(Fixture.row(i).number)) } ?? -1 }
        #expect(lines[rowOf(1)].hasPrefix("●") && lines[rowOf(3)].hasPrefix("●"), "\(lines[rowOf(1)])")
        #expect(!lines[rowOf(2)].hasPrefix("●") && !lines[rowOf(0)].hasPrefix("●"))
        // The number column (x 1…8) is bold on an unread row and not on a read one (the cursor is on row 0).
        #expect(buffer[2, rowOf(1)].style.bold && !buffer[2, rowOf(2)].style.bold)
        // On vt100 the mark is a letter.
        var ascii = Self.state()
        ascii.glyphs = .ascii
        #expect(ascii.screenLines()[rowOf(1)].hasPrefix("N"))
    }

    @Test func uOnTheCursorRowReadsItAndUAgainUnreadsIt() {
        var state = Self.state()
        state.press(.char("j"))
        let row = Fixture.row(1)
        let effects = state.press(.char("u"))
        #expect(effects == [.setRead(request: state.lastRequest, session: 0, number: row.number, read: true, seen: row.updatedAt)])
        #expect(state.list.rows[1].unread == false, "the row changes at once")
        #expect(state.status == .success("Case \(row.number) marked read."))
        let recount = state.answer(effects.at(0), .done)
        #expect(recount.count == 1 && recount.at(0)?.isUnreadCount == true, "the tab counts again: \(recount)")
        let again = state.press(.char("u"))
        #expect(again == [.setRead(request: state.lastRequest, session: 0, number: row.number, read: false, seen: nil)])
        #expect(state.list.rows[1].unread)
    }

    @Test func uWithMarksReadsThemAllIfAnyIsUnreadElseUnreadsThemAll() {
        var state = Self.state()
        state.press(.char(" "), .char(" "))  // rows 0 (read) and 1 (unread)
        #expect(state.press(.char("u")).isEmpty)
        #expect(state.screenLines().joined().contains("Mark the 2 marked cases read?"), "one question naming the count")
        let effects = state.press(.char("y"))
        #expect(effects.count == 2)
        #expect(effects.allSatisfy { if case .setRead(_, _, _, true, _) = $0 { true } else { false } }, "\(effects)")
        #expect(state.list.rows[0].unread == false && state.list.rows[1].unread == false)
        #expect(state.status == .success("2 marked cases marked read."))
        state.press(.char("u"))
        #expect(state.screenLines().joined().contains("Mark the 2 marked cases unread?"))
        #expect(state.press(.char("n")).isEmpty, "no: nothing changes")
        #expect(!state.list.rows[0].unread)
        state.press(.char("u"))
        let back = state.press(.char("y"))
        #expect(back.allSatisfy { if case .setRead(_, _, _, false, nil) = $0 { true } else { false } } && back.count == 2)
        #expect(state.list.rows[0].unread && state.list.rows[1].unread)
    }

    @Test func aRefusedMarkPutsTheRowBackAndSaysWhy() {
        var state = Self.state()
        state.press(.char("j"))
        let effects = state.press(.char("u"))
        #expect(state.answer(effects.at(0), .failed("case: no case \(Fixture.row(1).number)")).isEmpty)
        #expect(state.list.rows[1].unread, "still unread")
        #expect(state.status == .error("Couldn't mark case \(Fixture.row(1).number) read: case: no case \(Fixture.row(1).number)"))
    }

    @Test func openingAnUnreadCaseReadsItAsOfTheUpdateTimeShown() {
        var state = Self.state()
        state.press(.char("j"))
        let load = state.press(.enter)
        var detail = Fixture.detail()
        detail.unread = true
        let effects = state.answer(load.first { if case .loadCase = $0 { true } else { false } }, .caseDetail(detail))
        let mark = effects.first { if case .setRead = $0 { true } else { false } }
        #expect(mark == .setRead(request: mark?.request ?? -1, session: 0, number: detail.supportCase.number, read: true,
                                 seen: detail.supportCase.updatedAt))
        // Read again after a data change brings the case again: once per arrival of an unread detail.
        let reload = state.send(.dataChanged)
        let second = state.answer(reload.first { if case .loadCase = $0 { true } else { false } }, .caseDetail(detail))
        #expect(second.contains { if case .setRead = $0 { true } else { false } })
        // A read case is not marked again.
        let third = state.send(.dataChanged)
        detail.unread = false
        let none = state.answer(third.first { if case .loadCase = $0 { true } else { false } }, .caseDetail(detail))
        #expect(!none.contains { if case .setRead = $0 { true } else { false } }, "\(none)")
        // A refused read on opening stays quiet: the case was shown; the row is bold again.
        state.send(.reply(request: mark?.request ?? -1, .failed("storage: disk full")))
        #expect(state.status?.kind != .error)
    }

    @Test func anArrivalLightsTheWholeStatusLine() {
        var state = Self.state()
        _ = state.update(.arrived([ChangeNotice(id: 9, caseNumber: 10_007_919, kind: .message, at: Fixture.now, author: "Kim Lee <kim@x>")]))
        let buffer = state.screenBuffer()
        let last = state.size.height - 1
        #expect(state.screenLines()[last].contains("New: message on 10007919 by Kim Lee"))
        #expect(buffer[state.size.width - 2, last].style == Theme.arrival, "the row's far end is lit too")
    }
}
