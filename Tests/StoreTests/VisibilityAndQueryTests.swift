import Domain
import Foundation
import Testing
@testable import Store

@Suite struct VisibilityTests {
    @Test func anotherDomainsCaseIsNeverReturned() throws {
        let f = try StoreFixture()
        let zed = try f.file("zed.example", title: "Zed issue", as: f.agent2)
        let one = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), limit: 100).rows.map(\.number)
        let two = try f.store.cases(as: f.agent2, scope: .domain(f.agent2.domainID), limit: 100).rows.map(\.number)
        #expect(one == [f.standardCase.number])
        #expect(two == [zed.number])
        #expect(throws: StoreError.self) { try f.store.caseDetail(as: .reseller(f.agent1), number: zed.number) }
        #expect(throws: StoreError.self) { try f.store.cases(as: f.agent1, scope: .domain(f.agent2.domainID)) }
        // The refusal for another domain's case is the same as for a missing one.
        do { _ = try f.store.caseDetail(as: .reseller(f.agent1), number: zed.number) } catch {
            #expect(error.description == "case: no case \(zed.number)")
        }
    }

    @Test func transferHidesOldCasesAndShowsOnlyNewOnes() throws {
        let f = try StoreFixture()
        let before = try f.file("acme.example", title: "Filed under reseller one")
        try f.store.transferCustomer(as: f.admin1, customer: "acme.example", to: "two.example", granted: true)
        // Reseller one no longer lists the customer nor its cases.
        #expect(try !f.store.customers(as: f.agent1).map(\.customer.primaryDomain).contains("acme.example"))
        #expect(try !f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID)).rows.map(\.number).contains(before.number))
        #expect(throws: StoreError.self) { try f.store.caseDetail(as: .reseller(f.agent1), number: before.number) }
        // Reseller two sees the customer, but not the case filed under reseller one.
        #expect(try f.store.customers(as: f.agent2).map(\.customer.primaryDomain).contains("acme.example"))
        #expect(throws: StoreError.self) { try f.store.caseDetail(as: .reseller(f.agent2), number: before.number) }
        let after = try f.file("acme.example", title: "Filed under reseller two", as: f.agent2)
        let twoCases = try f.store.cases(as: f.agent2, scope: .domain(f.agent2.domainID)).rows.map(\.number)
        #expect(twoCases.contains(after.number) && !twoCases.contains(before.number))
        #expect(throws: StoreError.self) { try f.store.postMessage(as: .reseller(f.agent2), number: before.number, message: "hi") }
    }

    @Test func customersListAccessAndOpenCounts() throws {
        let f = try StoreFixture()
        _ = try f.file("acme.example")
        let rows = try f.store.customers(as: f.agent1)
        #expect(rows.map(\.customer.name) == ["Acme Premium", "Basic Standard", "Closed Door"])
        #expect(rows.map(\.access.display) == [.granted, .granted, .notGranted])
        #expect(rows.map(\.openCases) == [1, 1, 0])
    }

    @Test func unifiedInboxIsTheUnionOfSignedInDomains() throws {
        let f = try StoreFixture()
        let zed = try f.file("zed.example", as: f.agent2)
        let merged = try f.store.cases(asEach: [f.agent1, f.agent2]).rows.map(\.number)
        #expect(Set(merged) == [f.standardCase.number, zed.number])
        #expect(try f.store.cases(asEach: [f.agent2]).rows.map(\.number) == [zed.number])
    }
}

