import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// The e (escalate) and h (sharing) forms of an open case.
@Suite struct EscalateSharingTests {
    static let number = 10_007_919

    /// My Cases with the cursor on the fixture case, opened and loaded (requests 1–3 are used).
    func opened(_ detail: CaseDetail = Fixture.detail(customer: Fixture.sakura)) -> AppState {
        var state = Fixture.myCases()
        state.press(.char("j"))
        let request = state.press(.enter).first?.request ?? -1
        state.send(.caseLoaded(request: request, detail: detail))
        return state
    }

    func escalation(_ state: AppState) -> EscalationForm? {
        if case .escalate(let form) = state.overlay { return form }
        Issue.record("the escalation form is not open: \(state.overlay)")
        return nil
    }

    func sharing(_ state: AppState) -> SharingForm? {
        if case .sharing(let form) = state.overlay { return form }
        Issue.record("the sharing form is not open: \(state.overlay)")
        return nil
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
        #expect(sent == [.escalate(request: 4, session: 0, number: Self.number, reason: .businessImpact,
                                   justification: "Payroll is blocked\nfor 300 staff.")])
        #expect(escalation(state)?.sending == 4)
        #expect(state.send(.commandSucceeded(request: 4)) == [.loadCase(request: 5, session: 0, number: Self.number)])
        #expect(state.overlay == .none)
        #expect(state.status == .success("Case 10007919 escalated."))
    }

    @Test func anEmptyJustificationIsRefusedAtTheField() {
        var state = opened()
        state.press(.char("e"), .tab)
        state.type("   ")
        #expect(state.press(.ctrl("s")).isEmpty)
        #expect(escalation(state)?.error == "justification: explain why the case needs escalating")
        #expect(state.pendingCommands.isEmpty)
        #expect(state.screenLines().contains { $0.contains("justification: explain why the case needs escalating") })
    }

    @Test func aFailedEscalationKeepsTheFormWithTheReason() {
        var state = opened()
        state.press(.char("e"), .char("j"), .tab)
        state.type("Three weeks without progress.")
        #expect(state.press(.ctrl("s")).count == 1)
        #expect(state.send(.commandFailed(request: 4, message: "Case 10007919 is already escalated.")).isEmpty)
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
        #expect(state.overlay == .none)
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
        #expect(state.press(.ctrl("s")) == [.shareCase(request: 4, session: 0, number: Self.number,
                                                       add: ["ops@acme.example"], remove: [])])
        #expect(state.send(.commandSucceeded(request: 4)) == [.loadCase(request: 5, session: 0, number: Self.number)])
        #expect(state.overlay == .none)
        #expect(state.status == .success("Sharing updated."))
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
        #expect(state.pendingCommands.isEmpty)
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
        #expect(state.pendingCommands.isEmpty)
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
        #expect(state.press(.ctrl("s")) == [.shareCase(request: 4, session: 0, number: Self.number,
                                                       add: [], remove: ["boss@acme.example"])])
        #expect(state.send(.commandFailed(request: 4, message: "database is locked")).isEmpty)
        #expect(sharing(state)?.error == "database is locked")
    }
}
