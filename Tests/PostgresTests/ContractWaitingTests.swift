import Domain
import Foundation
import PostgresCluster
import Store
import Testing

/// Whose turn and for how long, on both stores: the clock restarts only when a case moves to the other side, the
/// `waiting` order, `waiting:` and `is:breached` against the rule applied to every row.
@Suite struct ContractWaitingTests {
    @Test(arguments: StoreKind.available)
    func theClockRestartsWhenTheTurnChangesSidesOnly(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        let c = f.standardCase
        let filed = try f.detail(c.number).supportCase
        #expect(filed.waitingSince == filed.createdAt)
        f.clock.advance(600)
        try f.store.perform(.setStatus(.inProgress), on: c.number, as: .supportEngineer(f.engineer))
        #expect(try f.detail(c.number).supportCase.waitingSince == filed.createdAt, "New → In progress: still support's turn")
        f.clock.advance(600)
        try f.store.perform(.supportReply("Please send the headers", status: .actionRequired), on: c.number, as: .supportEngineer(f.engineer))
        let asked = try f.detail(c.number).supportCase
        #expect(asked.waitingSince == f.clock.now, "now the reseller's turn")
        f.clock.advance(600)
        try f.store.perform(.close, on: c.number, as: .reseller(f.agent1))
        #expect(try f.detail(c.number).supportCase.waitingSince == f.clock.now)
        let row = try #require(try f.all().first { $0.number == c.number })
        #expect(row.waitingOn == .nobody && row.waitingSince == f.clock.now && row.customerTier == .standard)
    }

    @Test(arguments: StoreKind.available)
    func theFiltersHoldEveryRowToTheSameRule(_ kind: StoreKind) throws {
        let f = try ContractCaseTests.busy(kind)
        f.clock.advance(3 * 86_400)  // old enough that some have waited past their targets, some not
        let p1 = try f.file("acme.example", title: "Fresh P1", severity: .p1)  // Premium P1: 15 minutes
        f.clock.advance(20 * 60)
        let whole = try f.all(limit: 100)
        let now = f.clock.now, t = ResponseTargets.defaults
        func expected(_ keep: (CaseRow) -> Bool) -> Set<Int> { Set(whole.filter(keep).map(\.number)) }
        #expect(try f.numbers("waiting:you") == expected { $0.waitingOn == .you })
        #expect(try f.numbers("waiting:support,nobody") == expected { $0.waitingOn != .you })
        #expect(try f.numbers("-waiting:support") == expected { $0.waitingOn != .support })
        #expect(try f.numbers("waiting:>3d") == expected { $0.status != .closed && now.timeIntervalSince($0.waitingSince) > 3 * 86_400 })
        #expect(try f.numbers("waiting:<1h") == expected { $0.status != .closed && now.timeIntervalSince($0.waitingSince) < 3_600 })
        let breached = expected { $0.breached(t, now: now) }
        #expect(breached.contains(p1.number), "20 minutes on a Premium P1")
        #expect(!breached.isEmpty && breached.count < whole.count)
        #expect(try f.numbers("is:breached") == breached)
        #expect(try f.numbers("-is:breached is:open") == expected { !$0.breached(t, now: now) && $0.status != .closed })
        #expect(try f.count("is:breached") == breached.count)
        #expect(try f.count("waiting:you") == whole.filter { $0.waitingOn == .you }.count, "counted from the tally")
    }

    @Test(arguments: StoreKind.available)
    func theWaitingOrderIsYoursFirstTheLongestFirst(_ kind: StoreKind) throws {
        let f = try ContractCaseTests.busy(kind)
        let whole = try f.all(limit: 100)
        let sorted = whole.sorted { $0.precedes($1, in: .waiting) }
        #expect(try f.all(sort: .waiting, limit: 4).map(\.number) == sorted.map(\.number))
        #expect(try f.all(sort: .waiting, limit: 4, backward: true).map(\.number) == sorted.map(\.number))
        #expect(sorted.first?.waitingOn == .you && sorted.last?.waitingOn == .nobody)
        let ranks = sorted.map(\.waitingOn.rank)
        #expect(ranks == ranks.sorted())
        #expect(try f.all(filter: "mailbox", sort: .waiting, limit: 3).map(\.number) == sorted.filter { $0.title.contains("mailbox") }.map(\.number))
    }
}
