import ArgumentParser
import Bench
import Domain
import Foundation
import Portal
import PostgresStore
import Runtime
import Store

/// `careportal bench`: the benchmarks. Only a container: options of a parent command are parsed before its
/// subcommand's, so `bench load --json` once gave `--json` to the store benchmark and printed a table.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench",
        abstract: "Measure the app: its queries against raw SQLite (the default), a server under load, the app over a server.",
        subcommands: [BenchStore.self, BenchLoad.self, BenchUI.self, BenchFrames.self], defaultSubcommand: BenchStore.self)
}

/// `careportal bench [store]`: the performance benchmark of DESIGN.md §7, app against raw SQLite in one run.
struct BenchStore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Measure the app's queries against the same SQL through SQLite's C API (the default of `careportal bench`).")
    @Option(help: "Cases in the benchmark database (created on first use, then reused).") var cases = 1_000_000
    @Option(help: "Customers in the benchmark database, when it is created (the 40 named ones and generated ones).")
    var customers = 20_000
    @Option(help: "The benchmark database (default: $XDG_DATA_HOME/careportal/bench-N-C.sqlite3, N cases and C customers), or an empty or earlier benchmark postgresql://… database.")
    var db: String?
    @Option(help: "Samples per operation.") var iterations = 40
    @Option(help: "Seconds to leave a launched app idle at its first screen, measuring its CPU (0: not measured).") var idle: Double = 0
    @Flag(help: "Exit 1 when an operation's app/raw ratio exceeds its bound (the regression guard of `make test`).") var check = false
    @Flag(help: "Print JSON (the fields are listed in the README).") var json = false

    func run() throws {
        let location = try db.map { try DatabaseLocation($0) }
        let report: BenchReport
        do {
            if case .postgres(let url)? = location {
                report = try PostgresBench.measure(address: try DatabaseLocation.postgresAddress(url), cases: cases, customers: customers,
                                                   iterations: iterations)
            } else {
                let path = try location.map { try $0.filePath(for: .direct("bench")) } ?? Self.defaultPath(cases: cases, customers: customers)
                report = try BenchReport.measure(database: path, cases: cases, customers: customers, iterations: iterations, idleSeconds: idle)
            }
        } catch let e as StoreError {
            throw Failure(LocalPortal.portalError(e))
        } catch let e as BenchReport.NotABenchmark {
            throw Failure.input("db: \(e.description)")
        }
        if json { try printJSON(report) } else { printTable(report) }
        if check, let idle = report.idleCPUPercent, idle > Self.idleBound {
            throw Failure(message: String(format: "bench: the idle app took %.2f%% of a core (bound %.1f%%)", idle, Self.idleBound), code: Failure.refused)
        }
        if check, let worst = report.operations.first(where: { !$0.withinBound }) {
            throw Failure(message: "bench: \(worst.name) took \(String(format: "%.2f", worst.ratio!))× the raw driver (bound \(worst.bound!)×)",
                          code: Failure.refused)
        }
    }

    /// Where the benchmark database of `cases` cases and `customers` customers is kept when no `--db` is given.
    static func defaultPath(cases: Int, customers: Int) -> String { Paths.dataHome + "/careportal/bench-\(cases)-\(customers).sqlite3" }

    /// An app doing nothing may use at most this much of a core (its own CPU time: the machine's load doesn't count).
    static let idleBound = 1.0

    func printTable(_ r: BenchReport) {
        func ms(_ v: Double?) -> String { v.map { String(format: "%8.3f", $0) } ?? "       -" }
        print("careportal bench: \(r.cases.formatted()) cases in \(r.database)")
        if let g = r.generationSeconds { print(String(format: "generated in %.1f s", g)) }
        print("operation                              median ms   p95 ms    max ms    raw ms   app/raw  bound")
        for o in r.operations {
            let ratio = o.ratio.map { String(format: "%7.2f×", $0) } ?? "       -"
            let bound = o.bound.map { String(format: "%5.1f×", $0) } ?? ""
            print("\(o.name.padding(toLength: 38, withPad: " ", startingAt: 0)) \(ms(o.median))  \(ms(o.p95))  \(ms(o.max))  \(ms(o.rawMedian))  \(ratio) \(bound)\(o.withinBound ? "" : "  OVER")")
        }
        print(String(format: "peak resident memory: %.1f MiB", r.peakResidentMiB))
        if let p = r.launchedAppPeakResidentMiB { print(String(format: "peak resident memory of the launched app at its first screen: %.1f MiB", p)) }
        if let c = r.idleCPUPercent, let s = r.idleSeconds { print(String(format: "the launched app idle at its first screen: %.2f%% of a core over %.0f s", c, s)) }
    }
}

