import Domain
import Foundation
import PostgresCluster
import Store
import Testing

/// The store protocol's contract for organisational units (issue #17), run against SQLite and PostgreSQL: placing a
/// user in a unit when they are added or later, the refusal into a unit with auto-licensing on unless the Google
/// Workspace licence is accepted (and the audit entry when it is), turning auto-licensing on and off, and the
/// overview's units, roles and secondary domains.
@Suite struct ContractOrgUnitTests {
    static let workspaceNote = "Google Workspace licence assigned by auto-licensing in Sales"

    func add(_ f: ContractFixture, _ email: String, as admin: User? = nil, into placement: UnitPlacement?) throws -> User {
        try f.store.createUser(as: admin ?? f.admin1, email: email, name: "Sam", password: "password-s", licensed: false, roles: [],
                               superAdmin: false, orgUnit: placement)
    }

    func row(_ f: ContractFixture, _ email: String) throws -> DomainUserRow? {
        try f.store.adminOverview(as: f.admin1).users.first { $0.user.email == email }
    }

    @Test(arguments: StoreKind.available)
    func aUserAddedToAUnitWithAutoLicensingOffHoldsNoWorkspaceLicence(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        #expect(try f.store.createOrgUnit(as: f.admin1, name: "Cloud Identity", autoLicensing: false) == nil)
        let sam = try add(f, "sam@one.example", into: UnitPlacement(unit: "Cloud Identity"))
        #expect(sam.email == "sam@one.example")
        let overview = try f.store.adminOverview(as: f.admin1)
        let sams = try #require(overview.users.first { $0.user.email == "sam@one.example" })
        #expect(sams.orgUnit == "Cloud Identity")
        #expect(!sams.workspaceLicence)
        #expect(overview.orgUnits == [OrgUnitRow(name: "Cloud Identity", autoLicensing: false, users: 1)])
        #expect(overview.users.filter { $0.user.email != "sam@one.example" }.allSatisfy { $0.orgUnit == nil && !$0.workspaceLicence })

        let added = try #require(try f.store.auditLog(as: f.admin1).last { $0.action == "user.add" && $0.target == "sam@one.example" })
        #expect(added.outcome == .ok)
        #expect(added.detail == nil, "no Workspace licence, nothing to add")

        // A user added without a unit is in none.
        _ = try add(f, "free@one.example", into: nil)
        #expect(try row(f, "free@one.example")?.orgUnit == nil)
    }

