import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// `is:unread` is read two ways on SQLite: from the reader's few unread rows (sorted), or, when they are many, by
/// walking the list index and testing each row. Both give the brute-force answer, page after page, in every order.
@Suite struct UnreadPlanTests {
    @Test func bothPlansPageLikeAFilterOfTheWholeList() throws {
        let f = try StoreFixture()
        var numbers: [Int] = [f.standardCase.number]
        for i in 0..<24 {
            f.clock.advance(60)
            numbers.append(try f.file(i % 2 == 0 ? "acme.example" : "basic.example", title: "Case \(i) \(i % 3 == 0 ? "quota" : "sync")").number)
        }
        // The admin has read everything; then a third of the cases change under the agent or support.
        for n in numbers { try f.store.setRead(true, number: n, as: .reseller(f.admin1), seen: nil) }
        for (i, n) in numbers.enumerated() where i % 3 != 1 {
            f.clock.advance(30)
            try f.store.perform(.message("Update \(i)"), on: n, as: i % 2 == 0 ? .reseller(f.agent1) : .supportEngineer(f.engineer))
        }
        let whole = try f.store.cases(as: f.admin1, scope: .domain(f.admin1.domainID), limit: 100).rows
        #expect(whole.filter(\.unread).count == numbers.indices.filter { $0 % 3 != 1 }.count)
        let now = f.store.now
        for filter in ["is:unread", "is:unread quota", "is:unread -sev:p1 customer:acme", "-is:unread"] {
            let query = try CaseQuery(parsing: filter)
            for sort in CaseSort.allCases {
                for backward in [false, true] {
                    let expected = whole.sorted { $0.precedes($1, in: sort) }.filter { row in
                        query.terms.allSatisfy { term in
                            let holds: Bool
                            switch term.predicate {
                            case .isUnread: holds = row.unread
                            case .keyword(.word(let w)): holds = row.title.lowercased().contains(w)
                            case .severity(let s): holds = s.contains(row.severity)
                            case .customer: holds = row.customerName.hasPrefix("Acme")
                            default: holds = true
                            }
                            return holds != term.negated
                        }
                    }.map(\.id)
                    for few in [UnreadSQL.fewUnread, 1] {  // 1: the reader's rows are "many", so the index is walked
                        var seen: [Int64] = []
                        var cursor: CaseRow?
                        repeat {
                            let page = try f.store.read { db in
                                try PortalStore.casePage(db, domainID: f.admin1.domainID, customerID: nil, query: query, sort: sort,
                                                         after: cursor, backward: backward, limit: 4, now: now, reader: ListReader(userID: f.admin1.id),
                                                         fewUnread: few)
                            }
                            seen = backward ? page.rows.map(\.id) + seen : seen + page.rows.map(\.id)
                            cursor = page.hasMore ? (backward ? page.rows.first : page.rows.last) : nil
                        } while cursor != nil && seen.count < 200
                        #expect(seen == expected, "\(filter), \(sort), backward \(backward), few \(few)")
                    }
                }
            }
        }
    }

    @Test func theFewUnreadAreReadFromTheReadersRowsAndTheManyByTheListIndex() throws {
        let f = try StoreFixture()
        let query = try CaseQuery(parsing: "is:unread")
        let plans = try f.store.read { db -> [String] in
            var details: [String] = []
            for few in [UnreadSQL.fewUnread, 1] {
                let q = CaseListSQL(domainID: f.admin1.domainID, customers: nil, query: query, sort: .updated, after: nil, limit: 51,
                                    now: f.store.now, reader: ListReader(userID: f.admin1.id),
                                    unreadDrives: try UnreadSQL.drives(db, query, reader: f.admin1.id, few: few, log: nil))
                details.append(try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + q.sql, arguments: q.arguments)
                    .map { $0["detail"] as String }.joined(separator: " | "))
            }
            return details
        }
        // The reader's rows (`r`, case_unread) drive: each case found by its id, then sorted.
        #expect(plans[0].contains("SEARCH r USING PRIMARY KEY (user_id=?)") && plans[0].contains("SEARCH c USING INTEGER PRIMARY KEY")
                && !plans[0].contains("case_domain_updated"), "\(plans)")
        #expect(plans[1].contains("SEARCH c USING INDEX case_domain_updated") && !plans[1].contains("TEMP B-TREE"), "\(plans)")
    }
}
