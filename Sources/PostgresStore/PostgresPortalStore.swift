import Domain
import Foundation
import Store

/// The store protocol on PostgreSQL: the same reads and commands as the SQLite store, each command authorised through
/// the Domain's `Rules` and written with its history event in one transaction. Commands on one case lock its row
/// (`FOR UPDATE`) and admin changes their domain's row, so concurrent requests on several connections, or several
/// server instances, apply one after the other as SQLite's single writer does.
public final class PostgresPortalStore: CaseStore, @unchecked Sendable {
    let database: PostgresConnections
    public let clock: any Clock
    let passwordHasher: PasswordHasher
    public var location: String { database.address.location }

    /// Opens the database at `address` and brings its schema up to date (under the migration lock).
    public init(address: PostgresAddress, clock: any Clock = SystemClock(), passwordHasher: PasswordHasher = .standard) throws(StoreError) {
        database = PostgresConnections(address: address)
        self.clock = clock
        self.passwordHasher = passwordHasher
        try PostgresSchema.migrate(database)
    }

    /// Closes the idle connections.
    public func close() { database.close() }

    var now: Date { clock.now }

    @discardableResult func read<T>(_ body: (SQLSession) throws -> T) throws(StoreError) -> T { try database.sqlTransaction(body) }
    @discardableResult func write<T>(_ body: (SQLSession) throws -> T) throws(StoreError) -> T { try database.sqlTransaction(body) }

    // MARK: Changes

    /// The latest history event's id: every case change appends one.
    public func changeToken() throws(StoreError) -> Int64 {
        try database.sqlStatements { db in try db.value("SELECT COALESCE(MAX(id), 0) FROM history", as: Int64.self) ?? 0 }
    }

    public func changes(as user: User, after id: Int64, limit: Int) throws(StoreError) -> ChangeBatch {
        try Rules.portalAccess(user).enforce()
        return try read { db in
            let rows = try db.rows("""
                SELECT h.id, c.number, h.kind, h.at, h.author, c.domain_id, c.customer_id,
                       EXISTS (SELECT 1 FROM customer_access a WHERE a.customer_id = c.customer_id AND a.domain_id = c.domain_id
                               AND a.until IS NULL) AS managed
                FROM history h JOIN support_case c ON c.id = h.case_id
                WHERE h.id > ? ORDER BY h.id LIMIT ?
                """, [id, limit])
            var notices: [ChangeNotice] = []
            for row in rows where Rules.canSee(caseDomain: try row[5], customer: try row[6], managedByIt: try row[7], by: user) {
                notices.append(ChangeNotice(id: try row[0], caseNumber: try row[1], kind: HistoryKind(rawValue: try row[2]) ?? .message,
                                            at: Date(millis: try row[3]), author: try row[4]))
            }
            return ChangeBatch(notices: notices, through: try rows.last?[0] ?? id)
        }
    }
}
