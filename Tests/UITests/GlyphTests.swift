import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// Usability item 21: a terminal that can't draw UTF-8 (`TERM=vt100`) gets one set of ASCII glyphs, chosen once by the
/// runtime: `+-|` frames, `...` for cut text, `!` for escalated, `*` for a draft. No screen draws anything outside ASCII.
@Suite struct GlyphTests {
    static func ascii(_ state: AppState) -> AppState {
        var state = state
        state.glyphs = .ascii
        return state
    }

    static func nonASCII(_ lines: [String]) -> [String] {
        lines.filter { !$0.unicodeScalars.allSatisfy(\.isASCII) }
    }

    @Test(arguments: [Fixture.small, Fixture.large])
    func theMainListIsASCII(size: Size) {
        let state = Self.ascii(Fixture.myCases(size: size))
        let lines = state.screenLines()
        #expect(Self.nonASCII(lines).isEmpty, "\(Self.nonASCII(lines))")
        #expect(lines[1].contains("1-") && lines[1].contains(" - updated, newest first"), "\(lines[1])")
        // Escalated rows are marked with !, in the same column as the ⚑ they replace.
        #expect(state.screenBuffer()[10, 5].grapheme == "!")
        if size == Fixture.small {
            // A cut title ends in ..., and the row stays within its columns.
            #expect(lines[3].contains("Mail delivery delayed...") && lines[3].hasSuffix("now"), "\(lines[3])")
            #expect(lines[3].count == 79, "\(lines[3])")
        }
    }

    @Test func aDialogHasAnASCIIFrame() {
        var state = Self.ascii(Fixture.myCases())
        state.press(.char("j"))
        state.answer(state.press(.enter), .caseDetail(Fixture.detail()))
        state.press(.char("x"))
        #expect(state.overlay?.form is UI.Confirmation)
        let lines = state.screenLines()
        #expect(Self.nonASCII(lines).isEmpty, "\(Self.nonASCII(lines))")
        #expect(lines.contains { $0.contains("+- Close case ---") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("| Close case 10007919? y/n") })
        // Help, with its legend of the marks.
        var help = Self.ascii(Fixture.myCases(size: Size(width: 120, height: 60)))
        help.press(.char("?"))
        let helpLines = help.screenLines()
        #expect(Self.nonASCII(helpLines).isEmpty, "\(Self.nonASCII(helpLines))")
        #expect(helpLines.contains { $0.contains("+- Keys - My Cases ---") })
        #expect(helpLines.contains { $0.contains("| !             in a row: the case is escalated") }, "\(helpLines.joined(separator: "\n"))")
    }

    @Test(arguments: [Fixture.small, Fixture.large])
    func theCasePageIsASCII(size: Size) {
        var state = Self.ascii(Fixture.myCases(size: size))
        state.press(.char("j"))
        var detail = Fixture.detail(customer: Fixture.sakura)
        detail.supportCase.escalated = true
        state.answer(state.press(.enter), .caseDetail(detail))
        let lines = state.screenLines()
        #expect(Self.nonASCII(lines).isEmpty, "\(Self.nonASCII(lines))")
        #expect(lines[1].hasSuffix("! escalated - In progress - P2"), "\(lines[1])")
        #expect(lines.contains { $0.contains("Escalated    yes !") })
        #expect(lines.contains { $0.contains("History - 3 events, oldest first") } && lines.contains { $0.contains("Ana Agent - opened the case - 3 d ago") })
    }

    @Test func theWizardIsASCII() {
        var state = Self.ascii(Fixture.myCases())
        let effects = state.press(.char("n"))
        state.answer(effects.at(0), .draft(nil))
        state.answer(effects.at(1), .customers(NewCaseTests.customerRows()))
        state.type("acme")
        state.press(.enter)
        let lines = state.screenLines()
        #expect(Self.nonASCII(lines).isEmpty, "\(Self.nonASCII(lines))")
        #expect(lines.contains { $0.contains("+ 1 Customer") }, "the completed step: \(lines.joined(separator: "\n"))")
    }

    @Test func unicodeTerminalsKeepTheirGlyphs() {
        let lines = Fixture.myCases().screenLines()
        #expect(lines[3].contains("Mail delivery delayed f…"))
        #expect(Fixture.myCases().screenBuffer()[10, 5].grapheme == "⚑")
    }

    @Test func asciiStandIns() {
        let g = Glyphs.ascii
        #expect(g.drawable("┌─ a · b … ⚑ ✎ ● ✓ ↑↓ é") == "+- a - b ... ! * * + ^v e")
        #expect(g.drawable("株式") == "????")
        #expect(g.fit("abcdefghij", toWidth: 8) == "abcde...")
        #expect(Glyphs.unicode.fit("abcdefghij", toWidth: 8) == "abcdefg…")
        #expect(g.fit("abc", toWidth: 8) == "abc")
    }
}
