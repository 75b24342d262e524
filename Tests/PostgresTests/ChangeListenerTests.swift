import Domain
import Foundation
import PostgresCluster
@testable import PostgresStore
import Store
import Testing

/// Change notices through LISTEN/NOTIFY: a commit by another instance reaches this one's change token without a query.
@Suite(.enabled(if: PostgresCluster.available, Comment(rawValue: PostgresCluster.missingMessage)))
struct ChangeListenerTests {
    @Test func anotherInstancesCommitIsHeardWithoutAQuery() throws {
        let f = try ContractFixture(.postgresql)
        let one = try #require(f.store as? PostgresPortalStore)
        let before = try one.changeToken().lastEvent
        #expect(one.listener.known == before, "asking the token starts listening")
        let two = try PostgresPortalStore(address: f.postgres!, clock: f.clock, passwordHasher: .fast)
        defer { two.close() }
        try two.perform(.message("From the other instance"), on: f.standardCase.number, as: .reseller(f.agent1))
        // The newest event, from the database itself (either instance's token may lag its notice by a moment).
        func newest() throws -> Int64 { try #require(f.detail(f.standardCase.number).history.map(\.id).max()) }
        let after = try newest()
        #expect(after > before)
        let deadline = Date().addingTimeInterval(1)
        while one.listener.known != after, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(one.listener.known == after, "heard within 1 s, no query asked")

        // Listening lost (the connection closed): the token is read from the database, and listening starts again.
        one.listener.stop()
        #expect(one.listener.known == nil)
        #expect(try one.changeToken().lastEvent == after)
        try two.perform(.message("Once more"), on: f.standardCase.number, as: .reseller(f.agent1))
        let latest = try newest()
        let again = Date().addingTimeInterval(1)
        while try one.changeToken().lastEvent != latest, Date() < again { Thread.sleep(forTimeInterval: 0.01) }
        #expect(try one.changeToken().lastEvent == latest, "read from the database, or heard once listening again")
    }
}
