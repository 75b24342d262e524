import Domain
import Foundation
import PostgresCluster
import PostgresNIO
import PostgresStore
import Store
import Testing

/// A server's many readers share a bounded set of connections: PostgreSQL allows 100 by default, for every instance.
@Suite(.enabled(if: PostgresCluster.available, Comment(rawValue: PostgresCluster.missingMessage)))
struct ConnectionLimitTests {
    @Test func fortyEightCallsAtOnceUseAtMostTheCapOfConnections() throws {
        let f = try ContractFixture(.postgresql)
        let failures = NSLock()
        nonisolated(unsafe) var errors: [String] = []
        let group = DispatchGroup()
        for _ in 0..<48 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    _ = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), query: .all, sort: .updated, page: .first, limit: 10,
                                          cancellation: nil)
                } catch {
                    failures.withLock { errors.append("\(error)") }
                }
            }
        }
        #expect(group.wait(timeout: .now() + 60) == .success, "the calls didn't finish")
        #expect(errors.isEmpty, "\(errors)")
        let cluster = try PostgresCluster.shared.get()
        let admin = PostgresConnections(address: cluster.address(database: f.postgres!.database))
        defer { admin.close() }
        let backends = try admin.withConnection { c in
            try admin.query("""
                SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND usename = \(PostgresCluster.serverRole)
                """, on: c).first!.decode(Int.self)
        }
        #expect(PostgresConnections.maxInUse == 16)
        #expect(backends <= 16, "\(backends) connections")
        #expect(backends > 1, "the calls ran one at a time: \(backends) connection")
    }
}
