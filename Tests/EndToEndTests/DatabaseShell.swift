import Foundation
import PostgresCluster
import Testing

/// A test's database read and written behind the program's back: with the sqlite3 shell on a file, with psql on
/// PostgreSQL (the `postgres` backend). The SQL's few dialect words are written as placeholders:
/// `{user}` (the accounts' table: `user`, `account`), `{user_id}` (a column naming it), `{char}` (a character by its
/// code: `char`, `chr`) and `{zero byte}` (a one-byte blob).
enum DatabaseShell {
    static func isPostgres(_ db: String) -> Bool { db.hasPrefix("postgresql://") }

    static func dialect(_ sql: String, postgres: Bool) -> String {
        let words: [(String, String, String)] = [("{user}", "user", "account"), ("{user_id}", "user_id", "account_id"),
                                                 ("{char}", "char", "chr"), ("{zero byte}", "x'00'", "'\\x00'::bytea")]
        return words.reduce(sql) { $0.replacingOccurrences(of: $1.0, with: postgres ? $1.2 : $1.1) }
    }

    /// Runs statements; a failure is recorded with the shell's message.
    static func execute(_ db: String, _ sql: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (status, _, error) = try run(db, sql)
        #expect(status == 0, "\(sql): \(error)", sourceLocation: sourceLocation)
    }

    /// The output of one query, trimmed.
    static func query(_ db: String, _ sql: String) throws -> String {
        try run(db, sql).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func run(_ db: String, _ sql: String) throws -> (status: Int32, output: String, error: String) {
        let p = Process()
        let postgres = isPostgres(db)
        if postgres {
            p.executableURL = URL(fileURLWithPath: (PostgresCluster.binaries ?? "/usr/bin") + "/psql")
            // As the store's own work, past row-level security (the actor "system").
            p.arguments = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", db, "-c",
                           "SET careportal.actor = 'system'; " + dialect(sql, postgres: true)]
        } else {
            p.executableURL = URL(fileURLWithPath: SQLiteShell.path)
            p.arguments = ["-batch", "-cmd", ".timeout 5000", db, dialect(sql, postgres: false)]
        }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }
}
