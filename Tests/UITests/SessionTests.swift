import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

@Suite struct SessionTests {
    @Test func noSessionOpensSignInWhichSubmitsAndReportsFailure() {
        var state = AppState(sessions: [], size: Fixture.small, now: Fixture.now)
        #expect(start(&state).isEmpty)
        #expect(state.screenLines().contains { $0.contains("Sign in with your reseller account.") })
        state.type("ana@reseller-one.example")
        #expect(state.press(.enter).isEmpty)  // Enter in the email field goes to the password
        state.type("hunter22")
        #expect(state.screenLines().contains { $0.contains("Password  ••••••••") })
        #expect(!state.screenLines().joined().contains("hunter22"))
        let signIn = state.press(.enter)
        #expect(signIn == [.signIn(request: state.lastRequest, email: "ana@reseller-one.example", password: "hunter22", location: "")])
        state.answer(signIn, .failed(Rules.noPortalAccess))
        guard let form = state.form(SignInForm.self) else { return }
        #expect(form.message == Rules.noPortalAccess)
        #expect(form.password.isEmpty)
        #expect(state.screenLines().contains { $0.contains("You don't have access to the Customer Care Portal.") })
    }

    @Test func signingInOpensMyCases() {
        var state = AppState(sessions: [], size: Fixture.small, now: Fixture.now)
        // A session is the answer to the sign-in form's request.
        let signIn = state.submitSignIn(email: Fixture.ana.user.email, password: "hunter22")
        let effects = state.answer(signIn, .signedIn(Fixture.ana))
        #expect(state.sessions == [Fixture.ana])
        #expect(state.overlay == nil)
        #expect(effects.first == .loadCases(request: effects.request(0), session: 0, scope: .domain(10), query: .all, sort: .updated,
                                            page: .first, limit: 50))
    }

    @Test func signingInAgainToADomainReplacesItsOlderSession() {
        var state = Fixture.myCases(sessions: [Fixture.ana, Fixture.ben])
        var again = Fixture.ana
        again.user.name = "Ana A."
        // S, s: the sign-in form over the screen; the session is the answer to its request.
        state.press(.char("S"), .char("s"))
        #expect(state.submitSignIn(email: again.user.email, password: "hunter22").isEmpty, "it asks first")
        let signIn = state.press(.enter)
        let effects = state.answer(signIn, .signedIn(again))
        // The runtime appended the new session and moves it into the old one's place: both lists stay in step.
        #expect(effects.first == .replaceSession(session: 0))
        #expect(state.sessions == [again, Fixture.ben])
        #expect(state.active == 0)
        #expect(effects.dropFirst().first == .loadCases(request: effects.request(1), session: 0, scope: .domain(10), query: .all,
                                                         sort: .updated, page: .first, limit: 50))
    }

    @Test func emptyFieldsAreRefusedBeforeSubmitting() {
        var state = AppState(sessions: [], size: Fixture.small, now: Fixture.now)
        state.press(.tab)
        #expect(state.press(.enter).isEmpty)
        guard let form = state.form(SignInForm.self) else { return }
        #expect(form.message == "Enter the email address of your reseller account.")
        #expect(form.focus == .email)
    }

    @Test func allDomainsMergesEverySessionAndCountsEach() {
        var state = Fixture.myCases(sessions: [Fixture.ana, Fixture.ben])
        let effects = state.press(.char("3"))
        #expect(effects == [
            .loadMergedCases(request: effects.request(0), sessions: [0, 1], query: .all, sort: .updated, page: .first, limit: 50),
            .countCases(request: effects.request(1), session: 0, scope: .domain(10), query: .all, cap: 10_000),
            .countCases(request: state.lastRequest, session: 1, scope: .domain(20), query: .all, cap: 10_000),
        ])
        let rows = Fixture.rows(0..<2) + Fixture.rows(0..<2, domainID: 20, domainName: "partner-two.example")
        state.answer(effects.at(0), .cases(CasePage(rows: rows, hasMore: false)))
        state.answer(effects.at(1), .counted(10_000, capped: true))
        #expect(state.list.count == nil)  // still counting the second domain
        state.answer(effects.at(2), .counted(2, capped: false))
        #expect(state.list.count == CaseList.Count(total: 10_002, capped: true))
        let lines = state.screenLines()
        #expect(lines[1] == " All domains  2 signed-in domains        1–4 of 10,002+ · updated, newest first")
        #expect(lines[2].contains("Domain"))
        #expect(lines[5].contains(" partner-two "), "the domain's first label: \(lines[5])")
        // A case of the other domain opens as that domain's session.
        state.press(.char("j"), .char("j"))
        let open = state.press(.enter)
        #expect(open == [.loadCase(request: state.lastRequest, session: 1, number: 10_000_000)])
        // First-use item 8: the header names who acts on the case on screen, Ben, though Ana's tab is active.
        #expect(state.screenLines()[0].hasSuffix("as Ben Partner"), "\(state.screenLines()[0])")
        state.answer(open, .caseDetail(Fixture.detail()))
        state.press(.char("m"))
        #expect(state.screenLines()[0].contains("as Ben Partner"), "the message form acts as Ben too: \(state.screenLines()[0])")
        state.press(.escape, .escape)
        #expect(state.screenLines()[0].contains("as Ana Agent"), "back on All domains, the tab's user: \(state.screenLines()[0])")
    }

    @Test func myCustomersOpensACustomersCases() {
        var state = Fixture.myCases()
        let load = state.press(.char("2"))
        #expect(load == [.loadCustomerPage(request: state.lastRequest, session: 0, search: .everyone, after: nil, limit: 50)])
        let access = CustomerAccess(customerID: 101, domainID: 10, kind: .resold, granted: false, since: Fixture.now)
        state.answer(load, Fixture.customers([
            CustomerRow(customer: Fixture.acme, access: CustomerAccess(customerID: 100, domainID: 10, kind: .resold, granted: true, since: Fixture.now), openCases: 12),
            CustomerRow(customer: Fixture.sakura, access: access, openCases: 3),
        ]))
        state.press(.char("j"))
        let lines = state.screenLines()
        #expect(lines[1] == " My Customers                                                       2 customers")
        #expect(lines[2] == " Customer                     Primary domain       Tier     Access         Open")
        #expect(lines[4] == " 株式会社さくら商事           sakura.example.jp    Premium  not granted       3")
        #expect(lines[22] == " 株式会社さくら商事: This customer hasn't granted your domain access to file s…")
        // The row of a customer who hasn't granted access is dimmed.
        #expect(state.screenBuffer()[1, 3].style == Theme.plain)
        #expect(state.screenBuffer()[40, 4].style == Theme.onCursorRow(Theme.dim))
        // n is refused by the Domain's rule, with its reason.
        state.press(.char("n"))
        #expect(state.status == .error("n (new case) for 株式会社さくら商事: \(Rules.accessNotGranted)"))
        let effects = state.press(.enter)
        #expect(effects.first == .loadCases(request: effects.request(0), session: 0, scope: .customer(customerID: 101, domainID: 10),
                                            query: .all, sort: .updated, page: .first, limit: 50))
        #expect(state.list.title == "株式会社さくら商事 · cases")
        state.press(.char("q"))
        #expect(state.tabs[0].root == .customers)
        #expect(state.currentScreen?.context == .customers)
    }

    @Test func signingOutRemovesTheTab() {
        var state = Fixture.myCases(sessions: [Fixture.ana, Fixture.ben])
        state.press(.char("S"), .char("j"))
        // x asks first: any key but y keeps the session.
        #expect(state.press(.char("x")).isEmpty)
        #expect(state.screenLines().contains { $0.contains("Sign out of partner-two.example? y/n") })
        #expect(state.press(.char("n")).isEmpty)
        #expect(state.sessions == [Fixture.ana, Fixture.ben])
        #expect(state.status == .info("Still signed in to partner-two.example."))
        state.press(.char("x"))
        let effects = state.press(.char("y"))
        #expect(effects == [.signOut(session: 1)])
        #expect(state.sessions == [Fixture.ana])
        state.press(.escape, .char("S"), .char("x"), .char("y"))
        #expect(state.sessions.isEmpty)
        #expect(state.overlay[SignInForm.self] != nil, "no sign-in")
        // With nobody signed in, Esc on the sign-in screen doesn't end the app: only Ctrl-C does.
        state.press(.escape)
        #expect(!state.shouldQuit)
        #expect(state.status == .info("Sign in to a reseller domain, or press Ctrl-C to quit."))
        #expect(state.screenLines().contains { $0.contains("Ctrl-C quit") })
        state.press(.ctrl("c"))
        #expect(state.shouldQuit)
    }

    @Test func feedbackIsSentWithTheScreenItWasOpenedOn() {
        var state = Fixture.myCases()
        state.press(.char("F"))
        #expect(state.press(.enter).isEmpty)  // empty: refused
        #expect(state.status?.kind == .error)
        state.type("Please add a column for the category")
        let sent = state.press(.enter)
        #expect(sent == [.sendFeedback(request: state.lastRequest, session: 0, screen: "My Cases", message: "Please add a column for the category")])
        state.answer(sent, .done)
        #expect(state.status == .success("Thank you: your feedback was saved."))
    }

    /// First-use item 18: the feedback form ignored Ctrl-S, which sends in the message editor. Ctrl-S sends in
    /// every form; Enter too where the text is one line.
    @Test func ctrlSSendsFeedbackAndSignsIn() {
        var state = Fixture.myCases()
        state.press(.char("F"))
        state.type("Ctrl-S works here too")
        #expect(state.press(.ctrl("s")) == [.sendFeedback(request: state.lastRequest, session: 0, screen: "My Cases", message: "Ctrl-S works here too")])
        var signIn = AppState(sessions: [], size: Fixture.small, now: Fixture.now)
        _ = start(&signIn)
        signIn.type("ana@reseller-one.example")
        signIn.press(.tab)
        signIn.type("a-password")
        #expect(signIn.press(.ctrl("s")).first.map { if case .signIn = $0 { true } else { false } } == true)
    }
}

