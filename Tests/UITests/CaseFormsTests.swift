import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// The forms of an open case: m message, p severity, x close, O reopen.
@Suite struct CaseFormsTests {
    static let number = 10_007_919
    static let draft = DraftForm.message(caseNumber: 10_007_919)

    /// My Cases with the cursor on the fixture case, opened and loaded.
    func opened(_ detail: CaseDetail = Fixture.detail()) -> AppState {
        var state = Fixture.myCases()
        state.press(.char("j"))
        let load = state.press(.enter)
        state.answer(load, .caseDetail(detail))
        return state
    }

    func messageForm(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) -> MessageForm? {
        state.form(MessageForm.self, sourceLocation: sourceLocation)
    }

    // MARK: m

    @Test func typingThenCtrlSSendsTheMessage() {
        var state = opened()
        let load = state.press(.char("m"))
        #expect(load == [.loadDraft(request: state.lastRequest, session: 0, form: Self.draft)])
        #expect(state.type("Headers attached.").isEmpty)
        state.press(.enter)
        state.type("Thanks, Ana")
        state.press(.backspace, .backspace, .backspace)
        state.type("ANA")
        #expect(messageForm(state)?.field.text == "Headers attached.\nThanks, ANA")
        let sent = state.press(.ctrl("s"))
        #expect(sent == [.caseCommand(request: state.lastRequest, session: 0, number: Self.number, .message("Headers attached.\nThanks, ANA"))])
        #expect(messageForm(state)?.sending == state.lastRequest)
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
        #expect(effects == [.editExternally(request: state.lastRequest, text: "Draft in the app")])
        state.answer(effects, .edited(.edited("Written in vi.\nSecond line.")))
        #expect(messageForm(state)?.field.text == "Written in vi.\nSecond line.")
        #expect(messageForm(state)?.unsaved == true, "the edited text is saved as a draft on the next tick")
        // A stale answer (another request) changes nothing.
        state.send(.reply(request: state.unknownRequest, .edited(.edited("stale"))))
        #expect(messageForm(state)?.field.text == "Written in vi.\nSecond line.")
    }

