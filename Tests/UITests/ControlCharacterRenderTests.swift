import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// The full-screen app never hands a stored control character to the terminal: a cell holds printable text
/// only, whatever the database holds (issue #11).
@Suite struct ControlCharacterRenderTests {
    static let osc = "\u{1B}]0;PWNED\u{07}"

    /// Every cell's grapheme, as (column, row, grapheme), where one holds a control character.
    func controlCells(_ buffer: ScreenBuffer) -> [(Int, Int, String)] {
        var found: [(Int, Int, String)] = []
        for y in 0..<buffer.size.height {
            for x in 0..<buffer.size.width
            where buffer[x, y].grapheme.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                found.append((x, y, buffer[x, y].grapheme))
            }
        }
        return found
    }

    @Test func aTitleWithAnEscapeRendersWithoutTheEscapeCell() {
        var state = AppState(sessions: [Fixture.ana], size: Fixture.small, now: Fixture.now)
        let effects = start(&state)
        var row = Fixture.row(0)
        row.title = Self.osc + "Mail \u{9B}31m delayed"
        row.customerName = "Acme \u{1B}[5m"
        state.answer(effects.at(0), .cases(CasePage(rows: [row], hasMore: false)))
        let buffer = state.screenBuffer()
        #expect(controlCells(buffer).isEmpty, "\(controlCells(buffer))")
        #expect(buffer.lines()[3].contains("Acme [5m"), "\(buffer.lines()[3])")
        #expect(buffer.lines()[3].contains("]0;PWNEDMail 31m delayed"), "\(buffer.lines()[3])")
    }

    @Test func aCaseWithControlCharactersRendersWithoutThem() {
        var state = Fixture.myCases()
        let load = state.press(.enter)
        var detail = Fixture.detail()
        detail.supportCase.title = Self.osc + "Title"
        detail.supportCase.description = "Clear \u{1B}[2J screen\u{07}"
        detail.history[1].text = "Reply \u{1B}]8;;http://evil.example\u{07}link"
        state.answer(load, .caseDetail(detail))
        let buffer = state.screenBuffer()
        #expect(controlCells(buffer).isEmpty, "\(controlCells(buffer))")
        #expect(buffer.lines()[1].contains("]0;PWNEDTitle"), "\(buffer.lines()[1])")
    }
}
