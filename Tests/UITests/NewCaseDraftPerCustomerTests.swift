import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// `n` and the new-case drafts: one per customer; with a draft for another customer the app asks.
@Suite struct NewCaseDraftPerCustomerTests {
    let wizard = NewCaseTests()

    /// The filled-in wizard for Acme Corp left with Esc, and My Customers open with the cursor on `row`.
    func acmeKeptAndCustomersOpen(row: Int) -> AppState {
        var state = wizard.filledIn()
        state.press(.escape)
        let load = state.press(.char("2"))
        state.answer(load, Fixture.customers(NewCaseTests.customerRows()))
        for _ in 0..<row { state.press(.char("j")) }
        return state
    }

    @Test func nForAnotherCustomerAsksThenStartsOneForThemAndKeepsTheDraft() {
        var state = acmeKeptAndCustomersOpen(row: 1)  // 株式会社さくら商事
        #expect(state.press(.char("n")).isEmpty)
        #expect(state.form(NewCaseDraftChoice.self)?.customer == Fixture.sakura)
        let screen = state.screenLines().joined(separator: "\n")
        #expect(screen.contains("You have a draft: a new case for Acme Corp."), "\(screen)")
        #expect(screen.contains("r resume draft") && screen.contains("n new for this customer"), "\(screen)")
        let effects = state.press(.char("n"))
        #expect(effects.first == .loadDraft(request: effects.request(0), session: 0, form: .newCase(customerID: Fixture.sakura.id)))
        #expect(state.form(NewCaseForm.self)?.customer == Fixture.sakura)
        #expect(state.form(NewCaseForm.self)?.title.isEmpty == true)
        // Acme's wizard is still kept, with everything typed.
        let kept = state.parked[ParkKey(domainID: 10, draft: .newCase(customerID: Fixture.acme.id))]?.form as? NewCaseForm
        #expect(kept?.title.text == "Shared drive members can't open files")
    }

    @Test func rResumesTheOtherCustomersDraftAndEscChangesNothing() {
        var state = acmeKeptAndCustomersOpen(row: 1)
        state.press(.char("n"))
        state.press(.escape)
        #expect(state.overlay == nil)
        #expect(state.status == .info("No new case started; your drafts are kept."))
        state.press(.char("n"))
        #expect(state.press(.char("r")).isEmpty, "the kept wizard needs nothing loaded")
        #expect(state.form(NewCaseForm.self)?.customer == Fixture.acme)
        #expect(state.form(NewCaseForm.self)?.title.text == "Shared drive members can't open files")
    }

    @Test func theCustomerInViewWithADraftGoesOnWithItWithoutAsking() {
        var state = acmeKeptAndCustomersOpen(row: 0)  // Acme Corp
        #expect(state.press(.char("n")).isEmpty)
        #expect(state.form(NewCaseForm.self)?.title.text == "Shared drive members can't open files")
    }

    @Test func aSavedDraftForAnotherCustomerIsAskedAboutToo() {
        var state = Fixture.myCases()
        state.tabs[0].drafts = [.newCase(customerID: Fixture.bloom.id)]
        let load = state.press(.char("2"))
        state.answer(load, Fixture.customers(NewCaseTests.customerRows()))
        state.press(.char("n"))  // on Acme Corp
        #expect(state.screenLines().contains { $0.contains("You have a draft: a new case for another customer.") })
        let effects = state.press(.char("r"))
        #expect(effects.first == .loadDraft(request: effects.request(0), session: 0, form: .newCase(customerID: Fixture.bloom.id)))
    }

    @Test func withoutACustomerInViewOneDraftGoesOnAndSeveralAreListed() {
        var one = Fixture.myCases()
        one.tabs[0].drafts = [.newCase(customerID: Fixture.bloom.id)]
        let effects = one.press(.char("n"))
        #expect(effects.first == .loadDraft(request: effects.request(0), session: 0, form: .newCase(customerID: Fixture.bloom.id)))

        var several = Fixture.myCases()
        several.tabs[0].drafts = [.newCase(customerID: Fixture.bloom.id), .newCase(customerID: nil)]
        let list = several.press(.char("n"))
        #expect(list.contains(.loadDrafts(request: several.lastRequest, session: 0)))
        #expect(several.form(DraftsList.self) != nil)
        #expect(several.status == .info("You have 2 new-case drafts: choose one with Enter."))
    }

    @Test func choosingAnotherCustomerMovesTheDraft() {
        var state = wizard.filledIn()  // Acme Corp
        let first = state.send(.tick(Fixture.now.addingTimeInterval(1)))
        #expect(first.contains { if case .saveDraft(_, 0, .newCase(customerID: Fixture.acme.id), _) = $0 { true } else { false } })
        // Back to the customer step and Bloom chosen instead.
        for _ in 0..<20 where state.form(NewCaseForm.self)?.field != .customer { state.press(.backTab) }
        #expect(state.form(NewCaseForm.self)?.field == .customer)
        state.press(.ctrl("u"))
        state.type("bloom")
        state.press(.enter)
        #expect(state.form(NewCaseForm.self)?.customer == Fixture.bloom)
        let moved = state.send(.tick(Fixture.now.addingTimeInterval(3)))
        #expect(moved.count == 2, "\(moved)")
        #expect(moved.contains { if case .discardDraft(_, 0, .newCase(customerID: Fixture.acme.id)) = $0 { true } else { false } })
        #expect(moved.contains { if case .saveDraft(_, 0, .newCase(customerID: Fixture.bloom.id), _) = $0 { true } else { false } })
        #expect(state.tabs[0].drafts?.contains(.newCase(customerID: Fixture.acme.id)) != true)
    }

    @Test func theDraftKeyIsStoredAsTextAndReadBack() {
        for form in [DraftForm.newCase(customerID: nil), .newCase(customerID: 42), .message(caseNumber: 10_007_919), .unknown("poll 3")] {
            #expect(DraftForm(stored: form.stored) == form)
        }
        #expect(DraftForm.newCase(customerID: 42).stored == "new case for customer 42")
        #expect(DraftForm(stored: "new case for customer x") == .unknown("new case for customer x"))
    }
}