/// First-use item 13: My Customers couldn't be filtered (`/` answered with a cut-off sentence). `/` narrows it as you
/// type, by name, domain, tier and access (the store applies the words: `CustomerSearchTests`, the contract tests);
/// Enter keeps the filter, Esc clears it. The list is read a page at a time (#16): more as the cursor nears the end.
@Suite struct CustomerFilterTests {
    static let granted = CustomerAccess(customerID: 100, domainID: 10, kind: .resold, granted: true, since: Fixture.now)
    static let notGranted = CustomerAccess(customerID: 101, domainID: 10, kind: .resold, granted: false, since: Fixture.now)
    static let all = [
        CustomerRow(customer: Fixture.acme, access: granted, openCases: 12),
        CustomerRow(customer: Fixture.sakura, access: notGranted, openCases: 3),
        CustomerRow(customer: Fixture.bloom, access: granted, openCases: 1),
    ]

    func loaded() -> AppState {
        var state = Fixture.myCases()
        state.answer(state.press(.char("2")), Fixture.customers(Self.all))
        return state
    }

    func names(_ state: AppState) -> [String] {
        guard case .customers(let list)? = state.currentScreen else { return [] }
        return list.rows.map(\.customer.name)
    }

    /// The store's answer to a search: the rows the Domain's rule keeps.
    func answer(_ state: inout AppState, _ effects: [Effect]) {
        guard case .loadCustomerPage(_, _, let search, nil, _)? = effects.last else {
            Issue.record("no first page asked for: \(effects)")
            return
        }
        state.answer(effects.last, Fixture.customers(Self.all.filter(search.matches)))
    }

