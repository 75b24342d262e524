import AsyncHTTPClient
import Foundation
import NIOCore

/// `careportal bench load`: simulated agents working a `careportal serve` over HTTP for a while. Each agent signs in
/// (agents share the sessions of the accounts given, round robin), then loops: a list page (unfiltered or with a
/// filter, sometimes followed by its next pages through the `after` cursor), a case opened, a message posted on an open
/// case, a count; with a random pause between requests. Every request's latency is measured on the client, from
/// before it is sent to the last byte of its answer. Any transport failure or status other than the one expected
/// counts as an error.
public struct LoadReport: Encodable, Sendable {
    public var server: String
    public var agents: Int
    public var accounts: Int
    /// The length of the run as measured (the last requests finish after the deadline).
    public var seconds: Double
    /// Each agent's pause between two requests is uniform in 0…2× this.
    public var thinkMilliseconds: Double
    public var requests: Int
    public var errors: Int
    public var requestsPerSecond: Double
    public var kinds: [LoadKind]
    /// The filtered first pages again, one row per filter (`LoadRun.filters`): which one sets the kind's tail.
    public var filtered: [LoadKind]
    /// Up to 10 errors as they were seen (kind, status or failure, the start of the body).
    public var errorSamples: [String]
}

/// One kind of request: its count, errors and latencies in milliseconds.
public struct LoadKind: Encodable, Sendable {
    public var name: String
    public var count: Int
    public var errors: Int
    public var p50: Double
    public var p95: Double
    public var p99: Double
    public var max: Double
    public var mean: Double
}

public struct LoadAccount: Sendable {
    public var email: String
    public var password: String
    public init(email: String, password: String) { self.email = email; self.password = password }
}

public enum LoadRun {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The kinds, in the report's order.
    /// The last, each agent's first screen, is all 50 agents' `is:open` page at the same instant on cold caches: kept
    /// apart so that burst doesn't stand for the filtered pages of the run (it set their p95 when it was counted there).
    static let kinds = ["list", "list: filtered", "list: next page", "case", "message", "count", "first screen"]
    /// The filters of the filtered lists (a keyword, flags, a customer).
    static let filters = ["is:open", "sev:p1", "status:action-required", "mail", "is:open sev:p1,p2", "customer:acme", "is:escalated"]

    struct Sample {
        var kind: Int
        var milliseconds: Double
        var ok: Bool
        /// A filtered first page's filter.
        var filter: String? = nil
    }

