import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

@Suite struct RenderTests {
    @Test func myCasesAt80x24() {
        let state = Fixture.myCases()
        #expect(state.screenLines() == [
            " careportal   reseller-one.example      as Ana Agent <ana@reseller-one.example>",
            " My Cases                               1–20 of 10,000+ · updated, newest first",
            " Case       Sev Status        Customer         Title                    Updated",
            " 10000000   P1  New           Acme Corp        Mail delivery delayed f…     now",
            " 10007919   P2  In progress   株式会社さくら … Cannot sign in to the a…   7 min",
            " 10015838 ⚑ P3  Action req.   Bloom 🌸 Floris… Calendar invites arrive…  14 min",
            " 10023757   P4  Sol. provided Acme Corp        Drive sharing link expi…  21 min",
            " 10031676   P1  Closed        株式会社さくら … Meet recording missing …  28 min",
            " 10039595   P2  New           Bloom 🌸 Floris… Shared drive quota show…  35 min",
            " 10047514   P3  In progress   Acme Corp        Mail delivery delayed f…  42 min",
            " 10055433 ⚑ P4  Action req.   株式会社さくら … Cannot sign in to the a…  49 min",
            " 10063352   P1  Sol. provided Bloom 🌸 Floris… Calendar invites arrive…  56 min",
            " 10071271   P2  Closed        Acme Corp        Drive sharing link expi…     1 h",
            " 10079190   P3  New           株式会社さくら … Meet recording missing …     1 h",
            " 10087109   P4  In progress   Bloom 🌸 Floris… Shared drive quota show…     1 h",
            " 10095028 ⚑ P1  Action req.   Acme Corp        Mail delivery delayed f…     1 h",
            " 10102947   P2  Sol. provided 株式会社さくら … Cannot sign in to the a…     1 h",
            " 10110866   P3  Closed        Bloom 🌸 Floris… Calendar invites arrive…     1 h",
            " 10118785   P4  New           Acme Corp        Drive sharing link expi…     1 h",
            " 10126704   P1  In progress   株式会社さくら … Meet recording missing …     1 h",
            " 10134623 ⚑ P2  Action req.   Bloom 🌸 Floris… Shared drive quota show…     1 h",
            " 10142542   P3  Sol. provided Acme Corp        Mail delivery delayed f…     2 h",
            " 10150461   P4  Closed        株式会社さくら … Cannot sign in to the a…     2 h",
            " Enter open  / filter  o sort  ? help  q quit  1 cases  2 customers  3 all",
        ])
    }

    @Test func myCasesStylesTheCursorSeverityAndStatus() {
        var state = Fixture.myCases()
        let buffer = state.screenBuffer()
        #expect(buffer[1, 1].style == Theme.title)
        #expect(buffer[13, 0].style == Theme.tabActive)  // the active domain's tab
        #expect(buffer[1, 3].style.bg == Theme.cursorRow.bg)  // the cursor row, margin included
        #expect(buffer[0, 3].style.bg == Theme.cursorRow.bg)
        #expect(buffer[1, 4].style.bg == .default)
        #expect(buffer[12, 4].style == Theme.severity(.p2))  // P2
        #expect(buffer[12, 3].style == Theme.onCursorRow(Theme.severity(.p1)))  // keeps its colour on the bar
        #expect(buffer[16, 5].style == Theme.status(.actionRequired))
        #expect(buffer[10, 5].grapheme == "⚑")
        #expect(buffer[10, 5].style == Theme.escalated)
        #expect(buffer[16, 7].style == Theme.status(.closed))
        state.press(.char("j"))
        #expect(state.screenBuffer()[1, 3].style.bg == .default)
        #expect(state.screenBuffer()[1, 4].style.bg == Theme.cursorRow.bg)
    }

    /// 120 columns: more title, and whose turn it is since when (support's since filing here: no status change yet).
    @Test func myCasesAt120x40ShowsMoreTitleAndTheWaitingColumn() {
        let lines = Fixture.myCases(size: Fixture.large).screenLines()
        #expect(lines.count == 40)
        #expect(lines[1] == " My Cases                                                                       1–36 of 10,000+ · updated, newest first")
        #expect(lines[2] == " Case       Sev Status            Customer                 Title                                  Waiting       Updated")
        #expect(lines[4] == " 10007919   P2  In progress       株式会社さくら商事       Cannot sign in to the admin console    support 1 d     7 min")
        #expect(lines[5] == " 10015838 ⚑ P3  Action required   Bloom 🌸 Florists        Calendar invites arrive twice          you 2 d        14 min")
        #expect(lines[38] == " 10277165   P4  New               Bloom 🌸 Florists        Shared drive quota shows the wrong va… support 1 mo      4 h")
        #expect(lines[39] == " Enter open  / filter  o sort  ? help  q quit  1 cases  2 customers  3 all  S sessions")
    }

    /// First-use item 17: at 200 columns My Cases repeated its one domain in a whole column. Every row of My Cases is
    /// the tab's domain, so the title gets the room; the sorted column's header is bold and underlined.
    @Test func myCasesAt200ColumnsGivesTheTitleTheRoom() {
        var state = Fixture.myCases(size: Size(width: 200, height: 30))
        state.previewEnabled = false  // the whole width for the list (PreviewTests: the list beside the pane)
        let lines = state.screenLines()
        #expect(lines[2].hasPrefix(" Case       Sev Status            Customer                 Title  "))
        #expect(!lines[2].contains("Domain"))
        #expect(lines[3].hasPrefix(" 10000000   P1  New               Acme Corp                Mail delivery delayed for some users  "))
        let buffer = state.screenBuffer()
        let updated = lines[2].range(of: "Updated")!.lowerBound.utf16Offset(in: lines[2])
        #expect(buffer[updated, 2].style.underline && buffer[updated, 2].style.bold, "the sorted column")
        let created = lines[2].range(of: "Created")!.lowerBound.utf16Offset(in: lines[2])
        #expect(!buffer[created, 2].style.underline)
    }

    @Test func caseDetailAt80x24() {
        var state = Fixture.myCases()
        let load = state.press(.char("j"), .enter)
        #expect(state.screenLines()[1] == " Case 10007919  Cannot sign in to the admin console")
        #expect(state.screenLines()[3] == " Loading case 10007919…")
        state.answer(load, .caseDetail(Fixture.detail()))
        #expect(state.screenLines() == [
            " careportal   reseller-one.example      as Ana Agent <ana@reseller-one.example>",
            " Case 10007919  Mail delivery delayed for some users           In progress · P2",
            " m message  p severity  a attach  e escalate  x close  O reopen  h sharing",
            // Usability item 17: two fields a row from 80 columns (the customer, too long for half, has the whole row),
            // so the description and the whole history are on the first screen.
            " Customer     Acme Corp (Standard support)",
            " Domain       reseller-one.example       Status       In progress",
            " Severity     P2 high                    Escalated    no",
            " Category     Gmail > Delivery > Delays  Product      Google Workspace",
            " Language     en · Europe/Paris          Created by   Ana Agent · 3 d ago",
            " Updated      7 min ago",
            " Sharing      it@acme.example            Attachments  headers.txt (12.4 KiB)",
            "",
            " Description",
            "   Since Monday morning, messages from outside the organisation arrive with a",
            "   delay of up to two hours for about thirty users.",
            "",
            " History · 3 events, oldest first",
            "   Ana Agent · opened the case · 3 d ago · 2026-05-25 20:26",
            "     Case filed on behalf of Acme Corp.",
            "   Sam Support · support reply · 2 d ago · 2026-05-26 20:26",
            "     Thanks. Could you send the full headers of one delayed message?",
            "   Ana Agent · attachment added · 7 min ago · 2026-05-28 20:19",
            "     headers.txt",
            "",
            " ? help  q back  1 cases  2 customers  3 all  S sessions  / search",
        ])
        // e is refused for a Standard customer: dimmed; x can act: not dimmed.
        let buffer = state.screenBuffer()
        #expect(buffer[34, 2].grapheme == "e")
        #expect(buffer[34, 2].style == Theme.dim)
        #expect(buffer[46, 2].grapheme == "x")
        #expect(buffer[46, 2].style == Theme.key)
    }

    @Test func caseDetailAt120x40PairsTheFieldsAndShowsTheWholeHistory() {
        var state = Fixture.myCases(size: Fixture.large)
        let load = state.press(.char("j"), .enter)
        state.answer(load, .caseDetail(Fixture.detail(customer: Fixture.sakura)))
        let lines = state.screenLines()
        #expect(lines[1] == " Case 10007919  Mail delivery delayed for some users                                                   In progress · P2")
        #expect(lines[3] == " Customer     株式会社さくら商事 (Premium support)           Domain       reseller-one.example")
        #expect(lines[4] == " Status       In progress                                    Severity     P2 high")
        #expect(lines[8] == " Sharing      it@acme.example                                Attachments  headers.txt (12.4 KiB)")
        #expect(lines[11] == "   Since Monday morning, messages from outside the organisation arrive with a delay of up to two hours for about thirty")
        #expect(Array(lines[15...20]) == [
            "   Ana Agent · opened the case · 3 d ago · 2026-05-25 20:26",
            "     Case filed on behalf of 株式会社さくら商事.",
            "   Sam Support · support reply · 2 d ago · 2026-05-26 20:26",
            "     Thanks. Could you send the full headers of one delayed message?",
            "   Ana Agent · attachment added · 7 min ago · 2026-05-28 20:19",
            "     headers.txt",
        ])
        // Premium support: escalation is offered.
        #expect(state.screenBuffer()[34, 2].style == Theme.key)
    }

    @Test func helpListsTheKeysOfTheScreenFromTheKeymap() {
        // Tall enough for every key of a case list without scrolling the help.
        var state = Fixture.myCases(size: Size(width: 120, height: 62))
        state.press(.char("?"))
        let text = state.screenLines().joined(separator: "\n")
        for binding in Keymap.bindings(Keymap.standard.main, in: .caseList) {
            #expect(text.contains(binding.keyLabel.padded(toWidth: Help.keyWidth) + binding.help))
        }
        #expect(!text.contains("escalate ("))  // a case key, not on this screen
        #expect(state.screenLines()[0].contains("careportal"))  // the tab bar stays visible
        state.press(.escape)
        #expect(state.overlay == nil)
        // In a case the help lists the case actions.
        state.press(.enter, .char("?"))
        #expect(state.screenLines().joined().contains("escalate (Premium support customers)"))
        state.press(.char("?"))
        #expect(state.overlay == nil)
    }

    @Test func theStatusLineHintsComeFromTheKeymapAndFollowTheFilterBar() {
        var state = Fixture.myCases()
        state.press(.char("/"))
        #expect(state.screenLines()[23] == " Enter apply  Esc cancel  Ctrl-U clear")
        #expect(state.screenLines()[22] == " Filter")
        state.type("is:open")
        let buffer = state.screenBuffer()
        #expect(buffer.lines()[22] == " Filter is:open")
        #expect(buffer[15, 22].style == Theme.caret)  // the caret after the text
    }

    @Test func loadingAndEmptyListsSaySo() {
        var state = AppState(sessions: [Fixture.ana], size: Fixture.small, now: Fixture.now)
        let load = start(&state)
        #expect(state.screenLines()[3] == " Loading cases…")
        state.answer(load, .cases(CasePage(rows: [], hasMore: false)))
        #expect(state.screenLines()[3] == " No cases yet.")
        #expect(state.screenLines()[1] == " My Cases                                                 updated, newest first")
    }
}

/// First-use item 19: history showed relative times only. The exact time is beside it, in the user's time zone.
@Suite struct ExactTimeTests {
    @Test func exactTimesAreInTheUsersZone() {
        let at = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28 20:26:40 UTC
        #expect(ZoneClock.dateTime(at, in: "UTC") == "2026-05-28 20:26")
        #expect(ZoneClock.dateTime(at, in: "Europe/Paris") == "2026-05-28 22:26")
        #expect(ZoneClock.dateTime(at, in: "Asia/Tokyo") == "2026-05-29 05:26")
        #expect(ZoneClock.dateTime(at, in: "Not/AZone") == "2026-05-28 20:26", "an unknown zone reads as UTC")
    }
}
