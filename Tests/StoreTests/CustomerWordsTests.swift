import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// A keyword on one customer's cases takes the first label of the customer's primary domain as a phrase (CustomerPlan.withCustomerWords):
/// the search index narrows the matches to about the customer's rows, and the scope keeps the list exact.
@Suite struct CustomerWordsTests {
    @Test func oneCustomersKeywordListTakesItsDomainAsAPhrase() throws {
        let f = try StoreFixture()
        let acme = try #require(try f.store.customers(as: f.agent1).first { $0.customer.primaryDomain == "acme.example" }).id
        let basic = try #require(try f.store.customers(as: f.agent1).first { $0.customer.primaryDomain == "basic.example" }).id
        try f.store.read { db in
            let mail = try CaseQuery(parsing: "mail")
            let narrowed = try CustomerPlan.withCustomerWords(db, [acme], mail, log: nil)
            #expect(narrowed.terms.last == FilterTerm(.keyword(.phrase("acme"))), "the domain's first label: \(narrowed.terms)")
            #expect(try CustomerPlan.withCustomerWords(db, [acme, basic], mail, log: nil) == mail, "several customers: unchanged")
            let noKeyword = try CaseQuery(parsing: "sev:p1 -mail")
            #expect(try CustomerPlan.withCustomerWords(db, [acme], noKeyword, log: nil) == noKeyword, "no positive keyword: unchanged")
        }
    }

    /// Another customer's case whose text holds the phrase is a match of the index, and stays out of the list.
    @Test func anotherCustomersCaseHoldingThePhraseIsNotListed() throws {
        let f = try KeywordPlanTests.fixture()
        let outsider = try f.store.fileCase(as: f.agent1, NewCase(
            customer: "basic.example", title: "Mail from acme.example bounces", category: "Gmail > Delivery > Outgoing messages bounced",
            description: "Our mail to acme.example is refused.", severity: .p2))
        let acmeCase = try f.file("acme.example", title: "Mail to basic.example bounces")
        for text in ["mail customer:acme", "bounces customer:acme", "mail customer:basic", "refused customer:acme", "refused customer:basic"] {
            let q = try CaseQuery(parsing: text)
            let expected = try KeywordPlanTests.bruteForce(f, domainID: f.agent1.domainID, q, sort: .updated)
            #expect(try KeywordPlanTests.paged(f, domainID: f.agent1.domainID, q, sort: .updated) == expected, "\(text)")
            let counted = try f.store.countCases(as: f.agent1, scope: .domain(f.agent1.domainID), query: q)
            #expect(counted == expected.count, "count \(text)")
        }
        let acmeMail = try KeywordPlanTests.paged(f, domainID: f.agent1.domainID, CaseQuery(parsing: "mail customer:acme"), sort: .updated)
        #expect(acmeMail.contains(acmeCase.id) && !acmeMail.contains(outsider.id))
        // A customer's own list (its scope) narrows the same way.
        let acme = try #require(try f.store.customers(as: f.agent1).first { $0.customer.primaryDomain == "acme.example" }).id
        let own = try f.store.cases(as: f.agent1, scope: .customer(customerID: acme, domainID: f.agent1.domainID),
                                    query: CaseQuery(parsing: "mail"), limit: 500).rows.map(\.id)
        #expect(Set(own) == Set(acmeMail))
    }
}
