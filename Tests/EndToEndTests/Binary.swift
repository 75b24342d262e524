import Foundation
import PostgresCluster

/// Runs the real `careportal` binary built next to the tests, in an isolated home.
struct Binary {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var path: String {
        for config in ["debug", "release"] {
            let p = packageRoot.appendingPathComponent(".build/\(config)/careportal").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return packageRoot.appendingPathComponent(".build/debug/careportal").path
    }

    let home: URL
    /// The database: a file in the home, or (the `postgres` backend) a database of the test process's cluster.
    let db: String
    /// Where `run` sends commands that name no `db:` or `server:` (Backend.swift).
    let backend: Backend
    /// The server of the `.server` backend, started on this home's database by the first command sent to it.
    let served: ServedDatabase

    init(_ backend: Backend = .file) throws {
        // A child that exits before reading its standard input must not take the test process down with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        home = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        TemporaryFolders.shared.add(home)
        self.backend = backend
        served = ServedDatabase()
        db = backend == .postgres ? try PostgresCluster.shared.get().freshDatabaseURL() : home.appendingPathComponent("portal.sqlite3").path
    }

    private init(_ other: Binary, backend: Backend) {
        home = other.home; served = other.served; self.backend = backend; db = other.db
    }

    /// The same home and database, each command on the database itself (the file, or PostgreSQL): what only runs where
    /// the database is (`demo`, the first `admin domain create`).
    var onFile: Binary { Binary(self, backend: .file) }

    struct Output { var status: Int32; var stdout: String; var stderr: String }

    /// This process's environment with the binary's isolated home: its sessions and default database are the test's.
    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home.path
        env["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        env["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        env["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        env.removeValue(forKey: "CAREPORTAL_DB")
        env.removeValue(forKey: "CAREPORTAL_SERVER")
        env.removeValue(forKey: "CAREPORTAL_CACERT")
        return env
    }

    @discardableResult
    func run(_ args: [String], stdin: String? = nil, db: String? = nil, server: URL? = nil) throws -> Output {
        try run(args, bytes: stdin.map { Data($0.utf8) }, db: db, server: server)
    }

    /// Standard input given as bytes, so a test can send NUL bytes or invalid UTF-8.
    @discardableResult
    func run(_ args: [String], bytes stdin: Data?, db: String? = nil, server: URL? = nil) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.path)
        p.arguments = args + (try location(db: db, server: server))
        p.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = input
        try p.run()
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
        try? input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// `--db PATH` or `--server URL`: the one given, else this binary's backend (its server started if need be).
    func location(db: String? = nil, server: URL? = nil) throws -> [String] {
        if let server { return ["--server", server.absoluteString] }
        if db != nil || backend == .file { return ["--db", db ?? self.db] }
        return ["--server", try served.url(for: self).absoluteString]
    }

    func json(_ args: [String]) throws -> Any {
        let o = try run(args)
        guard o.status == 0 else { throw NSError(domain: "careportal", code: Int(o.status), userInfo: [NSLocalizedDescriptionKey: o.stderr]) }
        return try JSONSerialization.jsonObject(with: Data(o.stdout.utf8))
    }
}

/// The homes of the run, deleted when the test process exits (left behind, one run filled /tmp with 1,400 folders,
/// 2.4 GB). Not when a `Binary` goes: Swift may release a value after its last use while the app it started in tmux
/// still reads the database.
final class TemporaryFolders: @unchecked Sendable {
    static let shared = TemporaryFolders()
    private let lock = NSLock()
    private var urls: [URL] = []

    private init() {
        atexit { TemporaryFolders.shared.removeAll() }
    }

    func add(_ url: URL) {
        lock.lock(); defer { lock.unlock() }
        urls.append(url)
    }

    func removeAll() {
        lock.lock(); defer { lock.unlock() }
        for url in urls { try? FileManager.default.removeItem(at: url) }
        urls = []
    }
}
