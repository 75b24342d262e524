import Domain
import Foundation
import PostgresStore
import Store

/// `careportal bench --db postgresql://…`: the store's pages, case screen and commands on PostgreSQL, each page beside
/// the same statements through postgres-nio alone (`rawPage`), in one run. An empty database is filled first with the
/// demo of `cases` cases (built on a temporary file, then imported), and reused afterwards.
public enum PostgresBench {
    public static func measure(address: PostgresAddress, cases: Int, customers: Int, iterations: Int) throws -> BenchReport {
        let store = try PostgresPortalStore(address: address)
        defer { store.close() }
        var generation: Double?
        if try store.isEmpty() {
            let started = Date()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent("demo.sqlite3").path
            _ = try PortalStore.createDemo(at: file, cases: cases, seed: 1, customers: customers)
            try store.importOrganisation(from: try PortalStore(path: file))
            generation = Date().timeIntervalSince(started)
        }
        guard let user = try store.user(email: "alice@cloudpartners.example") else {
            throw BenchReport.NotABenchmark(description: "\(store.location) is not a benchmark database (no demo agent)")
        }
        let timer = BenchTimer(iterations: iterations)
        var ops: [BenchMeasurement] = []
        for (name, filter, sort) in [("first page: all", "", CaseSort.updated), ("first page: is:open", "is:open", .updated),
                                     ("first page: sev:p1", "sev:p1", .updated), ("first page: status:action-required", "status:action-required", .updated),
                                     ("first page: customer:acme", "customer:acme", .updated), ("keyword: common word", "mail", .updated),
                                     ("keyword: rare word", "payroll", .updated), ("keyword: prefix", "bou*", .updated),
                                     ("keyword: common word + is:escalated", "mail is:escalated", .updated),
                                     ("keyword: common word + customer:acme", "mail customer:acme", .updated),
                                     ("first page: sorted by severity", "", .severity), ("keyword: common word, by severity", "mail", .severity)] {
            let query = try CaseQuery(parsing: filter)
            ops.append(try timer.measure(name, bound: 1.3, app: {
                _ = try store.cases(as: user, scope: .domain(user.domainID), query: query, sort: sort, page: .first, limit: 50, cancellation: nil)
            }, baseline: { _ = try? store.rawPage(as: user, query: query, sort: sort, limit: 50) }))
        }
        let open = try store.cases(as: user, scope: .domain(user.domainID), query: CaseQuery(parsing: "is:open"), sort: .updated,
                                   page: .first, limit: 1, cancellation: nil).rows[0].number
        ops.append(try timer.measure("open a case", app: { _ = try store.caseDetail(as: .reseller(user), number: open) }))
        ops.append(try timer.measure("count: is:open", app: {
            _ = try store.countCases(as: user, scope: .domain(user.domainID), query: CaseQuery(parsing: "is:open"), cap: 10_000, cancellation: nil)
        }))
        let customer = try store.customers(as: user).last { $0.access.granted }!.customer.primaryDomain
        var filed: [Int] = []
        ops.append(try timer.measure("file a case", app: {
            filed.append(try store.fileCase(as: user, NewCase(customer: customer, title: "Benchmark case", category: "Gmail > Delivery > Messages delayed",
                                                              description: "Filed by the benchmark.", severity: .p4)).number)
        }))
        ops.append(try timer.measure("post a message", app: {
            try store.perform(.message("Benchmark update."), on: filed[0], as: .reseller(user))
        }))
        return BenchReport(database: store.location, cases: cases, generationSeconds: generation, operations: ops,
                           peakResidentMiB: StoreBenchmark.peakResidentMiB(), launchedAppPeakResidentMiB: nil)
    }
}
