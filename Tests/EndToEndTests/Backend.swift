import Foundation
import PostgresCluster
import Testing

/// Where the command-line end-to-end tests keep their data: the database file itself (`--db`), or a `careportal serve`
/// on that file, started by the test on a free loopback port (`--server`). The command-line suites take a `Backend`
/// argument (`@Test(arguments: Backend.allCases)`), so every assertion holds for both: the same output, the same
/// JSON, the same exit codes. A difference between them is a bug of the server or of RemotePortal.
///
/// Both: CommandLineTests, AdminCommandLineTests, TenantBoundaryTests, FilterArgumentTests, OutputEscapingTests,
/// CSVFormulaTests, UsageErrorTests, GlobalOptionTests (and CaseShowLayoutTests), DashValueTests, AttachmentFileTests,
/// StandardInputTests, TypedControlCharacterTests.
///
/// File only, because they are about the file or the process that holds it:
/// - `demo` and the first `admin domain create` of a database (bootstraps: they run where the database is, with
///   `--db`; a test on the server backend runs them through `Binary.onFile`), `demoIsDeterministicAndRefusesToOverwrite`;
/// - `storageProblemsExitThree`, DatabaseCreationTests (creating, opening and refusing database files),
///   ConcurrentAccessTests (two processes on one SQLite file), the soak (scripts/soak.sh) and `bench`;
/// - `serve` itself (ServeTests, ServeContractTests and ServerCommandLineTests test it over HTTP);
/// - the full-screen app's tmux tests (TerminalAppTests, AppLifecycleTests, LastTabTests, FilterPasteTests,
///   AsciiTerminalTests, DumbTerminalTests): the app over --server has its own (ServerAppTests), and running the
///   slowest suites twice would cost minutes of `make test` for the same Portal calls the command line makes.
/// - `alerts deliver` refuses over --server (delivery runs where the database is); ServeTests checks that sentence.
///
/// `postgres`: the same suites once more through a `careportal serve` on PostgreSQL (a database of the test process's
/// throwaway cluster; the demo and the first domain are created on it directly, as `demo --db postgresql://…` and
/// `admin domain create --db postgresql://…` do), where PostgreSQL's programs are installed (CI requires them).
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case file, server, postgres
    var testDescription: String { rawValue }

    static var allCases: [Backend] { PostgresCluster.available ? [.file, .server, .postgres] : [.file, .server] }
}

/// The server of a `Binary` on the `.server` backend: started on its database by the first command that needs it
/// (a database must exist first), stopped when the test's binary goes.
final class ServedDatabase: @unchecked Sendable {
    private let lock = NSLock()
    private var server: Server?

    func url(for b: Binary) throws -> URL {
        lock.lock(); defer { lock.unlock() }
        if let server { return server.base }
        guard b.db.hasPrefix("postgresql://") || FileManager.default.fileExists(atPath: b.db) else {
            throw ServerFailure(message: "no database at \(b.db) to serve yet: create it on the file first (Binary.onFile)")
        }
        let started = try Server(b, logFile: b.home.appendingPathComponent("serve.log"))
        server = started
        return started.base
    }

    /// The running server, if a command started it.
    var running: Server? { lock.lock(); defer { lock.unlock() }; return server }
}
