import Foundation
import Testing

/// Helpers of the store integrity tests: the binary under another environment or wrapper, the sqlite3 shell
/// (to look into a database, or to hold its write lock from a second process), file modes.
extension Binary {
    /// Runs the binary like `run`, with extra environment variables and, when given, a wrapper command in front
    /// (such as `setpriv` to take root's permission override away).
    func run(_ args: [String], stdin: String? = nil, db: String? = nil, environment extra: [String: String],
             wrapper: [String] = []) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: wrapper.first ?? Self.path)
        p.arguments = Array(wrapper.dropFirst()) + (wrapper.isEmpty ? [] : [Self.path]) + args + (try location(db: db))
        var env = environment
        env.merge(extra) { _, new in new }
        p.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = input
        try p.run()
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// The wrapper that makes file permissions bind this process: none for a normal user; for root, `setpriv`
    /// without the capabilities that override them (root would otherwise write to a 0400 file).
    static var permissionsBind: [String] {
        getuid() == 0 ? ["/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"] : []
    }

    /// Signs `user` in with the password the demo report gives, expecting success.
    func signIn(_ user: String, report: [String: Any]) throws {
        let users = (report["domains"] as! [[String: Any]]).flatMap { $0["users"] as! [[String: Any]] }
        let password = users.first { $0["email"] as? String == user }!["password"] as! String
        let o = try run(["login", "--user", user, "--password-stdin"], stdin: password + "\n")
        #expect(o.status == 0, "login \(user): \(o.stderr)")
    }
}

/// The sqlite3 shell on a database: one query's output, or a second process holding the write lock.
enum SQLiteShell {
    static let path = "/usr/bin/sqlite3"

    /// The output of one statement, trimmed.
    static func query(_ db: String, _ sql: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["-batch", db, sql]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Another process in the middle of a write: the sqlite3 shell inside `BEGIN IMMEDIATE` (or `EXCLUSIVE`) with a
/// row written and not committed, until `release()`.
final class WriteLockHolder: @unchecked Sendable {
    let process = Process()
    let input = Pipe(), output = Pipe()

    init(db: String, begin kind: String = "IMMEDIATE") throws {
        process.executableURL = URL(fileURLWithPath: SQLiteShell.path)
        process.arguments = ["-batch", db]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let script = """
            BEGIN \(kind);
            INSERT INTO feedback (user_id, at, screen, message) VALUES (NULL, 0, 'lock-holder', 'uncommitted');
            SELECT 'held';

            """
        try input.fileHandleForWriting.write(contentsOf: Data(script.utf8))
        var seen = ""
        while !seen.contains("held") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw NSError(domain: "WriteLockHolder", code: 1, userInfo: [NSLocalizedDescriptionKey: "sqlite3 exited"]) }
            seen += String(decoding: chunk, as: UTF8.self)
        }
    }

    /// Rolls the write back and ends the shell.
    func release() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.write(contentsOf: Data("ROLLBACK;\n.quit\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { release() }
}

/// A file's permission bits.
func mode(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? NSNumber)?.intValue ?? -1
}