    /// Runs `agents` agents against `server` (http://127.0.0.1:PORT) for `seconds`, signing in as `accounts`.
    public static func run(server: String, accounts: [LoadAccount], agents: Int, seconds: Double, thinkMilliseconds: Double,
                           seed: UInt64 = 1) async throws -> LoadReport {
        guard !accounts.isEmpty else { throw Failure(description: "no account to sign in with") }
        let base = server.hasSuffix("/") ? String(server.dropLast()) : server
        var configuration = HTTPClient.Configuration(redirectConfiguration: .disallow,
                                                     timeout: .init(connect: .seconds(10), read: .seconds(60)))
        configuration.connectionPool = .init(idleTimeout: .seconds(120), concurrentHTTP1ConnectionsPerHostSoftLimit: agents)
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        do {
            // One session per account, shared by the agents that use it.
            var tokens: [String] = []
            for account in accounts {
                tokens.append(try await signIn(client, base: base, account))
            }
            let started = ContinuousClock.now
            let deadline = started + .milliseconds(Int(seconds * 1000))
            let errorLog = ErrorLog()
            let all = try await withThrowingTaskGroup(of: [Sample].self) { group in
                for agent in 0..<agents {
                    let token = tokens[agent % tokens.count]
                    group.addTask {
                        var worker = Agent(client: client, base: base, token: token, deadline: deadline, think: thinkMilliseconds,
                                           random: SplitMix(seed: seed &+ UInt64(agent) &* 0x9E37_79B9), errors: errorLog)
                        await worker.run()
                        return worker.samples
                    }
                }
                var all: [Sample] = []
                for try await samples in group { all += samples }
                return all
            }
            let elapsed = ContinuousClock.now - started
            let measured = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            try await client.shutdown()
            return report(all, server: base, agents: agents, accounts: accounts.count, seconds: measured, think: thinkMilliseconds,
                          errorSamples: await errorLog.samples)
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    static func signIn(_ client: HTTPClient, base: String, _ account: LoadAccount) async throws -> String {
        var request = HTTPClientRequest(url: base + "/v1/sessions")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        let body = try JSONSerialization.data(withJSONObject: ["email": account.email, "password": account.password])
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await client.execute(request, timeout: .seconds(30))
        let data = Data(try await response.body.collect(upTo: 1 << 20).readableBytesView)
        guard response.status.code == 201,
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let token = object["token"] as? String else {
            throw Failure(description: "sign in as \(account.email): \(response.status.code) \(String(decoding: data.prefix(300), as: UTF8.self))")
        }
        return token
    }

    static func report(_ samples: [Sample], server: String, agents: Int, accounts: Int, seconds: Double, think: Double,
                       errorSamples: [String]) -> LoadReport {
        let kinds = Self.kinds.enumerated().map { index, name in summary(name, samples.filter { $0.kind == index }) }
        let filtered = Self.filters.map { filter in summary(filter, samples.filter { $0.kind == 1 && $0.filter == filter }) }
        let errors = samples.filter { !$0.ok }.count
        return LoadReport(server: server, agents: agents, accounts: accounts, seconds: seconds, thinkMilliseconds: think,
                          requests: samples.count, errors: errors, requestsPerSecond: Double(samples.count) / seconds,
                          kinds: kinds, filtered: filtered, errorSamples: errorSamples)
    }

    /// Count, errors and latency percentiles (nearest rank) of some samples.
    static func summary(_ name: String, _ mine: [Sample]) -> LoadKind {
        let sorted = mine.map(\.milliseconds).sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
            return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank))]
        }
        return LoadKind(name: name, count: mine.count, errors: mine.filter { !$0.ok }.count,
                        p50: percentile(50), p95: percentile(95), p99: percentile(99), max: sorted.last ?? 0,
                        mean: sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count))
    }
}

/// The first errors of a run, for the report.
actor ErrorLog {
    var samples: [String] = []
    func add(_ line: String) { if samples.count < 10 { samples.append(line) } }
}

/// A small deterministic generator (SplitMix64), so two runs with one seed make the same choices.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476C_E5E9_CE1D
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One simulated agent.
struct Agent {
    let client: HTTPClient
    let base: String
    let token: String
    let deadline: ContinuousClock.Instant
    let think: Double
    var random: SplitMix
    let errors: ErrorLog
    var samples: [Sample] = []
    /// Case numbers seen in list pages, and the open cases opened where the domain may write (where messages go).
    var seen: [Int] = []
    var open: [Int] = []
    var messages = 0

    typealias Sample = LoadRun.Sample

    mutating func run() async {
        // The agent's first screen: its open cases (every agent at once).
        _ = await list(filter: "is:open", kind: 6)
        while ContinuousClock.now < deadline {
            let roll = Int.random(in: 0..<100, using: &random)
            switch roll {
            case 0..<15:
                await browse(filter: "")
            case 15..<35:
                await browse(filter: LoadRun.filters.randomElement(using: &random)!)
            case 35..<65:
                if let number = seen.randomElement(using: &random) {
                    await openCase(number)
                } else {
                    await browse(filter: "")
                }
            case 65..<80:
                if let number = open.randomElement(using: &random) {
                    messages += 1
                    let text = "Load run: checking in on this case (\(messages)). Any news from the customer?"
                    let body = try! JSONSerialization.data(withJSONObject: ["kind": "message", "text": text])
                    _ = await request(kind: 4, "POST", "/v1/cases/\(number)/commands", body: body, expect: 204)
                } else if let number = seen.randomElement(using: &random) {
                    await openCase(number)  // an agent reads a case before writing on it
                } else {
                    _ = await list(filter: "is:open", kind: 1)
                }
            default:
                let filter = ["", "is:open", "sev:p1", "status:action-required"].randomElement(using: &random)!
                _ = await request(kind: 5, "GET", "/v1/cases/count?" + query(["filter": filter]), expect: 200)
            }
            await pause()
        }
    }

