import ArgumentParser
// Exported to this module's other files too: UIBench and LaunchBench report BenchMeasurement until they move into Bench.
@_exported import Bench
import Domain
import Foundation
import Portal
import Runtime
import Store

/// `careportal bench`: the performance benchmark of DESIGN.md §7, app against raw SQLite in one run.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure the app's queries against the same SQL through SQLite's C API.")
    @Option(help: "Cases in the benchmark database (created on first use, then reused).") var cases = 1_000_000
    @Option(help: "Customers in the benchmark database, when it is created (the 40 named ones and generated ones).")
    var customers = 20_000
    @Option(help: "The benchmark database (default: $XDG_DATA_HOME/careportal/bench-N-C.sqlite3, N cases and C customers).")
    var db: String?
    @Option(help: "Samples per operation.") var iterations = 40
    @Flag(help: "Exit 1 when an operation's app/raw ratio exceeds its bound (the regression guard of `make test`).") var check = false
    @Flag var json = false

    struct Report: Encodable {
        var database: String
        var cases: Int
        var generationSeconds: Double?
        var operations: [BenchMeasurement]
        var peakResidentMiB: Double
        /// The launched app's own, at its first full screen (the largest of the launches).
        var launchedAppPeakResidentMiB: Double?
    }

    func run() throws {
        let path = db ?? Paths.dataHome + "/careportal/bench-\(cases)-\(customers).sqlite3"
        var generation: Double?
        if !FileManager.default.fileExists(atPath: path) {
            let started = Date()
            _ = try attempt { () throws(StoreError) in try PortalStore.createDemo(at: path, cases: cases, seed: 1, customers: customers) }
            generation = Date().timeIntervalSince(started)
        }
        let portal = try attempt { () throws(StoreError) in try PortalStore(path: path) }
        guard let user = try attempt({ () throws(StoreError) in try portal.user(email: "alice@cloudpartners.example") }) else {
            throw Failure.input("db: \(path) is not a benchmark database (no demo agent)")
        }
        let bench = try attempt { () throws(StoreError) in try StoreBenchmark(store: portal, user: user, iterations: iterations) }
        var ops: [BenchMeasurement] = []
        var launchedPeak: Double?
        do {
            for (name, filter) in [("first page: all", ""), ("first page: is:open", "is:open"), ("first page: sev:p1", "sev:p1"),
                                   ("first page: status:action-required", "status:action-required"),
                                   ("first page: customer:acme", "customer:acme"), ("keyword: common word", "mail"),
                                   ("keyword: rare word", "payroll"), ("keyword: prefix", "bou*")] {
                ops.append(try bench.firstPage(name, filter: filter))
            }
            // A case's number is a word of its own: one match.
            if let number = try portal.cases(as: user, scope: .domain(user.domainID), limit: 100).rows.last?.number {
                ops.append(try bench.firstPage("keyword: a case number (1 match)", filter: String(number)))
            }
            ops.append(try bench.secondPage("keyword: common word, next page", filter: "mail"))
            for sort in [CaseSort.created, .severity, .status] {
                ops.append(try bench.firstPage("keyword: common word, by \(sort.rawValue)", filter: "mail", sort: sort))
            }
            ops.append(try bench.firstPage("keyword: common word + customer:acme", filter: "mail customer:acme"))
            ops.append(try bench.firstPage("keyword: common word + is:escalated", filter: "mail is:escalated"))
            ops.append(try bench.firstPage("first page: sorted by severity", filter: "", sort: .severity))
            ops.append(try bench.pageAt(depth: 50))
            ops.append(try bench.pageAt(depth: 10_000))
            ops.append(try bench.myCustomers())
            ops.append(try bench.openCase())
            ops += try bench.writes()
            let domain = try portal.domain(id: user.domainID)?.name ?? ""
            ops += UIBench(portal: portal, user: user, domainName: domain, iterations: iterations).run()
            // The real executable on a pseudo-terminal (the demo agent's password is the seed's).
            switch LaunchBench(portal: portal, email: user.email, password: "alice-1-portal", iterations: iterations).run() {
            case .success(let launches): ops += launches.operations; launchedPeak = launches.peakResidentMiB
            case .failure(let why): FileHandle.standardError.write(Data("bench: launch not measured: \(why)\n".utf8))
            }
        } catch let e as StoreError {
            throw Failure(LocalPortal.portalError(e))
        }
        let report = Report(database: path, cases: cases, generationSeconds: generation, operations: ops,
                            peakResidentMiB: StoreBenchmark.peakResidentMiB(), launchedAppPeakResidentMiB: launchedPeak)
        if json { try printJSON(report) } else { printTable(report) }
        if check, let worst = ops.first(where: { !$0.withinBound }) {
            throw Failure(message: "bench: \(worst.name) took \(String(format: "%.2f", worst.ratio!))× raw SQLite (bound \(worst.bound!)×)",
                          code: Failure.refused)
        }
    }

    func printTable(_ r: Report) {
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
    }
}
