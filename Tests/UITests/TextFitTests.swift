import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// Usability item 16: text was cut while the row had room (the sessions box's `Name <address>`, admin domains, the case
/// page's category), or cut without `…` (the wizard's category list). Text now takes the room there is and is cut, with
/// `…`, only where the room runs out.
@Suite struct TextFitTests {
    static let alice = SessionInfo(
        user: User(id: 5, domainID: 30, email: "alice@cloudpartners.example", name: "Alice Moreau",
                   licensed: true, privileges: Role.resellerAdminPrivileges),
        domainName: "cloudpartners.example")

    static func granted(_ c: Customer) -> CustomerRow {
        CustomerRow(customer: c, access: CustomerAccess(customerID: c.id, domainID: 10, kind: .resold, granted: true, since: Fixture.now),
                    openCases: 1)
    }

    static let brightwater = Customer(id: 110, name: "Brightwater Dental", primaryDomain: "brightwater-dental.example", tier: .standard)
    static let evergreen = Customer(id: 111, name: "Evergreen Schools Trust International Holdings",
                                    primaryDomain: "evergreen.example", tier: .enhanced)

    @Test(arguments: [Fixture.small, Fixture.large])
    func theSessionsBoxShowsTheNameAndAddressWhole(size: Size) {
        var state = Fixture.myCases(size: size, sessions: [Self.alice, Fixture.ben])
        state.press(.char("S"))
        let lines = state.screenLines()
        #expect(lines.contains { $0.contains("* cloudpartners.example  Alice Moreau <alice@cloudpartners.example>") },
                "\(lines.joined(separator: "\n"))")
    }

    @Test func adminDomainsAreWholeAt120Columns() {
        var state = Fixture.myCases(size: Fixture.large, sessions: [AdminPanelTests.morgan])
        let effects = state.press(.char("A"))
        state.answer(effects.at(0), .admin(AdminPanelTests.overview))
        state.answer(effects.at(1), .customers([Self.granted(Fixture.acme), Self.granted(Self.brightwater)]))
        state.press(.backTab, .backTab)  // the Customers tab
        let lines = state.screenLines()
        #expect(lines.contains { $0.contains("Brightwater Dental brightwater-dental.example standard  granted") },
                "\(lines.joined(separator: "\n"))")
        #expect(!lines.joined().contains("…"))
    }

    @Test func myCustomersWidensTheDomainWhileTheNamesLeaveRoom() {
        var state = Fixture.myCases()
        state.answer(state.press(.char("2")), Fixture.customers([Self.granted(Fixture.acme), Self.granted(Self.brightwater)]))
        let lines = state.screenLines()
        #expect(lines.contains { $0.contains("Brightwater Dental") && $0.contains("brightwater-dental.example") },
                "\(lines.joined(separator: "\n"))")
    }

    @Test func theWizardShowsALongCustomerNameWholeAt120Columns() {
        var state = Fixture.myCases(size: Fixture.large)
        let effects = state.press(.char("n"))
        state.answer(effects.at(0), .draft(nil))
        state.answer(effects.at(1), .customers([Self.granted(Fixture.acme), Self.granted(Self.evergreen)]))
        let lines = state.screenLines()
        #expect(lines.contains { $0.contains("Evergreen Schools Trust International Holdings granted") },
                "\(lines.joined(separator: "\n"))")
    }

    /// Every category row is the whole path, or as much as fits followed by `…`.
    @Test(arguments: [Fixture.small, Fixture.large])
    func theWizardsCategoryListEndsACutPathWithAnEllipsis(size: Size) {
        var state = Fixture.myCases(size: size)
        let effects = state.press(.char("n"))
        state.answer(effects.at(0), .draft(nil))
        state.answer(effects.at(1), .customers(NewCaseTests.customerRows()))
        state.type("acme")
        state.press(.enter)
        state.type("Mail")
        state.press(.tab)
        state.type("migration")
        guard let choices = state.form(NewCaseForm.self)?.categoryChoices, !choices.isEmpty else { return }
        let lines = state.screenLines()
        var cut = 0
        for category in choices {
            let start = String(category.path.prefix(20))
            guard let line = lines.first(where: { $0.contains(start) }) else { continue }
            let row = line.trimmingCharacters(in: CharacterSet(charactersIn: "│ "))
            if row.hasSuffix(category.path) { continue }
            cut += 1
            #expect(row.hasSuffix("…"), "cut without an ellipsis at \(size): \(line)")
        }
        if size == Fixture.small { #expect(cut > 0, "at 80 columns some paths are cut") }
    }

    @Test func aCategoryTooLongForHalfTheCasePageHasTheWholeRow() {
        var detail = Fixture.detail()
        let category = "Data migration > Data migration service > Migration from Microsoft 365 or Exchange failed"
        detail.supportCase.category = category
        var state = Fixture.myCases(size: Fixture.large)
        state.answer(state.press(.char("j"), .enter), .caseDetail(detail))
        let lines = state.screenLines()
        #expect(lines.contains(" Category     " + category), "\(lines.joined(separator: "\n"))")
        // At 80 columns the row is too short: cut, with the ellipsis.
        state.send(.resized(Fixture.small))
        let narrow = state.screenLines()
        let row = narrow.first { $0.hasPrefix(" Category ") } ?? ""
        #expect(row.displayWidth == 79 && row.hasSuffix("…"), "\(row)")
    }

    @Test func aStatusMessageUsesTheWholeLineAndIsCutWithAnEllipsisPastIt() {
        var state = Fixture.myCases(size: Fixture.large)
        let long = String(repeating: "word ", count: 30)
        state.status = .info("A message that fits in 120 columns: " + String(repeating: "x", count: 70))
        #expect(state.screenLines()[39] == " A message that fits in 120 columns: " + String(repeating: "x", count: 70))
        state.status = .info(long)
        let line = state.screenLines()[39]
        #expect(line.displayWidth == 119 && line.hasSuffix("…"), "\(line)")
    }
}
