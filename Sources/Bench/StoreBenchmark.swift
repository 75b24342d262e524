import Domain
import Foundation
import GRDB
import Store

/// One measured operation: times in milliseconds, and the same SQL through the raw C API when it has one.
public struct BenchMeasurement: Sendable, Codable, Equatable {
    public var name: String
    public var samples: Int
    public var median: Double
    public var p95: Double
    public var max: Double
    public var rawMedian: Double?
    /// The largest app/raw ratio the regression guard accepts.
    public var bound: Double?
    /// App median over raw median.
    public var ratio: Double? { rawMedian.map { $0 > 0 ? median / $0 : 0 } }

    /// Whether the ratio is within its bound (true when there is no bound or no baseline). Operations that
    /// take only microseconds are judged by what the app adds: under `overheadAllowance` is within bounds,
    /// since a fixed per-call cost (authorisation, row decoding) would otherwise dominate their ratio.
    public var withinBound: Bool {
        guard let ratio, let bound, let rawMedian else { return true }
        return ratio <= bound || median - rawMedian < Self.overheadAllowance
    }
    public static let overheadAllowance = 0.05

    public init(name: String, times: [Double], raw: [Double]?, bound: Double? = nil) {
        let sorted = times.sorted()
        self.name = name
        samples = sorted.count
        median = Self.percentile(sorted, 0.5)
        p95 = Self.percentile(sorted, 0.95)
        max = sorted.last ?? 0
        rawMedian = raw.map { Self.percentile($0.sorted(), 0.5) }
        self.bound = raw == nil ? nil : bound
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[Swift.min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }
}

/// Times an operation of the app and, interleaved with it so both see the same cache state, its baseline.
struct BenchTimer {
    let iterations: Int

    /// An operation over its bound is measured once more, and the second run stands: a regression shows in both,
    /// a moment of the machine's noise (a microsecond operation once took 4× its raw statements, 1.7-2.1× in every
    /// other run) in one.
    func measure(_ name: String, bound: Double? = nil, app: () throws -> Void, baseline: (() -> Void)? = nil) rethrows -> BenchMeasurement {
        let first = try run(name, bound: bound, app: app, baseline: baseline)
        return first.withinBound ? first : try run(name, bound: bound, app: app, baseline: baseline)
    }

    private func run(_ name: String, bound: Double?, app: () throws -> Void, baseline: (() -> Void)?) rethrows -> BenchMeasurement {
        for _ in 0..<3 { try app(); baseline?() }
        var a: [Double] = [], r: [Double] = []
        for _ in 0..<iterations {
            a.append(try StoreBenchmark.milliseconds(app))
            if let baseline { r.append(StoreBenchmark.milliseconds(baseline)) }
        }
        return BenchMeasurement(name: name, times: a, raw: baseline == nil ? nil : r, bound: bound)
    }
}

/// Measures the store's reads against the same SQL through SQLite's C API, in one process and one run.
public final class StoreBenchmark {
    let store: PortalStore
    let user: User
    let raw: RawSQLite
    let iterations: Int

    public init(store: PortalStore, user: User, iterations: Int = 40) throws(StoreError) {
        self.store = store
        self.user = user
        self.iterations = iterations
        raw = try RawSQLite(path: store.path)
    }

    public static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    func measure(_ name: String, bound: Double? = nil, app: () throws -> Void, baseline: (() -> Void)? = nil) rethrows -> BenchMeasurement {
        try BenchTimer(iterations: iterations).measure(name, bound: bound, app: app, baseline: baseline)
    }

    /// A first page of My Cases for a filter, app against raw. The baseline runs every statement the store runs
    /// for that page (a keyword page's probes included), recorded from one read of the page.
    public func firstPage(_ name: String, filter: String, sort: CaseSort = .updated, limit: Int = 50) throws -> BenchMeasurement {
        try page(name, filter: filter, sort: sort, after: nil, limit: limit)
    }

    /// The page after the first one, by keyset.
    public func secondPage(_ name: String, filter: String, sort: CaseSort = .updated, limit: Int = 50) throws -> BenchMeasurement {
        let query = try CaseQuery(parsing: filter)
        let first = try store.cases(as: user, scope: .domain(user.domainID), query: query, sort: sort, limit: limit)
        return try page(name, filter: filter, sort: sort, after: first.rows.last, limit: limit)
    }

