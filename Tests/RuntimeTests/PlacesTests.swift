import Domain
import Foundation
import Portal
import Runtime
import Testing
import UI

/// Tabs from several places (a database file and servers): each session is asked through its own place's portal, the
/// app sees the places' domains apart even when their IDs are the same, All domains merges every place, and each
/// place's changes and connection are watched on their own.
@Suite struct PlacesTests {
    let home = FakePortal(location: "/data/portal.sqlite3")
    let team = FakePortal(location: "https://team.example", email: "bo@reseller-one.example", age: 0.5, grants: true)
    let kept = KeptSessions()

    /// Ana on the file (place 0), Bo on the server (place 1): both of domain 10 in their own place.
    func runner(open: PlaceOpener? = nil) -> EffectRunner {
        EffectRunner(places: [home, team], sessions: [RunnerSession(user: home.user, token: "a", place: 0),
                                                      RunnerSession(user: team.user, token: "b", place: 1)],
                     open: open, keeper: kept.keeper)
    }

    static let teamDomain: Int64 = 10 + 1 << 40

    @Test func eachSessionIsAskedThroughItsOwnPlaceAndItsDomainIsShownApart() {
        let runner = runner()
        let answer = runner.perform(.loadCases(request: 1, session: 1, scope: .domain(Self.teamDomain), query: .all, sort: .updated,
                                               page: .first, limit: 2))
        guard case .reply(1, .cases(let page))? = answer else { Issue.record("no page: \(String(describing: answer))"); return }
        #expect(page.rows.map(\.domainID) == [Self.teamDomain, Self.teamDomain])
        #expect(team.scopes == [.domain(10)], "the server is asked in its own numbers")
        #expect(home.calls.isEmpty)

        _ = runner.perform(.countCases(request: 2, session: 0, scope: .customer(customerID: 7, domainID: 10), query: .all, cap: 5))
        #expect(home.scopes == [.customer(customerID: 7, domainID: 10)])
        _ = runner.perform(.countCases(request: 3, session: 1, scope: .customer(customerID: 7, domainID: Self.teamDomain), query: .all, cap: 5))
        #expect(team.scopes.last == .customer(customerID: 7, domainID: 10))
    }

    @Test func aCaseCommandGoesToTheSessionsPlaceOnly() {
        let runner = runner()
        #expect(runner.perform(.caseCommand(request: 1, session: 1, number: 10_000_001, .close)) == .reply(request: 1, .done))
        #expect(team.calls == ["perform close 10000001"])
        #expect(home.calls.isEmpty)
    }

    @Test func allDomainsMergesEveryPlaceInOrder() {
        let runner = runner()
        let answer = runner.perform(.loadMergedCases(request: 1, sessions: [0, 1], query: .all, sort: .updated, page: .first, limit: 4))
        guard case .reply(1, .cases(let page))? = answer else { Issue.record("no page: \(String(describing: answer))"); return }
        // The server's rows are half a second older than the file's: the two lists interleave.
        #expect(page.rows.map(\.domainID) == [10, Self.teamDomain, 10, Self.teamDomain])
        #expect(page.hasMore)
        #expect(home.calls == ["merged ana@reseller-one.example"])
        #expect(team.calls == ["merged bo@reseller-one.example"])
    }

    @Test func signingInElsewhereOpensThatPlaceAndKeepsTheSessionBesideTheHomeOne() {
        let elsewhere = FakePortal(location: "https://other.example", email: "cy@reseller-one.example", grants: true)
        let opened = Opened()
        let runner = EffectRunner(places: [home], sessions: [RunnerSession(user: home.user, token: "a", place: 0)],
                                  open: { location in opened.add(location); return elsewhere }, keeper: kept.keeper)
        let answer = runner.perform(.signIn(request: 1, email: "cy@reseller-one.example", password: "pw", location: "https://other.example/"))
        guard case .reply(1, .signedIn(let session))? = answer else { Issue.record("not signed in: \(String(describing: answer))"); return }
        #expect(opened.locations == ["https://other.example/"])
        #expect(session.location == "https://other.example")
        #expect(session.user.domainID == Self.teamDomain, "place 1's domain 10 is shown apart from the file's")
        #expect(kept.added.map(\.database) == ["https://other.example"])
        #expect(kept.added.map(\.alongside) == ["/data/portal.sqlite3"])

        // The new tab (session 1) reads from the new place; signing in again there doesn't open it twice.
        _ = runner.perform(.loadCustomers(request: 2, session: 1))
        #expect(elsewhere.calls.last { $0 != "token" } == "customers", "the change check may look at the place meanwhile")
        _ = runner.perform(.signIn(request: 3, email: "cy@reseller-one.example", password: "pw", location: "https://other.example"))
        #expect(opened.locations.count == 1)

        // Signing out ends the session at its place and forgets it there.
        _ = runner.perform(.signOut(session: 1))
        #expect(elsewhere.calls.last { $0 != "token" } == "sign out")
        #expect(kept.removed == ["token-cy@reseller-one.example @ https://other.example"])
    }

