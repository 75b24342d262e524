import Domain
import Foundation
import PostgresCluster
import Store
import Testing

/// The store protocol's contract for accounts and the rest, run against SQLite and PostgreSQL: sign-in and its lockout,
/// sessions, the super administrator's commands and their refusals, drafts, feedback, alerts, change notices, and
/// the support engineer's and customer user's accounts.
@Suite struct ContractAccountTests {
    @Test(arguments: StoreKind.available)
    func signInLocksOutAfterFailuresAndSessionsEnd(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        let grant = try f.store.signIn(email: "AGENT@one.example", password: "password-a")
        #expect(grant.user.id == f.agent1.id)
        #expect(grant.domainName == "one.example")
        #expect(try f.store.resume(token: grant.token).id == f.agent1.id)
        for _ in 0..<SignInPolicy.maxFailedSignIns {
            #expect(refusal { _ = try f.store.signIn(email: "agent@one.example", password: "wrong") }?.reason == SignInPolicy.wrongCredentials)
        }
        #expect(refusal { _ = try f.store.signIn(email: "agent@one.example", password: "password-a") }?.reason == "Too many failed sign-in attempts. Try again in 5 min.")
        #expect(refusal { _ = try f.store.signIn(email: "nobody@one.example", password: "x") }?.reason == SignInPolicy.wrongCredentials)
        f.clock.advance(SignInPolicy.lockout + 1)
        _ = try f.store.signIn(email: "agent@one.example", password: "password-a")

        try f.store.signOut(token: grant.token)
        #expect(refusal { _ = try f.store.resume(token: grant.token) }?.reason == SignInPolicy.sessionEnded)
        #expect(refusal { _ = try f.store.resume(token: "not-a-token") } != nil)
        f.clock.advance(SignInPolicy.sessionLifetime + 1)
        let late = try f.store.signIn(email: "agent@one.example", password: "password-a")
        f.clock.advance(SignInPolicy.sessionLifetime + 1)
        #expect(refusal { _ = try f.store.resume(token: late.token) }?.reason.contains("expired") == true)

        let log = try f.store.auditLog(as: f.admin1).filter { $0.action == "sign-in" }
        #expect(log.filter { $0.outcome == .refused }.count == SignInPolicy.maxFailedSignIns + 1)
        #expect(log.filter { $0.outcome == .ok }.count == 3)
    }

