import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// The e (escalate) and h (sharing) forms of an open case.
@Suite struct EscalateSharingTests {
    static let number = 10_007_919

    /// My Cases with the cursor on the fixture case, opened and loaded.
    func opened(_ detail: CaseDetail = Fixture.detail(customer: Fixture.sakura)) -> AppState {
        var state = Fixture.myCases()
        state.press(.char("j"))
        let load = state.press(.enter)
        state.answer(load, .caseDetail(detail))
        return state
    }

    func escalation(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) -> EscalationForm? {
        state.form(EscalationForm.self, sourceLocation: sourceLocation)
    }

    func sharing(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) -> SharingForm? {
        state.form(SharingForm.self, sourceLocation: sourceLocation)
    }

    // MARK: e

    @Test func escalateWithBusinessImpact() {
        var state = opened()
        #expect(state.press(.char("e")).isEmpty)
        let lines = state.screenLines()
        #expect(lines.contains { $0.contains("Resolution time") })
        #expect(lines.contains { $0.contains("Technical expertise") })
        #expect(lines.contains { $0.contains("Business impact") })
        state.press(.char("j"), .char("j"), .char("j"))  // stops at the last
        #expect(escalation(state)?.reason == .businessImpact)
        state.press(.tab)
        state.type("Payroll is blocked")
        state.press(.enter)
        state.type("for 300 staff.")
        #expect(escalation(state)?.reason == .businessImpact)  // j typed in the text doesn't move the reason
        let sent = state.press(.ctrl("s"))
        #expect(sent == [.caseCommand(request: state.lastRequest, session: 0, number: Self.number,
                                      .escalate(reason: .businessImpact, justification: "Payroll is blocked\nfor 300 staff."))])
        #expect(escalation(state)?.sending == state.lastRequest)
        let reload = state.answer(sent, .done)
        #expect(reload.withoutUnreadCounts == [.loadCase(request: reload.request(0), session: 0, number: Self.number)])
        #expect(state.overlay == nil)
        #expect(state.status == .success("Case 10007919 escalated."))
    }

    @Test func anEmptyJustificationIsRefusedAtTheField() {
        var state = opened()
        state.press(.char("e"), .tab)
        state.type("   ")
        #expect(state.press(.ctrl("s")).isEmpty)
        #expect(escalation(state)?.error == "justification: explain why the case needs escalating")
        #expect(state.waitingCommands.isEmpty)
        #expect(state.screenLines().contains { $0.contains("justification: explain why the case needs escalating") })
    }

    @Test func aFailedEscalationKeepsTheFormWithTheReason() {
        var state = opened()
        state.press(.char("e"), .char("j"), .tab)
        state.type("Three weeks without progress.")
        let sent = state.press(.ctrl("s"))
        #expect(sent.count == 1)
        #expect(state.answer(sent, .failed("Case 10007919 is already escalated.")).isEmpty)
        let form = escalation(state)
        #expect(form?.error == "Case 10007919 is already escalated.")
        #expect(form?.sending == nil)
        #expect(form?.reason == .technicalExpertise)
        #expect(form?.field.text == "Three weeks without progress.")
        #expect(state.screenLines().contains { $0.contains("Case 10007919 is already escalated.") })
    }

    @Test func escalateStaysRefusedForStandardSupport() {
        var state = opened(Fixture.detail())
        #expect(state.press(.char("e")).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.status?.text.hasPrefix("e (escalate): Escalation is only available") == true)
    }

    // MARK: h

    @Test func addingAnAddressThenCtrlSSharesIt() {
        var state = opened()
        #expect(state.press(.char("h")).isEmpty)
        #expect(sharing(state)?.current == ["it@acme.example"])
        #expect(state.screenLines().contains { $0.contains("it@acme.example") })
        state.type("ops@acme.example")
        #expect(state.press(.enter).isEmpty)
        #expect(sharing(state)?.add == ["ops@acme.example"])
        #expect(sharing(state)?.field.isEmpty == true)
        #expect(state.screenLines().contains { $0.contains("+ ops@acme.example") })
        let sent = state.press(.ctrl("s"))
        #expect(sent == [.caseCommand(request: state.lastRequest, session: 0, number: Self.number,
                                      .share(add: ["ops@acme.example"], remove: []))])
        let reload = state.answer(sent, .done)
        #expect(reload.withoutUnreadCounts == [.loadCase(request: reload.request(0), session: 0, number: Self.number)])
        #expect(state.overlay == nil)
        #expect(state.status == .success("Sharing updated."))
    }

    @Test func anAddressAlreadySharedIsRefusedAtTheFieldByTheDomainsRule() {
        var state = opened()
        state.press(.char("h"))
        state.type("IT@acme.example")
        #expect(state.press(.enter).isEmpty)
        #expect(sharing(state)?.error == "add: it@acme.example is already on this case's sharing list")
        #expect(sharing(state)?.add == [])
        #expect(sharing(state)?.field.text == "IT@acme.example")
        // Added once, then typed again: refused too.
        state.press(.ctrl("u"))
        state.type("ops@acme.example")
        state.press(.enter)
        state.type("ops@acme.example")
        state.press(.enter)
        #expect(sharing(state)?.error == "add: ops@acme.example is given twice")
        #expect(sharing(state)?.add == ["ops@acme.example"])
    }

    @Test func anInvalidAddressIsRefusedAtTheField() {
        var state = opened()
        state.press(.char("h"))
        state.type("not an address")
        #expect(state.press(.enter).isEmpty)
        #expect(sharing(state)?.error == "email: \"not an address\" is not a valid email address (expected name@example.com)")
        #expect(sharing(state)?.add == [])
        #expect(sharing(state)?.field.text == "not an address")
        // Nothing changed: Ctrl-S sends nothing.
        state.press(.ctrl("u"))
        #expect(state.press(.ctrl("s")).isEmpty)
        #expect(state.waitingCommands.isEmpty)
    }

    @Test func anEleventhAddressIsRefused() {
        var detail = Fixture.detail(customer: Fixture.sakura)
        detail.sharing = (1...10).map { "user\($0)@acme.example" }
        var state = opened(detail)
        state.press(.char("h"))
        state.type("eleven@acme.example")
        #expect(state.press(.enter).isEmpty)
        #expect(sharing(state)?.error == "add: a case can be shared with at most 10 addresses; this would make 11")
        #expect(sharing(state)?.add == [])
        #expect(state.press(.ctrl("s")).isEmpty)
        #expect(state.waitingCommands.isEmpty)
    }

    @Test func removingAnAddressSharesTheRemoval() {
        var detail = Fixture.detail(customer: Fixture.sakura)
        detail.sharing = ["it@acme.example", "boss@acme.example"]
        var state = opened(detail)
        state.press(.char("h"), .tab, .char("j"), .char("x"))
        #expect(sharing(state)?.remove == ["boss@acme.example"])
        #expect(state.screenLines().contains { $0.contains("- boss@acme.example") })
        // Marking twice unmarks; d marks again.
        state.press(.char("x"))
        #expect(sharing(state)?.remove == [])
        state.press(.char("d"))
        let sent = state.press(.ctrl("s"))
        #expect(sent == [.caseCommand(request: state.lastRequest, session: 0, number: Self.number,
                                      .share(add: [], remove: ["boss@acme.example"]))])
        #expect(state.answer(sent, .failed("database is locked")).isEmpty)
        #expect(sharing(state)?.error == "database is locked")
    }
}
