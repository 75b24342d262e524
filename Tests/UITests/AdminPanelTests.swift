import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// The super administrator's screen (`A`) through reduce().
@Suite struct AdminPanelTests {
    static let morgan = SessionInfo(
        user: User(id: 9, domainID: 10, email: "admin@reseller-one.example", name: "Morgan Admin", superAdmin: true,
                   licensed: true, privileges: Role.resellerAdminPrivileges),
        domainName: "reseller-one.example")

    static let overview = AdminOverview(domainName: "reseller-one.example", licencesUsed: 2, licencePool: 50, users: [
        DomainUserRow(user: morgan.user, roles: ["Reseller Admin"]),
        DomainUserRow(user: Fixture.ana.user, roles: ["Reseller Admin"]),
        DomainUserRow(user: User(id: 3, domainID: 10, email: "bruno@reseller-one.example", name: "Bruno", licensed: false,
                                 privileges: Role.resellerAdminPrivileges), roles: []),
    ])

    static let customers = [
        CustomerRow(customer: Fixture.acme, access: CustomerAccess(customerID: 100, domainID: 10, kind: .resold, granted: true, since: Fixture.now), openCases: 2),
        CustomerRow(customer: Fixture.bloom, access: CustomerAccess(customerID: 102, domainID: 10, kind: .resold, granted: false, since: Fixture.now), openCases: 0),
    ]

    func opened() -> AppState {
        var state = Fixture.myCases(sessions: [Self.morgan])
        let effects = state.press(.char("A"))
        #expect(effects == [.loadAdmin(request: effects.request(0), session: 0), .loadCustomers(request: state.lastRequest, session: 0)])
        state.answer(effects.at(0), .admin(Self.overview))
        state.answer(effects.at(1), .customers(Self.customers))
        return state
    }

    func panel(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) -> AdminPanel? {
        state.form(AdminPanel.self, sourceLocation: sourceLocation)
    }

    @Test func twoTabsOfOneDomainAreToldApartByTheUser() {
        let state = Fixture.myCases(size: Fixture.large, sessions: [Self.morgan, Fixture.ana, Fixture.ben])
        let bar = state.screenLines()[0]
        #expect(bar.contains(" admin@reseller-one.example ") && bar.contains(" ana@reseller-one.example "), "\(bar)")
        #expect(bar.contains(" partner-two.example "), "a domain with one tab keeps its plain name: \(bar)")
    }

    @Test func onlyASuperAdministratorOpensIt() {
        var state = Fixture.myCases()
        #expect(state.press(.char("A")).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.status == .error("A (admin): Only a super administrator can do this. Ask your super administrator."))
    }

    @Test func listsTheLicencePoolUsersAndCustomers() {
        var state = opened()
        var lines = state.screenLines()
        #expect(lines.contains { $0.contains("Cloud Identity Free licences  2 of 50 used") })
        #expect(lines.contains { $0.contains("bruno@reseller-one.example") && $0.contains("no licence") })
        #expect(lines.contains { $0.contains(" Setup ") && $0.contains(" Users ") && $0.contains(" Customers ") }, "the tabs")
        state.press(.backTab, .backTab)
        #expect(state.screenLines().contains { $0.contains("Bloom 🌸 Florists") && $0.contains("not granted") })
        state.press(.tab, .tab)
        // The roles need a wider screen.
        state.send(.resized(Fixture.large))
        lines = state.screenLines()
        #expect(lines.contains { $0.contains("admin@reseller-one.example") && $0.contains("super admin") && $0.contains("Reseller Admin") })
    }

    @Test func aLicenceIsAssignedThenTheScreenReloads() {
        var state = opened()
        state.press(.char("j"), .char("j"))
        // First-use item 10: a licence is assigned only after a y.
        #expect(state.press(.char("l")).isEmpty)
        #expect(state.screenLines().contains { $0.contains("Assign a licence to bruno@reseller-one.example? It takes one from") && $0.contains("… y/n") })
        #expect(state.press(.enter).isEmpty, "any key but y is no")
        #expect(state.status == .info("Nothing changed."))
        state.press(.char("l"))
        let effects = state.press(.char("y"))
        #expect(effects == [.adminChange(request: state.lastRequest, session: 0, .licence(email: "bruno@reseller-one.example", assigned: true))])
        #expect(state.press(.char("l")).isEmpty, "one change at a time")
        let after = state.answer(effects, .done)
        #expect(after.starts(with: [.loadAdmin(request: after.request(0), session: 0), .loadCustomers(request: after.request(1), session: 0)]))
        #expect(state.status == .success("Licence assigned to bruno@reseller-one.example."))
        // A refusal (the pool is used up) is shown on the screen; nothing else changes.
        state.answer(after.at(0), .admin(Self.overview))
        state.press(.char("l"))
        let again = state.press(.char("y"))
        state.answer(again, .failed("licence: all 50 Cloud Identity Free licences are in use"))
        #expect(panel(state)?.error == "licence: all 50 Cloud Identity Free licences are in use")
        #expect(state.screenLines().contains { $0.contains("licence: all 50 Cloud Identity Free licences are in use") })
    }