    @Test(arguments: StoreKind.available)
    func aUnitWithAutoLicensingOnTakesAUserOnlyWhenTheWorkspaceLicenceIsAccepted(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        #expect(try f.store.createOrgUnit(as: f.admin1, name: "Sales", autoLicensing: true) == Rules.autoLicensingWarning)
        let refused = refusal { _ = try add(f, "sam@one.example", into: UnitPlacement(unit: "Sales")) }
        #expect(refused?.kind == .invalidInput)
        #expect(refused?.field == "accept-workspace-licence")
        #expect(try row(f, "sam@one.example") == nil, "nothing created")
        #expect(refusal { _ = try f.store.signIn(email: "sam@one.example", password: "password-s") }?.reason == SignInPolicy.wrongCredentials)
        #expect(try f.store.auditLog(as: f.admin1).contains { $0.action == "user.add" && $0.target == "sam@one.example" && $0.outcome == .refused })

        _ = try add(f, "sam@one.example", into: UnitPlacement(unit: "Sales", acceptWorkspaceLicence: true))
        let sam = try #require(try row(f, "sam@one.example"))
        #expect(sam.orgUnit == "Sales")
        #expect(sam.workspaceLicence)
        #expect(try f.store.adminOverview(as: f.admin1).orgUnits == [OrgUnitRow(name: "Sales", autoLicensing: true, users: 1)])
        let added = try #require(try f.store.auditLog(as: f.admin1).last { $0.action == "user.add" && $0.outcome == .ok
                                                                          && $0.target == "sam@one.example" })
        #expect(added.detail == Self.workspaceNote)
        #expect(added.detail?.contains("Google Workspace licence") == true)

        // Another domain's units are not this domain's.
        let other = refusal { _ = try add(f, "sam@two.example", as: f.admin2, into: UnitPlacement(unit: "Sales", acceptWorkspaceLicence: true)) }
        #expect(other?.kind == .notFound)
        #expect(other?.field == "org-unit")
        #expect(other?.reason == "no organisational unit Sales: your domain has none yet")
    }

    @Test(arguments: StoreKind.available)
    func movingAUserChecksTheUnitAndKeepsTheWorkspaceLicence(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        _ = try f.store.createOrgUnit(as: f.admin1, name: "Cloud Identity", autoLicensing: false)
        _ = try f.store.createOrgUnit(as: f.admin1, name: "Sales", autoLicensing: true)

        let unknown = refusal { try f.store.moveUser(as: f.admin1, email: "agent@one.example", to: UnitPlacement(unit: "Nope")) }
        #expect(unknown?.kind == .notFound)
        #expect(unknown?.field == "org-unit")
        #expect(unknown?.reason == "no organisational unit Nope; units are: Cloud Identity, Sales")
        #expect(refusal { try f.store.moveUser(as: f.admin1, email: "agent@one.example", to: UnitPlacement(unit: "sales")) }?.field == "org-unit",
                "a unit's name is exact")

        let refused = refusal { try f.store.moveUser(as: f.admin1, email: "agent@one.example", to: UnitPlacement(unit: "Sales")) }
        #expect(refused?.kind == .invalidInput)
        #expect(refused?.field == "accept-workspace-licence")
        #expect(try row(f, "agent@one.example")?.orgUnit == nil, "not moved")

        try f.store.moveUser(as: f.admin1, email: "AGENT@one.example", to: UnitPlacement(unit: "Cloud Identity"))
        var agent = try #require(try row(f, "agent@one.example"))
        #expect(agent.orgUnit == "Cloud Identity" && !agent.workspaceLicence)

        try f.store.moveUser(as: f.admin1, email: "agent@one.example", to: UnitPlacement(unit: "Sales", acceptWorkspaceLicence: true))
        agent = try #require(try row(f, "agent@one.example"))
        #expect(agent.orgUnit == "Sales" && agent.workspaceLicence)
        let moves = try f.store.auditLog(as: f.admin1).filter { $0.action == "user.move" }
        #expect(moves.filter { $0.outcome == .ok }.map(\.target) == ["AGENT@one.example → Cloud Identity", "agent@one.example → Sales"])
        #expect(moves.last?.outcome == .ok)
        #expect(moves.last?.detail == Self.workspaceNote)
        #expect(moves.contains { $0.outcome == .refused && $0.target == "agent@one.example → Nope" })

        // Back to a Cloud Identity unit: the licence the admin accepted stays (it is the Admin console's to remove).
        try f.store.moveUser(as: f.admin1, email: "agent@one.example", to: UnitPlacement(unit: "Cloud Identity"))
        agent = try #require(try row(f, "agent@one.example"))
        #expect(agent.orgUnit == "Cloud Identity" && agent.workspaceLicence)
        #expect(try f.store.auditLog(as: f.admin1).last { $0.action == "user.move" }?.detail == nil)
        #expect(try f.store.adminOverview(as: f.admin1).orgUnits == [OrgUnitRow(name: "Cloud Identity", autoLicensing: false, users: 1),
                                                                       OrgUnitRow(name: "Sales", autoLicensing: true, users: 0)])

        // Another domain's user is not found; an agent may not move anyone.
        let elsewhere = refusal { try f.store.moveUser(as: f.admin1, email: "agent@two.example", to: UnitPlacement(unit: "Cloud Identity")) }
        #expect(elsewhere?.kind == .notFound)
        #expect(elsewhere?.field == "email")
        #expect(refusal { try f.store.moveUser(as: f.agent1, email: "agent@one.example", to: UnitPlacement(unit: "Cloud Identity")) }?.kind
                == .rule)
    }

    @Test(arguments: StoreKind.available)
    func autoLicensingTurnsOnAndOff(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        _ = try f.store.createOrgUnit(as: f.admin1, name: "Cloud Identity", autoLicensing: false)
        #expect(try f.store.setAutoLicensing(as: f.admin1, unit: "Cloud Identity", on: true) == Rules.autoLicensingWarning)
        #expect(try f.store.adminOverview(as: f.admin1).orgUnits == [OrgUnitRow(name: "Cloud Identity", autoLicensing: true, users: 0)])
        #expect(refusal { _ = try add(f, "sam@one.example", into: UnitPlacement(unit: "Cloud Identity")) }?.field == "accept-workspace-licence",
                "now the unit gives Workspace licences")
        #expect(try f.store.setAutoLicensing(as: f.admin1, unit: "Cloud Identity", on: false) == nil)
        #expect(try f.store.adminOverview(as: f.admin1).orgUnits == [OrgUnitRow(name: "Cloud Identity", autoLicensing: false, users: 0)])
        _ = try add(f, "sam@one.example", into: UnitPlacement(unit: "Cloud Identity"))
        #expect(try row(f, "sam@one.example")?.workspaceLicence == false)

        let unknown = refusal { _ = try f.store.setAutoLicensing(as: f.admin1, unit: "Nope", on: false) }
        #expect(unknown?.kind == .notFound)
        #expect(unknown?.field == "org-unit")
        #expect(refusal { _ = try f.store.setAutoLicensing(as: f.agent1, unit: "Cloud Identity", on: true) }?.kind == .rule,
                "an agent is no super administrator")
        #expect(refusal { _ = try f.store.setAutoLicensing(as: f.admin2, unit: "Cloud Identity", on: true) }?.field == "org-unit",
                "another domain's unit")
        #expect(try f.store.adminOverview(as: f.admin1).orgUnits.map(\.autoLicensing) == [false])

        let log = try f.store.auditLog(as: f.admin1).filter { $0.action == "org-unit.auto-licensing" }
        #expect(log.map(\.target) == ["Cloud Identity on", "Cloud Identity off", "Nope off", "Cloud Identity on"])
        #expect(log.map(\.outcome) == [.ok, .ok, .refused, .refused])
        #expect(log.last?.actor == "agent@one.example", "the agent's attempt is in its domain's log")
        #expect(try f.store.auditLog(as: f.admin2).contains { $0.action == "org-unit.auto-licensing" && $0.outcome == .refused })
    }

    @Test(arguments: StoreKind.available)
    func theOverviewListsRolesUnitsAndSecondaryDomains(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        try f.store.addSecondaryDomain(as: f.admin1, name: "Zeta.example")
        try f.store.addSecondaryDomain(as: f.admin1, name: "alpha.example")
        try f.store.addSecondaryDomain(as: f.admin2, name: "other.example")
        try f.store.createRole(as: f.admin1, name: "Case handler", privileges: [.accessCustomersSupportCases, .support])
        try f.store.createRole(as: f.admin2, name: "Two's role", privileges: [.support])
        _ = try f.store.createOrgUnit(as: f.admin1, name: "Sales", autoLicensing: true)
        _ = try f.store.createOrgUnit(as: f.admin1, name: "Cloud Identity", autoLicensing: false)
        _ = try f.store.createOrgUnit(as: f.admin2, name: "Elsewhere", autoLicensing: false)
        try f.store.setRole(as: f.admin1, email: "agent@one.example", role: "Case handler", assigned: true)

        let overview = try f.store.adminOverview(as: f.admin1)
        #expect(overview.domainName == "one.example")
        #expect(overview.secondaryDomains == ["alpha.example", "zeta.example"])
        #expect(overview.orgUnits == [OrgUnitRow(name: "Cloud Identity", autoLicensing: false, users: 0),
                                      OrgUnitRow(name: "Sales", autoLicensing: true, users: 0)])
        #expect(overview.roles == [
            RoleRow(name: "Case handler", privileges: [.support, .accessCustomersSupportCases], builtIn: false, users: 1),
            RoleRow(name: Role.resellerAdminName, privileges: [.support, .viewCustomers, .accessCustomersSupportCases], builtIn: true,
                    users: 2),
        ])
        #expect(overview.users.map(\.user.email) == ["admin@one.example", "agent@one.example"])
        #expect(overview.users.map(\.roles) == [[Role.resellerAdminName], ["Case handler", Role.resellerAdminName]])

        let two = try f.store.adminOverview(as: f.admin2)
        #expect(two.secondaryDomains == ["other.example"])
        #expect(two.orgUnits.map(\.name) == ["Elsewhere"])
        #expect(two.roles.map(\.name) == [Role.resellerAdminName, "Two's role"])
        #expect(refusal { _ = try f.store.adminOverview(as: f.agent1) }?.kind == .rule)
    }
}
