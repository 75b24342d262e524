import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// Each tab's My Cases filter and order, kept between runs (first-use item 19).
@Suite struct ListSettingsTests {
    @Test func aTabStartsWithItsKeptFilterAndOrder() throws {
        let kept = ListSettings(filter: "is:open sev:p1", sort: .severity, reversed: true)
        var state = AppState(sessions: [Fixture.ana, Fixture.ben], size: Fixture.large, now: Fixture.now, settings: [kept, nil])
        let effects = start(&state)
        #expect(effects.first == .loadCases(request: effects.request(0), session: 0, scope: .domain(10),
                                            query: try CaseQuery(parsing: "is:open sev:p1"), sort: .severity, page: .last,
                                            limit: effects.limit))
        #expect(state.listSettings == [kept, ListSettings()])
        #expect(state.screenLines().contains { $0.contains("Filter is:open sev:p1") })
    }

    @Test func changesAreWhatIsKeptAndAFilterThatNoLongerParsesIsDropped() {
        var state = Fixture.myCases()
        state.press(.char("o"))
        state.press(.char("I"))
        #expect(state.listSettings == [ListSettings(filter: "", sort: .created, reversed: true)])
        var unreadable = AppState(sessions: [Fixture.ana], size: Fixture.small, now: Fixture.now,
                                  settings: [ListSettings(filter: "sev:p9", sort: .status, reversed: false)])
        let effects = start(&unreadable)
        #expect(effects.first == .loadCases(request: effects.request(0), session: 0, scope: .domain(10), query: .all, sort: .status,
                                            page: .first, limit: effects.limit))
        #expect(unreadable.listSettings == [ListSettings(filter: "", sort: .status, reversed: false)])
    }
}
