import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

@Suite struct NavigationTests {
    @Test func openACaseAndGoBack() {
        var state = Fixture.myCases()
        state.press(.char("j"))
        let effects = state.press(.enter)
        #expect(effects == [.loadCase(request: state.lastRequest, session: 0, number: 10_007_919)])
        guard case .detail(let view)? = state.currentScreen else { Issue.record("no case screen"); return }
        #expect(view.phase == .loading(request: state.lastRequest))
        state.answer(effects, .caseDetail(Fixture.detail()))
        guard case .detail(let loaded)? = state.currentScreen else { Issue.record("no case screen"); return }
        #expect(loaded.detail == Fixture.detail())
        // Back: the list is as it was, without reloading.
        #expect(state.press(.char("q")).isEmpty)
        #expect(state.list.cursor.index == 1)
        #expect(state.list.rows.count == 50)
        #expect(!state.shouldQuit)
    }

    @Test func qOnTheTopScreenQuitsAndEscDoesNot() {
        var state = Fixture.myCases()
        #expect(state.press(.escape).isEmpty)
        #expect(!state.shouldQuit)
        #expect(state.status == .info("This is the top screen. Press q to quit."))
        #expect(state.press(.char("q")) == [.quit])
        #expect(state.shouldQuit)
        #expect(state.farewell == nil, "nothing typed: nothing to say")
    }

    @Test func ctrlCQuitsFromAnywhere() {
        var state = Fixture.myCases()
        state.press(.enter)
        #expect(state.press(.ctrl("c")) == [.quit])
        #expect(state.shouldQuit)
    }

    @Test func tabsKeepTheirOwnFilterCursorAndScreens() {
        var state = Fixture.myCases(sessions: [Fixture.ana, Fixture.ben])
        state.press(.char("j"), .char("j"), .char("j"), .char("/"))
        state.type("is:open")
        state.press(.enter)
        // The second tab loads its own My Cases, as Ben's session.
        let effects = state.press(.char("]"))
        #expect(state.active == 1)
        guard case .loadCases(let request, 1, .domain(20), .all, .updated, .first, 50)? = effects.first else {
            Issue.record("tab 2 didn't load: \(effects)"); return
        }
        state.send(.reply(request: request, .cases(CasePage(rows: Fixture.rows(0..<5, domainID: 20), hasMore: false))))
        state.press(.char("j"), .char("2"))
        #expect(state.tabs[1].root == .customers)
        // Back to the first tab: nothing reloads, everything is where it was.
        #expect(state.press(.char("[")).isEmpty)
        #expect(state.active == 0)
        #expect(state.list.cursor.index == 3)
        #expect(state.list.filter.text == "is:open")
        #expect(state.list.filter.query == (try? CaseQuery(parsing: "is:open")))
        #expect(state.press(.char("]")).isEmpty)
        #expect(state.tabs[1].root == .customers)
        #expect(state.tabs[1].myCases.cursor.index == 1)
        // The tabs wrap around.
        state.press(.char("]"))
        #expect(state.active == 0)
    }

    @Test func oneSessionExplainsWhyTheTabKeysDoNothing() {
        var state = Fixture.myCases()
        #expect(state.press(.char("]")).isEmpty)
        #expect(state.status?.text.contains("Only reseller-one.example is signed in") == true)
    }

    @Test func aKeyThatCantActHereSaysWhy() {
        var state = Fixture.myCases()
        #expect(state.press(.char("m")).isEmpty)
        #expect(state.status == .info("m (message support (case history)): no case is open; select one and press Enter."))
        state.press(.char("2"))
        state.press(.char("o"))
        #expect(state.status?.text.contains("My Customers lists customers") == true)
        state.press(.char("Z"))
        #expect(state.status == .info("Z does nothing here. Press ? for the keys of this screen."))
        #expect(state.screenLines()[23] == " Z does nothing here. Press ? for the keys of this screen.")
    }

    @Test func tooSmallShowsAMessageIgnoresKeysAndRecovers() {
        var state = Fixture.myCases()
        state.send(.resized(Size(width: 59, height: 24)))
        let before = state
        #expect(state.press(.char("j"), .enter, .char("/")).isEmpty)
        #expect(state == before)
        #expect(state.screenLines().contains { $0.trimmingCharacters(in: .whitespaces) == "Terminal too small" })
        state.send(.resized(Size(width: 80, height: 14)))
        #expect(state.screenLines().contains { $0.contains("careportal needs 60×15; this is 80×14.") })
        state.send(.resized(Fixture.small))
        #expect(state.screenLines()[1].hasPrefix(" My Cases"))
        #expect(state.press(.char("j")).isEmpty)
        #expect(state.list.cursor.index == 1)
    }

    @Test func aTallerTerminalLoadsMoreWhenTheCursorIsNearTheEnd() {
        var state = Fixture.myCases(count: 60, hasMore: true)
        for _ in 0..<25 { #expect(state.press(.char("j")).isEmpty) }  // 25 < 60 - 20
        let effects = state.send(.resized(Fixture.large))  // 25 ≥ 60 - 36
        #expect(effects == [.loadCases(request: state.lastRequest, session: 0, scope: .domain(10), query: .all, sort: .updated,
                                       page: .after(Fixture.row(59)), limit: 72)])
    }
}
