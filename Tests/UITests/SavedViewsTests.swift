import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// Saved views: a section line with each view's count (counted aside, once per data change), Tab and Shift-Tab apply
/// the next or previous view, `s` saves the filter on screen by name, and an arrival rings the bell when asked to.
@Suite struct SavedViewsTests {
    static let views = [SavedView(name: "Waiting on me", filter: "waiting:you", sort: .waiting),
                        SavedView(name: "P1", filter: "severity:p1")]

    /// My Cases with two views; the views' counts answered (3 and 10,000+).
    static func state() -> AppState {
        var state = AppState(sessions: [Fixture.ana], size: Fixture.large, now: Fixture.now)
        state.views = views
        let effects = start(&state)
        state.answer(effects.at(0), .cases(CasePage(rows: Fixture.rows(0..<10), hasMore: false)))
        state.answer(effects.at(1), .counted(10, capped: false))
        let asides = effects.filter { if case .countAside = $0 { !$0.isUnreadCount } else { false } }
        #expect(asides.count == 2, "one count per view: \(effects)")
        state.answer(asides.at(0), .counted(3, capped: false))
        state.answer(asides.at(1), .counted(10_000, capped: true))
        return state
    }

    @Test func theSectionsLineShowsEachViewsCountAndTheListStartsBelowIt() {
        let state = Self.state()
        let lines = state.screenLines()
        #expect(lines[2] == "  All 10   Waiting on me 3   P1 10,000+", "\(lines[2])")
        #expect(lines[3].hasPrefix(" Case "), "the column headers move down one row")
        #expect(state.screenBuffer()[3, 2].style == Theme.tabActive, "All is the list's section")
        // Without views there is no such line.
        #expect(Fixture.myCases(size: Fixture.large).screenLines()[2].hasPrefix(" Case "))
    }

    @Test func tabAppliesTheNextViewAndShiftTabThePreviousWrapping() {
        var state = Self.state()
        var effects = state.press(.tab)
        guard case .loadCases(_, _, _, let query, let sort, .first, _)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(query == CaseQuery(terms: [FilterTerm(.waiting([.you]))]) && sort == .waiting)
        #expect(state.list.filter.text == "waiting:you")
        #expect(state.section(of: state.list) == 1)
        #expect(state.screenBuffer()[20, 2].style == Theme.tabActive, "Waiting on me is highlighted: \(state.screenLines()[2])")
        state.press(.tab)
        #expect(state.section(of: state.list) == 2 && state.list.sort == .updated)
        effects = state.press(.tab)
        #expect(state.section(of: state.list) == 0 && state.list.filter.query.isEmpty, "back to All")
        state.press(.backTab)
        #expect(state.section(of: state.list) == 2, "Shift-Tab wraps to the last view")
        #expect(!effects.contains { if case .countAside = $0 { true } else { false } }, "moving between views counts nothing again")
    }

    @Test func typingAViewsFilterLandsOnItsSection() {
        var state = Self.state()
        state.press(.char("/"))
        state.type("severity:p1")
        state.press(.enter)
        #expect(state.section(of: state.list) == 2)
        state.press(.char("/"), .ctrl("u"))
        state.type("mail ")
        state.press(.enter)
        #expect(state.section(of: state.list) == nil, "no view's filter: no section highlighted")
        #expect(state.press(.tab).first != nil && state.section(of: state.list) == 1, "Tab from there goes to the first view")
    }

    @Test func sSavesTheFilterOnScreenUnderAName() {
        var state = Self.state()
        state.press(.char("s"))
        #expect(state.overlay == nil && state.status?.text.hasPrefix("Filter the list first") == true)
        state.press(.char("/"))
        state.type("is:escalated ")
        state.press(.enter)
        state.press(.char("s"))
        #expect(state.form(SaveViewForm.self) != nil)
        state.type("p1")  // another view's name, whatever its case
        #expect(state.press(.enter).isEmpty)
        #expect(state.form(SaveViewForm.self)?.error == "name: there is already a view named \"p1\"")
        state.press(.ctrl("u"))
        state.type("Escalated")
        let effects = state.press(.enter)
        let view = SavedView(name: "Escalated", filter: "is:escalated", sort: .updated)
        #expect(effects == [.saveView(request: state.lastRequest, view)])
        let after = state.answer(effects.at(0), .done)
        #expect(state.overlay == nil && state.views.last == view)
        #expect(state.status == .success("Saved the view \"Escalated\". Tab and Shift-Tab move between views."))
        #expect(after.filter { if case .countAside = $0 { true } else { false } }.count == 3, "every view counted again: \(after)")
        #expect(state.section(of: state.list) == 3)
    }

    @Test func aFileThatCantBeWrittenKeepsTheFormOpenWithTheReason() {
        var state = Self.state()
        state.press(.char("/"))
        state.type("is:escalated ")
        state.press(.enter)
        state.press(.char("s"))
        state.type("Esc")
        let effects = state.press(.enter)
        state.answer(effects.at(0), .failed("/x/config.toml can't be written: Permission denied"))
        #expect(state.form(SaveViewForm.self)?.error == "/x/config.toml can't be written: Permission denied")
        #expect(state.views == Self.views, "nothing saved")
    }

    @Test func anArrivalRingsTheBellOnlyWhenAskedTo() {
        var state = Self.state()
        let notice = [ChangeNotice(id: 9, caseNumber: 10_007_919, kind: .message, at: Fixture.now, author: "Kim")]
        #expect(state.update(.arrived(notice)).isEmpty)
        state.bell = true
        #expect(state.update(.arrived(notice)) == [.ringBell])
    }
}
