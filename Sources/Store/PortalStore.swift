import Domain
import Foundation
import GRDB

/// The one facade the app talks to: paged reads for screens and named commands for every write.
/// Each command authorises its actor through `Rules`, validates, and writes the change and its
/// history event in one transaction.
public final class PortalStore: Sendable {
    let pool: DatabasePool
    public let path: String
    public let clock: any Clock
    /// Password hashing cost; tests lower it to keep fixtures fast.
    let passwordHasher: PasswordHasher

    public init(path: String, clock: any Clock = SystemClock(), passwordHasher: PasswordHasher = .standard) throws(StoreError) {
        self.path = path
        self.clock = clock
        self.passwordHasher = passwordHasher
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty, !FileManager.default.fileExists(atPath: dir) {
            do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            catch { throw .cannotOpen(path: path, reason: "can't create directory \(dir): \((error as NSError).localizedDescription)") }
        }
        if FileManager.default.fileExists(atPath: path), !FileManager.default.isReadableFile(atPath: path) {
            throw .cannotOpen(path: path, reason: "permission denied")
        }
        if !FileManager.default.fileExists(atPath: path), !dir.isEmpty, !FileManager.default.isWritableFile(atPath: dir) {
            throw .cannotOpen(path: path, reason: "directory \(dir) is not writable")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try Schema.migrator.migrate(pool)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Runs a read, mapping errors to StoreError.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw StoreError.from(error, path: path) }
    }

    /// Runs a read made of independent statements without wrapping it in a transaction.
    func singleStatementRead<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.unsafeReentrantRead(body) } catch { throw StoreError.from(error, path: path) }
    }

    /// Runs a write in one transaction, mapping errors; a thrown error rolls everything back.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(body) } catch { throw StoreError.from(error, path: path) }
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