@Suite struct PagingTests {
    @Test func keysetPagesCoverEveryCaseOnceInOrder() throws {
        let f = try StoreFixture()
        for i in 0..<37 {
            f.clock.advance(i % 3 == 0 ? 0 : 60) // ties on updated_at are broken by id
            _ = try f.file(i % 2 == 0 ? "acme.example" : "basic.example", title: "Case \(i)")
        }
        for sort in CaseSort.allCases {
            var seen: [CaseRow] = []
            var cursor: CaseRow?
            repeat {
                let page = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), sort: sort, after: cursor, limit: 5)
                seen += page.rows
                cursor = page.hasMore ? page.rows.last : nil
            } while cursor != nil
            #expect(seen.count == 38, "\(sort)")
            #expect(Set(seen.map(\.id)).count == 38, "\(sort)")
            #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.precedes($1, in: sort) }, "\(sort) order")
        }
    }

    @Test func filtersNarrowTheList() throws {
        let f = try StoreFixture()
        let p2 = try f.file("acme.example", title: "Calendar invites vanish")
        try f.store.closeCase(as: .reseller(f.agent1), number: f.standardCase.number)
        func numbers(_ q: String) throws -> [Int] {
            try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), query: CaseQuery(parsing: q)).rows.map(\.number)
        }
        #expect(try numbers("is:open") == [p2.number])
        #expect(try numbers("is:closed") == [f.standardCase.number])
        #expect(try numbers("sev:p2") == [p2.number])
        #expect(try numbers("-sev:p2") == [f.standardCase.number])
        #expect(try numbers("customer:acme") == [p2.number])
        #expect(try numbers("calend*") == [p2.number])
        #expect(try numbers("\"invites vanish\"") == [p2.number])
        #expect(try numbers("\(p2.number)") == [p2.number])
        #expect(try numbers("-calendar").contains(f.standardCase.number))
        #expect(try numbers("updated:<1h").count == 2)
        #expect(try numbers("created:>2d").isEmpty)
    }

    @Test func customerScopeListsOnlyThatCustomer() throws {
        let f = try StoreFixture()
        let acme = try f.file("acme.example")
        let row = try f.store.customer(as: f.agent1, matching: "Acme")
        let page = try f.store.cases(as: f.agent1, scope: .customer(customerID: row.customer.id, domainID: f.agent1.domainID))
        #expect(page.rows.map(\.number) == [acme.number])
    }

    /// Every list query walks an index in order: no temporary B-tree for sorting.
    @Test func listQueriesNeedNoSort() throws {
        let f = try StoreFixture()
        let cases: [(String, CaseSort)] = [
            ("", .updated), ("", .created), ("", .severity), ("", .status), ("", .waiting), ("waiting:you", .waiting), ("is:open", .waiting),
            ("is:open", .updated), ("sev:p1", .updated), ("status:new", .updated), ("sev:p1,p2", .updated),
            ("status:new,closed", .updated), ("is:escalated", .updated), ("-status:closed", .updated),
            ("updated:<7d", .updated), ("customer:acme", .updated),
        ]
        // Read forward, and backward from the list's end (the last page, and the pages before a row): the same index.
        for (q, sort) in cases {
            for cursor in [false, true] {
                for backward in [false, true] {
                    let plan = try f.store.explainCases(domainID: f.agent1.domainID, query: CaseQuery(parsing: q), sort: sort,
                                                        withCursor: cursor, backward: backward)
                    let sorted = plan.contains { $0.contains("TEMP B-TREE") }
                    if sorted { print("PLAN \(q) \(sort) \(cursor) \(backward): \(plan)") }
                    #expect(!sorted, "\(q) \(sort) cursor=\(cursor) backward=\(backward): \(plan)")
                }
            }
        }
        for backward in [false, true] {
            let customerPlan = try f.store.explainCases(domainID: f.agent1.domainID, customerID: 1, query: .all, sort: .updated, withCursor: true,
                                                        backward: backward)
            #expect(!customerPlan.contains { $0.contains("TEMP B-TREE") }, "\(customerPlan)")
        }
    }
}

