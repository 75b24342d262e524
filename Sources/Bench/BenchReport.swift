import Domain
import Foundation
import Portal
import Store

/// One run of `careportal bench`: every operation of DESIGN.md §7, the app against raw SQLite in the same run.
public struct BenchReport: Encodable {
    public var database: String
    public var cases: Int
    public var generationSeconds: Double?
    public var operations: [BenchMeasurement]
    public var peakResidentMiB: Double
    /// The launched app's own, at its first full screen (the largest of the launches).
    public var launchedAppPeakResidentMiB: Double?
    /// A launched app left alone at its first screen: its CPU in percent of one core, and over how many seconds.
    public var idleCPUPercent: Double?
    public var idleSeconds: Double?

    public struct NotABenchmark: Error, CustomStringConvertible {
        public var description: String
    }

    /// Measures the database at `path`, generating it first (`cases` cases, `customers` customers) if it doesn't exist.
    public static func measure(database path: String, cases: Int, customers: Int, iterations: Int, idleSeconds: Double = 0) throws -> BenchReport {
        var generation: Double?
        if !FileManager.default.fileExists(atPath: path) {
            let started = Date()
            _ = try PortalStore.createDemo(at: path, cases: cases, seed: 1, customers: customers)
            generation = Date().timeIntervalSince(started)
        }
        let portal = try PortalStore(path: path)
        guard let user = try portal.user(email: "alice@cloudpartners.example") else {
            throw NotABenchmark(description: "\(path) is not a benchmark database (no demo agent)")
        }
        let bench = try StoreBenchmark(store: portal, user: user, iterations: iterations)
        var ops: [BenchMeasurement] = []
        var launchedPeak: Double?, idle: Double?
        for (name, filter) in [("first page: all", ""), ("first page: is:open", "is:open"), ("first page: sev:p1", "sev:p1"),
                               ("first page: status:action-required", "status:action-required"),
                               ("first page: customer:acme", "customer:acme"), ("keyword: common word", "mail"),
                               ("keyword: rare word", "payroll"), ("keyword: prefix", "bou*"), ("first page: is:unread", "is:unread"),
                               ("keyword: common word + is:unread", "mail is:unread")] {
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
        // A middling word (`vault`, 3.6 % of the cases) with a rare term and with a customer (#16's combined filters).
        ops.append(try bench.firstPage("keyword: middling word + is:escalated", filter: "vault is:escalated"))
        ops.append(try bench.firstPage("keyword: middling word + customer:acme", filter: "vault customer:acme"))
        ops.append(try bench.firstPage("first page: sorted by severity", filter: "", sort: .severity))
        ops.append(try bench.firstPage("first page: sorted by waiting", filter: "", sort: .waiting))
        ops.append(try bench.firstPage("first page: waiting:you, by waiting", filter: "waiting:you", sort: .waiting))
        ops.append(try bench.firstPage("first page: is:breached", filter: "is:breached"))
        for (name, filter, sort) in [("last page: all", "", CaseSort.updated), ("last page: is:open", "is:open", .updated),
                                     ("last page: sorted by severity", "", .severity), ("last page: keyword: common word", "mail", .updated),
                                     ("last page: keyword: common word, by created", "mail", .created),
                                     ("last page: middling word + is:escalated", "vault is:escalated", .updated)] {
            ops.append(try bench.lastPage(name, filter: filter, sort: sort))
        }
        ops.append(try bench.pageAt(depth: 50))
        ops.append(try bench.pageAt(depth: 10_000))
        ops.append(try bench.unreadCount())
        ops += try bench.unreadFlags()
        ops.append(try bench.myCustomers())
        ops += try bench.myCustomersPaged()
        ops.append(try bench.openCase())
        ops += try bench.writes()
        let domain = try portal.domain(id: user.domainID)?.name ?? ""
        ops += UIBench(portal: LocalPortal(store: portal), user: user, domainName: domain, iterations: iterations).run()
        // The real executable on a pseudo-terminal (the demo agent's password is the seed's).
        switch LaunchBench(portal: portal, email: user.email, password: "alice-1-portal", iterations: iterations, idleSeconds: idleSeconds).run() {
        case .success(let launches): ops += launches.operations; launchedPeak = launches.peakResidentMiB; idle = launches.idleCPUPercent
        case .failure(let why): FileHandle.standardError.write(Data("bench: launch not measured: \(why)\n".utf8))
        }
        return BenchReport(database: path, cases: cases, generationSeconds: generation, operations: ops,
                           peakResidentMiB: StoreBenchmark.peakResidentMiB(), launchedAppPeakResidentMiB: launchedPeak,
                           idleCPUPercent: idle, idleSeconds: idle == nil ? nil : idleSeconds)
    }
}