    @Test func eachKeystrokeAsksTheStoreForTheFirstPageOfWhatMatches() {
        var state = loaded()
        #expect(state.press(.char("/")).isEmpty)
        let typed = state.type("premium")
        #expect(typed.count == 7, "one read a keystroke: \(typed)")
        #expect(typed.last == .loadCustomerPage(request: state.lastRequest, session: 0, search: CustomerSearch("premium"), after: nil, limit: 50))
        #expect(names(state) == Self.all.map(\.customer.name), "the rows stay until the answer comes")
        answer(&state, typed)
        #expect(names(state) == [Fixture.sakura.name])
        state.press(.ctrl("u"))
        answer(&state, state.type("not granted"))
        #expect(names(state) == [Fixture.sakura.name])
        state.press(.ctrl("u"))
        answer(&state, state.type("ACME.EX"))
        #expect(names(state) == ["Acme Corp"])
        #expect(state.screenLines()[1].contains("1 customer"), "\(state.screenLines()[1])")
        #expect(state.press(.enter).isEmpty, "Enter keeps the search without reading again")
        let lines = state.screenLines()
        #expect(lines[1].contains("filter ACME.EX · 1 customer"), "\(lines[1])")
        // Keys work again on the narrowed list: Enter opens the one customer's cases.
        let open = state.press(.enter)
        #expect(open.first.map { if case .loadCases(_, _, .customer(100, 10), _, _, _, _) = $0 { true } else { false } } == true, "\(open)")
    }

