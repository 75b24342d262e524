import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// The mouse: a click puts the cursor on a row, a click on the cursor row or a double-click opens it, the wheel scrolls
/// three rows, a click on a tab switches to it, a click on a view's section applies it; nothing under a form.
@Suite struct MouseTests {
    static func click(_ x: Int, _ y: Int, _ kind: MouseEvent.Kind = .click) -> Key { .mouse(MouseEvent(kind, x: x, y: y)) }

    @Test func aClickMovesTheCursorAndASecondOneOpens() {
        var state = Fixture.myCases()  // 80×24: tab bar, title, headers at row 2, rows from row 3
        #expect(state.press(Self.click(20, 6)).isEmpty, "a click reads nothing")
        #expect(state.list.cursor.index == 3)
        let open = state.press(Self.click(20, 6))
        #expect(open.contains { if case .loadCase(_, _, Fixture.row(3).number) = $0 { true } else { false } }, "\(open)")
        var other = Fixture.myCases()
        let double = other.press(Self.click(30, 8, .doubleClick))
        #expect(double.contains { if case .loadCase(_, _, Fixture.row(5).number) = $0 { true } else { false } }, "\(double)")
        // Below the last row or on the headers: nothing.
        var few = Fixture.myCases(count: 2, hasMore: false, total: 2)
        #expect(few.press(Self.click(10, 10)).isEmpty && few.list.cursor.index == 0)
        #expect(few.press(Self.click(10, 2)).isEmpty && few.list.cursor.index == 0)
    }

    @Test func theWheelScrollsThreeRows() {
        var state = Fixture.myCases()
        state.press(Self.click(0, 0, .wheelDown))
        #expect(state.list.cursor.index == 3)
        state.press(Self.click(0, 0, .wheelUp))
        #expect(state.list.cursor.index == 0)
    }

    @Test func aClickOnATabSwitchesToIt() {
        var state = Fixture.myCases(size: Fixture.large, sessions: [Fixture.ana, Fixture.ben])
        let bar = state.screenLines()[0]
        let x = bar.distance(from: bar.startIndex, to: bar.range(of: "partner-two.example")!.lowerBound)
        state.press(Self.click(x + 2, 0))
        #expect(state.active == 1)
        state.press(Self.click(1, 0))  // the app's name: not a tab
        #expect(state.active == 1)
    }

    @Test func aClickOnAViewsSectionAppliesIt() {
        var state = AppState(sessions: [Fixture.ana], size: Fixture.large, now: Fixture.now)
        state.views = [SavedView(name: "P1", filter: "severity:p1")]
        let effects = start(&state)
        state.answer(effects.at(0), .cases(CasePage(rows: Fixture.rows(0..<10), hasMore: false)))
        let line = state.screenLines()[2]
        let x = line.distance(from: line.startIndex, to: line.range(of: "P1")!.lowerBound)
        let load = state.press(Self.click(x, 2))
        #expect(state.list.filter.text == "severity:p1" && load.first.map { if case .loadCases = $0 { true } else { false } } == true)
    }

    @Test func nothingHappensUnderAForm() {
        var state = Fixture.myCases()
        state.press(.char(":"))
        #expect(state.press(Self.click(20, 6)).isEmpty)
        #expect(state.list.cursor.index == 0 && state.form(JumpForm.self) != nil)
    }
}
