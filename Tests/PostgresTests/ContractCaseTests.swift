import Domain
import Foundation
import PostgresCluster
import Store
import Testing

/// The store protocol's contract for cases, written once and run against SQLite and PostgreSQL: lists read a page at a
/// time in every order from either end, the filter language, counts, the case commands and their refusals, visibility.
@Suite struct ContractCaseTests {
    /// Thirty cases of varied severity, status and update time on two customers (and the fixture's one).
    static func busy(_ kind: StoreKind) throws -> ContractFixture {
        let f = try ContractFixture(kind)
        let severities: [Severity] = [.p1, .p2, .p3, .p4]
        for i in 0..<30 {
            f.clock.advance(60)
            let c = try f.file(i % 3 == 0 ? "basic.example" : "acme.example", title: "Case \(i) \(i % 2 == 0 ? "mailbox" : "calendar") trouble",
                               description: i % 5 == 0 ? "The quarterly invoice export fails" : "Details of case \(i).",
                               severity: severities[i % 4])
            if i % 4 == 1 { try f.store.perform(.close, on: c.number, as: .reseller(f.agent1)) }
            if i % 7 == 2 { try f.store.perform(.supportReply("Looking", status: .actionRequired), on: c.number, as: .supportEngineer(f.engineer)) }
        }
        // Updates out of filing order, and ties of update time broken by id.
        let rows = try f.all(limit: 50)
        for row in rows.filter({ $0.status != .closed }).suffix(5) {
            try f.store.perform(.severity(row.severity == .p1 ? .p2 : .p1), on: row.number, as: .reseller(f.agent1))
        }
        return f
    }

    @Test(arguments: StoreKind.available)
    func everyOrderPagesForwardAndBackwardAsTheWholeListSorted(_ kind: StoreKind) throws {
        let f = try Self.busy(kind)
        let whole = try f.all(limit: 100)
        #expect(whole.count == 31)
        for sort in CaseSort.allCases {
            let sorted = whole.sorted { $0.precedes($1, in: sort) }
            #expect(try f.all(sort: sort).map(\.number) == sorted.map(\.number), "\(sort) forward")
            #expect(try f.all(sort: sort, backward: true).map(\.number) == sorted.map(\.number), "\(sort) backward")
            let open = sorted.filter { $0.status != .closed }
            #expect(try f.all(filter: "is:open", sort: sort, limit: 4).map(\.number) == open.map(\.number), "\(sort) is:open")
        }
        #expect(try f.count() == 31)
        #expect(try f.count(cap: 10) == 11, "a count stops one past its cap")
        #expect(try f.count("is:closed") == whole.filter { $0.status == .closed }.count)
    }

    @Test(arguments: StoreKind.available)
    func theFilterLanguageFindsTheSameCases(_ kind: StoreKind) throws {
        let f = try Self.busy(kind)
        let whole = try f.all(limit: 100)
        func expected(_ keep: (CaseRow) -> Bool) -> Set<Int> { Set(whole.filter(keep).map(\.number)) }
        #expect(try f.numbers("mailbox") == expected { $0.title.contains("mailbox") })
        #expect(try f.numbers("-mailbox") == expected { !$0.title.contains("mailbox") })
        #expect(try f.numbers("MAILBOX calendar") == [])
        #expect(try f.numbers("mail*") == expected { $0.title.contains("mailbox") || $0.title.contains("Mail") })
        #expect(try f.numbers("\"invoice export\"") .count == 6)
        #expect(try f.numbers("\"export invoice\"") == [])
        #expect(try f.numbers("quarterly sev:p1") == expected { $0.severity == .p1 }.intersection(try f.numbers("quarterly")))
        #expect(try f.numbers("customer:basic") == expected { $0.customerName == "Basic Standard" })
        #expect(try f.numbers("customer:ACME") == expected { $0.customerName == "Acme Premium" })
        #expect(try f.numbers("acme") == expected { $0.customerName == "Acme Premium" }, "customers' names and domains are searched")
        #expect(try f.numbers("status:action-required") == expected { $0.status == .actionRequired })
        #expect(try f.numbers("sev:p1,p2 is:open") == expected { [.p1, .p2].contains($0.severity) && $0.status != .closed })
        #expect(try f.numbers("is:escalated") == [])
        #expect(try f.numbers("domain:one.example") == expected { _ in true })
        #expect(try f.numbers("domain:two.example") == [])
        #expect(try f.numbers("updated:<1h") == expected { $0.updatedAt > f.clock.now.addingTimeInterval(-3600) })
        #expect(try f.numbers("looking") == expected { $0.status == .actionRequired }, "support's messages are searched")
        let number = String(f.standardCase.number)
        #expect(try f.numbers(String(number.prefix(5))).contains(f.standardCase.number), "a number's first digits find it")
        #expect(try f.numbers("café") == [])
        #expect(try f.numbers("customer:nowhere") == [])
        #expect(try f.numbers("customer:acme,basic") == expected { ["Acme Premium", "Basic Standard"].contains($0.customerName) })
        #expect(try f.numbers("-customer:acme") == expected { $0.customerName != "Acme Premium" })
        #expect(try f.numbers("customer:zed") == [], "another domain's customer")
        #expect(try f.numbers("customer:basic", scope: .customer(customerID: f.standardCase.customerID, domainID: f.agent1.domainID)) == expected { $0.customerName == "Basic Standard" })
        #expect(try f.numbers("customer:acme", scope: .customer(customerID: f.standardCase.customerID, domainID: f.agent1.domainID)) == [])
        // Counts (read from the case tally where the terms allow) agree with the lists.
        for filter in ["", "is:open", "is:closed", "sev:p1,p2 is:open", "status:action-required", "customer:acme", "customer:nowhere",
                       "-customer:acme is:open", "customer:acme,basic sev:p1", "domain:one.example", "domain:two.example", "mail*",
                       "quarterly sev:p1", "updated:<1h"] {
            #expect(try f.count(filter) == f.numbers(filter).count, "count of \(filter)")
        }
        #expect(try f.count("is:open", as: f.agent2) == 0, "another domain's cases aren't counted")
        #expect(try f.count("mail*", cap: 2) == min(3, try f.numbers("mail*").count), "a counted list stops one past its cap too")
    }