    @Test func successClosesTheEditorDiscardsTheDraftAndReloads() {
        var state = opened()
        state.press(.char("m"))
        state.type("Hello")
        let sent = state.press(.ctrl("s"))
        let effects = state.answer(sent, .done)
        #expect(effects.withoutUnreadCounts == [.discardDraft(request: effects.request(0), session: 0, form: Self.draft),
                                                .loadCase(request: effects.request(1), session: 0, number: Self.number)])
        #expect(state.overlay == nil)
        #expect(state.status == .success("Message sent."))
        // The message is no longer waited for; only the draft's discard (now a request of its own) is.
        #expect(Array(state.waitingCommands.keys) == [effects.request(0)])
        #expect(state.parked.isEmpty)
        // Opening it again starts empty.
        state.press(.char("m"))
        #expect(messageForm(state)?.field.isEmpty == true)
    }

    @Test func failureKeepsTheTextAndShowsTheReasonAtTheField() {
        var state = opened()
        state.press(.char("m"))
        state.type("Hello")
        let sent = state.press(.ctrl("s"))
        #expect(state.answer(sent, .failed("Case 10007919 is closed. Reopen it to send a message.")).isEmpty)
        #expect(messageForm(state)?.field.text == "Hello")
        #expect(messageForm(state)?.error == "Case 10007919 is closed. Reopen it to send a message.")
        #expect(messageForm(state)?.sending == nil)
        #expect(state.screenLines()[19] == "│ Case 10007919 is closed. Reopen it to send a message.                        │")
        // It can be edited and sent again.
        state.type("!")
        #expect(messageForm(state)?.error == nil)
        let again = state.press(.ctrl("s"))
        #expect(again == [.caseCommand(request: state.lastRequest, session: 0, number: Self.number, .message("Hello!"))])
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
        #expect(state.waitingCommands.isEmpty)
        #expect(state.screenLines()[21].hasSuffix("12,801 / 12,800 │"))
        #expect(state.screenBuffer()[70, 21].style == Theme.error)

        // One fewer is sent.
        state.press(.backspace)
        let sent = state.press(.ctrl("s"))
        #expect(sent.count == 1)
        guard case .caseCommand(_, _, _, .message(let text))? = sent.first else { Issue.record("not sent"); return }
        #expect(text.count == Limits.messageMaxLength)
    }

    @Test func escKeepsTheTextAndTheDraftIsSavedOnTheNextTick() {
        var state = opened()
        state.press(.char("m"))
        state.type("Half a thought")
        #expect(state.press(.escape).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.status == .info("Message kept as a draft; nothing was sent. Press m to go on."))
        let saves = state.send(.tick(Fixture.now.addingTimeInterval(1)))
        #expect(saves == [.saveDraft(request: state.lastRequest, session: 0, form: Self.draft, content: "Half a thought")])
        // Nothing changed since: no save.
        #expect(state.send(.tick(Fixture.now.addingTimeInterval(2))).isEmpty)
        // Opening again restores the text; the stored draft doesn't replace it.
        let load = state.press(.char("m"))
        #expect(load == [.loadDraft(request: state.lastRequest, session: 0, form: Self.draft)])
        state.answer(load, .draft("older text"))
        #expect(messageForm(state)?.field.text == "Half a thought")
    }

    @Test func aKeystrokeIsSavedWithin200MillisecondsAndSavesAreAtMostFiveASecond() {
        var state = opened()
        state.press(.char("m"))
        #expect(state.wakeAt == nil, "nothing typed, nothing to save")
        state.type("a")
        // Never saved: the runtime is asked to tick at once.
        #expect(state.wakeAt == Fixture.now)
        let first = state.send(.tick(Fixture.now.addingTimeInterval(0.05)))
        #expect(first == [.saveDraft(request: state.lastRequest, session: 0, form: Self.draft, content: "a")])
        #expect(state.wakeAt == nil)
        state.type("b")
        // The next save is due 200 ms after the last one, and the runtime wakes for it.
        #expect(state.wakeAt == Fixture.now.addingTimeInterval(0.25))
        #expect(state.send(.tick(Fixture.now.addingTimeInterval(0.15))).isEmpty)  // too soon
        let second = state.send(.tick(Fixture.now.addingTimeInterval(0.25)))
        #expect(second == [.saveDraft(request: state.lastRequest, session: 0, form: Self.draft, content: "ab")])
    }

    @Test func aLoadedDraftFillsAnEmptyEditor() {
        var state = opened()
        let load = state.press(.char("m"))
        state.send(.reply(request: state.unknownRequest, .draft("stale")))  // not the editor's request
        #expect(messageForm(state)?.field.isEmpty == true)
        state.answer(load, .draft("Recovered\nafter a crash"))
        #expect(messageForm(state)?.field.text == "Recovered\nafter a crash")
        // Below the thread (rows 4–6 and a blank row).
        #expect(state.screenLines()[8] == "│ Recovered                                                                    │")
        #expect(state.screenLines()[9] == "│ after a crash                                                                │")
    }

    @Test func editingMovesBetweenLines() {
        var field = TextField("first line\nsecond")
        #expect(field.handleMultiline(.up, .standard) == .moved)  // from the end of "second" (column 6) to column 6 of line 1
        #expect(field.handleMultiline(.char("_"), .standard) == .changed)
        #expect(field.text == "first _line\nsecond")
        #expect(field.handleMultiline(.end, .standard) == .moved)
        #expect(field.handleMultiline(.down, .standard) == .moved)  // "second" is shorter: its end
        #expect(field.handleMultiline(.enter, .standard) == .changed)
        #expect(field.handleMultiline(.paste("a\r\nb"), .standard) == .changed)
        #expect(field.text == "first _line\nsecond\na\nb")
        #expect(field.handleMultiline(.home, .standard) == .moved)
        #expect(field.handleMultiline(.backspace, .standard) == .changed)
        #expect(field.text == "first _line\nsecond\nab")
        let wrapped = TextField("abcdefgh\n\nxy").rows(width: 5)
        #expect(wrapped.rows == ["abcde", "fgh", "", "xy"])
        #expect(wrapped.caretRow == 3 && wrapped.caretColumn == 2)
    }

    // MARK: p

    @Test func choosingP1ChangesTheSeverity() {
        var state = opened()
        #expect(state.press(.char("p")).isEmpty)
        guard let choice = state.form(SeverityChoice.self) else { return }
        #expect(choice.current == .p2 && choice.cursor == 1)
        let lines = state.screenLines()
        #expect(lines.contains { $0.contains("* P2 high      (current)") })
        #expect(lines.contains { $0.contains("  P1 critical") })
        #expect(lines.contains { $0.contains("High impact: a service is seriously degraded") })
        // The current level can't be chosen.
        #expect(state.press(.enter).isEmpty)
        #expect(state.status == .error("severity: the case is already P2"))
        state.press(.char("k"))
        let sent = state.press(.enter)
        #expect(sent == [.caseCommand(request: state.lastRequest, session: 0, number: Self.number, .severity(.p1))])
        #expect(state.overlay == nil)
        let reload = state.answer(sent, .done)
        #expect(reload.withoutUnreadCounts == [.loadCase(request: reload.request(0), session: 0, number: Self.number)])
        #expect(state.status == .success("Severity changed to P1 critical."))
    }

    @Test func aFailedCommandSaysWhyInTheStatusLine() {
        var state = opened()
        let sent = state.press(.char("p"), .char("j"), .enter)
        #expect(state.answer(sent, .failed("database is locked")).isEmpty)
        #expect(state.status == .error("Couldn't change the severity of case 10007919: database is locked"))
    }

    // MARK: x

    @Test func closeAsksFirst() {
        var state = opened()
        #expect(state.press(.char("x")).isEmpty)
        guard let confirmation = state.form(Confirmation.self) else { return }
        #expect(confirmation.question == "Close case 10007919? y/n")
        #expect(state.screenLines().contains { $0.contains("Close case 10007919? y/n") })
        let sent = state.press(.char("y"))
        #expect(sent == [.caseCommand(request: state.lastRequest, session: 0, number: Self.number, .close)])
        #expect(state.overlay == nil)

        var no = opened()
        no.press(.char("x"))
        #expect(no.press(.char("n")).isEmpty)
        #expect(no.overlay == nil)
        #expect(no.waitingCommands.isEmpty)
        #expect(no.status == .info("Nothing changed."))
    }

    // MARK: O

    @Test func reopenShowsTheDaysLeft() {
        var state = opened(Fixture.detail(status: .closed, closedDaysAgo: 10))
        #expect(state.press(.char("O")).isEmpty)
        guard let confirmation = state.form(Confirmation.self) else { return }
        #expect(confirmation.question.contains("20 days left"))
        #expect(confirmation.question == "Reopen case 10007919? 20 days left to reopen. y/n")
        let sent = state.press(.char("y"))
        #expect(sent == [.caseCommand(request: state.lastRequest, session: 0, number: Self.number, .reopen)])
        let reload = state.answer(sent, .done)
        #expect(reload.withoutUnreadCounts == [.loadCase(request: reload.request(0), session: 0, number: Self.number)])
        #expect(state.status == .success("Case 10007919 reopened."))
    }

    @Test func pastTheReopenWindowOffersAFollowUpCase() {
        var state = opened(Fixture.detail(status: .closed, closedDaysAgo: 40))
        #expect(state.press(.char("O")).isEmpty)
        guard let confirmation = state.form(Confirmation.self) else { return }
        #expect(confirmation.question.hasPrefix("Case 10007919 was closed 40 days ago"))
        #expect(confirmation.question.hasSuffix("Start it now? y/n"))
        // n leaves everything as it was.
        state.press(.char("n"))
        #expect(state.overlay == nil)
        state.press(.char("O"))
        // y opens the wizard filled in from the old case, at its description; no draft is asked for.
        let effects = state.press(.char("y"))
        #expect(effects == [.loadCustomers(request: state.lastRequest, session: 0)])
        guard let form = state.form(NewCaseForm.self) else { return }
        #expect(form.customer == Fixture.acme)
        #expect(form.title.text.hasPrefix("Follow-up to case 10007919: "))
        #expect(form.description.text.hasPrefix("This follows case 10007919"))
        #expect(form.field == .description)
    }

    // MARK: Stale answers

    @Test func aStaleAnswerChangesNothing() {
        var state = opened()
        let caseLoad = state.lastRequest  // the case's load, already answered
        let sent = state.press(.char("x"), .char("y"))
        let before = state
        #expect(state.send(.reply(request: caseLoad, .done)).isEmpty)
        #expect(state.send(.reply(request: state.unknownRequest, .failed("no"))).isEmpty)
        #expect(state == before)
        // The real answer still counts, once.
        #expect(state.answer(sent, .done).withoutUnreadCounts.count == 1)
        let after = state
        #expect(state.answer(sent, .done).isEmpty)
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
        // The thread so far, then the text.
        #expect(lines[4] == "│ Earlier in this case                                                         │")
        #expect(lines[5] == "│ Sam Support · 2 d ago                                                        │")
        #expect(lines[6] == "│   Thanks. Could you send the full headers of one delayed message?            │")
        #expect(lines[8] == "│ The headers are attached.                                                    │")
        #expect(lines[9] == "│                                                                              │")
        #expect(lines[10] == "│ Ana                                                                          │")
        #expect(lines[21] == "│ Ctrl-S send  Esc close (keeps the text)  Enter new line          30 / 12,800 │")
        #expect(lines[22] == "└" + String(repeating: "─", count: 78) + "┘")
        let buffer = state.screenBuffer()
        #expect(buffer[5, 10].style == Theme.caret)  // after "Ana"
        #expect(buffer[2, 7].style != Theme.textArea)
        #expect(buffer[2, 8].style == Theme.textArea)
        #expect(buffer[2, 18].style == Theme.textArea)  // the text area runs to row 18
        #expect(buffer[2, 19].style != Theme.textArea)  // then the row of the field error
    }
}

