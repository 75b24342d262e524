import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// The forms of an open case: m message, p severity, x close, O reopen.
@Suite struct CaseFormsTests {
    static let number = 10_007_919
    static let draft = "message 10007919"

    /// My Cases with the cursor on the fixture case, opened and loaded (requests 1–3 are used).
    func opened(_ detail: CaseDetail = Fixture.detail()) -> AppState {
        var state = Fixture.myCases()
        state.press(.char("j"))
        let request = state.press(.enter).first?.request ?? -1
        state.send(.caseLoaded(request: request, detail: detail))
        return state
    }

    func messageForm(_ state: AppState) -> MessageForm? {
        if case .message(let form) = state.overlay { return form }
        Issue.record("the message editor is not open: \(state.overlay)")
        return nil
    }

    // MARK: m

    @Test func typingThenCtrlSSendsTheMessage() {
        var state = opened()
        #expect(state.press(.char("m")) == [.loadDraft(request: 4, session: 0, form: Self.draft)])
        #expect(state.type("Headers attached.").isEmpty)
        state.press(.enter)
        state.type("Thanks, Ana")
        state.press(.backspace, .backspace, .backspace)
        state.type("ANA")
        #expect(messageForm(state)?.field.text == "Headers attached.\nThanks, ANA")
        let sent = state.press(.ctrl("s"))
        #expect(sent == [.postMessage(request: 5, session: 0, number: Self.number, text: "Headers attached.\nThanks, ANA")])
        #expect(messageForm(state)?.sending == 5)
        // While it is being sent the text doesn't change.
        state.type("x")
        #expect(messageForm(state)?.field.text == "Headers attached.\nThanks, ANA")
        #expect(state.press(.ctrl("s")).isEmpty)
    }

    @Test func ctrlEWritesTheMessageInTheEditor() {
        var state = opened()
        state.press(.char("m"))
        state.type("Draft in the app")
        let effects = state.press(.ctrl("e"))
        #expect(effects == [.editExternally(request: 5, text: "Draft in the app")])
        state.send(.externallyEdited(request: 5, result: .edited("Written in vi.\nSecond line.")))
        #expect(messageForm(state)?.field.text == "Written in vi.\nSecond line.")
        #expect(messageForm(state)?.unsaved == true, "the edited text is saved as a draft on the next tick")
        // A stale answer (another request) changes nothing.
        state.send(.externallyEdited(request: 99, result: .edited("stale")))
        #expect(messageForm(state)?.field.text == "Written in vi.\nSecond line.")
    }

    @Test func successClosesTheEditorDiscardsTheDraftAndReloads() {
        var state = opened()
        state.press(.char("m"))
        state.type("Hello")
        state.press(.ctrl("s"))
        let effects = state.send(.commandSucceeded(request: 5))
        #expect(effects == [.discardDraft(session: 0, form: Self.draft), .loadCase(request: 6, session: 0, number: Self.number)])
        #expect(state.overlay == .none)
        #expect(state.status == .success("Message sent."))
        #expect(state.pendingCommands.isEmpty)
        #expect(state.parkedMessages.isEmpty)
        // Opening it again starts empty.
        state.press(.char("m"))
        #expect(messageForm(state)?.field.isEmpty == true)
    }

    @Test func failureKeepsTheTextAndShowsTheReasonAtTheField() {
        var state = opened()
        state.press(.char("m"))
        state.type("Hello")
        state.press(.ctrl("s"))
        #expect(state.send(.commandFailed(request: 5, message: "Case 10007919 is closed. Reopen it to send a message.")).isEmpty)
        #expect(messageForm(state)?.field.text == "Hello")
        #expect(messageForm(state)?.error == "Case 10007919 is closed. Reopen it to send a message.")
        #expect(messageForm(state)?.sending == nil)
        #expect(state.screenLines()[19] == "│ Case 10007919 is closed. Reopen it to send a message.                        │")
        // It can be edited and sent again.
        state.type("!")
        #expect(messageForm(state)?.error == nil)
        #expect(state.press(.ctrl("s")) == [.postMessage(request: 6, session: 0, number: Self.number, text: "Hello!")])
    }

    @Test func anEmptyOrTooLongMessageIsRefusedAtTheField() {
        var state = opened()
        state.press(.char("m"))
        #expect(state.press(.ctrl("s")).isEmpty)
        #expect(messageForm(state)?.error == "message: write a message")
        state.type("   ")
        #expect(state.press(.ctrl("s")).isEmpty)
        #expect(messageForm(state)?.error == "message: write a message")

        state.press(.ctrl("u"), .paste(String(repeating: "a", count: 12_801)))
        #expect(messageForm(state)?.error == nil)
        #expect(state.press(.ctrl("s")).isEmpty)
        #expect(messageForm(state)?.error == "message: is 12801 characters; at most 12800 are allowed")
        #expect(state.pendingCommands.isEmpty)
        #expect(state.screenLines()[21].hasSuffix("12,801 / 12,800 │"))
        #expect(state.screenBuffer()[70, 21].style == Theme.error)

        // One fewer is sent.
        state.press(.backspace)
        let sent = state.press(.ctrl("s"))
        #expect(sent.count == 1)
        guard case .postMessage(_, _, _, let text)? = sent.first else { Issue.record("not sent"); return }
        #expect(text.count == Limits.messageMaxLength)
    }

