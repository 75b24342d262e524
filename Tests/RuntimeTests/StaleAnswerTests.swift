import Domain
import Foundation
import Runtime
import ScreenKit
import Testing
import UI

/// The app and its runtime together: the answer to a superseded load changes nothing on screen.
@Suite struct StaleAnswerTests {
    @Test func theAnswerToASupersededLoadIsDropped() throws {
        let portal = FakePortal()
        let runner = EffectRunner(portal: portal, sessions: [(portal.user, nil)])
        var state = AppState(sessions: [SessionInfo(user: portal.user, domainName: "reseller-one.example")],
                             size: Size(width: 100, height: 30), now: portal.now)
        let first = start(&state)
        let stale = try #require(first.first { if case .loadCases = $0 { true } else { false } })
        let refreshed = reduce(&state, .key(.char("r")))
        #expect(refreshed.contains { if case .loadCases = $0 { true } else { false } })
        let before = state
        let oldAnswer = try #require(runner.perform(stale))
        #expect(reduce(&state, oldAnswer).isEmpty)
        #expect(state == before)
        // The current load's answer is taken.
        let current = try #require(refreshed.first { if case .loadCases = $0 { true } else { false } })
        _ = reduce(&state, try #require(runner.perform(current)))
        #expect(state != before)
    }
}