    @Test(arguments: StoreKind.available)
    func wordsAreFoundWithoutTheirCaseOrAccents(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        let c = try f.file(title: "Résumé upload fails", description: "The naïve co-operative's e-mail (bob@acme.example) bounced.")
        for filter in ["resume", "RÉSUMÉ", "naive", "\"co operative\"", "co-operative", "bob", "e-mail", "mai*", "\"upload fails\""] {
            #expect(try f.numbers(filter).contains(c.number), "\(filter)")
        }
        #expect(try f.numbers("\"fails the\"").isEmpty, "a phrase doesn't run from the title into the description")
        try f.store.perform(.message("Attaching the HAR capture now"), on: c.number, as: .reseller(f.agent1))
        #expect(try f.numbers("har capture") == [c.number])
        #expect(try f.numbers("\"bounced attaching\"").isEmpty, "nor from the description into a message")
    }

    @Test(arguments: StoreKind.available)
    func commandsWriteTheirHistoryAndRefusalsWriteNothing(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        let premium = try f.file()
        let me = Actor.reseller(f.agent1)
        try f.store.perform(.message("Any news?"), on: premium.number, as: me)
        try f.store.perform(.severity(.p1), on: premium.number, as: me)
        try f.store.perform(.escalate(reason: .businessImpact, justification: "Payroll is blocked"), on: premium.number, as: me)
        #expect(try f.numbers("is:escalated") == [premium.number])
        #expect(try f.count("is:escalated") == 1)
        #expect(try f.numbers("drive is:escalated") == [premium.number])
        try f.store.perform(.share(add: ["it@acme.example"], remove: []), on: premium.number, as: me)
        try f.store.perform(.attach([NewAttachment(name: "log.txt", data: Data("hello".utf8))]), on: premium.number, as: me)
        var d = try f.detail(premium.number)
        #expect(d.supportCase.severity == .p1)
        #expect(d.supportCase.escalated)
        #expect(d.sharing == ["it@acme.example"])
        #expect(d.attachments.map(\.name) == ["log.txt"])
        #expect(d.attachments.first?.sha256 == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
        #expect(d.history.map(\.kind) == [.created, .message, .severityChange, .escalation, .sharingChange, .attachment])
        #expect(d.supportCase.updatedAt > premium.updatedAt)

        let before = d.history.count
        // The Standard customer's case can't be escalated; a support reply needs an engineer; a reseller can't remove.
        let escalate = refusal { try f.store.perform(.escalate(reason: .businessImpact, justification: "Please"), on: f.standardCase.number, as: me) }
        #expect(escalate?.kind == .rule)
        #expect(refusal { try f.store.perform(.supportReply("Hi", status: nil), on: premium.number, as: me) } != nil)
        let attachment = d.attachments[0].id
        #expect(refusal { try f.store.perform(.removeAttachment(id: attachment), on: premium.number, as: me) } != nil)
        #expect(refusal { try f.store.perform(.message("  "), on: premium.number, as: me) }?.field == "message")
        #expect(refusal { try f.store.perform(.reopen, on: premium.number, as: me) } != nil)
        #expect(try f.detail(premium.number).history.count == before)

        try f.store.perform(.removeAttachment(id: attachment), on: premium.number, as: .supportEngineer(f.engineer))
        try f.store.perform(.supportReply("Fixed on our side", status: .solutionProvided), on: premium.number, as: .supportEngineer(f.engineer))
        try f.store.perform(.close, on: premium.number, as: me)
        d = try f.detail(premium.number)
        #expect(d.attachments.isEmpty)
        #expect(d.supportCase.status == .closed)
        #expect(refusal { try f.store.perform(.message("More"), on: premium.number, as: me) } != nil)
        f.clock.advance(29 * 86_400)
        try f.store.perform(.reopen, on: premium.number, as: me)
        try f.store.perform(.close, on: premium.number, as: me)
        f.clock.advance(31 * 86_400)
        #expect(refusal { try f.store.perform(.reopen, on: premium.number, as: me) }?.reason.contains("within 30 days") == true)
    }

