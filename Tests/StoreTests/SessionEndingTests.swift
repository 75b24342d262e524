import Domain
import Foundation
import Testing
@testable import Store

/// A session ends when what allowed it ends (suspension, licence, role): it does not come back when the
/// account is restored, and the audit log says it ended.
@Suite struct SessionEndingTests {
    enum Loss: String, CaseIterable { case suspension, licence, role }

    /// Takes away what lets agent1 use the portal, then gives it back.
    static func take(_ loss: Loss, _ f: StoreFixture) throws {
        switch loss {
        case .suspension: try f.store.setSuspended(as: f.admin1, email: "agent@one.example", suspended: true)
        case .licence: try f.store.setLicence(as: f.admin1, email: "agent@one.example", assigned: false)
        case .role: try f.store.setRole(as: f.admin1, email: "agent@one.example", role: "Reseller Admin", assigned: false)
        }
    }

    static func restore(_ loss: Loss, _ f: StoreFixture) throws {
        switch loss {
        case .suspension: try f.store.setSuspended(as: f.admin1, email: "agent@one.example", suspended: false)
        case .licence: try f.store.setLicence(as: f.admin1, email: "agent@one.example", assigned: true)
        case .role: try f.store.setRole(as: f.admin1, email: "agent@one.example", role: "Reseller Admin", assigned: true)
        }
    }

    static func liveSessions(_ f: StoreFixture, _ user: User) throws -> Int {
        try f.store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session WHERE user_id = ? AND ended_at IS NULL", arguments: [user.id]) ?? 0
        }
    }

    @Test(arguments: Loss.allCases)
    func sessionsEndAndStayEnded(_ loss: Loss) throws {
        let f = try StoreFixture()
        let first = try f.store.signIn(email: "agent@one.example", password: "password-a")
        let second = try f.store.signIn(email: "agent@one.example", password: "password-a")
        let others = try f.store.signIn(email: "agent@two.example", password: "password-b")
        try Self.take(loss, f)
        #expect(try Self.liveSessions(f, f.agent1) == 0, "the sessions ended with the change")
        try Self.restore(loss, f)
        for token in [first.token, second.token] {
            #expect(throws: StoreError.refused(Refusal(PortalStore.sessionEnded))) { try f.store.resume(token: token) }
        }
        #expect(try f.store.resume(token: others.token).id == f.agent2.id, "another user's session is untouched")
        let ended = try f.store.auditLog(as: f.admin1).filter { $0.action == "session.end" }
        #expect(ended.count == 1)
        #expect(ended.first?.target == "agent@one.example")
        #expect(ended.first?.detail?.contains("2 sessions ended") == true, "\(ended.first?.detail ?? "no detail")")
        // Signing in again works once the account is whole.
        #expect(try f.store.resume(token: try f.store.signIn(email: "agent@one.example", password: "password-a").token).id == f.agent1.id)
    }

    /// Revoking one of two roles that each give the portal privileges leaves the sessions alone.
    @Test func aRoleRevokedWhileAnotherStillAllowsKeepsTheSessions() throws {
        let f = try StoreFixture()
        try f.store.createRole(as: f.admin1, name: "Case handler", privileges: [.support, .viewCustomers, .accessCustomersSupportCases])
        try f.store.setRole(as: f.admin1, email: "agent@one.example", role: "Case handler", assigned: true)
        let grant = try f.store.signIn(email: "agent@one.example", password: "password-a")
        try f.store.setRole(as: f.admin1, email: "agent@one.example", role: "Reseller Admin", assigned: false)
        #expect(try f.store.resume(token: grant.token).id == f.agent1.id)
        #expect(try f.store.auditLog(as: f.admin1).filter { $0.action == "session.end" }.isEmpty)
    }
}

/// `make api-check` found it: a super administrator could unassign their own licence or revoke their own role and lose the
/// portal (and the admin screen) at once. Both are refused; nothing changes and the refusal is in the audit log.
@Suite struct OwnAccessTests {
    @Test func aSuperAdministratorCantTakeAwayTheirOwnAccess() throws {
        let f = try StoreFixture()
        let session = try f.store.signIn(email: "admin@one.example", password: "password-1")
        for change in [{ try f.store.setLicence(as: f.admin1, email: "admin@one.example", assigned: false) },
                       { try f.store.setRole(as: f.admin1, email: "ADMIN@one.example", role: "Reseller Admin", assigned: false) }] {
            #expect {
                try change()
            } throws: { error in
                (error as? StoreError)?.description.hasPrefix("You can't take away your own portal access") == true
            }
        }
        let admin = try f.store.resume(token: session.token)
        #expect(admin.licensed && Rules.hasPortalPrivileges(admin.privileges), "nothing changed and the session lives")
        let refused = try f.store.auditLog(as: admin).filter { $0.outcome == .refused }.map(\.action)
        #expect(refused.suffix(2) == ["licence.unassign", "role.revoke"])
        // Another super administrator's change, and the admin's own changes that keep access, go through.
        try f.store.setLicence(as: f.admin1, email: "admin@one.example", assigned: true)
        try f.store.setLicence(as: f.admin1, email: "agent@one.example", assigned: false)
    }
}