    /// A first page, then up to 3 next pages half the time.
    mutating func browse(filter: String) async {
        guard var after = await list(filter: filter, kind: filter.isEmpty ? 0 : 1) else { return }
        guard Bool.random(using: &random) else { return }
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            guard ContinuousClock.now < deadline else { return }
            await pause()
            guard let next = await list(filter: filter, kind: 2, after: after) else { return }
            after = next
        }
    }

    /// One case; an open one the domain may still work on (the customer granted access and hasn't moved) is where a
    /// message can go later.
    mutating func openCase(_ number: Int) async {
        guard let data = await request(kind: 3, "GET", "/v1/cases/\(number)", expect: 200),
              let detail = try? JSONDecoder().decode(DetailGist.self, from: data) else { return }
        guard detail.supportCase.status != "closed", detail.access.granted == true, detail.access.until == nil,
              !open.contains(number) else { return }
        if open.count < 500 { open.append(number) } else { open[Int.random(in: 0..<open.count, using: &random)] = number }
    }

    /// One page; returns its `after` cursor when there are more rows.
    mutating func list(filter: String, kind: Int, after: String? = nil) async -> String? {
        var parameters = ["limit": "50"]
        if !filter.isEmpty { parameters["filter"] = filter }
        if let after { parameters["after"] = after }
        guard let data = await request(kind: kind, "GET", "/v1/cases?" + query(parameters), expect: 200, filter: kind == 1 ? filter : nil),
              let page = try? JSONDecoder().decode(PageGist.self, from: data) else { return nil }
        for row in page.rows {
            if seen.count < 2000 { seen.append(row.number) } else { seen[Int.random(in: 0..<seen.count, using: &random)] = row.number }
        }
        guard page.hasMore == true else { return nil }
        return page.after
    }

    // What an agent reads of an answer. Decoding only these keys (rather than building every value of the document,
    // as JSONSerialization does) keeps the load generator, which shares the server's cores, from weighing on them.
    struct PageGist: Decodable {
        struct Row: Decodable { var number: Int }
        var rows: [Row]
        var hasMore: Bool?
        var after: String?
    }

    struct DetailGist: Decodable {
        struct SupportCase: Decodable { var status: String }
        struct Access: Decodable { var granted: Bool?; var until: String? }
        var supportCase: SupportCase
        var access: Access
    }

    func query(_ parameters: [String: String]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return parameters.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }

    mutating func pause() async {
        guard think > 0 else { return }
        let milliseconds = Double.random(in: 0...(2 * think), using: &random)
        try? await Task.sleep(for: .microseconds(Int(milliseconds * 1000)))
    }

    /// One request, timed from before it is sent to the last byte of its answer. Returns the body when the status is
    /// the one expected.
    mutating func request(kind: Int, _ method: String, _ path: String, body: Data? = nil, expect: UInt, filter: String? = nil) async -> Data? {
        var request = HTTPClientRequest(url: base + path)
        request.method = .init(rawValue: method)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let started = ContinuousClock.now
        var status: UInt = 0
        var data = Data()
        var failure: String?
        do {
            let response = try await client.execute(request, timeout: .seconds(30))
            status = response.status.code
            data = Data(try await response.body.collect(upTo: 16 << 20).readableBytesView)
        } catch {
            failure = "\(error)"
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let ok = failure == nil && status == expect
        samples.append(Sample(kind: kind, milliseconds: milliseconds, ok: ok, filter: filter))
        if !ok {
            let what = failure ?? "\(status) \(String(decoding: data.prefix(200), as: UTF8.self))"
            await errors.add("\(LoadRun.kinds[kind]) \(method) \(path): \(what)")
            return nil
        }
        return data
    }
}