    @Test(arguments: StoreKind.available)
    func aDomainSeesOnlyWhatItManagesNow(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        let number = f.standardCase.number
        #expect(refusal { _ = try f.detail(number, as: .reseller(f.agent2)) }?.kind == .notFound)
        #expect(refusal { try f.store.perform(.message("hi"), on: number, as: .reseller(f.agent2)) }?.kind == .notFound)
        #expect(try f.numbers("", as: f.agent2).isEmpty)
        #expect(refusal { try f.file("closed.example") } != nil, "a customer that hasn't granted access")
        #expect(refusal { try f.file("zed.example") }?.kind == .notFound, "another domain's customer")

        try f.store.transferCustomer(as: f.admin1, customer: "basic.example", to: "two.example", granted: true)
        #expect(refusal { _ = try f.detail(number) }?.kind == .notFound, "the old domain loses sight of its cases")
        #expect(refusal { _ = try f.detail(number, as: .reseller(f.agent2)) }?.kind == .notFound, "the new one sees only new cases")
        let filed = try f.file("basic.example", as: f.agent2)
        #expect(try f.numbers("", as: f.agent2) == [filed.number])
        #expect(try f.store.customers(as: f.agent2).map(\.customer.primaryDomain) == ["basic.example", "zed.example"])
        #expect(try f.store.customers(as: f.agent1).map(\.customer.primaryDomain) == ["acme.example", "closed.example"])
        // Counts leave out the cases of a customer the domain no longer manages, as its lists do.
        let acme = try f.file()
        for filter in ["", "is:open", "sev:p3", "sev:p2 is:open", "status:new", "-sev:p2"] {
            #expect(try f.count(filter) == f.numbers(filter).count, "domain one, \(filter)")
            #expect(try f.count(filter, as: f.agent2) == f.numbers(filter, as: f.agent2).count, "domain two, \(filter)")
        }
        #expect(try f.count() == 1 && f.numbers("") == [acme.number])
        try f.store.transferCustomer(as: f.admin2, customer: "basic.example", to: "one.example", granted: true)
        #expect(try f.count() == f.numbers("").count, "back with domain one")
        #expect(try f.count("is:open") == f.numbers("is:open").count)
        #expect(try f.count(as: f.agent2) == f.numbers("", as: f.agent2).count)
    }

    @Test(arguments: StoreKind.available)
    func theSupportQueueAndAllDomainsRunInTheirOrders(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        f.clock.advance(60)
        let second = try f.file(title: "Second")
        f.clock.advance(60)
        let other = try f.file("zed.example", title: "Other domain", as: f.agent2)
        f.clock.advance(60)
        try f.store.perform(.close, on: second.number, as: .reseller(f.agent1))
        let queue = try f.all(as: f.engineer, scope: .supportQueue, limit: 1)
        #expect(queue.map(\.number) == [f.standardCase.number, other.number], "waiting on support, the longest waiting first")
        #expect(try f.store.countCases(as: f.engineer, scope: .supportQueue, query: .all, cap: 100, cancellation: nil) == 2)
        let both = try f.store.cases(asEach: [f.agent1, f.agent2], query: .all, sort: .updated, page: .first, limit: 10, cancellation: nil)
        #expect(both.rows.map(\.number) == [second.number, other.number, f.standardCase.number])
        let customer = try f.store.customer(as: f.agent1, matching: "acme")
        let theirs = try f.all(scope: .customer(customerID: customer.customer.id, domainID: f.agent1.domainID))
        #expect(theirs.map(\.number) == [second.number])
    }
}
