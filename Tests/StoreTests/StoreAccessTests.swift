import Domain
import Foundation
import Testing
@testable import Store

/// Opening and reading never wait for a writer; the files SQLite creates next to the database are private.
@Suite struct StoreAccessTests {
    @Test func openingAndReadingDoNotWaitForAWriter() throws {
        let f = try StoreFixture()
        // Everything checkpointed, so the next store opens on an empty write-ahead log, as after the last process exits.
        _ = try OtherProcess.sqlite(f.store.path, "PRAGMA wal_checkpoint(TRUNCATE);")
        let writer = try OtherProcess.holdingTheWriteLock(f.store.path)
        defer { writer.release() }
        let started = Date()
        let store = try PortalStore(path: f.store.path, clock: f.clock, passwordHasher: .fast)
        let page = try store.cases(as: f.agent1, scope: .domain(f.agent1.domainID))
        #expect(page.rows.map(\.number) == [f.standardCase.number])
        #expect(try store.caseDetail(as: .reseller(f.agent1), number: f.standardCase.number).history.count == 1)
        #expect(Date().timeIntervalSince(started) < 2, "opening or reading waited for the writer")
    }

    @Test func theWriteAheadLogAndSharedMemoryFilesArePrivate() throws {
        let f = try StoreFixture()
        _ = try f.store.sendFeedback(as: f.agent1, screen: "test", message: "hello")
        for suffix in ["", "-wal", "-shm"] {
            let path = f.store.path + suffix
            #expect(FileManager.default.fileExists(atPath: path), "\(suffix) exists while the store is open")
            let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600, "\(path): \(String(mode ?? 0, radix: 8))")
        }
        let folder = (f.store.path as NSString).deletingLastPathComponent
        #expect((try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }
}

/// The sqlite3 shell as another process: one statement, or a write left open (`BEGIN IMMEDIATE`) until `release()`.
final class OtherProcess: @unchecked Sendable {
    let process = Process()
    let input = Pipe(), output = Pipe()

    static func sqlite(_ db: String, _ sql: String) throws -> String {
        let p = Process(), out = Pipe()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = ["-batch", db, sql]
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func holdingTheWriteLock(_ db: String) throws -> OtherProcess {
        let other = OtherProcess()
        other.process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        other.process.arguments = ["-batch", db]
        other.process.standardInput = other.input
        other.process.standardOutput = other.output
        try other.process.run()
        try other.input.fileHandleForWriting.write(contentsOf: Data("BEGIN IMMEDIATE;\nSELECT 'held';\n".utf8))
        var seen = ""
        while !seen.contains("held") {
            let chunk = other.output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        return other
    }

    func release() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.write(contentsOf: Data("ROLLBACK;\n.quit\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
