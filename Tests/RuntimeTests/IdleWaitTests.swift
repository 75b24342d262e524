import Foundation
import Testing
@testable import Runtime

/// An idle app sleeps until the next thing due, at most `longestIdleWait`: a debounce on the portal's clock, the
/// tick and the change check on this machine's.
@Suite struct IdleWaitTests {
    let now = Date(timeIntervalSince1970: 1_000_000)
    let clock = Date(timeIntervalSince1970: 2_000_000)  // the portal's clock may differ from this machine's

    @Test func nothingDueSleepsTheLongest() {
        #expect(AppRunner.idleWait(wakeAt: nil, clock: clock, due: [], now: now) == AppRunner.longestIdleWait)
        #expect(AppRunner.idleWait(wakeAt: nil, clock: clock, due: [now.addingTimeInterval(10)], now: now) == AppRunner.longestIdleWait)
    }

    @Test func theFirstDueWinsEachOnItsOwnClock() {
        #expect(AppRunner.idleWait(wakeAt: clock.addingTimeInterval(0.04), clock: clock, due: [now.addingTimeInterval(0.2)], now: now) == 40)
        #expect(AppRunner.idleWait(wakeAt: clock.addingTimeInterval(5), clock: clock, due: [now.addingTimeInterval(0.0304)], now: now) == 31)
        #expect(AppRunner.idleWait(wakeAt: clock.addingTimeInterval(-1), clock: clock, due: [], now: now) == 1, "overdue: a millisecond, never 0 or less")
    }
}
