import Foundation
import PostgresCluster
import PostgresNIO
import PostgresStore
import Store
import Testing

/// Two transactions that lock the same rows in opposite orders deadlock; PostgreSQL aborts one of them, and the store
/// runs that one again instead of failing the command.
@Suite(.enabled(if: PostgresCluster.available, Comment(rawValue: PostgresCluster.missingMessage)))
struct DeadlockRetryTests {
    @Test func aTransactionAbortedToBreakADeadlockRunsAgain() throws {
        let cluster = try PostgresCluster.shared.get()
        let fresh = try cluster.freshDatabase()
        defer { fresh.close() }
        try fresh.withConnection { c in try fresh.run("CREATE TABLE pair (id int PRIMARY KEY, n int NOT NULL); INSERT INTO pair VALUES (1, 0), (2, 0)", on: c) }
        let attempts = NSLock()
        nonisolated(unsafe) var runs = 0
        nonisolated(unsafe) var errors: [String] = []
        let bothLockedTheirFirstRow = DispatchGroup()
        bothLockedTheirFirstRow.enter(); bothLockedTheirFirstRow.enter()
        let done = DispatchGroup()
        for (first, second) in [(1, 2), (2, 1)] {
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                var firstRun = true
                do {
                    try fresh.transaction { c in
                        attempts.withLock { runs += 1 }
                        try fresh.query("UPDATE pair SET n = n + 1 WHERE id = \(first)", on: c)
                        if firstRun {
                            firstRun = false
                            bothLockedTheirFirstRow.leave()
                            _ = bothLockedTheirFirstRow.wait(timeout: .now() + 10)
                        }
                        try fresh.query("UPDATE pair SET n = n + 1 WHERE id = \(second)", on: c)
                    }
                } catch {
                    attempts.withLock { errors.append("\(error)") }
                }
            }
        }
        #expect(done.wait(timeout: .now() + 60) == .success, "the transactions didn't finish")
        #expect(errors.isEmpty, "\(errors)")
        // One ran again (its retry may meet the other's locks once more before that one commits, hence at least).
        #expect(runs >= 3, "one of the two ran again")
        let counts = try fresh.withConnection { c in try fresh.query("SELECT n FROM pair ORDER BY id", on: c).map { try $0.decode(Int.self) } }
        #expect(counts == [2, 2], "each transaction's two updates committed once")
    }
}
