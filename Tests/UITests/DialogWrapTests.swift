import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// First-use item 2: dialogs cut their own text ("…File a new case and mention" then `y yes n no`; the sign-in
/// refusal ended at "(No Cloud Identity Free licence is"). Each dialog with its longest text, at 60×15 and 80×24:
/// every word of the text is on screen, with the keys.
@Suite struct DialogWrapTests {
    /// The text inside the dialog's box (between the borders of each row), joined into one line of words.
    static func words(_ lines: [String]) -> String {
        lines.compactMap { line -> String? in
            guard let left = line.firstIndex(of: "│"), let right = line.lastIndex(of: "│"), left < right else { return nil }
            return String(line[line.index(after: left)..<right])
        }.joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    @Test(arguments: [Size(width: 60, height: 15), Size(width: 80, height: 24)])
    func theReopenQuestionPastTheWindowIsShownWhole(size: Size) throws {
        var state = Fixture.myCases(size: size)
        state.press(.char("j"))
        let load = state.press(.enter)
        state.answer(load, .caseDetail(Fixture.detail(status: .closed, closedDaysAgo: 40)))
        state.press(.char("O"))
        let question = try #require(state.form(Confirmation.self)).question
        let screen = Self.words(state.screenLines())
        #expect(screen.contains(question.split(separator: " ").joined(separator: " ")), "\(size): \(state.screenLines().joined(separator: "\n"))")
        #expect(screen.contains("y yes") && screen.contains("n no"), "\(size)")
    }

    @Test(arguments: [Size(width: 60, height: 15), Size(width: 80, height: 24)])
    func theSignInRefusalIsShownWhole(size: Size) {
        var state = AppState(sessions: [], size: size, now: Fixture.now)
        _ = start(&state)
        let effects = state.submitSignIn(email: "dana@reseller-one.example", password: "a-long-password")
        let refusal = "dana@reseller-one.example can't use the Customer Care Portal: it needs a Cloud Identity Free licence and a role "
            + "with Customer Care Portal access. (No Cloud Identity Free licence is assigned to dana@reseller-one.example.)"
        state.answer(effects.at(0), .failed(refusal))
        let lines = state.screenLines()
        let screen = Self.words(lines)
        #expect(screen.contains(refusal), "\(size): \(lines.joined(separator: "\n"))")
        #expect(screen.contains("Enter"), "the keys are still shown at \(size)")
    }

    @Test func textLongerThanTheScreenEndsWithAnEllipsis() {
        let text = DialogText(String(repeating: "word ", count: 200), width: 20)
        let shown = text.fitting(3)
        #expect(shown.count == 3)
        #expect(shown[2].hasSuffix("…") && shown[2].displayWidth <= 20, "\(shown[2])")
        #expect(text.fitting(100) == text.lines)
    }
}
