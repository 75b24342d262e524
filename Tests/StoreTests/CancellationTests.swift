import Domain
import Foundation
import Testing
@testable import Store

/// Hardening finding 2: a read its asker cancels stops while its statement runs (sqlite3_interrupt), and the
/// connection it ran on serves the next read.
@Suite struct CancellationTests {
    /// A statement that runs for minutes: counting a recursive sequence to a billion (finite, so a broken interrupt fails
    /// the test instead of hanging the run).
    static let endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000000000) SELECT COUNT(*) FROM n"

    @Test func cancellingARunningReadInterruptsItsStatement() throws {
        let f = try StoreFixture()
        let cancellation = Cancellation()
        // A thread of its own (not a dispatch queue, which a loaded test run may start late) cancels after 0.2 s and
        // notes when; the read must end soon after that moment, however late it came.
        let cancelledAt = CancelMoment()
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.2)
            cancelledAt.now()
            cancellation.cancel()
        }
        #expect(throws: StoreError.cancelled) {
            try f.store.singleStatementRead(cancellation: cancellation) { db in try Int.fetchOne(db, sql: Self.endless) }
        }
        let took = Date().timeIntervalSince(cancelledAt.date ?? .distantFuture)
        #expect(took < 5, "the read ended \(took) s after the cancel")
        // The connection is back on the shelf and works.
        let page = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID))
        #expect(page.rows.map(\.number) == [f.standardCase.number])
    }

    final class CancelMoment: @unchecked Sendable {
        private let lock = NSLock()
        private var at: Date?
        func now() { lock.withLock { at = Date() } }
        var date: Date? { lock.withLock { at } }
    }

    @Test func aReadCancelledBeforeItStartsRunsNothing() throws {
        let f = try StoreFixture()
        let cancellation = Cancellation()
        cancellation.cancel()
        #expect(throws: StoreError.cancelled) {
            try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), cancellation: cancellation)
        }
        #expect(throws: StoreError.cancelled) {
            try f.store.countCases(as: f.agent1, scope: .domain(f.agent1.domainID), cancellation: cancellation)
        }
    }

    @Test func aCancellationAfterTheReadEndedTouchesNoLaterRead() throws {
        let f = try StoreFixture()
        let cancellation = Cancellation()
        _ = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), cancellation: cancellation)
        cancellation.cancel()  // after the read: no stop is installed, so nothing is interrupted
        for _ in 0..<20 {
            #expect(try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID)).rows.count == 1)
        }
    }
}

/// First-use item 11: a partial case number (`4617`) found nothing; digits alone match the start of a number.
@Suite struct CaseNumberPrefixTests {
    @Test func digitsFindTheCasesWhoseNumberStartsWithThem() throws {
        let f = try StoreFixture()
        let number = String(f.standardCase.number)
        for typed in [number, String(number.prefix(4)), String(number.prefix(2))] {
            let page = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), query: CaseQuery(parsing: typed))
            #expect(page.rows.map(\.number) == [f.standardCase.number], "\(typed)")
        }
        let other = String((Int(number.prefix(4))! + 1) % 10_000)
        #expect(try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), query: CaseQuery(parsing: other)).rows.isEmpty)
    }
}

/// First-use item 21: the demo's history said "Attached the HAR file" on cases with no attachment.
@Suite struct DemoHistoryTests {
    @Test func noDemoMessageClaimsAnAttachmentThatIsNotThere() {
        for text in DemoText.resellerMessages + DemoText.supportReplies {
            #expect(!text.lowercased().contains("attached"), "\(text)")
            #expect(!text.lowercased().hasPrefix("here are"), "\(text)")
        }
    }
}
