import Domain
import Foundation
import Store

/// The store protocol on PostgreSQL: the same reads and commands as the SQLite store, each command authorised through
/// the Domain's `Rules` and written with its history event in one transaction. Commands on one case lock its row
/// (`FOR UPDATE`) and admin changes their domain's row, so concurrent requests on several connections, or several
/// server instances, apply one after the other as SQLite's single writer does.
public final class PostgresPortalStore: CaseStore, @unchecked Sendable {
    let database: PostgresConnections
    let listener: ChangeListener
    /// Each domain's customers, for `customer:` terms.
    let managedCustomers = ManagedCustomers()
    public let clock: any Clock
    let passwordHasher: PasswordHasher
    /// What `is:breached` holds cases to (the config file's, or careportal's defaults).
    public let responseTargets: ResponseTargets
    public var location: String { database.address.location }

    /// Opens the database at `address` and brings its schema up to date (under the migration lock).
    public init(address: PostgresAddress, clock: any Clock = SystemClock(), passwordHasher: PasswordHasher = .standard,
                responseTargets: ResponseTargets = .defaults) throws(StoreError) {
        database = PostgresConnections(address: address)
        listener = ChangeListener(database: database)
        self.clock = clock
        self.passwordHasher = passwordHasher
        self.responseTargets = responseTargets
        try PostgresSchema.migrate(database)
        try refuseRoleAboveThePolicies()
    }

    /// Row-level security is the second wall between domains (schema v3); a superuser or a BYPASSRLS role would walk
    /// through it, so the store doesn't run as one.
    private func refuseRoleAboveThePolicies() throws(StoreError) {
        let (role, above) = try database.sqlStatements { db in
            let row = try db.row("SELECT current_user::text, rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
            return (try row?[0] ?? "", try row?[1] ?? false) as (String, Bool)
        }
        if above {
            database.close()
            throw .cannotOpen(path: location, reason: "the role \(role) is a superuser or may bypass row-level security, which keeps each "
                              + "domain's cases apart; connect as a role without either (README, Team: PostgreSQL)")
        }
    }

    /// Stops listening and closes the idle connections.
    public func close() {
        listener.stop()
        database.close()
    }

    var now: Date { clock.now }

    /// A transaction acting for `context` (row-level security's actor).
    @discardableResult func read<T>(_ context: ActorContext, _ body: (SQLSession) throws -> T) throws(StoreError) -> T {
        try database.sqlTransaction { db in
            try context.apply(db)
            return try body(db)
        }
    }

    @discardableResult func write<T>(_ context: ActorContext, _ body: (SQLSession) throws -> T) throws(StoreError) -> T {
        defer { listener.committed() }
        return try read(context, body)
    }

    // MARK: Changes

    /// The latest history event's id: every case change appends one. Heard of by `ChangeListener` (NOTIFY), so asking
    /// costs no query while it listens.
    public func changeToken() throws(StoreError) -> ChangeToken {
        ChangeToken(lastEvent: try listener.token { () throws(StoreError) in
            try read(.system) { db in try db.value("SELECT COALESCE(MAX(id), 0) FROM history", as: Int64.self) ?? 0 }
        })
    }

    public func changes(as user: User, after id: Int64, limit: Int) throws(StoreError) -> ChangeBatch {
        try Rules.portalAccess(user).enforce()
        // Read as the system and filtered by the Domain's rule: `through` must pass the events the user may not see.
        return try read(.system) { db in
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