/// `careportal bench load`: simulated agents over HTTP against a `careportal serve` (`make load`).
struct BenchLoad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Simulated agents over HTTP against a careportal server: latency per request kind and errors.",
        discussion: """
        Each agent loops over list pages (with and without filters, following `after` cursors), opening cases, \
        posting messages on open cases and counts, with a random pause between requests. The accounts are those of \
        `careportal demo --json` (its reseller users who may use the portal); agents share their sessions.
        """)
    @Option(help: "The server, http://127.0.0.1:PORT.") var server: String
    @Option(help: "The output of `careportal demo --json` for the server's database (- for standard input).") var accounts: String
    @Option(help: "Simulated agents.") var agents = 50
    @Option(help: "How long the agents work.") var seconds = 60.0
    @Option(help: "Each agent's mean pause between requests, in milliseconds (uniform in 0…2× this; 0: none).")
    var thinkMs = 100.0
    @Option(help: "The random choices' seed.") var seed: UInt64 = 1
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Exit 1 when a request failed.") var check = false

    struct DemoAccounts: Decodable {
        struct Domain: Decodable { var kind: String; var users: [User] }
        struct User: Decodable { var email, password: String; var canUsePortal: Bool }
        var domains: [Domain]
    }

    func validate() throws {
        guard agents >= 1, agents <= 10_000 else { throw Failure.input("agents: give 1 to 10000") }
        guard seconds > 0, seconds <= 86_400 else { throw Failure.input("seconds: give more than 0, at most 86400") }
        guard thinkMs >= 0 else { throw Failure.input("think-ms: give 0 or more") }
    }

    func run() throws {
        let data: Data?
        if accounts == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else { data = FileManager.default.contents(atPath: accounts) }
        guard let data else { throw Failure.input("accounts: \(accounts) can't be read") }
        guard let demo = try? JSONDecoder().decode(DemoAccounts.self, from: data) else {
            throw Failure.input("accounts: \(accounts) is not the output of careportal demo --json")
        }
        let users = demo.domains.filter { $0.kind == "reseller" }.flatMap(\.users).filter(\.canUsePortal)
            .map { LoadAccount(email: $0.email, password: $0.password) }
        let (server, agents, seconds, think, seed) = (server, agents, seconds, thinkMs, seed)
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                outcome.result = .success(try await LoadRun.run(server: server, accounts: users, agents: agents, seconds: seconds,
                                                                thinkMilliseconds: think, seed: seed))
            } catch {
                outcome.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        let report: LoadReport
        switch outcome.result! {
        case .success(let r): report = r
        case .failure(let e as LoadRun.Failure): throw Failure(message: "bench load: \(e.description)", code: Failure.refused)
        case .failure(let e): throw Failure(message: "bench load: \(e)", code: Failure.refused)
        }
        if json { try printJSON(report) } else { printTable(report) }
        if check, report.errors > 0 {
            throw Failure(message: "bench load: \(report.errors) of \(report.requests) requests failed", code: Failure.refused)
        }
    }

    final class Outcome: @unchecked Sendable { var result: Result<LoadReport, Error>? }

    func printRow(_ name: String, _ k: LoadKind) {
        print(name.padding(toLength: 20, withPad: " ", startingAt: 0)
              + String(format: " %9d %7d %8.2f %8.2f %8.2f %8.1f", k.count, k.errors, k.p50, k.p95, k.p99, k.max))
    }

    func printTable(_ r: LoadReport) {
        print("careportal bench load: \(r.agents) agents (\(r.accounts) accounts) on \(r.server) for \(String(format: "%.1f", r.seconds)) s, "
              + "pause \(String(format: "%.0f", r.thinkMilliseconds)) ms on average")
        print("kind                  requests  errors   p50 ms   p95 ms   p99 ms   max ms")
        for k in r.kinds { printRow(k.name, k) }
        print("first pages filtered, by filter:")
        for k in r.filtered { printRow("  " + k.name, k) }
        print(String(format: "%d requests, %d errors, %.1f requests/s", r.requests, r.errors, r.requestsPerSecond))
        for e in r.errorSamples { print("error: \(e)") }
    }
}

