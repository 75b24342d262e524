import Foundation
import PostgresStore

/// A throwaway PostgreSQL cluster in a temporary folder, listening on a Unix socket in that folder only (no TCP port):
/// started once per test process by the first test that needs it, stopped and removed when the process exits. As
/// root, `initdb` and `pg_ctl` run as the `postgres` user through `runuser` (PostgreSQL refuses to run as root).
public final class PostgresCluster: Sendable {
    public let folder: String
    public let socketFolder: String
    /// The cluster's superuser (initdb's `-U`), trusted on the socket.
    public static let superuser = "careportal_admin"
    /// The role the store connects as: it owns the databases it is given, nothing else, and is no superuser, so
    /// row-level security applies to it (the store refuses a role above it).
    public static let serverRole = "careportal_server"

    /// The cluster, started on first use; the error says what is missing when it can't be.
    public static let shared: Result<PostgresCluster, ClusterError> = Result { () throws(ClusterError) in try PostgresCluster() }

    /// Whether this machine has PostgreSQL's server programs (Debian's postgresql package).
    public static var available: Bool { binaries != nil }
    /// Where CI runs (CI=true), a missing PostgreSQL fails the run instead of skipping its tests.
    public static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    public static let missingMessage = "PostgreSQL's initdb and pg_ctl are not installed (apt-get install postgresql); the PostgreSQL tests are skipped"

    /// The folder of initdb and pg_ctl: the newest /usr/lib/postgresql/N/bin that has them.
    public static let binaries: String? = {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted(by: >)
        return versions.map { "\(root)/\($0)/bin" }.first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }
    }()

    public struct ClusterError: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    private init() throws(ClusterError) {
        guard let bin = Self.binaries else { throw ClusterError(description: Self.missingMessage) }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-pg-\(UUID().uuidString)").path
        socketFolder = folder
        let data = folder + "/data"
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
            throw ClusterError(description: "can't create \(folder): \(error)")
        }
        // As root, the folder is the postgres user's, who runs the server.
        if getuid() == 0 {
            guard let pw = getpwnam("postgres") else { throw ClusterError(description: "running as root and there is no postgres user to run the cluster") }
            chown(folder, pw.pointee.pw_uid, pw.pointee.pw_gid)
        }
        try Self.run(bin + "/initdb", ["-D", data, "-U", Self.superuser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"])
        try Self.run(bin + "/pg_ctl", ["-D", data, "-l", folder + "/server.log", "-w", "-t", "60", "-o",
                                       "-k \(socketFolder) -c listen_addresses='' -c fsync=off -c full_page_writes=off", "start"])
        Self.running = (bin, data, folder)
        let admin = PostgresConnections(address: address(database: "postgres"))
        defer { admin.close() }
        do {
            try admin.withConnection { connection in try admin.run("CREATE ROLE \(Self.serverRole) LOGIN", on: connection) }
        } catch {
            throw ClusterError(description: "can't create the role \(Self.serverRole): \(error)")
        }
        // However this process ends (a failed run, a crash, kill -9), a watchdog stops the cluster a second later and
        // removes its folder; a normal exit does it at once.
        let stop = (getuid() == 0 ? "runuser -u postgres -- " : "") + "\(bin)/pg_ctl -D \(data) -m immediate -w stop"
        try Self.spawn(["/bin/sh", "-c", "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(stop); rm -rf \(folder)"], wait: false)
        atexit {
            guard let (bin, data, folder) = PostgresCluster.running else { return }
            try? PostgresCluster.run(bin + "/pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// What the exit handler stops and removes.
    nonisolated(unsafe) static var running: (bin: String, data: String, folder: String)?

    /// The address of the cluster's database `name` as its superuser.
    public func address(database: String, user: String = PostgresCluster.superuser) -> PostgresAddress {
        PostgresAddress(endpoint: .socket(path: socketFolder + "/.s.PGSQL.5432"), user: user, password: nil, database: database)
    }

    /// A new, empty database of its own for one test, owned by the server's role; connected to as the superuser.
    public func freshDatabase() throws -> PostgresConnections {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = PostgresConnections(address: address(database: "postgres"))
        defer { admin.close() }
        try admin.withConnection { connection in try admin.run("CREATE DATABASE \(name) OWNER \(Self.serverRole)", on: connection) }
        return PostgresConnections(address: address(database: name))
    }

    /// A new, empty database's `--db` URL, for the binary: `postgresql://USER@localhost/NAME?host=SOCKET-FOLDER`.
    public func freshDatabaseURL() throws -> String {
        let database = try freshDatabase()
        database.close()
        return "postgresql://\(Self.serverRole)@localhost/\(database.address.database)?host=\(socketFolder)"
    }

    /// Runs a PostgreSQL program (as the postgres user when this process is root) and fails with its output. Spawned
    /// with no signal blocked (a test thread's mask would be inherited by the server, which then wouldn't hear
    /// pg_ctl's stop) and waited for with waitpid.
    static func run(_ program: String, _ arguments: [String]) throws(ClusterError) {
        try spawn(getuid() == 0 ? ["/usr/sbin/runuser", "-u", "postgres", "--", program] + arguments : [program] + arguments, wait: true)
    }

    /// Starts `argv` with no signal blocked and its output in a file; `wait`: until it ends, failing with that output.
    static func spawn(_ argv: [String], wait: Bool) throws(ClusterError) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-pg-run-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, wait ? log : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // The server outlives the call: none of this process's other files (another test's pipes) go with it.
        closeFiles(from: 3, in: &actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, environ)
        guard rc == 0 else { throw ClusterError(description: "can't run \(argv[0]): \(String(cString: strerror(rc)))") }
        guard wait else { return }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw ClusterError(description: "\(argv.joined(separator: " ")) failed (wait status \(status)): \(text)")
        }
    }
}
