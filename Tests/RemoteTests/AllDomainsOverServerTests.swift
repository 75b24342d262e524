import Domain
import Foundation
import Logging
import Portal
import Remote
import Server
import Store
import Testing

/// All domains over a server: RemotePortal merges each signed-in user's page as the store does, so every page of
/// the merged list (forward from the first page, backward from the last) is the local one, row for row.
@Suite(.serialized) struct AllDomainsOverServerTests {
    /// A demo database served in this process on a free loopback port, and the two portals over it.
    final class Served: @unchecked Sendable {
        let local: LocalPortal
        let remote: RemotePortal
        let task: Task<Void, Error>
        let folder: URL
        let passwords: [String: String]

        init(cases: Int) async throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-remote-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent("portal.sqlite3").path
            let report = try PortalStore.createDemo(at: path, cases: cases, seed: 7)
            passwords = Dictionary(report.domains.flatMap(\.accounts).map { ($0.email, $0.password) }, uniquingKeysWith: { a, _ in a })
            local = try LocalPortal(path: path)
            let server = PortalServer(portal: local, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
            let port = AsyncStream<Int>.makeStream()
            task = Task { try await server.run(host: "127.0.0.1", port: 0) { port.continuation.yield($0) } }
            var bound = 0
            for await p in port.stream { bound = p; break }
            remote = try RemotePortal(url: "http://127.0.0.1:\(bound)")
        }

