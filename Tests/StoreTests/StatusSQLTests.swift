import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// `is:open` and `is:closed` are built from the Domain's status codes, into the same SQL text as before.
@Suite struct StatusSQLTests {
    /// The partial indexes apply only to this exact text, so it is pinned here.
    @Test func openAndClosedConditionsKeepTheirText() {
        #expect(CaseListSQL.clause(for: .isOpen, now: Date(), reader: ListReader(userID: 0), indexable: true).0 == "c.status < 4")
        #expect(CaseListSQL.clause(for: .isOpen, now: Date(), reader: ListReader(userID: 0), indexable: false).0 == "+c.status < 4")
        #expect(CaseListSQL.clause(for: .isClosed, now: Date(), reader: ListReader(userID: 0), indexable: true).0 == "+c.status = 4")
        #expect(PortalStore.customersSQL.contains("AND c.status < 4) AS open_cases"))
    }

    /// The frozen migrations built the partial indexes of open cases on the condition the queries repeat.
    @Test func thePartialIndexesAreBuiltOnTheOpenCondition() throws {
        let f = try StoreFixture()
        let indexes = try f.store.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE name IN ('case_domain_open', 'case_customer_open')")
        }
        #expect(indexes.count == 2)
        for sql in indexes { #expect(sql.hasSuffix("WHERE \(StatusSQL.open)"), "\(sql)") }
    }
}