    func page(_ name: String, filter: String, sort: CaseSort, after cursor: CaseRow?, limit: Int) throws -> BenchMeasurement {
        let query = try CaseQuery(parsing: filter)
        let statements = try store.pageStatements(as: user, query: query, sort: sort, after: cursor, limit: limit)
        let domainID = user.domainID
        return try measure(name, bound: FTS.positiveMatch(query) == nil ? 2.0 : 3.0,
                           app: { _ = try store.cases(as: user, scope: .domain(domainID), query: query, sort: sort, after: cursor, limit: limit) },
                           baseline: { for s in statements { self.raw.query(s.sql, s.values) } })
    }

    /// The last page of My Cases (`G`): the list read from its end by the same plans with their order reversed.
    public func lastPage(_ name: String, filter: String, sort: CaseSort = .updated, limit: Int = 50) throws -> BenchMeasurement {
        let query = try CaseQuery(parsing: filter)
        let statements = try store.pageStatements(as: user, query: query, sort: sort, after: nil, backward: true, limit: limit)
        let domainID = user.domainID
        return try measure(name, bound: FTS.positiveMatch(query) == nil ? 2.0 : 3.0,
                           app: { _ = try store.cases(as: user, scope: .domain(domainID), query: query, sort: sort, page: .last, limit: limit) },
                           baseline: { for s in statements { self.raw.query(s.sql, s.values) } })
    }

    /// The next page after `depth` rows, by keyset.
    public func pageAt(depth wanted: Int, limit: Int = 50) throws -> BenchMeasurement {
        // On a small database, stay inside the list rather than measuring its end.
        let depth = min(wanted, try store.countCases(as: user, scope: .domain(user.domainID), cap: wanted * 2) / 2)
        var cursor: CaseRow?
        var walked = 0
        while walked < depth {
            let page = try store.cases(as: user, scope: .domain(user.domainID), after: cursor, limit: min(500, depth - walked))
            guard let last = page.rows.last else { break }
            cursor = last
            walked += page.rows.count
        }
        // One statement: the list index walked from the cursor.
        let statements = try store.pageStatements(as: user, query: .all, sort: .updated, after: cursor, limit: limit)
        return try measure("next page \(walked.formatted()) rows deep", bound: 2.0, app: {
            _ = try store.cases(as: user, scope: .domain(user.domainID), after: cursor, limit: limit)
        }, baseline: { for s in statements { self.raw.query(s.sql, s.values) } })
    }

    /// What the unread marks add to a first page: the raw look-up of a page's rows in `case_unread`, beside the raw
    /// statements of the whole page (the look-up included).
    public func unreadFlags() throws -> [BenchMeasurement] {
        let statements = try store.pageStatements(as: user, query: .all, sort: .updated, after: nil, limit: 50)
        guard let flags = statements.last, flags.sql.contains("case_unread") else { return [] }
        let page = try measure("raw: first page with its unread marks", app: { for s in statements { self.raw.query(s.sql, s.values) } })
        let lookup = try measure("raw: the unread marks' look-up alone", app: { self.raw.query(flags.sql, flags.values) })
        return [page, lookup]
    }

    /// The tab's count of unread cases, as the app asks it after every change (capped at 99).
    public func unreadCount() throws -> BenchMeasurement {
        let query = CaseQuery(terms: [FilterTerm(.isUnread)])
        let n = try store.countCases(as: user, scope: .domain(user.domainID), query: query, cap: 99)
        return try measure("unread count (\(n))", app: { _ = try store.countCases(as: user, scope: .domain(user.domainID), query: query, cap: 99) })
    }

    /// My Customers: every customer the domain manages, with its open cases counted.
    public func myCustomers() throws -> BenchMeasurement {
        let count = try store.customers(as: user).count
        return try measure("my customers (\(count.formatted()))", bound: 3.0, app: { _ = try store.customers(as: user) },
                           baseline: { self.raw.query(PortalStore.customersSQL, [self.user.domainID.databaseValue]) })
    }

