import GRDB

extension PortalStore {
    /// Brings the schema up to date only when it isn't. A read decides (the applied migrations and the journal
    /// mode), so opening an up-to-date database writes nothing and never waits for a writer; a read-only file opens.
    /// Otherwise the database is switched to WAL (once: the mode is kept in the file) and migrated under the write lock.
    static func migrateIfNeeded(readers: DatabasePool, writer: DatabaseQueue) throws {
        let (migrated, wal) = try readers.read { db in
            (try Schema.migrator.hasCompletedMigrations(db), try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
        }
        if !wal {
            try writer.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
        }
        if migrated { return }
        do {
            try Schema.migrator.migrate(writer)
        } catch {
            // Another process may have run the same migration between this one's read and its write: then it is done.
            if try readers.read({ try Schema.migrator.hasCompletedMigrations($0) }) { return }
            throw error
        }
    }
}
