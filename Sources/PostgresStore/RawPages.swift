import Domain
import Foundation
import PostgresNIO
import Store

/// The benchmark's baseline on PostgreSQL (`careportal bench --db postgresql://…`): the statements the store runs for a
/// list page, through postgres-nio alone, in the same transaction with the same actor named (and a `customer:` term's
/// customers found first, as the store does), rows read but not mapped.
/// What the store adds beyond them (building the query, binding, mapping rows, the Domain's checks) is the ratio.
extension PostgresPortalStore {
    package func rawPage(as user: User, query: CaseQuery, sort: CaseSort, limit: Int) throws -> Int {
        let query = query.withoutRepeatedTerms
        let context = ActorContext(user)
        return try database.transaction { (connection: PostgresConnection) in
            func run(_ sql: String, _ arguments: [any SQLArgument]) throws -> [PostgresRow] {
                var binds = PostgresBindings(capacity: arguments.count)
                for argument in arguments { try argument.bind(to: &binds) }
                return try connection.query(PostgresQuery(unsafeSQL: SQLSession.numbered(sql), binds: binds), logger: database.logger).wait().rows
            }
            _ = try run(ActorContext.naming, context.settings)
            let (customers, rest) = try CustomerTerm.narrowed(SQLSession(connection: connection, logger: database.logger),
                                                              domainID: user.domainID, customers: nil, query: query, managed: managedCustomers)
            let q = CaseListQuery(domainID: user.domainID, customers: customers, query: rest, sort: sort, after: nil, limit: limit + 1, now: now)
            return try run(q.sql, q.arguments).count
        }
    }

    /// The plan PostgreSQL chooses for a first page, as the store asks it (EXPLAIN's text, one line per node).
    package func explainPage(as user: User, query: CaseQuery, sort: CaseSort, limit: Int) throws(StoreError) -> [String] {
        let q = CaseListQuery(domainID: user.domainID, customers: nil, query: query.withoutRepeatedTerms, sort: sort, after: nil,
                              limit: limit + 1, now: now)
        return try read(ActorContext(user)) { db in try db.values("EXPLAIN " + q.sql, q.arguments, as: String.self) }
    }
}