        func stop() {
            task.cancel()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    /// An agent of each of the first two reseller domains.
    static let users = ["alice@cloudpartners.example", "carol@skyline-it.example"]

    /// Every page of the merged list read from `anchor`'s end, until no more.
    static func pages(_ portal: any Portal, _ users: [User], query: CaseQuery, sort: CaseSort, backward: Bool) throws -> [CasePage] {
        var pages: [CasePage] = []
        var anchor: PageAnchor = backward ? .last : .first
        for _ in 0..<200 {
            let page = try portal.cases(asEach: users, query: query, sort: sort, page: anchor, limit: 9, cancellation: nil)
            pages.append(page)
            guard page.hasMore, let edge = backward ? page.rows.first : page.rows.last else { break }
            anchor = backward ? .before(edge) : .after(edge)
        }
        return pages
    }

    /// The pages are read on a thread of their own: RemotePortal blocks its caller, and a cooperative thread blocked
    /// while the server in this process waits for one would stall both.
    @Test func everyPageOfAllDomainsIsTheLocalOne() async throws {
        let served = try await Served(cases: 240)
        defer { served.stop() }
        let comparisons = try await onThread { () throws -> [Comparison] in
            let local = try Self.users.map { try served.local.signIn(email: $0, password: served.passwords[$0]!).user }
            let remote = try Self.users.map { try served.remote.signIn(email: $0, password: served.passwords[$0]!).user }
            var out = [Comparison(label: "users", mine: local.map { Int($0.id) }, theirs: remote.map { Int($0.id) })]
            for sort in CaseSort.allCases {
                for filter in ["", "is:open", "sev:p1,p2", "mail"] {
                    let query = try CaseQuery(parsing: filter)
                    for backward in [false, true] {
                        let mine = try Self.pages(served.local, local, query: query, sort: sort, backward: backward)
                        let theirs = try Self.pages(served.remote, remote, query: query, sort: sort, backward: backward)
                        let label = "\(sort) \(filter) \(backward ? "from the last page" : "from the first page")"
                        out.append(Comparison(label: label, mine: mine.flatMap { $0.rows.map(\.number) + [$0.hasMore ? -1 : -2] },
                                              theirs: theirs.flatMap { $0.rows.map(\.number) + [$0.hasMore ? -1 : -2] },
                                              sameRows: theirs.flatMap(\.rows) == mine.flatMap(\.rows)))
                    }
                }
                // Both domains' cases are there, each once.
                let all = try Self.pages(served.remote, remote, query: .all, sort: sort, backward: false).flatMap(\.rows)
                out.append(Comparison(label: "\(sort): both domains, each case once", mine: [], theirs: [],
                                      sameRows: Set(all.map(\.domainID)) == Set(remote.map(\.domainID)) && Set(all.map(\.number)).count == all.count))
            }
            return out
        }
        #expect(comparisons.count == 1 + CaseSort.allCases.count * 9)
        for c in comparisons {
            #expect(c.theirs == c.mine, "\(c.label)")
            #expect(c.sameRows, "\(c.label)")
        }
    }

    /// A page of more rows than the API gives at once (a refresh reads down to the cursor) is read as pages joined:
    /// the same rows as the local page, from either end.
    @Test func aPageLargerThanTheAPIsLimitIsTheLocalOne() async throws {
        let served = try await Served(cases: 1_500)
        defer { served.stop() }
        let comparisons = try await onThread { () throws -> [Comparison] in
            let email = Self.users[0]
            let local = try served.local.signIn(email: email, password: served.passwords[email]!).user
            let remote = try served.remote.signIn(email: email, password: served.passwords[email]!).user
            return try [PageAnchor.first, .last].map { anchor in
                let mine = try served.local.cases(as: local, scope: .domain(local.domainID), query: .all, sort: .updated, page: anchor,
                                                  limit: 1_200, cancellation: nil)
                let theirs = try served.remote.cases(as: remote, scope: .domain(remote.domainID), query: .all, sort: .updated, page: anchor,
                                                     limit: 1_200, cancellation: nil)
                return Comparison(label: "\(anchor)", mine: mine.rows.map(\.number) + [mine.hasMore ? -1 : -2],
                                  theirs: theirs.rows.map(\.number) + [theirs.hasMore ? -1 : -2],
                                  sameRows: mine == theirs && mine.rows.count > Limits.pageRows.upperBound)
            }
        }
        for c in comparisons {
            #expect(c.theirs == c.mine, "\(c.label)")
            #expect(c.sameRows, "\(c.label): more rows than one page of the API, the same as the local ones")
        }
    }

    /// My Customers over the server (#16): every page of every search is the local one, the cursor handed back as the
    /// server gave it.
    @Test func everyPageOfMyCustomersIsTheLocalOne() async throws {
        let served = try await Served(cases: 40)
        defer { served.stop() }
        let comparisons = try await onThread { () throws -> [Comparison] in
            let email = Self.users[0]
            let local = try served.local.signIn(email: email, password: served.passwords[email]!).user
            let remote = try served.remote.signIn(email: email, password: served.passwords[email]!).user
            func pages(_ portal: any Portal, _ user: User, _ search: String) throws -> [CustomerPage] {
                var pages: [CustomerPage] = [], after: CustomerAfter?
                for _ in 0..<100 {
                    let page = try portal.customerPage(as: user, search: CustomerSearch(search), after: after, limit: 4)
                    pages.append(page)
                    guard page.hasMore, let last = page.rows.last else { break }
                    after = CustomerAfter(last)
                }
                return pages
            }
            return try ["", "a", "premium", "not granted", "example co"].map { search in
                let mine = try pages(served.local, local, search), theirs = try pages(served.remote, remote, search)
                return Comparison(label: "search \"\(search)\"", mine: mine.flatMap { $0.rows.map { Int($0.id) } + [$0.total] },
                                  theirs: theirs.flatMap { $0.rows.map { Int($0.id) } + [$0.total] }, sameRows: mine == theirs && mine.count > 0)
            }
        }
        #expect(comparisons.count == 5)
        #expect(comparisons[0].mine.count > 10, "the demo's customers take several pages")
        for c in comparisons {
            #expect(c.theirs == c.mine, "\(c.label)")
            #expect(c.sameRows, "\(c.label)")
        }
    }

    /// One list read both ways: the case numbers page by page (each page ended by -1 when more follow, else -2).
    struct Comparison: Sendable {
        var label: String
        var mine: [Int]
        var theirs: [Int]
        var sameRows = true
    }
}

/// Runs `body` on a thread of its own and hands back its result.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