    @Test func suspendingAsksFirstAndNeverOneself() {
        var state = opened()
        #expect(state.press(.char("s")).isEmpty)
        #expect(panel(state)?.error == "suspend: You can't suspend your own account.")
        state.press(.char("j"))
        #expect(state.press(.char("s")).isEmpty)
        #expect(state.screenLines().contains { $0.contains("Suspend ana@reseller-one.example? They can't sign in while suspended. y/n") })
        #expect(state.press(.char("n")).isEmpty)
        #expect(state.status == .info("Nothing changed."))
        state.press(.char("s"))
        let effects = state.press(.char("y"))
        #expect(effects == [.adminChange(request: state.lastRequest, session: 0, .suspended(email: "ana@reseller-one.example", suspended: true))])
    }

    @Test func accessIsGrantedFromTheCustomersList() {
        var state = opened()
        #expect(state.press(.char("g")).isEmpty)
        #expect(state.status == .info("g does nothing in Users. It acts in Customers (Tab switches tabs)."))
        state.press(.backTab, .backTab, .char("j"))
        #expect(state.press(.char("g")).isEmpty, "granting asks first")
        #expect(state.screenLines().contains { $0.contains("Grant access for bloom.example? y/n") })
        let effects = state.press(.char("y"))
        #expect(effects == [.adminChange(request: state.lastRequest, session: 0, .grant(customer: "bloom.example", granted: true))])
        state.press(.escape)
        #expect(state.overlay == nil)
    }
}

/// First-use item 5: the suspend question was drawn over the last customer row without clearing it
/// ("…while suspended. y/nted"). The lists end above the message row, at every height.
@Suite struct AdminPromptRowTests {
    @Test(arguments: [15, 16, 23, 24, 40, 41])
    func theQuestionHasItsOwnClearedRow(height: Int) {
        var state = Fixture.myCases(size: Size(width: 80, height: height), sessions: [AdminPanelTests.morgan])
        let effects = state.press(.char("A"))
        var overview = AdminPanelTests.overview
        overview.users[1].user.suspended = true  // a short question: "Unsuspend …? y/n"
        state.answer(effects.at(0), .admin(overview))
        let many = (0..<60).map { i in
            CustomerRow(customer: Customer(id: Int64(200 + i), name: "Customer number \(i) with a long name granted", primaryDomain: "c\(i).example",
                                           tier: .standard),
                        access: CustomerAccess(customerID: Int64(200 + i), domainID: 10, kind: .resold, granted: true, since: Fixture.now),
                        openCases: 0)
        }
        state.answer(effects.at(1), .customers(many))
        state.press(.char("j"))
        state.press(.char("s"))
        let lines = state.screenLines()
        guard let question = lines.firstIndex(where: { $0.contains("Unsuspend ana@reseller-one.example?") }) else {
            Issue.record("no question at height \(height): \(lines.joined(separator: "\n"))")
            return
        }
        let row = lines[question].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "│ "))
        #expect(row.hasSuffix("y/n"), "height \(height): \(lines[question])")
        #expect(!row.contains("Customer"), "height \(height): \(lines[question])")
    }
}

/// First-use item 10: revoking a customer's access asks, says what it costs, and "no" is the default.
@Suite struct AdminRevokeAsksTests {
    @Test func revokingAccessAsksAndAnyOtherKeyKeepsIt() {
        var state = AdminPanelTests().opened()
        state.press(.backTab, .backTab)  // Customers: Acme, granted
        #expect(state.press(.char("g")).isEmpty)
        #expect(state.screenLines().contains { $0.contains("Revoke access for acme.example? Your domain can't file its cases then. y/n") })
        #expect(state.press(.char("g")).isEmpty, "pressing g again is not a yes")
        #expect(state.status == .info("Nothing changed."))
        state.press(.char("g"))
        #expect(state.press(.char("y")) == [.adminChange(request: state.lastRequest, session: 0, .grant(customer: "acme.example", granted: false))])
    }
}