@Suite struct AccountTests {
    @Test func signInChecksPasswordAndPortalRules() throws {
        let f = try StoreFixture()
        let grant = try f.store.signIn(email: "agent@one.example", password: "password-a")
        #expect(grant.token.count == 64)
        #expect(try f.store.resume(token: grant.token).id == f.agent1.id)
        #expect(throws: StoreError.refused(Refusal(PortalStore.wrongCredentials))) { try f.store.signIn(email: "agent@one.example", password: "nope") }
        #expect(throws: StoreError.refused(Refusal(PortalStore.wrongCredentials))) { try f.store.signIn(email: "ghost@one.example", password: "password-a") }
        try f.store.setLicence(as: f.admin1, email: "agent@one.example", assigned: false)
        do { _ = try f.store.signIn(email: "agent@one.example", password: "password-a"); Issue.record("signed in without licence") }
        catch { #expect(error.description.hasPrefix(Rules.noPortalAccess)) }
        // An existing session stops working too.
        #expect(throws: StoreError.self) { try f.store.resume(token: grant.token) }
    }

    @Test func signInRefusedWithoutPrivileges() throws {
        let f = try StoreFixture()
        try f.store.createRole(as: f.admin1, name: "Viewer", privileges: [.support])
        try f.store.createUser(as: f.admin1, email: "viewer@one.example", name: "V", password: "password-v", licensed: true, roles: ["Viewer"])
        do { _ = try f.store.signIn(email: "viewer@one.example", password: "password-v"); Issue.record("signed in without privileges") }
        catch { #expect(error.description.hasPrefix(Rules.noPortalAccess)) }
    }

    @Test func samePasswordDifferentHashes() {
        let h = PasswordHasher.fast
        let a = h.hash("correct horse"), b = h.hash("correct horse")
        #expect(a != b)
        #expect(PasswordHasher.verify("correct horse", against: a) && PasswordHasher.verify("correct horse", against: b))
        #expect(!PasswordHasher.verify("correct horsE", against: a))
        #expect(PasswordHasher.standard.rounds >= 600_000)
    }

    @Test func sessionsExpireAndSignOut() throws {
        let f = try StoreFixture()
        let g = try f.store.signIn(email: "agent@one.example", password: "password-a")
        try f.store.signOut(token: g.token)
        #expect(throws: StoreError.self) { try f.store.resume(token: g.token) }
        let g2 = try f.store.signIn(email: "agent@one.example", password: "password-a")
        f.clock.advance(PortalStore.sessionLifetime + 1)
        #expect(throws: StoreError.self) { try f.store.resume(token: g2.token) }
    }

    @Test func lockoutAfterFiveFailures() throws {
        let f = try StoreFixture()
        for _ in 0..<5 { _ = try? f.store.signIn(email: "agent@one.example", password: "wrong") }
        do { _ = try f.store.signIn(email: "agent@one.example", password: "password-a"); Issue.record("not locked") }
        catch { #expect(error.description.contains("Too many failed sign-in attempts")) }
        f.clock.advance(PortalStore.lockout + 1)
        #expect(try f.store.signIn(email: "agent@one.example", password: "password-a").user.id == f.agent1.id)
    }

    @Test func adminCommandsNeedASuperAdminOfTheDomain() throws {
        let f = try StoreFixture()
        #expect(throws: StoreError.self) { try f.store.requestLicences(as: f.agent1, count: 5) }
        #expect(throws: StoreError.self) { try f.store.setSuspended(as: f.admin2, email: "agent@one.example", suspended: true) }
        try f.store.requestLicences(as: f.admin1, count: 5)
        #expect(try f.store.licenceUsage(domainID: f.admin1.domainID) == (2, 55))
    }

    @Test func licencePoolRefusesWhenUsedUp() throws {
        let f = try StoreFixture()
        let usage = try f.store.licenceUsage(domainID: f.admin1.domainID)
        for i in 0..<(usage.pool - usage.used) {
            try f.store.createUser(as: f.admin1, email: "u\(i)@one.example", name: "U", password: "password-u", licensed: true, roles: [])
        }
        #expect(throws: StoreError.self) {
            try f.store.createUser(as: f.admin1, email: "extra@one.example", name: "U", password: "password-u", licensed: true, roles: [])
        }
        #expect(try f.store.user(email: "extra@one.example") == nil)
    }
}

@Suite struct OpeningTests {
    @Test func notADatabaseIsReported() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-db-\(UUID().uuidString).sqlite3").path
        try Data(String(repeating: "hello, not sqlite\n", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: StoreError.notADatabase(path: path)) { try PortalStore(path: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(5) == Data("hello".utf8), "the file is left as it was")
    }
}

@Suite struct AuditTests {
    @Test func signInsRefusalsAndAdminChangesAreRecorded() throws {
        let f = try StoreFixture()
        _ = try f.store.signIn(email: "agent@one.example", password: "password-a")
        _ = try? f.store.signIn(email: "agent@one.example", password: "wrong")
        try f.store.requestLicences(as: f.admin1, count: 3)
        _ = try? f.store.setSuspended(as: f.admin1, email: "nobody@one.example", suspended: true)
        let log = try f.store.auditLog(as: f.admin1)
        // The fixture's users and customers were added by the admin: those are on record too.
        #expect(log.map(\.action) == ["user.add", "customer.add", "customer.add", "customer.add", "sign-in", "sign-in", "licence.request", "user.suspend"])
        #expect(log.map(\.outcome) == [.ok, .ok, .ok, .ok, .ok, .refused, .ok, .refused])
        #expect(log[5].detail == PortalStore.wrongCredentials)
        #expect(throws: StoreError.self) { try f.store.auditLog(as: f.agent1) }
        #expect(try f.store.auditLog(as: f.admin2).allSatisfy { $0.actor == "admin@two.example" })
    }
}