    @Test func aSignInAtTheHomePlaceIsKeptWithoutAlongside() {
        let home = FakePortal(location: "/data/portal.sqlite3", grants: true)
        let runner = EffectRunner(places: [home], sessions: [], open: nil, keeper: kept.keeper)
        guard case .reply(1, .signedIn(let session))? = runner.perform(.signIn(request: 1, email: "ana@reseller-one.example", password: "pw",
                                                                                location: "")) else {
            Issue.record("not signed in")
            return
        }
        #expect(session.user.domainID == 10)
        #expect(session.location == "/data/portal.sqlite3")
        #expect(kept.added.map(\.alongside) == [nil])
    }

    @Test func withoutAnOpenerAnotherPlaceIsRefusedNamingTheField() {
        let runner = EffectRunner(places: [home], sessions: [], open: nil, keeper: kept.keeper)
        let answer = runner.perform(.signIn(request: 1, email: "ana@reseller-one.example", password: "pw", location: "https://x.example"))
        guard case .reply(1, .failed(let why))? = answer else { Issue.record("not refused: \(String(describing: answer))"); return }
        #expect(why.hasPrefix("where: "))
        #expect(home.calls.isEmpty)
    }

    @Test func aPlaceThatCantBeOpenedFailsTheSignInWithItsReason() {
        let runner = EffectRunner(places: [home], sessions: [], open: { _ throws(PortalError) in throw .unavailable("no database at /nope") },
                                  keeper: kept.keeper)
        #expect(runner.perform(.signIn(request: 1, email: "a@b.example", password: "pw", location: "/nope"))
                == .reply(request: 1, .failed("no database at /nope")))
        #expect(kept.added.isEmpty)
    }

    @Test func eachPlacesChangesAndConnectionAreWatchedOnTheirOwn() throws {
        let runner = runner()
        runner.checkForChanges(wait: true)  // the first look only remembers
        #expect(runner.drain().isEmpty)
        team.token = 2
        runner.checkForChanges(wait: true)
        #expect(runner.drain() == [.dataChanged])
        #expect(home.calls.filter { $0 == "changes" }.isEmpty, "only the place that changed is asked what changed")

        team.failure = .unavailable("server https://team.example: connection refused")
        runner.checkForChanges(wait: true)
        #expect(runner.drain() == [.connection(lost: "server https://team.example: connection refused")])
        home.token = 5  // the file goes on being watched while the server is away
        runner.checkForChanges(wait: true)
        #expect(runner.drain() == [.dataChanged])

        team.failure = nil
        Thread.sleep(forTimeInterval: 0.6)  // past the first retry delay
        runner.checkForChanges(wait: true)
        #expect(runner.drain() == [.connection(lost: nil)])
    }
}

/// Sessions the runner wrote down, in memory.
final class KeptSessions: @unchecked Sendable {
    private let lock = NSLock()
    private var _added: [SavedSession] = []
    private var _removed: [String] = []
    var added: [SavedSession] { lock.withLock { _added } }
    var removed: [String] { lock.withLock { _removed } }
    var keeper: SessionKeeper {
        SessionKeeper(add: { s in self.lock.withLock { self._added.append(s) } },
                      removeToken: { t, l in self.lock.withLock { self._removed.append("\(t) @ \(l)") } },
                      removeUser: { u, l in self.lock.withLock { self._removed.append("\(u) @ \(l)") } })
    }
}

final class Opened: @unchecked Sendable {
    private let lock = NSLock()
    private var _locations: [String] = []
    var locations: [String] { lock.withLock { _locations } }
    func add(_ location: String) { lock.withLock { _locations.append(location) } }
}
