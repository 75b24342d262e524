import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// The admin screen's setup tabs (#17): the checklist, units, users placed in units, roles, licences and alerts,
/// through reduce(); every change is the one value the CLI's command also makes.
@Suite struct AdminSetupTabsTests {
    static let overview: AdminOverview = {
        var o = AdminPanelTests.overview
        o.orgUnits = [OrgUnitRow(name: "Cloud Identity", autoLicensing: false, users: 1), OrgUnitRow(name: "Sales", autoLicensing: true, users: 0)]
        o.roles = [RoleRow(name: "Helpdesk viewer", privileges: [.support], builtIn: false, users: 0),
                   RoleRow(name: "Reseller Admin", privileges: [.support, .viewCustomers, .accessCustomersSupportCases], builtIn: true, users: 2)]
        o.users[1].orgUnit = "Cloud Identity"
        o.users[2].user.alertAddress = "bruno@workspace.example"
        o.secondaryDomains = ["eu.reseller-one.example"]
        return o
    }()

    func opened(tab: AdminSection) -> AppState {
        var state = Fixture.myCases(size: Fixture.large, sessions: [AdminPanelTests.morgan])
        let effects = state.press(.char("A"))
        state.answer(effects.at(0), .admin(Self.overview))
        state.answer(effects.at(1), .customers(AdminPanelTests.customers))
        while state.form(AdminPanel.self)?.section != tab { state.press(.tab) }
        return state
    }

    func panel(_ state: AppState) -> AdminPanel? { state.form(AdminPanel.self) }