    @Test func escKeepsTheTextAndTheDraftIsSavedOnTheNextTick() {
        var state = opened()
        state.press(.char("m"))
        state.type("Half a thought")
        #expect(state.press(.escape).isEmpty)
        #expect(state.overlay == .none)
        #expect(state.status == .info("Message kept as a draft; nothing was sent. Press m to go on."))
        #expect(state.send(.tick(Fixture.now.addingTimeInterval(1))) ==
                [.saveDraft(session: 0, form: Self.draft, content: "Half a thought")])
        // Nothing changed since: no save.
        #expect(state.send(.tick(Fixture.now.addingTimeInterval(2))).isEmpty)
        // Opening again restores the text; the stored draft doesn't replace it.
        #expect(state.press(.char("m")) == [.loadDraft(request: 5, session: 0, form: Self.draft)])
        state.send(.draftLoaded(request: 5, content: "older text"))
        #expect(messageForm(state)?.field.text == "Half a thought")
    }

    @Test func draftSavesAreAtMostAboutOneASecond() {
        var state = opened()
        state.press(.char("m"))
        state.type("a")
        #expect(state.send(.tick(Fixture.now.addingTimeInterval(1))) == [.saveDraft(session: 0, form: Self.draft, content: "a")])
        state.type("b")
        #expect(state.send(.tick(Fixture.now.addingTimeInterval(1.3))).isEmpty)  // too soon
        #expect(state.send(.tick(Fixture.now.addingTimeInterval(2))) == [.saveDraft(session: 0, form: Self.draft, content: "ab")])
    }

    @Test func aLoadedDraftFillsAnEmptyEditor() {
        var state = opened()
        state.press(.char("m"))
        state.send(.draftLoaded(request: 99, content: "stale"))  // not the editor's request
        #expect(messageForm(state)?.field.isEmpty == true)
        state.send(.draftLoaded(request: 4, content: "Recovered\nafter a crash"))
        #expect(messageForm(state)?.field.text == "Recovered\nafter a crash")
        #expect(state.screenLines()[4] == "│ Recovered                                                                    │")
        #expect(state.screenLines()[5] == "│ after a crash                                                                │")
    }

    @Test func editingMovesBetweenLines() {
        var field = TextField("first line\nsecond")
        #expect(field.handleMultiline(.up) == .moved)  // from the end of "second" (column 6) to column 6 of line 1
        #expect(field.handleMultiline(.char("_")) == .changed)
        #expect(field.text == "first _line\nsecond")
        #expect(field.handleMultiline(.end) == .moved)
        #expect(field.handleMultiline(.down) == .moved)  // "second" is shorter: its end
        #expect(field.handleMultiline(.enter) == .changed)
        #expect(field.handleMultiline(.paste("a\r\nb")) == .changed)
        #expect(field.text == "first _line\nsecond\na\nb")
        #expect(field.handleMultiline(.home) == .moved)
        #expect(field.handleMultiline(.backspace) == .changed)
        #expect(field.text == "first _line\nsecond\nab")
        let wrapped = TextField("abcdefgh\n\nxy").rows(width: 5)
        #expect(wrapped.rows == ["abcde", "fgh", "", "xy"])
        #expect(wrapped.caretRow == 3 && wrapped.caretColumn == 2)
    }

    // MARK: p

    @Test func choosingP1ChangesTheSeverity() {
        var state = opened()
        #expect(state.press(.char("p")).isEmpty)
        guard case .severity(let choice) = state.overlay else { Issue.record("no choice"); return }
        #expect(choice.current == .p2 && choice.cursor == 1)
        let lines = state.screenLines()
        #expect(lines.contains { $0.contains("* P2 high      (current)") })
        #expect(lines.contains { $0.contains("  P1 critical") })
        #expect(lines.contains { $0.contains("High impact: a service is seriously degraded") })
        // The current level can't be chosen.
        #expect(state.press(.enter).isEmpty)
        #expect(state.status == .error("severity: the case is already P2"))
        state.press(.char("k"))
        #expect(state.press(.enter) == [.changeSeverity(request: 4, session: 0, number: Self.number, severity: .p1)])
        #expect(state.overlay == .none)
        #expect(state.send(.commandSucceeded(request: 4)) == [.loadCase(request: 5, session: 0, number: Self.number)])
        #expect(state.status == .success("Severity changed to P1 critical."))
    }

    @Test func aFailedCommandSaysWhyInTheStatusLine() {
        var state = opened()
        state.press(.char("p"), .char("j"), .enter)
        #expect(state.send(.commandFailed(request: 4, message: "database is locked")).isEmpty)
        #expect(state.status == .error("Couldn't change the severity of case 10007919: database is locked"))
    }

    // MARK: x

    @Test func closeAsksFirst() {
        var state = opened()
        #expect(state.press(.char("x")).isEmpty)
        guard case .confirm(let confirmation) = state.overlay else { Issue.record("no question"); return }
        #expect(confirmation.question == "Close case 10007919? y/n")
        #expect(state.screenLines().contains { $0.contains("Close case 10007919? y/n") })
        #expect(state.press(.char("y")) == [.closeCase(request: 4, session: 0, number: Self.number)])
        #expect(state.overlay == .none)

        var no = opened()
        no.press(.char("x"))
        #expect(no.press(.char("n")).isEmpty)
        #expect(no.overlay == .none)
        #expect(no.pendingCommands.isEmpty)
        #expect(no.status == .info("Nothing changed."))
    }

    // MARK: O

    @Test func reopenShowsTheDaysLeft() {
        var state = opened(Fixture.detail(status: .closed, closedDaysAgo: 10))
        #expect(state.press(.char("O")).isEmpty)
        guard case .confirm(let confirmation) = state.overlay else { Issue.record("no question"); return }
        #expect(confirmation.question.contains("20 days left"))
        #expect(confirmation.question == "Reopen case 10007919? 20 days left to reopen. y/n")
        #expect(state.press(.char("y")) == [.reopenCase(request: 4, session: 0, number: Self.number)])
        #expect(state.send(.commandSucceeded(request: 4)) == [.loadCase(request: 5, session: 0, number: Self.number)])
        #expect(state.status == .success("Case 10007919 reopened."))
    }

    @Test func pastTheReopenWindowOffersAFollowUpCase() {
        var state = opened(Fixture.detail(status: .closed, closedDaysAgo: 40))
        #expect(state.press(.char("O")).isEmpty)
        guard case .confirm(let confirmation) = state.overlay else { Issue.record("no question: \(state.overlay)"); return }
        #expect(confirmation.question.hasPrefix("Case 10007919 was closed 40 days ago"))
        #expect(confirmation.question.hasSuffix("Start it now? y/n"))
        // n leaves everything as it was.
        state.press(.char("n"))
        #expect(state.overlay == .none)
        state.press(.char("O"))
        // y opens the wizard filled in from the old case, at its description; no draft is asked for.
        let effects = state.press(.char("y"))
        #expect(effects == [.loadCustomers(request: 4, session: 0)])
        guard case .newCase(let form) = state.overlay else { Issue.record("no wizard: \(state.overlay)"); return }
        #expect(form.customer == Fixture.acme)
        #expect(form.title.text.hasPrefix("Follow-up to case 10007919: "))
        #expect(form.description.text.hasPrefix("This follows case 10007919"))
        #expect(form.field == .description)
    }

    // MARK: Stale answers

    @Test func aStaleAnswerChangesNothing() {
        var state = opened()
        state.press(.char("x"), .char("y"))
        let before = state
        #expect(state.send(.commandSucceeded(request: 3)).isEmpty)
        #expect(state.send(.commandFailed(request: 99, message: "no")).isEmpty)
        #expect(state == before)
        // The real answer still counts, once.
        #expect(state.send(.commandSucceeded(request: 4)).count == 1)
        let after = state
        #expect(state.send(.commandSucceeded(request: 4)).isEmpty)
        #expect(state == after)
    }

    // MARK: Render

    @Test func messageEditorAt80x24() {
        var state = opened()
        state.press(.char("m"))
        state.type("The headers are attached.")
        state.press(.enter, .enter)
        state.type("Ana")
        let lines = state.screenLines()
        #expect(lines.count == 24)
        #expect(lines[1] == "┌─ Message support · case 10007919 " + String(repeating: "─", count: 44) + "┐")
        #expect(lines[2] == "│ Added to the case history and sent to support.                               │")
        #expect(lines[4] == "│ The headers are attached.                                                    │")
        #expect(lines[5] == "│                                                                              │")
        #expect(lines[6] == "│ Ana                                                                          │")
        #expect(lines[21] == "│ Ctrl-S send  Esc close (keeps the text)  Enter new line          30 / 12,800 │")
        #expect(lines[22] == "└" + String(repeating: "─", count: 78) + "┘")
        let buffer = state.screenBuffer()
        #expect(buffer[5, 6].style == Theme.caret)  // after "Ana"
        #expect(buffer[2, 4].style == Theme.textArea)
        #expect(buffer[2, 18].style == Theme.textArea)  // the text area runs to row 18
        #expect(buffer[2, 19].style != Theme.textArea)  // then the row of the field error
    }
}

@Suite struct CaseFormKeymapTests {
    @Test func everyFormKeyIsBoundOnce() {
        for keys in [Keymap.messageEditor.flatMap(\.keys), Keymap.choice.flatMap(\.keys), Keymap.confirm.flatMap(\.keys)] {
            #expect(Set(keys).count == keys.count)
        }
        #expect(Keymap.binding(for: .ctrl("s"), in: Keymap.messageEditor)?.command == .send)
    }
}
