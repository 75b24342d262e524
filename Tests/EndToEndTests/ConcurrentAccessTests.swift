import Foundation
import Testing

/// Reads never need the write lock: listing and showing cases work while another process writes, and on a
/// database file nobody may write; a write that has to wait says what it waited for.
@Suite(.serialized) struct ConcurrentAccessTests {
    static let alice = "alice@cloudpartners.example"

    /// WAL lets readers in while a writer holds `BEGIN IMMEDIATE`; `BEGIN EXCLUSIVE` is the same thing in WAL mode.
    @Test(arguments: ["IMMEDIATE", "EXCLUSIVE"])
    func readsWorkWhileAnotherProcessWrites(_ kind: String) throws {
        let (b, _) = try CommandLineTests.demo(cases: 60)
        let me = ["--as", Self.alice]
        let number = try CommandLineTests.numbers(b, as: Self.alice)[0]
        let holder = try WriteLockHolder(db: b.db, begin: kind)
        defer { holder.release() }
        let started = Date()
        var o = try b.run(["cases", "--json"] + me)
        #expect(o.status == 0, "cases while another process writes: \(o.stderr)")
        o = try b.run(["case", "show", "\(number)"] + me)
        #expect(o.status == 0, "case show while another process writes: \(o.stderr)")
        o = try b.run(["customers"] + me)
        #expect(o.status == 0, "customers while another process writes: \(o.stderr)")
        #expect(Date().timeIntervalSince(started) < 4, "the reads waited for the writer")
    }

    /// A database file nobody may write (mode 0400) can still be listed; a write to it says it is read-only.
    @Test func aReadOnlyDatabaseCanBeListed() throws {
        let (b, _) = try CommandLineTests.demo(cases: 40)
        let me = ["--as", Self.alice]
        let number = try CommandLineTests.numbers(b, as: Self.alice)[0]
        // Everything checkpointed into the file, and the -wal and -shm files gone with the last connection.
        _ = try SQLiteShell.query(b.db, "PRAGMA wal_checkpoint(TRUNCATE);")
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: b.db)
        var o = try b.run(["cases", "--json"] + me, environment: [:], wrapper: Binary.permissionsBind)
        #expect(o.status == 0, "cases on a read-only database: \(o.stderr)")
        o = try b.run(["case", "show", "\(number)"] + me, environment: [:], wrapper: Binary.permissionsBind)
        #expect(o.status == 0, "case show on a read-only database: \(o.stderr)")
        o = try b.run(["case", "message", "\(number)", "--message", "hello"] + me, environment: [:], wrapper: Binary.permissionsBind)
        #expect(o.status == 3 && o.stderr.contains("read-only"), "a write to a read-only database: \(o.stderr)")
    }

    /// A write waits for another process's write to finish, longer than the 5 s a bulk write could outlast.
    @Test func aWriteWaitsForAnotherProcessToFinish() throws {
        let (b, _) = try CommandLineTests.demo(cases: 40)
        let me = ["--as", Self.alice]
        let number = try CommandLineTests.numbers(b, as: Self.alice)[0]
        let holder = try WriteLockHolder(db: b.db)
        let releaser = Thread { Thread.sleep(forTimeInterval: 6.5); holder.release() }
        releaser.start()
        let started = Date()
        let o = try b.run(["case", "message", "\(number)", "--message", "after the other writer"] + me)
        #expect(o.status == 0, "the write gave up while the other process was writing: \(o.stderr)")
        #expect(Date().timeIntervalSince(started) > 5)
    }

    /// When the other writer outlasts the wait, the message names what it waited for and how long.
    @Test func aWriteThatGivesUpSaysWhatItWaitedFor() throws {
        let (b, _) = try CommandLineTests.demo(cases: 40)
        let me = ["--as", Self.alice]
        let number = try CommandLineTests.numbers(b, as: Self.alice)[0]
        let holder = try WriteLockHolder(db: b.db)
        defer { holder.release() }
        let o = try b.run(["case", "message", "\(number)", "--message", "blocked"] + me, environment: ["CAREPORTAL_WRITE_WAIT": "2"])
        #expect(o.status == 3, "\(o.stderr)")
        #expect(o.stderr.contains("database: busy: another process is writing; waited 2 s"), "\(o.stderr)")
    }
}
