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
    /// Connections for reads of independent statements (a page of a list), without the pool's check-out.
    let pageReaders: ReaderShelf
    public let path: String
    public let clock: any Clock
    /// Password hashing cost; tests lower it to keep fixtures fast.
    let passwordHasher: PasswordHasher

    /// How long a write waits for another process's write to finish before giving up: long enough for the longest
    /// ordinary writer, a 25 MiB attachment or alert delivery on a slow disk, and a migration of a large database.
    /// (`careportal demo` builds its database beside the final path and holds no lock on it while it does.)
    public static let defaultWriteWait: TimeInterval = 30

    /// Opens the database at `path`. A missing database is created (0600, in folders created 0700) only when
    /// `create` is true, as the commands that create data ask; otherwise it is `StoreError.noDatabase`.
    public init(path: String, create: Bool = false, clock: any Clock = SystemClock(), passwordHasher: PasswordHasher = .standard,
                writeWait: TimeInterval = PortalStore.defaultWriteWait) throws(StoreError) {
        self.path = path
        self.clock = clock
        self.passwordHasher = passwordHasher
        try DatabaseFiles.prepare(path, create: create)
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(writeWait)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        var readOnly = config
        readOnly.readonly = true
        let started = Date()
        do {
            writer = try DatabaseQueue(path: path, configuration: config)
            readers = try DatabasePool(path: path, configuration: readOnly)
            pageReaders = ReaderShelf(path: path, configuration: readOnly)
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
        do { return try writer.write(body) } catch { throw StoreError.from(error, path: path, waitingSince: started) }
    }

    var now: Date { clock.now }

    /// A token for noticing other processes' case writes: history rows counted plus the latest case update.
    /// Every case change (filing included) appends a history event, so any of them changes it. Writes that
    /// touch neither table go unnoticed: admin changes (users, roles, licences, customers, and access grants or
    /// transfers, which change what a list shows), drafts, feedback, sessions and alert delivery.
    public func changeToken() throws(StoreError) -> Int64 {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM history) + (SELECT COALESCE(MAX(updated_at),0) FROM support_case)") ?? 0
        }
    }
}
