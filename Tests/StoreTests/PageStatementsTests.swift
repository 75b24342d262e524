import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// The benchmark's baseline replays the statements a page recorded; they must be the page's own.
@Suite struct PageStatementsTests {
    @Test func aPageRecordsTheStatementThatReadsIt() throws {
        let f = try StoreFixture()
        for i in 0..<3 { f.clock.advance(60); _ = try f.file(title: "Case \(i)") }
        let page = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), limit: 2)
        let statements = try f.store.pageStatements(as: f.agent1, query: .all, sort: .updated, after: page.rows.first, limit: 2)
        // The page's SELECT, then the look-up of its rows' unread marks.
        #expect(statements.count == 2)
        #expect(statements.last?.sql.contains("FROM case_unread") == true)
        let ids = try f.store.read { db in
            try Row.fetchAll(db, sql: statements[0].sql, arguments: StatementArguments(statements[0].values)).map { $0[0] as Int64 }
        }
        let next = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), after: page.rows.first, limit: 2)
        #expect(Array(ids.prefix(2)) == next.rows.map(\.id))
        #expect(ids.count == 3, "a page reads one row more than it shows, to know whether more follow")
    }
}