    @Test func anAnswerToAnEarlierKeystrokeIsDropped() {
        var state = loaded()
        state.press(.char("/"))
        let first = state.type("a")
        let second = state.type("c")
        state.answer(first, Fixture.customers([]))
        #expect(names(state).count == 3, "the answer for \"a\" came after \"ac\" was typed")
        answer(&state, second)
        #expect(names(state) == ["Acme Corp"])
    }

    @Test func escClearsTheFilterAndNothingMatchingSaysSo() {
        var state = loaded()
        state.press(.char("/"))
        answer(&state, state.type("zzz"))
        #expect(names(state).isEmpty)
        #expect(state.screenLines().contains { $0.contains("No customer matches \"zzz\"; Esc clears the filter.") })
        answer(&state, state.press(.escape))
        #expect(names(state).count == 3)
        #expect(!state.screenLines()[1].contains("filter"), "\(state.screenLines()[1])")
    }

    @Test func moreIsReadAsTheCursorNearsTheEndAndGReadsTheRest() {
        var state = Fixture.myCases()
        let rows = (0..<50).map { i in
            CustomerRow(customer: Customer(id: Int64(1_000 + i), name: String(format: "Customer %03d", i), primaryDomain: "c\(i).example",
                                           tier: .standard), access: Self.granted, openCases: i)
        }
        state.answer(state.press(.char("2")), Fixture.customers(rows, hasMore: true, total: 6_668))
        #expect(state.screenLines()[1].hasSuffix("6,668 customers"), "\(state.screenLines()[1])")
        #expect(state.press(.char("j")).isEmpty, "no read while the cursor is far from the end")
        var next: [Effect] = []
        for _ in 0..<40 where next.isEmpty { next = state.press(.char("j")) }
        guard case .loadCustomerPage(_, 0, .everyone, let after?, 50)? = next.first else {
            Issue.record("no next page: \(next)")
            return
        }
        #expect(after == CustomerAfter(rows[49]))
        #expect(state.press(.char("j")).isEmpty, "one page in flight at a time")
        let more = (50..<100).map { i in
            CustomerRow(customer: Customer(id: Int64(1_000 + i), name: String(format: "Customer %03d", i), primaryDomain: "c\(i).example",
                                           tier: .standard), access: Self.granted, openCases: i)
        }
        state.answer(next, Fixture.customers(more, hasMore: true, total: 6_668))
        let end = state.press(.char("G"))
        guard case .loadCustomerPage(_, 0, .everyone, let last?, let limit)? = end.first else {
            Issue.record("G read nothing: \(end)")
            return
        }
        #expect(last == CustomerAfter(more[49]) && limit == 500, "the largest page a read may ask for")
        // A key on the way stops it: k after G, and the page that comes leaves the cursor where k put it.
        var stopped = state
        stopped.press(.char("k"))
        let page500 = (0..<500).map { i in
            CustomerRow(customer: Customer(id: Int64(2_000 + i), name: String(format: "Middle %03d", i), primaryDomain: "m\(i).example",
                                           tier: .standard), access: Self.granted, openCases: 0)
        }
        #expect(stopped.answer(end, Fixture.customers(page500, hasMore: true, total: 6_668)).isEmpty)
        if case .customers(let list)? = stopped.currentScreen { #expect(list.cursor.index == 98, "\(list.cursor)") }
        // The first of the pages on the way puts the cursor on its last row and asks for the next.
        let page = page500
        let following = state.answer(end, Fixture.customers(page, hasMore: true, total: 6_668))
        guard case .loadCustomerPage(_, 0, .everyone, let after500?, 500)? = following.first else {
            Issue.record("the way to the end stopped: \(following)")
            return
        }
        #expect(after500 == CustomerAfter(page[499]))
        let rest = [CustomerRow(customer: Customer(id: 9_999, name: "Zed", primaryDomain: "zed.example", tier: .premium),
                                access: Self.granted, openCases: 0)]
        #expect(state.answer(following, Fixture.customers(rest, total: 6_668)).isEmpty, "nothing more to read")
        guard case .customers(let list)? = state.currentScreen else { Issue.record("not My Customers"); return }
        #expect(list.selected?.customer.name == "Zed", "G lands on the last customer once it comes")

    }
}

/// First-use item 14: the next start showed no sign of drafts, and quitting said nothing. The status line counts the
/// saved drafts, a case with a message draft is marked ✎ in the lists, and quitting says how many are waiting.
@Suite struct DraftSignsTests {
    @Test func savedDraftsAreCountedMarkedAndSaidOnQuit() {
        var state = AppState(sessions: [Fixture.ana], size: Fixture.large, now: Fixture.now)
        let effects = start(&state)
        state.answer(effects.at(0), .cases(CasePage(rows: Fixture.rows(0..<10), hasMore: false)))
        let drafted = Fixture.row(1).number
        state.answer(effects.first { if case .loadDrafts = $0 { true } else { false } }, .drafts([
            Draft(form: .message(caseNumber: drafted), content: "Half a sentence", updatedAt: Fixture.now),
            Draft(form: .newCase(customerID: nil), content: "{}", updatedAt: Fixture.now),
        ]))
        let lines = state.screenLines()
        #expect(lines.last?.hasPrefix(" D 2 drafts") == true, "\(lines.last ?? "")")
        let row = lines.first { $0.contains(String(drafted)) } ?? ""
        #expect(row.contains("✎ "), "\(row)")
        #expect(lines.filter { $0.contains("✎") }.count == 1)
        state.press(.char("q"))
        #expect(state.farewell == "2 drafts saved (D in the app or `careportal drafts` lists them).")
    }

