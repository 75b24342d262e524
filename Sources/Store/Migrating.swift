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
        try? giveBackFreePages(writer)
    }

    /// A migration that rebuilt tables leaves their old pages free inside the file (v17 at 100,000 cases: 525 MB, of
    /// which 275 in use); when over a quarter of it is free, the file is rewritten without them. Best effort: VACUUM
    /// needs room for a copy, and without it the free pages are reused as the data grows.
    static func giveBackFreePages(_ writer: DatabaseQueue) throws {
        try writer.writeWithoutTransaction { db in
            let free = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            if free * 4 > pages { try db.execute(sql: "VACUUM") }
        }
    }
}