    /// My Customers' first screen as the app reads it (#16): a page of 50 in name order with their open cases, and the
    /// total, against the same statements; then a search word typed after `/` (matched in memory), against the
    /// statements it runs: the domain's generation and the page's rows.
    public func myCustomersPaged() throws -> [BenchMeasurement] {
        let domainID = user.domainID
        let first = try store.customerPage(as: user, search: .everyone, after: nil, limit: 50)
        let everyone = raw.integer(CustomerPageSQL.customersInAll, [])
        let (pageSQL, pageArguments) = CustomerPageSQL.page(domainID: domainID, after: nil, limit: 50,
                                                            walkingNames: CustomerPageSQL.walksNames(first.total, of: everyone, limit: 50))
        let firstScreen = [(CustomerPageSQL.count, [domainID.databaseValue]), (CustomerPageSQL.customersInAll, []), (pageSQL, pageArguments)]
        let search = CustomerSearch("dental")
        let found = try store.customerPage(as: user, search: search, after: nil, limit: 50)
        let (rowsSQL, rowsArguments) = CustomerPageSQL.rows(domainID: domainID, ids: found.rows.map(\.id))
        let searching = [("SELECT n FROM customer_generation WHERE domain_id = ?", [domainID.databaseValue]), (rowsSQL, rowsArguments)]
        return [
            try measure("my customers: first screen (\(first.total.formatted()))", bound: 3.0,
                        app: { _ = try store.customerPage(as: user, search: .everyone, after: nil, limit: 50) },
                        baseline: { for (sql, values) in firstScreen { self.raw.query(sql, values) } }),
            // Unbounded: the matching is the app's own work, which raw SQLite does not do.
            try measure("my customers: search \"dental\" (\(found.total.formatted()))",
                        app: { _ = try store.customerPage(as: user, search: search, after: nil, limit: 50) },
                        baseline: { for (sql, values) in searching { self.raw.query(sql, values) } }),
        ]
    }

    /// Opens a case with 50 messages (posting them first if the case has fewer).
    public func openCase(messages: Int = 50) throws -> BenchMeasurement {
        // A demo case (not one the benchmark filed and posts to), so a reused database keeps measuring the same case.
        // Paged: every run files cases of its own, which come first in the list.
        var target: CaseRow?, after: CaseRow?
        for _ in 0..<100 where target == nil {
            let page = try store.cases(as: user, scope: .domain(user.domainID), query: CaseQuery(parsing: "is:open"), after: after, limit: 200)
            target = try page.rows.first {
                try $0.title != Self.filedTitle && store.customer(as: user, matching: $0.customerName).access.granted
            }
            guard page.hasMore, let last = page.rows.last else { break }
            after = last
        }
        guard let target else { throw StoreError.refused(Refusal("no open case to benchmark")) }
        let have = try store.caseDetail(as: Actor(user), number: target.number).history.count
        for i in have..<max(have, messages) { try store.postMessage(as: Actor(user), number: target.number, message: "Benchmark message \(i).") }
        // The case screen reads its customer, domain and creator too: eight statements against four.
        return try measure("open a case with \(messages) events", bound: 8.0, app: {
            _ = try store.caseDetail(as: Actor(user), number: target.number)
        }, baseline: {
            self.raw.query(DetailSQL.caseByNumber, [target.number.databaseValue])
            self.raw.query(DetailSQL.history, [target.id.databaseValue])
            self.raw.query(DetailSQL.attachments, [target.id.databaseValue])
            self.raw.query(DetailSQL.sharing, [target.id.databaseValue])
        })
    }

    static let filedTitle = "Benchmark case"

    /// Filing a case and posting a message: whole commands, authorisation and history included.
    public func writes() throws -> [BenchMeasurement] {
        // The last customer by name: the cases filed here must not grow a customer another operation lists
        // (`customer:acme` is the first), so a reused database measures the same lists run after run.
        let customer = try store.customers(as: user).last { $0.access.granted }!.customer.primaryDomain
        var filed: [Int] = []
        let file = try measure("file a case", app: {
            filed.append(try store.fileCase(as: user, NewCase(customer: customer, title: Self.filedTitle, category: "Gmail > Delivery > Messages delayed",
                                                              description: "Filed by the benchmark.", severity: .p4)).number)
        })
        let number = filed[0]
        let post = try measure("post a message", app: {
            try store.postMessage(as: Actor(user), number: number, message: "Benchmark update.")
        })
        return [file, post]
    }

    /// Peak resident memory of this process, in MiB.
    public static func peakResidentMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