    @Test func aMessageLeftAsADraftIsCountedAtOnce() {
        var state = Fixture.myCases(size: Fixture.large)
        let draftsRequest = state.requests.waiting.first { $0.value == .drafts(state.tabs[0].id) }?.key ?? -1
        state.send(.reply(request: draftsRequest, .drafts([])))
        state.press(.char("j"))
        state.answer(state.press(.enter), .caseDetail(Fixture.detail()))
        state.press(.char("m"))
        state.type("Any news?")
        state.send(.tick(Fixture.now.addingTimeInterval(1)))
        #expect(state.tabs[0].drafts == [.message(caseNumber: Fixture.detail().supportCase.number)])
    }
}

/// First-use item 9: signing in to a domain that already had a session replaced it silently and moved its tab to the
/// end. It asks first; the new session takes the old one's tab, where it was.
@Suite struct ReplacingASessionTests {
    @Test func signingInToADomainWithASessionAsksThenKeepsTheTabInPlace() {
        var state = Fixture.myCases(sessions: [Fixture.ana, Fixture.ben])
        state.press(.char("S"))
        state.press(.char("s"))  // sign in to another domain
        guard state.form(SignInForm.self) != nil else { return }
        state.type("cara@reseller-one.example")
        state.press(.tab)
        state.type("cara-password")
        #expect(state.press(.enter).isEmpty, "the first Enter asks")
        #expect(state.form(SignInForm.self)?.message?.hasPrefix("You're signed in to reseller-one.example as ana@reseller-one.example") == true)
        let signIn = state.press(.enter)
        #expect(signIn.first.map { if case .signIn = $0 { true } else { false } } == true, "\(signIn)")
        let cara = SessionInfo(user: User(id: 7, domainID: 10, email: "cara@reseller-one.example", name: "Cara", licensed: true,
                                          privileges: Role.resellerAdminPrivileges), domainName: "reseller-one.example")
        let after = state.answer(signIn.first, .signedIn(cara))
        #expect(after.first == .replaceSession(session: 0))
        #expect(state.sessions.map(\.user.email) == ["cara@reseller-one.example", "ben@partner-two.example"], "the tab order stays")
        #expect(state.activeSession == 0)
        #expect(state.status?.text.contains("the session as ana@reseller-one.example there ended") == true)
    }

    @Test func anotherDomainIsSignedInWithoutAQuestion() {
        var state = Fixture.myCases(sessions: [Fixture.ana])
        state.press(.char("S"))
        state.press(.char("s"))
        state.type("ben@partner-two.example")
        state.press(.tab)
        state.type("ben-password")
        #expect(state.press(.enter).first.map { if case .signIn = $0 { true } else { false } } == true)
    }

    @Test func theAppOpensOnTheTabItWasGiven() {
        let state = AppState(sessions: [Fixture.ana, Fixture.ben], size: Fixture.small, now: Fixture.now, active: 1)
        #expect(state.activeSession == 1)
        #expect(AppState(sessions: [Fixture.ana], size: Fixture.small, now: Fixture.now, active: 5).activeSession == 0)
    }
}

/// Tabs of several places: the sign-in form says where (the current tab's place unless changed), one domain at two
/// places is two sessions, and the tabs name their place when they come from more than one.
@Suite struct SessionPlaceTests {
    static let file = "/home/ana/.local/share/careportal/portal.sqlite3"
    static let server = "https://team.example:8750"

