import Foundation
import Testing
@testable import Runtime

/// An idle app sleeps until the next thing due, at most `longestIdleWait`: a debounce on the portal's clock, the
/// tick and the change check on this machine's.
@Suite struct IdleWaitTests {
    let now = Date(timeIntervalSince1970: 1_000_000)
    let clock = Date(timeIntervalSince1970: 2_000_000)  // the portal's clock may differ from this machine's

    @Test func nothingDueSleepsTheLongest() {
        #expect(AppRunner.idleWait(until: [nil, nil], now: now, clock: clock) == AppRunner.longestIdleWait)
        #expect(AppRunner.idleWait(until: [nil, now.addingTimeInterval(10)], now: now, clock: clock) == AppRunner.longestIdleWait)
    }

    @Test func theFirstDueWinsEachOnItsOwnClock() {
        #expect(AppRunner.idleWait(until: [clock.addingTimeInterval(0.04), now.addingTimeInterval(0.2)], now: now, clock: clock) == 40)
        #expect(AppRunner.idleWait(until: [clock.addingTimeInterval(5), now.addingTimeInterval(0.0304)], now: now, clock: clock) == 31)
        #expect(AppRunner.idleWait(until: [clock.addingTimeInterval(-1)], now: now, clock: clock) == 1, "overdue: a millisecond, never 0 or less")
    }
}
