import Domain
import Foundation
import Testing
@testable import Store

/// Support engineers and customer users: their accounts, lists and commands, checked by the store.
@Suite struct OtherAccountsTests {
    @Test func theFirstEngineerStartsTheProviderSideAndSignsIn() throws {
        let f = try StoreFixture()
        #expect(throws: StoreError.self) { try f.store.createEngineer(as: nil, email: "tomas@support.example", name: "Tomás", password: "password-t") }
        #expect(throws: StoreError.self) { try f.store.createEngineer(as: f.admin1, email: "tomas@support.example", name: "Tomás", password: "password-t") }
        let tomas = try f.store.createEngineer(as: f.engineer, email: "tomas@support.example", name: "Tomás", password: "password-t")
        let grant = try f.store.signIn(email: "tomas@support.example", password: "password-t")
        #expect(grant.user == tomas && grant.user.kind == .supportEngineer && grant.domainName == PortalStore.providerName)
        #expect(try f.store.resume(token: grant.token) == tomas)
    }

    @Test func theSupportQueueListsEveryDomainsWaitingCasesLongestWaitingFirst() throws {
        let f = try StoreFixture()
        var filed = [f.standardCase.number]
        for i in 0..<5 {
            f.clock.advance(60)
            filed.append(try f.file(title: "Case \(i)").number)
        }
        f.clock.advance(60)
        filed.append(try f.file("zed.example", title: "Zed", as: f.agent2).number)
        f.clock.advance(60)
        // Waiting on the reseller, or closed: not in the queue.
        try f.store.supportReply(as: f.engineer, number: filed[1], message: "Send headers.", status: .actionRequired)
        try f.store.closeCase(as: .reseller(f.agent1), number: filed[2])
        let waiting = filed.filter { ![filed[1], filed[2]].contains($0) }
        var seen: [Int] = []
        var page = PageAnchor.first
        while true {
            let p = try f.store.cases(as: f.engineer, scope: .supportQueue, page: page, limit: 2)
            seen += p.rows.map(\.number)
            guard p.hasMore, let last = p.rows.last else { break }
            page = .after(last)
        }
        #expect(seen == waiting)
        #expect(try f.store.countCases(as: f.engineer, scope: .supportQueue) == waiting.count)
        let filtered = try f.store.cases(as: f.engineer, scope: .supportQueue, query: CaseQuery(parsing: "zed"), page: .first)
        #expect(filtered.rows.map(\.number) == [filed.last!])
        #expect(throws: StoreError.self) { try f.store.cases(as: f.agent1, scope: .supportQueue, page: .first) }
        #expect(throws: StoreError.self) { try f.store.cases(as: f.engineer, scope: .domain(f.agent1.domainID), page: .first) }
    }

    @Test func anEngineersMessageIsASupportReplyAndOnlyEngineersMoveTheStatus() throws {
        let f = try StoreFixture()
        let n = f.standardCase.number
        try f.store.perform(.message("We're on it."), on: n, as: .supportEngineer(f.engineer))
        try f.store.perform(.setStatus(.solutionProvided), on: n, as: .supportEngineer(f.engineer))
        let events = try f.history(n)
        #expect(events.suffix(2).map(\.kind) == [.supportReply, .statusChange])
        #expect(events.last?.author == "Priya (Google Workspace Support)")
        let before = try f.counts()
        #expect(throws: StoreError.self) { try f.store.perform(.setStatus(.closed), on: n, as: .reseller(f.agent1)) }
        #expect(throws: StoreError.self) { try f.store.perform(.supportReply("Me too", status: nil), on: n, as: .reseller(f.agent1)) }
        #expect(try f.counts() == before)
    }

    @Test func aCustomerUserSeesAndAnswersOnlyTheirOrganisationsCases() throws {
        let f = try StoreFixture()
        let acme = try f.file("acme.example", title: "Acme calendar")
        #expect(throws: StoreError.self) {  // only the managing domain's super administrator
            try f.store.createCustomerUser(as: f.agent1, email: "kim@acme.example", name: "Kim", password: "password-k", customer: "acme.example")
        }
        #expect(throws: StoreError.self) {
            try f.store.createCustomerUser(as: f.admin2, email: "kim@acme.example", name: "Kim", password: "password-k", customer: "acme.example")
        }
        try f.store.createCustomerUser(as: f.admin1, email: "kim@acme.example", name: "Kim", password: "password-k", customer: "acme.example")
        let grant = try f.store.signIn(email: "kim@acme.example", password: "password-k")
        let kim = grant.user
        #expect(kim.kind == .customer && kim.domainID == f.agent1.domainID && grant.domainName == "acme.example")
        let ours = try f.store.cases(as: kim, scope: Rules.homeScope(for: kim), page: .first)
        #expect(ours.rows.map(\.number) == [acme.number])
        #expect(throws: StoreError.self) { try f.store.cases(as: kim, scope: .domain(kim.domainID), page: .first) }
        #expect(throws: StoreError.self) { try f.store.customers(as: kim) }
        // Another customer's case reads as missing, as a missing one does.
        #expect(throws: StoreError.refused(.notFound("case", "no case \(f.standardCase.number)"))) {
            try f.store.caseDetail(as: .customerUser(kim), number: f.standardCase.number)
        }
        try f.store.perform(.message("Thanks, it happens on every phone."), on: acme.number, as: .customerUser(kim))
        #expect(try f.history(acme.number).last?.author == "Kim <kim@acme.example> (customer)")
        #expect(throws: StoreError.self) { try f.store.perform(.close, on: acme.number, as: .customerUser(kim)) }
        #expect(throws: StoreError.self) { try f.store.fileCase(as: kim, NewCase(customer: "acme.example", title: "Mine",
                                                                                 category: "Gmail > Delivery > Outgoing messages bounced",
                                                                                 description: "Details.", severity: .p2)) }
        // Moved to another reseller, the organisation sees that one's cases: none yet.
        try f.store.transferCustomer(as: f.admin1, customer: "acme.example", to: "two.example", granted: true)
        let moved = try f.store.resume(token: grant.token)
        #expect(moved.domainID == f.admin2.domainID)
        #expect(try f.store.cases(as: moved, scope: Rules.homeScope(for: moved), page: .first).rows.isEmpty)
        #expect(throws: StoreError.self) { try f.store.caseDetail(as: .customerUser(moved), number: acme.number) }
    }
}

/// Organisational units need a name, and one name per domain.
@Suite struct OrgUnitNameTests {
    @Test func aUnitWithoutANameOrWithATakenOneIsRefusedAndNothingIsWritten() throws {
        let f = try StoreFixture()
        for blank in ["", "   "] {
            #expect(throws: StoreError.refused(.invalid("name", "give the organisational unit a name"))) {
                try f.store.createOrgUnit(as: f.admin1, name: blank, autoLicensing: false)
            }
        }
        #expect(try f.store.createOrgUnit(as: f.admin1, name: "Cloud Identity users", autoLicensing: false) == nil)
        #expect(throws: StoreError.self) { try f.store.createOrgUnit(as: f.admin1, name: "Cloud Identity users", autoLicensing: false) }
        let units = try f.store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM org_unit") ?? 0 }
        #expect(units == 1)
    }
}
