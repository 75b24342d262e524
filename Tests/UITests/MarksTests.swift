import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// Space, `*` and Esc mark and unmark rows (no query); `x`, `p`, `h` change every marked case after one question, a
/// command per case; the summary lists the refusals, which stay marked.
@Suite struct MarksTests {
    static func marks(_ state: AppState) -> [Int] { state.currentCaseList?.marks.map(\.number) ?? [] }

    @Test func spaceMarksAndMovesDownAndMarkingIssuesNoQuery() {
        var state = Fixture.myCases()
        let effects = state.press(.char(" "), .char(" "), .char(" "))
        #expect(effects.isEmpty, "marking reads nothing: \(effects)")
        #expect(Self.marks(state) == (0..<3).map { Fixture.row($0).number })
        #expect(state.list.cursor.index == 3)
        // Space on a marked row unmarks it.
        state.press(.char("k"), .char(" "))
        #expect(Self.marks(state) == (0..<2).map { Fixture.row($0).number })
        let lines = state.screenLines()
        #expect(lines[3].hasPrefix("▶") && lines[4].hasPrefix("▶") && !lines[5].hasPrefix("▶"), "\(lines[3...5])")
        #expect(lines.last?.contains("act on 2 marked · Esc clears") == true, "\(lines.last ?? "")")
        // Esc clears the marks; the next Esc is the usual one.
        state.press(.escape)
        #expect(Self.marks(state).isEmpty && state.status == .info("2 marks cleared."))
    }

    @Test func starMarksEveryLoadedRow() {
        var state = Fixture.myCases(count: 20, hasMore: false, total: 20)
        #expect(state.press(.char("*")).isEmpty)
        #expect(Self.marks(state).count == 20)
    }

    @Test func xAsksNamingTheCountThenClosesEachAndKeepsTheRefusedMarked() {
        var state = Fixture.myCases()
        state.press(.char(" "), .char(" "), .char(" "))
        #expect(state.press(.char("x")).isEmpty)
        #expect(state.screenLines().joined().contains("Close the 3 marked cases?"))
        let effects = state.press(.char("y"))
        let numbers = (0..<3).map { Fixture.row($0).number }
        #expect(effects.count == 3)
        for (effect, number) in zip(effects, numbers) {
            guard case .caseCommand(_, 0, number, .close) = effect else { Issue.record("\(effect)"); continue }
        }
        #expect(state.status == .info("Closing 3 cases…"))
        state.answer(effects.at(0), .done)
        state.answer(effects.at(2), .done)
        let reload = state.answer(effects.at(1), .failed("The case is already closed."))
        #expect(reload.contains { if case .loadCases = $0 { true } else { false } }, "the list reloads: \(reload)")
        #expect(state.status == .error("Closed 2 of 3 cases. Refused (still marked): \(numbers[1]): The case is already closed."))
        #expect(Self.marks(state) == [numbers[1]])
    }

    @Test func aSecondChangeWaitsForTheFirstsSummary() {
        var state = Fixture.myCases()
        state.press(.char(" "), .char(" "))
        state.press(.char("x"))
        let first = state.press(.char("y"))
        state.answer(first.at(0), .done)
        state.press(.char("k"), .char(" "))
        #expect(state.press(.char("x")).isEmpty)
        #expect(state.overlay == nil && state.status == .info("Closing 1 more case…"))
        state.answer(first.at(1), .done)
        #expect(state.status == .success("Closed 2 of 2 cases."))
    }

    @Test func noAnsweredNothingChangesAndWithoutMarksTheKeySaysHow() {
        var state = Fixture.myCases()
        state.press(.char("x"))
        #expect(state.overlay == nil && state.status?.text.hasPrefix("Mark cases with Space") == true)
        state.press(.char(" "))
        state.press(.char("x"))
        #expect(state.press(.char("n")).isEmpty)
        #expect(state.status == .info("Nothing changed.") && Self.marks(state).count == 1)
    }

    @Test func pChoosesOneSeverityForEveryMarkedCase() {
        var state = Fixture.myCases()
        state.press(.char(" "), .char(" "))
        state.press(.char("p"))
        #expect(state.form(BulkSeverityChoice.self) != nil)
        let effects = state.press(.char("j"), .enter)
        #expect(effects.count == 2)
        guard case .caseCommand(_, _, _, .severity(.p3))? = effects.at(0) else { Issue.record("\(effects)"); return }
        state.answer(effects.at(0), .done)
        state.answer(effects.at(1), .done)
        #expect(state.status == .success("Changed the severity of 2 of 2 cases."))
        #expect(Self.marks(state).isEmpty)
    }

    @Test func hChecksTheAddressThenAddsItToEveryMarkedCase() {
        var state = Fixture.myCases()
        state.press(.char(" "), .char(" "))
        state.press(.char("h"))
        state.type("not-an-address")
        #expect(state.press(.enter).isEmpty)
        #expect(state.form(BulkSharingForm.self)?.error != nil)
        state.press(.ctrl("u"))
        state.type("ops@example.com")
        let effects = state.press(.enter)
        #expect(effects.count == 2)
        guard case .caseCommand(_, _, _, .share(let add, let remove))? = effects.at(1) else { Issue.record("\(effects)"); return }
        #expect(add == ["ops@example.com"] && remove.isEmpty)
    }

    @Test func xOnAnOpenCaseStillClosesThatCase() {
        var state = Fixture.myCases()
        let load = state.press(.enter)
        state.answer(load, .caseDetail(Fixture.detail()))
        state.press(.char("x"))
        #expect(state.form(Confirmation.self) != nil)
    }
}
