import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// The preview pane from 160 columns: the cursor row's case on the right, loaded once the cursor rests.
@Suite struct PreviewTests {
    static let wide = Size(width: 200, height: 40)

    static func rowDetail(_ i: Int) -> CaseDetail {
        var detail = Fixture.detail()
        let row = Fixture.row(i)
        detail.supportCase.number = row.number
        detail.supportCase.title = row.title
        detail.supportCase.description = "Preview text of case \(row.number)."
        return detail
    }

    @Test func itLoadsTheCursorRowOnceTheCursorRestsAndShowsItOnTheRight() {
        var state = Fixture.myCases(size: Self.wide)
        #expect(state.showsPreview)
        #expect(state.wakeAt == state.now, "a tick arms the pane at once")
        let t0 = Fixture.now.addingTimeInterval(1)
        #expect(state.send(.tick(t0)).isEmpty)
        #expect(state.wakeAt == t0.addingTimeInterval(CasePreview.settle))
        let load = state.send(.tick(t0.addingTimeInterval(0.2)))
        guard case .findCase(_, 0, let number)? = load.at(0) else { Issue.record("no load: \(load)"); return }
        #expect(number == Fixture.row(0).number)
        let lines = state.screenLines()
        #expect(lines[1].contains("Case \(number)") && lines[3].contains("Loading case \(number)…"), "\(lines[1...3])")
        state.answer(load.at(0), .caseDetail(Self.rowDetail(0)))
        let shown = state.screenLines().joined(separator: "\n")
        #expect(shown.contains("Preview text of case \(number).") && shown.contains("Description"), "\(shown)")
        #expect(state.wakeAt == nil || state.wakeAt! > t0.addingTimeInterval(1), "nothing more to load")
    }

    @Test func aFastScrollLoadsOnlyWhereTheCursorStops() {
        var state = Fixture.myCases(size: Self.wide)
        var effects: [Effect] = []
        let t0 = Fixture.now.addingTimeInterval(1)
        effects += state.send(.tick(t0))
        for i in 0..<8 {
            effects += state.press(.char("j"))
            effects += state.send(.tick(t0.addingTimeInterval(0.05 * Double(i + 1))))
        }
        #expect(!effects.contains { if case .findCase = $0 { true } else { false } }, "no load while keys come: \(effects)")
        let load = state.send(.tick(t0.addingTimeInterval(0.05 * 8 + 0.2)))
        guard case .findCase(_, _, let number)? = load.at(0) else { Issue.record("no load: \(load)"); return }
        #expect(number == Fixture.row(8).number)
    }

    @Test func anAnswerForARowTheCursorLeftIsNotShownForTheNewRow() {
        var state = Fixture.myCases(size: Self.wide)
        let t0 = Fixture.now.addingTimeInterval(1)
        state.send(.tick(t0))
        let load = state.send(.tick(t0.addingTimeInterval(0.2)))
        state.press(.char("j"))
        state.answer(load.at(0), .caseDetail(Self.rowDetail(0)))
        let shown = state.screenLines().joined(separator: "\n")
        #expect(!shown.contains("Preview text of case \(Fixture.row(0).number)."))
        #expect(shown.contains("Loading case \(Fixture.row(1).number)…"))
    }

    @Test func narrowTerminalsAndPTurnItOff() {
        var narrow = Fixture.myCases(size: Fixture.large)
        #expect(!narrow.showsPreview && narrow.wakeAt == nil)
        narrow.press(.char("P"), .char("P"))
        #expect(narrow.status?.text.contains("needs 160 columns") == true)
        var state = Fixture.myCases(size: Self.wide)
        state.press(.char("P"))
        #expect(!state.showsPreview && state.wakeAt == nil)
        #expect(!state.screenLines()[3].contains("│"))
        state.press(.char("P"))
        #expect(state.showsPreview)
    }
}
