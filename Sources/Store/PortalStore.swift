import Domain
import Foundation
import GRDB

/// The one facade the app talks to: paged reads for screens and named commands for every write.
/// Each command authorises its actor through `Rules`, validates, and writes the change and its
/// history event in one transaction.
///
/// Reads go through a pool of read-only connections and writes through one read-write connection, so a read never
/// needs the write lock: in WAL mode readers work while another process writes (`BEGIN IMMEDIATE`, and `BEGIN
/// EXCLUSIVE`, which WAL treats the same; only `PRAGMA locking_mode = EXCLUSIVE`, which careportal never sets, would
/// shut readers out), and a database file nobody may write can still be read.
public final class PortalStore: Sendable {
    let readers: DatabasePool
    let writer: DatabaseQueue
    /// Checkpoints the log after writes, off their path (the writer's automatic checkpoint is off).
    let checkpointer: Checkpointer
    /// Connections for reads of independent statements (a page of a list), without the pool's check-out.
    let pageReaders: ReaderShelf
    /// Notices others' commits for `changeToken`.
    let commits: CommitWatch
    /// Each domain's customers for My Customers' search, kept until they change (`customer_generation`, v13).
    let customerDirectory = CustomerDirectory()
    public let path: String
    public let clock: any Clock
    /// Password hashing cost; tests lower it to keep fixtures fast.
    let passwordHasher: PasswordHasher
    /// What `is:breached` holds cases to (the config file's, or careportal's defaults).
    public let responseTargets: ResponseTargets

    /// How long a write waits for another process's write to finish before giving up: long enough for the longest
    /// ordinary writer, a 25 MiB attachment or alert delivery on a slow disk, and a migration of a large database.
    /// (`careportal demo` builds its database beside the final path and holds no lock on it while it does.)
    public static let defaultWriteWait: TimeInterval = 30

    /// Opens the database at `path`. A missing database is created (0600, in folders created 0700) only when
    /// `create` is true, as the commands that create data ask; otherwise it is `StoreError.noDatabase`.
    public init(path: String, create: Bool = false, clock: any Clock = SystemClock(), passwordHasher: PasswordHasher = .standard,
                writeWait: TimeInterval = PortalStore.defaultWriteWait, responseTargets: ResponseTargets = .defaults) throws(StoreError) {
        self.path = path
        self.clock = clock
        self.passwordHasher = passwordHasher
        self.responseTargets = responseTargets
        try DatabaseFiles.prepare(path, create: create)
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(writeWait)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        var readOnly = config
        readOnly.readonly = true
        var writing = config
        writing.prepareDatabase { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        checkpointer = Checkpointer(path: path, configuration: config)
        let started = Date()
        do {
            writer = try DatabaseQueue(path: path, configuration: writing)
            readers = try DatabasePool(path: path, configuration: readOnly)
            pageReaders = ReaderShelf(path: path, configuration: readOnly)
            commits = CommitWatch(path: path, configuration: readOnly)
            try Self.migrateIfNeeded(readers: readers, writer: writer)
        } catch {
            throw StoreError.from(error, path: path, waitingSince: started)
        }
    }

    /// Runs a read, mapping errors to StoreError.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        let started = Date()
        do { return try readers.read(body) } catch { throw StoreError.from(error, path: path, waitingSince: started) }
    }

    /// Runs a read made of independent statements without wrapping it in a transaction.
    /// Cancelling `cancellation` interrupts it (`StoreError.cancelled`).
    func singleStatementRead<T>(cancellation: Cancellation? = nil, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pageReaders.read(cancellation: cancellation, body) } catch { throw StoreError.from(error, path: path) }
    }

    /// Runs a write in one transaction (`BEGIN IMMEDIATE`), mapping errors; a thrown error rolls everything back.
    /// When another process is writing it waits up to the write wait, and says so if it gives up.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        let started = Date()
        do {
            let result = try writer.write(body)
            checkpointer.wrote()
            return result
        } catch {
            throw StoreError.from(error, path: path, waitingSince: started)
        }
    }

    var now: Date { clock.now }

    /// A token for noticing writes: any commit by another connection (this store's writer included) moves it
    /// (`CommitWatch`: `PRAGMA data_version`, no query while nothing changed); its `lastEvent`, the latest history
    /// event's id, is where arrivals are read from. Every case change appends an event, and none is ever deleted.
    public func changeToken() throws(StoreError) -> ChangeToken {
        do {
            return try commits.token {
                try readers.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM history_event") ?? 0 }
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// The case changes after history event `id` that `user` may see (Rules.canSee), oldest first; at most `limit`
    /// events are looked at, and `through` says how far, so invisible ones aren't read again.
    public func changes(as user: User, after id: Int64, limit: Int) throws(StoreError) -> ChangeBatch {
        try Rules.portalAccess(user).enforce()
        return try read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT h.id, c.number, h.kind, h.at, h.author, c.domain_id, c.customer_id,
                       EXISTS (SELECT 1 FROM customer_access a WHERE a.customer_id = c.customer_id AND a.domain_id = c.domain_id
                               AND a.until IS NULL) AS managed
                FROM history h JOIN support_case c ON c.id = h.case_id
                WHERE h.id > ? ORDER BY h.id LIMIT ?
                """), arguments: [id, limit])
            let notices = rows.filter { Rules.canSee(caseDomain: $0[5], customer: $0[6], managedByIt: $0[7], by: user) }.map {
                ChangeNotice(id: $0[0], caseNumber: $0[1], kind: HistoryKind(rawValue: $0[2]) ?? .message, at: Date(millis: $0[3]), author: $0[4])
            }
            return ChangeBatch(notices: notices, through: rows.last?[0] ?? id)
        }
    }
}
