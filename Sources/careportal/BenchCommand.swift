import ArgumentParser
import Bench
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
    @Flag(help: "Print JSON (the fields are listed in the README).") var json = false

    func run() throws {
        let path = db ?? Paths.dataHome + "/careportal/bench-\(cases)-\(customers).sqlite3"
        let report: BenchReport
        do {
            report = try BenchReport.measure(database: path, cases: cases, customers: customers, iterations: iterations)
        } catch let e as StoreError {
            throw Failure(LocalPortal.portalError(e))
        } catch let e as BenchReport.NotABenchmark {
            throw Failure.input("db: \(e.description)")
        }
        if json { try printJSON(report) } else { printTable(report) }
        if check, let worst = report.operations.first(where: { !$0.withinBound }) {
            throw Failure(message: "bench: \(worst.name) took \(String(format: "%.2f", worst.ratio!))× raw SQLite (bound \(worst.bound!)×)",
                          code: Failure.refused)
        }
    }

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
    }
}