/// `careportal bench ui`: the app's keystrokes (launch, filter keys, cursor, page, open a case) through a portal
/// given like every command's (`--server URL --as EMAIL`: the app over the network), without a terminal.
struct BenchUI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "The app's keystrokes over a careportal server, as a signed-in user (--server URL, --as EMAIL).",
        discussion: """
        Keys go through the app's reduce, effects run against the portal on the calling thread, answers come back \
        as actions and the screen is rendered into a buffer, as `careportal bench` measures them on the embedded \
        store. Sign in first (`careportal login --server URL --user EMAIL`).
        """)
    @OptionGroup var actor: ActorOptions
    @Option(help: "Samples per operation.") var iterations = 40
    @Flag(help: "Print JSON.") var json = false

    func validate() throws {
        guard (1...10_000).contains(iterations) else { throw Failure.input("iterations: give 1 to 10000") }
    }

    func run() throws {
        guard actor.store.serverURL != nil else {
            throw Failure.input("server: bench ui measures the app over a server; give --server URL (on a database file, "
                                + "`careportal bench` measures the same keys)")
        }
        let (portal, user) = try actor.signedIn()
        let domain = SessionFile.load(for: portal.location).first { $0.user.caseInsensitiveCompare(user.email) == .orderedSame }?.domain ?? ""
        let results = UIBench(portal: portal, user: user, domainName: domain, iterations: iterations).run()
        if json { try printJSON(results); return }
        print("careportal bench ui: \(user.email) on \(portal.location), \(iterations) samples each")
        print("operation                                      median ms   p95 ms   max ms")
        for m in results {
            print(m.name.padding(toLength: 46, withPad: " ", startingAt: 0) + String(format: " %9.2f %8.2f %8.2f", m.median, m.p95, m.max))
        }
    }
}

/// `careportal bench frames`: the render path alone (a key, the render, the diff), timed per frame; under callgrind
/// (`make render-profile`) its instructions per frame.
struct BenchFrames: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frames",
        abstract: "Time the app's frames of a cursor move (j) or a page scroll (pgdn): the key, the render and the diff, no query.",
        discussion: "Opens the benchmark database (made as `careportal bench` makes it when missing) as the demo agent. Run under "
            + "`valgrind --tool=callgrind --toggle-collect='*renderPathFrames*'` for its instructions (`make render-profile`).")
    @Option(help: "Cases in the benchmark database (created on first use).") var cases = 10_000
    @Option(help: "The benchmark database (default: as `careportal bench`).") var db: String?
    @Option(help: "The move: j (cursor) or pgdn (page).") var move: String = "j"
    @Option(help: "Frames to time.") var frames = 200

    func run() throws {
        guard let move = RenderPath.Move(rawValue: move) else { throw Failure.input("move: give j or pgdn") }
        guard (1...100_000).contains(frames) else { throw Failure.input("frames: give 1 to 100000") }
        let path = db ?? BenchStore.defaultPath(cases: cases, customers: 20_000)
        let store: PortalStore, found: User?, domain: String
        do {
            if !FileManager.default.fileExists(atPath: path) { _ = try PortalStore.createDemo(at: path, cases: cases, seed: 1, customers: 20_000) }
            store = try PortalStore(path: path)
            found = try store.user(email: "alice@cloudpartners.example")
            domain = try found.flatMap { try store.domain(id: $0.domainID)?.name } ?? ""
        } catch let e as StoreError { throw Failure(LocalPortal.portalError(e)) }
        guard let user = found else { throw Failure.input("db: \(path) is not a benchmark database (no demo agent)") }
        let (measured, cells) = RenderPath(portal: LocalPortal(store: store), user: user, domainName: domain).measure(move, frames: frames)
        let times = measured.sorted()
        let p = { (q: Double) in times[min(times.count - 1, Int(Double(times.count) * q))] }
        print(String(format: "frames of %@: %d, median %.3f ms, p95 %.3f ms, max %.3f ms, %d cells sent", move.rawValue, frames,
                     p(0.5), p(0.95), times.last!, cells))
    }
}