    static func ana(at location: String) -> SessionInfo {
        var session = Fixture.ana
        session.location = location
        return session
    }

    @Test func theFirstSignInGoesWhereTheAppWasOpenedAndWhereCanBeChanged() {
        var state = AppState(sessions: [], size: Fixture.small, now: Fixture.now, home: Self.file)
        #expect(state.form(SignInForm.self)?.location.text == Self.file)
        #expect(state.screenLines().contains { $0.contains("Where     \(Self.file)") }, "\(state.screenLines().joined(separator: "\n"))")
        state.type("ana@reseller-one.example")
        state.press(.tab)
        state.type("hunter22")
        state.press(.tab)
        #expect(state.form(SignInForm.self)?.focus == .location)
        #expect(state.screenLines().contains { $0.contains("A server's address (https://…) or a database file.") })
        state.press(.ctrl("u"))
        state.type(" \(Self.server)/ ")
        let signIn = state.press(.enter)
        #expect(signIn == [.signIn(request: state.lastRequest, email: "ana@reseller-one.example", password: "hunter22", location: Self.server)])
        state.answer(signIn, .failed("server \(Self.server): connection refused"))
        #expect(state.form(SignInForm.self)?.location.text == " \(Self.server)/ ", "what was typed stays")
    }

    @Test func signingInToAnotherDomainStartsAtTheActiveTabsPlace() {
        var state = Fixture.myCases(sessions: [Self.ana(at: Self.file), { var b = Fixture.ben; b.location = Self.server; return b }()])
        state.press(.char("]"))  // the server's tab
        #expect(state.active == 1)
        state.press(.char("S"), .char("s"))
        #expect(state.form(SignInForm.self)?.location.text == Self.server)
    }

    @Test func theSameDomainAtAnotherPlaceIsAnotherSessionWithoutAQuestion() {
        var state = Fixture.myCases(size: Size(width: 140, height: 30), sessions: [Self.ana(at: Self.file)])
        state.press(.char("S"), .char("s"))
        state.type("ana@reseller-one.example")
        state.press(.tab)
        state.type("hunter22")
        state.press(.tab, .ctrl("u"))
        state.type(Self.server)
        let signIn = state.press(.enter)
        #expect(signIn == [.signIn(request: state.lastRequest, email: "ana@reseller-one.example", password: "hunter22", location: Self.server)])
        var there = Self.ana(at: Self.server)
        there.user.domainID = 10 + 1 << 40
        let effects = state.answer(signIn, .signedIn(there))
        #expect(!effects.contains(.replaceSession(session: 0)))
        #expect(state.sessions.map(\.location) == [Self.file, Self.server])
        // Tabs from two places name their place; the sessions list says where each is.
        let top = state.screenLines()[0]
        #expect(top.contains(" reseller-one.example   reseller-one.example · team.example:8750 "), "\(top)")
        // All domains marks the server's rows with its place: the two domains share a name.
        let merged = state.press(.char("3"))
        let pair = [Fixture.row(1, domainID: there.user.domainID), Fixture.row(2)]
        state.answer(merged.first, .cases(CasePage(rows: pair, hasMore: false)))
        let rows = state.screenLines().filter { line in pair.contains { line.contains("\($0.number) ") } }
        #expect(rows.count == 2 && rows[0].contains(" team/reseller-o") && rows[1].contains(" reseller-one ")
                && !rows[1].contains("/"), "\(rows)")
        state.press(.char("S"))
        #expect(state.screenLines().contains { $0.contains("<ana@reseller-one.example>  on team.example:8750") })
    }

    @Test func tabsOfOnePlaceDontNameIt() {
        let state = Fixture.myCases(sessions: [Self.ana(at: Self.file), { var b = Fixture.ben; b.location = Self.file; return b }()])
        #expect(!state.screenLines()[0].contains("portal.sqlite3"))
    }

    @Test func tabsThatDontFitShareTheRow() {
        var sessions = (0..<4).map { i in
            var s = Self.ana(at: "https://server-\(i).example")
            s.user.domainID += Int64(i) << 40
            return s
        }
        sessions[0].location = Self.file
        let state = Fixture.myCases(sessions: sessions)
        let top = state.screenLines()[0]
        #expect(top.displayWidth <= Fixture.small.width)
        #expect(top.components(separatedBy: "reseller-on").count == 5, "every tab keeps its domain's start: \(top)")
    }
}
