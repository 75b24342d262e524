import Domain
import Testing

/// #17: what keeps a user out (the one rule sign-in and the checklist share), the placement rule, and each step of the
/// seed's setup as `SetupChecklist` reports it.
@Suite struct SetupChecklistTests {
    static func user(_ local: String, domain: String = "west.example", licensed: Bool = true, privileges: Set<Privilege> = Role.resellerAdminPrivileges,
                     superAdmin: Bool = false, suspended: Bool = false, alerts: String? = nil) -> User {
        User(id: Int64(local.hashValue & 0xffff), domainID: 1, email: "\(local)@\(domain)", name: local, superAdmin: superAdmin, suspended: suspended,
             licensed: licensed, privileges: privileges, alertAddress: alerts)
    }

    /// A domain where every step is done: a Cloud Identity unit with auto-licensing off, every user in it with a
    /// licence, the portal's privileges and a redirect; the super admin outside it.
    static let ready = AdminOverview(domainName: "west.example", licencesUsed: 3, licencePool: 50, users: [
        DomainUserRow(user: user("root", superAdmin: true), roles: ["Reseller Admin"]),
        DomainUserRow(user: user("ann", alerts: "ann@mail.example"), roles: ["Reseller Admin"], orgUnit: "Cloud Identity"),
        DomainUserRow(user: user("eu", domain: "eu.west.example", alerts: "eu@mail.example"), roles: ["Reseller Admin"], orgUnit: "Cloud Identity"),
    ], secondaryDomains: ["eu.west.example"], orgUnits: [OrgUnitRow(name: "Cloud Identity", autoLicensing: false, users: 2)])

    func step(_ o: AdminOverview, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> SetupReport.Step? {
        let found = SetupChecklist.report(o).steps.first { $0.name == name }
        #expect(found != nil, "no step \(name)", sourceLocation: sourceLocation)
        return found
    }

    @Test func everyGapIsListedInTheSeedsOrder() {
        #expect(Rules.portalAccessGaps(Self.user("a")) == [])
        #expect(Rules.portalAccessGaps(Self.user("a", licensed: false, privileges: [.support], suspended: true)).map(\.description)
                == ["suspended", "no Cloud Identity Free licence", "missing privilege: View Customers", "missing privilege: Access Customers Support Cases"])
        #expect(Rules.portalAccessGaps(Self.user("a", privileges: [.legacyEnterprise, .legacyResoldEnterpriseSupport])) == [], "the legacy pair opens it")
        #expect(Rules.whyNoPortalAccess(Self.user("a", licensed: false)) == "no Cloud Identity Free licence")
    }