    @Test func theSetupTabListsTheSeedsStepsAndWhoIsBlocked() {
        let state = opened(tab: .setup)
        let lines = state.screenLines()
        let text = lines.joined(separator: "\n")
        #expect(lines.contains { $0.contains("[ ] Turn off auto-licensing") && $0.contains("still on in Sales (0 users)") }, "\(text)")
        #expect(lines.contains { $0.contains("[x] Create a unit for Cloud Identity users") && $0.contains("Cloud Identity") }, "\(text)")
        #expect(lines.contains { $0.contains("[ ] Add users of eu.reseller-one.example to the unit") && $0.contains("no users yet") }, "\(text)")
        #expect(lines.contains { $0.contains("blocked") && $0.contains("bruno@reseller-one.example") && $0.contains("no Cloud Identity Free licence") },
                "\(text)")
        #expect(lines.contains { $0.contains("setup: 2 of 7 steps done") }, "\(text)")
    }

    @Test func theSelectedRowIsShownWholeBelowTheList() {
        var state = opened(tab: .setup)
        state.send(.resized(Size(width: 60, height: 30)))
        state.press(.char("j"), .char("j"), .char("j"), .char("j"))  // Assign Cloud Identity Free licences
        let text = state.screenLines().joined(separator: "\n")
        #expect(text.contains("Assign Cloud Identity Free licences (to do): 2 of 50"), "\(text)")
        #expect(text.contains("used; no licence:") && text.contains("│   bruno@reseller-one.example "), "the detail, wrapped, past the row's end: \(text)")
    }

    @Test func aUnitIsCreatedAndARefusalKeepsWhatWasTyped() {
        var state = opened(tab: .units)
        #expect(state.press(.char("n")).isEmpty)
        state.type("Cloud Identity")
        let effects = state.press(.enter)
        #expect(effects == [.adminChange(request: state.lastRequest, session: 0, .createOrgUnit(name: "Cloud Identity", autoLicensing: false))])
        state.answer(effects, .failed("name: an org unit named Cloud Identity already exists"))
        #expect(panel(state)?.prompt?.fields[0].text.text == "Cloud Identity", "nothing typed is lost")
        #expect(state.screenLines().contains { $0.contains("name: an org unit named Cloud Identity already exists") })
        state.press(.char("s"))
        let again = state.press(.enter)
        let after = state.answer(again, .done)
        #expect(panel(state)?.prompt == nil)
        #expect(after.starts(with: [.loadAdmin(request: after.request(0), session: 0)]))
        #expect(state.status == .success("Unit Cloud Identitys created, auto-licensing off."))
    }

    @Test func anEmptyUnitNameIsRefusedBeforeAnythingIsSent() {
        var state = opened(tab: .units)
        state.press(.char("n"))
        #expect(state.press(.enter).isEmpty)
        #expect(panel(state)?.prompt?.error == "name: give the organisational unit a name")
        #expect(state.press(.escape).isEmpty)
        #expect(panel(state)?.prompt == nil)
        #expect(state.status == .info("Nothing changed."))
    }

    @Test func autoLicensingIsTurnedOnOnlyAfterAYes() {
        var state = opened(tab: .units)
        #expect(state.press(.char("a")).isEmpty)
        #expect(state.screenLines().contains { $0.contains("Turn auto-licensing on for Cloud Identity? New users there get a Google Workspace") })
        #expect(state.press(.char("y")) == [.adminChange(request: state.lastRequest, session: 0, .autoLicensing(unit: "Cloud Identity", on: true))])
    }

    @Test func aUserAddedToAnAutoLicensingUnitIsAskedAboutTheWorkspaceLicence() {
        var state = opened(tab: .users)
        state.press(.char("n"))
        #expect(panel(state)?.prompt?.fields[3].text.text == "Cloud Identity", "the Cloud Identity unit is offered first")
        #expect(state.press(.enter).isEmpty)
        #expect(panel(state)?.prompt?.error?.hasPrefix("email:") == true)
        state.type("dana@reseller-one.example")
        state.press(.tab)
        state.type("Dana Scully")
        state.press(.tab)
        state.type("correct horse battery")
        state.press(.tab, .ctrl("u"))
        state.type("Sales")
        #expect(state.press(.enter).isEmpty, "auto-licensing is on in Sales: asked first")
        #expect(state.screenLines().contains { $0.contains("Sales: auto-licensing is on for this organisational unit") })
        #expect(state.press(.char("n")).isEmpty)
        #expect(panel(state)?.prompt?.fields[0].text.text == "dana@reseller-one.example", "a no keeps the form")
        state.press(.enter)
        let effects = state.press(.char("y"))
        #expect(effects == [.adminChange(request: state.lastRequest, session: 0, .addUser(
            email: "dana@reseller-one.example", name: "Dana Scully", password: "correct horse battery",
            placement: UnitPlacement(unit: "Sales", acceptWorkspaceLicence: true)))])
    }

    @Test func aUserIsMovedToAUnitChosenFromAList() {
        var state = opened(tab: .users)
        state.press(.char("j"))
        #expect(state.press(.char("o")).isEmpty)
        #expect(state.screenLines().contains { $0.contains("Move ana@reseller-one.example to which unit?") })
        #expect(state.press(.enter) == [.adminChange(request: state.lastRequest, session: 0,
                                                     .moveUser(email: "ana@reseller-one.example", UnitPlacement(unit: "Cloud Identity")))])
    }

    @Test func aRoleIsCreatedFromTickedPrivilegesThenAssignedAndRevoked() {
        var state = opened(tab: .roles)
        state.press(.char("n"))
        state.type("Case desk")
        #expect(state.press(.enter).isEmpty, "no privilege ticked")
        #expect(panel(state)?.prompt?.error != nil)
        state.press(.tab, .char(" "), .down, .down, .char(" "))
        let lines = state.screenLines()
        #expect(lines.contains { $0.contains("[x] Support") } && lines.contains { $0.contains("[x] Reseller Tools › Customers › Access Customers Support Cases") },
                "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("[ ] Legacy Enterprise  (legacy)") })
        let created = state.press(.enter)
        #expect(created == [.adminChange(request: state.lastRequest, session: 0,
                                         .createRole(name: "Case desk", privileges: [.support, .accessCustomersSupportCases]))])
        state.answer(created, .done)

        state.press(.char("j"))  // Reseller Admin: held by Morgan and Ana
        #expect(state.press(.char("+")).isEmpty)
        #expect(panel(state)?.pick?.values == ["bruno@reseller-one.example"])
        #expect(state.press(.enter) == [.adminChange(request: state.lastRequest, session: 0,
                                                     .role(email: "bruno@reseller-one.example", role: "Reseller Admin", assigned: true))])
    }

    @Test func revokingARoleAsksFirst() {
        var state = opened(tab: .roles)
        state.press(.char("j"), .char("x"))
        #expect(panel(state)?.pick?.values == ["admin@reseller-one.example", "ana@reseller-one.example"])
        state.press(.char("j"))
        #expect(state.press(.enter).isEmpty)
        #expect(state.screenLines().contains { $0.contains("Revoke Reseller Admin from ana@reseller-one.example? They may lose portal access. y/n") })
        #expect(state.press(.char("y")) == [.adminChange(request: state.lastRequest, session: 0,
                                                         .role(email: "ana@reseller-one.example", role: "Reseller Admin", assigned: false))])
    }

    @Test func moreLicencesAreRequestedWithACount() {
        var state = opened(tab: .licences)
        state.press(.char("n"))
        state.type("lots")
        #expect(state.press(.enter).isEmpty)
        #expect(panel(state)?.prompt?.error == "count: give a number from 1 to 10000")
        state.press(.ctrl("u"))
        state.type("25")
        #expect(state.press(.enter) == [.adminChange(request: state.lastRequest, session: 0, .requestLicences(count: 25))])
    }

    @Test func alertsAreRedirectedAndClearedAfterAYes() {
        var state = opened(tab: .alerts)
        let lines = state.screenLines()
        #expect(lines.contains { $0.contains("ana@reseller-one.example") && $0.contains("to their Cloud Identity address (no mailbox)") },
                "\(lines.joined(separator: "\n"))")
        state.press(.char("j"))
        #expect(state.press(.char("x")).isEmpty)
        #expect(state.status == .info("ana@reseller-one.example's alerts are not redirected."))
        state.press(.char("e"))
        state.type("ana@workspace.example")
        let redirected = state.press(.enter)
        #expect(redirected == [.adminChange(request: state.lastRequest, session: 0,
                                            .alerts(email: "ana@reseller-one.example", address: "ana@workspace.example"))])
        state.answer(redirected, .done)
        state.press(.char("j"), .char("x"))
        #expect(state.screenLines().contains { $0.contains("Clear the redirect of bruno@reseller-one.example?") })
        #expect(state.press(.char("y")) == [.adminChange(request: state.lastRequest, session: 0, .alerts(email: "bruno@reseller-one.example", address: nil))])
    }

    @Test func aKeyOfAnotherTabSaysWhereItActs() {
        var state = opened(tab: .users)
        #expect(state.press(.char("a")).isEmpty)
        #expect(state.status == .info("a does nothing in Users. It acts in Units (Tab switches tabs)."))
    }

    @Test func aFormFollowsItsKeyTable() {
        var state = opened(tab: .units)
        state.press(.char("n"))
        state.type("Field team")
        #expect(state.screenLines().contains { $0.contains("Enter save") && $0.contains("Esc cancel") }, "the form's keys from its table")
        #expect(state.press(.ctrl("s")) == [.adminChange(request: state.lastRequest, session: 0, .createOrgUnit(name: "Field team", autoLicensing: false))])
    }

    @Test func aSecondaryDomainIsAddedFromTheSetupTab() {
        var state = opened(tab: .setup)
        state.press(.char("n"))
        state.type("apac.reseller-one.example")
        #expect(state.press(.enter) == [.adminChange(request: state.lastRequest, session: 0, .addSecondaryDomain(name: "apac.reseller-one.example"))])
    }
}