    @Test(arguments: StoreKind.available)
    func adminChangesAreCheckedAuditedAndEndSessions(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        #expect(refusal { _ = try f.store.createUser(as: f.agent1, email: "x@one.example", name: "X", password: "password-x", licensed: true,
                                                     roles: [], superAdmin: false, orgUnit: nil) }?.kind == .rule,
                "an agent is no super administrator")
        #expect(refusal { _ = try f.store.createUser(as: f.admin1, email: "x@two.example", name: "X", password: "password-x", licensed: false,
                                                     roles: [], superAdmin: false, orgUnit: nil) }?.field == "email")
        #expect(refusal { _ = try f.store.createUser(as: f.admin1, email: "agent@one.example", name: "X", password: "password-x",
                                                     licensed: false, roles: [], superAdmin: false, orgUnit: nil) }?.kind == .conflict)
        #expect(refusal { _ = try f.store.createUser(as: f.admin1, email: "x@one.example", name: "X", password: "password-x",
                                                     licensed: false, roles: ["Nope"], superAdmin: false, orgUnit: nil) }?.field == "role")
        try f.store.addSecondaryDomain(as: f.admin1, name: "Second.Example")
        #expect(refusal { try f.store.addSecondaryDomain(as: f.admin1, name: "two.example") }?.kind == .conflict)
        let new = try f.store.createUser(as: f.admin1, email: "new@second.example", name: "New", password: "password-n", licensed: false,
                                         roles: [], superAdmin: false, orgUnit: nil)
        #expect(refusal { _ = try f.store.signIn(email: "new@second.example", password: "password-n") } != nil, "no licence, no role")
        try f.store.createRole(as: f.admin1, name: "Case handler", privileges: Set(Role.resellerAdminPrivileges))
        #expect(refusal { try f.store.createRole(as: f.admin1, name: "Case handler", privileges: [.accessCustomersSupportCases]) }?.kind == .conflict)
        try f.store.setRole(as: f.admin1, email: "new@second.example", role: "case handler", assigned: true)
        try f.store.setLicence(as: f.admin1, email: "new@second.example", assigned: true)
        let grant = try f.store.signIn(email: "new@second.example", password: "password-n")
        #expect(grant.user.id == new.id)

        try f.store.setSuspended(as: f.admin1, email: "new@second.example", suspended: true)
        #expect(refusal { _ = try f.store.resume(token: grant.token) }?.reason.contains("suspended") == true)
        #expect(refusal { try f.store.setSuspended(as: f.admin1, email: "admin@one.example", suspended: true) } != nil)
        #expect(refusal { try f.store.setLicence(as: f.admin1, email: "admin@one.example", assigned: false) } != nil,
                "an admin keeps their own access")
        #expect(refusal { try f.store.setLicence(as: f.admin1, email: "agent@two.example", assigned: false) }?.kind == .notFound)

        var overview = try f.store.adminOverview(as: f.admin1)
        #expect(overview.users.map(\.user.email) == ["admin@one.example", "agent@one.example", "new@second.example"])
        #expect(overview.users.last?.roles == ["Case handler"])
        #expect(overview.licencesUsed == 3)
        try f.store.requestLicences(as: f.admin1, count: 5)
        #expect(refusal { try f.store.requestLicences(as: f.admin1, count: 0) }?.field == "count")
        overview = try f.store.adminOverview(as: f.admin1)
        #expect(overview.licencePool == Licences.defaultPool + 5)
        try f.store.setAlertAddress(as: f.admin1, email: "agent@one.example", alertAddress: "desk@one.example")
        #expect(refusal { try f.store.setAlertAddress(as: f.admin1, email: "agent@one.example", alertAddress: "not an address") }?.field
                == "alert-address")
        #expect(try f.store.createOrgUnit(as: f.admin1, name: "Cloud Identity", autoLicensing: false) == nil)
        #expect(try f.store.createOrgUnit(as: f.admin1, name: "Sales", autoLicensing: true) == Rules.autoLicensingWarning)
        #expect(refusal { _ = try f.store.createOrgUnit(as: f.admin1, name: "Sales", autoLicensing: false) }?.kind == .conflict)
        try f.store.setTier(as: f.admin1, customer: "basic.example", tier: .premium)
        try f.store.setGrant(as: f.admin1, customer: "basic.example", granted: false)
        #expect(refusal { try f.file("basic.example") } != nil, "access revoked")

        let audit = try f.store.auditLog(as: f.admin1)
        #expect(audit.contains { $0.action == "session.end" && $0.target == "new@second.example" })
        #expect(audit.contains { $0.action == "user.suspend" && $0.target == "admin@one.example" && $0.outcome == .refused })
        #expect(try f.store.auditLog(as: f.admin2).allSatisfy { $0.actor != "admin@one.example" }, "each domain its own log")
    }

    @Test(arguments: StoreKind.available)
    func draftsFeedbackAlertsAndChanges(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        try f.store.saveDraft(as: f.agent1, form: .message(caseNumber: 12345678), content: "half a thought")
        f.clock.advance(1)
        try f.store.saveDraft(as: f.agent1, form: .newCase(customerID: nil), content: "title")
        try f.store.saveDraft(as: f.agent1, form: .message(caseNumber: 12345678), content: "a whole thought")
        #expect(try f.store.draft(as: f.agent1, form: .message(caseNumber: 12345678))?.content == "a whole thought")
        #expect(try f.store.drafts(as: f.agent1).map(\.content) == ["a whole thought", "title"])
        #expect(try f.store.drafts(as: f.agent2).isEmpty)
        try f.store.discardDraft(as: f.agent1, form: .newCase(customerID: nil))
        #expect(try f.store.drafts(as: f.agent1).count == 1)

        let id = try f.store.sendFeedback(as: f.agent1, screen: "case list", message: "Love the keys")
        _ = try f.store.sendFeedback(as: f.agent2, screen: "case", message: "Another domain")
        #expect(try f.store.feedback(as: f.agent1).map(\.id) == [id])
        #expect(try f.store.feedback(as: f.admin1).map(\.message) == ["Love the keys"])

        let token = try f.store.changeToken().lastEvent
        try f.store.perform(.share(add: ["boss@basic.example"], remove: []), on: f.standardCase.number, as: .reseller(f.agent1))
        let other = try f.file("zed.example", as: f.agent2)
        #expect(try f.store.changeToken().lastEvent > token)
        let mine = try f.store.changes(as: f.agent1, after: token, limit: 100)
        #expect(mine.notices.map(\.caseNumber) == [f.standardCase.number])
        #expect(try f.store.changes(as: f.agent2, after: token, limit: 100).notices.map(\.caseNumber) == [other.number])
        #expect(try f.store.changes(as: f.engineer, after: token, limit: 100).notices.count == 2)

        let maildir = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-contract-mail-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: maildir) }
        let report = try f.store.deliverAlerts(to: .maildir(maildir))
        // Filing (creator) ×2 cases, the sharing change to the creator and the new address.
        #expect(report.delivered == 4, "\(report)")
        #expect(report.failed.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: maildir + "/new")
        #expect(files.count == 4)
        #expect(try f.store.deliverAlerts(to: .maildir(maildir)).delivered == 0)
    }

    @Test(arguments: StoreKind.available)
    func engineersAndCustomerUsersSeeTheirOwnSide(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        #expect(refusal { _ = try f.store.createEngineer(as: nil, email: "two@support.example", name: "Two", password: "password-t") } != nil)
        let second = try f.store.createEngineer(as: f.engineer, email: "two@support.example", name: "Two", password: "password-t")
        #expect(second.kind == .supportEngineer)
        #expect(try f.store.signIn(email: "priya@support.example", password: "password-e").domainName == PortalStore.providerName)

        let user = try f.store.createCustomerUser(as: f.admin1, email: "it@basic.example", name: "Bea", password: "password-c",
                                                  customer: "basic.example")
        #expect(try f.store.signIn(email: "it@basic.example", password: "password-c").domainName == "basic.example")
        let acme = try f.file()
        #expect(try f.numbers("", as: user, scope: Rules.homeScope(for: user)) == [f.standardCase.number])
        #expect(refusal { _ = try f.detail(acme.number, as: .customerUser(user)) }?.kind == .notFound)
        try f.store.perform(.message("From the customer"), on: f.standardCase.number, as: .customerUser(user))
        #expect(try f.detail(f.standardCase.number).history.last?.text == "From the customer")
        #expect(refusal { _ = try f.store.adminOverview(as: user) } != nil)
        #expect(refusal { try f.store.perform(.supportReply("Hi", status: nil), on: acme.number, as: .customerUser(user)) } != nil)
        try f.store.perform(.supportReply("Hello from support", status: .actionRequired), on: acme.number, as: .supportEngineer(f.engineer))
        #expect(try f.detail(acme.number).supportCase.status == .actionRequired)
    }
}
