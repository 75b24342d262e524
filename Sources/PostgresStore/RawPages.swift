import Domain
import Foundation
import PostgresNIO
import Store

/// The benchmark's baseline on PostgreSQL (`careportal bench --db postgresql://…`): the statements the store runs for a
/// list page, through postgres-nio alone, in the same transaction with the same actor named, rows read but not mapped.
/// What the store adds beyond them (building the query, binding, mapping rows, the Domain's checks) is the ratio.
extension PostgresPortalStore {
    package func rawPage(as user: User, query: CaseQuery, sort: CaseSort, limit: Int) throws -> Int {
        let q = CaseListQuery(domainID: user.domainID, customers: nil, query: query.withoutRepeatedTerms, sort: sort, after: nil,
                              limit: limit + 1, now: now)
        let sql = SQLSession.numbered(q.sql)
        let context = ActorContext(user)
        return try database.transaction { (connection: PostgresConnection) in
            var actor = PostgresBindings()
            for value in [context.actor, context.domainID.map(String.init) ?? "", "", context.accountID.map(String.init) ?? ""] {
                actor.append(value)
            }
            _ = try connection.query(PostgresQuery(unsafeSQL: """
                SELECT set_config('careportal.actor', $1, true), set_config('careportal.domain', $2, true),
                       set_config('careportal.customer', $3, true), set_config('careportal.account', $4, true)
                """, binds: actor), logger: database.logger).wait()
            var binds = PostgresBindings(capacity: q.arguments.count)
            for argument in q.arguments { try argument.bind(to: &binds) }
            return try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: database.logger).wait().rows.count
        }
    }

    /// The plan PostgreSQL chooses for a first page, as the store asks it (EXPLAIN's text, one line per node).
    package func explainPage(as user: User, query: CaseQuery, sort: CaseSort, limit: Int) throws(StoreError) -> [String] {
        let q = CaseListQuery(domainID: user.domainID, customers: nil, query: query.withoutRepeatedTerms, sort: sort, after: nil,
                              limit: limit + 1, now: now)
        return try read(ActorContext(user)) { db in try db.values("EXPLAIN " + q.sql, q.arguments, as: String.self) }
    }
}