    @Test func signInRefusesWithTheSameGaps() {
        #expect(Rules.portalAccess(Self.user("a", licensed: false, privileges: [.support])).refusal?.reason
                == "\(Rules.noPortalAccess) (No Cloud Identity Free licence is assigned to a@west.example. a@west.example lacks the privileges View Customers, Access Customers Support Cases.)")
        #expect(Rules.portalAccess(Self.user("a", privileges: [.support, .viewCustomers])).refusal?.reason
                == "\(Rules.noPortalAccess) (a@west.example lacks the privilege Access Customers Support Cases.)")
        #expect(Rules.portalAccess(Self.user("a", licensed: false, suspended: true)).refusal?.reason
                == "This account is suspended. Contact your super administrator.")
    }

    @Test func placingInAnAutoLicensingUnitNeedsTheWorkspaceLicenceAccepted() {
        #expect(Rules.placeInUnit(autoLicensing: false, acceptWorkspaceLicence: false) == .allowed)
        #expect(Rules.placeInUnit(autoLicensing: true, acceptWorkspaceLicence: true) == .allowed)
        let refusal = Rules.placeInUnit(autoLicensing: true, acceptWorkspaceLicence: false).refusal
        #expect(refusal?.field == "accept-workspace-licence" && refusal?.kind == .invalidInput)
        #expect(refusal?.reason.contains("Google Workspace licence as well as Cloud Identity") == true)
    }

    @Test func aReadyDomainHasEveryStepDone() {
        let report = SetupChecklist.report(Self.ready)
        let open = report.steps.filter { !$0.done }
        #expect(report.allDone, "\(open)")
        #expect(report.steps.map(\.name) == ["Turn off auto-licensing", "Create a unit for Cloud Identity users", "Add users of west.example to the unit",
                                             "Add users of eu.west.example to the unit", "Assign Cloud Identity Free licences",
                                             "Assign the Reseller Admin role (or a custom role)", "Set up email alerts"])
        #expect(report.users.allSatisfy { $0.canUsePortal })
    }

    @Test func anAutoLicensingUnitIsFlaggedWithItsUsers() {
        var o = Self.ready
        o.orgUnits.append(OrgUnitRow(name: "Sales", autoLicensing: true, users: 1))
        #expect(step(o, "Turn off auto-licensing")?.done == false)
        #expect(step(o, "Turn off auto-licensing")?.detail.hasPrefix("still on in Sales (1 user)") == true)
        o.orgUnits = [OrgUnitRow(name: "Sales", autoLicensing: true, users: 2)]
        #expect(step(o, "Create a unit for Cloud Identity users")?.done == false, "an auto-licensing unit is no Cloud Identity unit")
        #expect(step(o, "Add users of west.example to the unit")?.done == false)
    }

    @Test func eachSecondaryDomainNeedsItsOwnUsersInTheUnit() {
        var o = Self.ready
        o.secondaryDomains.append("apac.west.example")
        #expect(step(o, "Add users of apac.west.example to the unit")?.detail == "no users yet: add users with addresses in apac.west.example")
        o.users.append(DomainUserRow(user: Self.user("kim", domain: "apac.west.example", alerts: "k@mail.example"), roles: ["Reseller Admin"]))
        #expect(step(o, "Add users of apac.west.example to the unit")?.detail == "not in a Cloud Identity unit: kim@apac.west.example")
        o.users[3].orgUnit = "Cloud Identity"
        #expect(step(o, "Add users of apac.west.example to the unit")?.done == true)
        #expect(step(o, "Add users of west.example to the unit")?.detail == "1 user in a Cloud Identity unit", "the super admin keeps a Workspace account")
    }

    @Test func licencesSayHowManyMoreThePoolNeeds() {
        var o = Self.ready
        o.licencePool = 3
        o.users.append(DomainUserRow(user: Self.user("new", licensed: false, alerts: "n@mail.example"), roles: [], orgUnit: "Cloud Identity"))
        let s = step(o, "Assign Cloud Identity Free licences")
        #expect(s?.done == false)
        #expect(s?.detail == "3 of 3 Cloud Identity Free licences used; no licence: new@west.example; the pool is too small: request 1 more")
        o.users[3].user.suspended = true
        #expect(step(o, "Assign Cloud Identity Free licences")?.done == true, "a suspended user needs no licence")
    }

    @Test func rolesNameEachMissingPrivilege() {
        var o = Self.ready
        o.users[1].user.privileges = [.support]
        #expect(step(o, "Assign the Reseller Admin role (or a custom role)")?.detail
                == "missing privileges: ann@west.example (View Customers, Access Customers Support Cases)")
        #expect(SetupChecklist.report(o).users[1].missing == ["missing privilege: View Customers", "missing privilege: Access Customers Support Cases"])
    }

    @Test func alertsOfACloudIdentityAccountMustGoSomewhere() {
        var o = Self.ready
        o.users[1].user.alertAddress = nil
        #expect(step(o, "Set up email alerts")?.done == false)
        #expect(step(o, "Set up email alerts")?.detail.contains("ann@west.example") == true)
        o.users[1].workspaceLicence = true
        #expect(step(o, "Set up email alerts")?.done == true, "a Workspace licence brings a mailbox")
    }

    @Test func longListsNameThreeAndCountTheRest() {
        var o = Self.ready
        o.users += (1...5).map { DomainUserRow(user: Self.user("u\($0)", alerts: "x@mail.example"), roles: [], orgUnit: nil) }
        #expect(step(o, "Add users of west.example to the unit")?.detail
                == "not in a Cloud Identity unit: u1@west.example, u2@west.example, u3@west.example and 2 more")
    }
}