@Suite struct CaseFormKeymapTests {
    @Test func everyFormKeyIsBoundOnce() {
        for keys in [Keymap.standard.messageEditor.flatMap(\.keys), Keymap.standard.choice.flatMap(\.keys), Keymap.standard.confirm.flatMap(\.keys)] {
            #expect(Set(keys).count == keys.count)
        }
        #expect(Keymap.binding(for: .ctrl("s"), in: Keymap.standard.messageEditor)?.command == .send)
    }
}

/// First-use item 15: the message editor keeps the last messages of the thread in view above the text.
@Suite struct MessageThreadTests {
    @Test func theLastMessagesShowAboveTheTextAndLeaveItMostOfTheBox() {
        var state = CaseFormsTests().opened()
        let load = state.press(.char("m"))
        state.answer(load, .draft(nil))
        state.type("Here are the headers.")
        let lines = state.screenLines()
        let earlier = lines.firstIndex { $0.contains("Earlier in this case") }
        let author = lines.firstIndex { $0.contains("Sam Support · 2 d ago") }
        let reply = lines.firstIndex { $0.contains("Thanks. Could you send the full headers of one delayed message?") }
        let typed = lines.firstIndex { $0.contains("Here are the headers.") }
        #expect(earlier != nil && author != nil && reply != nil && typed != nil, "\(lines.joined(separator: "\n"))")
        if let earlier, let reply, let typed { #expect(earlier < reply && reply < typed) }
        // Only messages: the attachment event isn't quoted.
        #expect(!lines.contains { $0.contains("headers.txt") && !$0.contains("Here are") })
    }

    @Test func aLongThreadKeepsItsNewestLinesWithinAThirdOfTheBox() {
        var detail = Fixture.detail()
        for i in 0..<6 {
            detail.history.append(HistoryEvent(id: Int64(10 + i), caseID: detail.supportCase.id, at: Fixture.now.addingTimeInterval(Double(i - 6) * 60),
                                               author: "Sam Support", kind: .supportReply, text: "Reply number \(i) with a few words."))
        }
        var state = CaseFormsTests().opened(detail)
        state.answer(state.press(.char("m")), .draft(nil))
        let lines = state.screenLines()
        #expect(lines.contains { $0.contains("Reply number 5") }, "the newest is shown")
        #expect(!lines.contains { $0.contains("Reply number 2") }, "only the last three messages")
        let shown = lines.filter { $0.contains("Reply number") || $0.contains("Sam Support ·") }.count
        #expect(shown <= (24 - 2 - 2 - 5) / 3, "at most a third of the box: \(lines.joined(separator: "\n"))")
    }
}
