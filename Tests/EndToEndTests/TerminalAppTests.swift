import Foundation
import Testing

/// Without tmux the tests below are skipped, saying why; where CI is set, this fails the run instead.
@Test func tmuxIsOnPathWhereCIIsSet() throws {
    if Tmux.required && !Tmux.available { throw Tmux.Missing() }
}

/// The real full-screen app in tmux on a demo database, driven by keys and read back from the pane.
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct TerminalAppTests {
    static func start(width: Int = 120, height: Int = 40) throws -> (Binary, Tmux) {
        let (b, _) = try CommandLineTests.demo(cases: 400)
        return (b, try open(b, as: "alice@cloudpartners.example", width: width, height: height))
    }

    /// The app on `b`'s database and home, signed in as `user` (nil: the sign-in screen); `environment` is added.
    static func open(_ b: Binary, as user: String?, environment: String = "", width: Int = 120, height: Int = 40) throws -> Tmux {
        let env = "env TERM=xterm-256color LANG=C.UTF-8 HOME=\(b.home.path) XDG_STATE_HOME=\(b.home.path)/state XDG_CONFIG_HOME=\(b.home.path)/config \(environment)"
        return try Tmux(command: "\(env) \(Binary.path) --db \(b.db)\(user.map { " --as \($0)" } ?? "")", width: width, height: height)
    }

    /// The rows of a case list on screen, the margin's ● (unread) or ▶ (marked) blanked.
    static func caseRows(_ screen: String) -> [String] {
        screen.split(separator: "\n").map { line in
            "●▶>N".contains(line.first ?? " ") && line.dropFirst().first?.isNumber == true ? " " + line.dropFirst() : String(line)
        }.filter { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            return t.count > 9 && t.prefix(8).allSatisfy(\.isNumber) && t.dropFirst(8).first == " "
        }
    }

    @Test func filterOpenHelpAndResize() throws {
        let (_, t) = try Self.start()
        var screen = try t.waitFor(until: "more than 20 case rows") { Self.caseRows($0).count > 20 }
        #expect(screen.contains("My Cases") && screen.contains("as Alice Moreau <alice@cloudpartners.example>"), "\(screen)")
        #expect(Self.caseRows(screen).count > 20, "\(screen)")

        try t.send("/")
        try t.send("sev:p1", literal: true)
        try t.send("Enter")
        screen = try t.waitFor(until: "only P1 rows under the filter sev:p1") { s in
            let rows = Self.caseRows(s)
            return s.contains("Filter sev:p1") && !s.contains("loading…") && !rows.isEmpty && rows.allSatisfy { $0.contains(" P1 ") }
        }
        // Enter opens the case under the cursor, which need not be the first row: the filter is applied while it is
        // typed, and the cursor stays on its row when its case drops out of an intermediate result.
        let first = try #require(try t.cursorCase(), "no cursor row: \(screen)")

        try t.send("Enter")
        screen = try t.waitFor(until: "case \(first)") { $0.contains("History") && $0.contains("Case \(first)") }
        #expect(screen.contains("Case \(first)"), "\(screen)")
        #expect(screen.contains("P1"), "\(screen)")

        try t.send("?")
        screen = try t.waitFor(until: "the case screen's help") { $0.contains("Keys · Case") && $0.contains("close case") }
        #expect(screen.contains("message support") && screen.contains("close case"), "\(screen)")
        try t.send("Escape")
        try t.waitFor(until: "case \(first) without the help") {
            !$0.contains("Keys · Case") && $0.contains("History") && $0.contains("Case \(first)")
        }

        try t.resize(width: 50, height: 12)
        // tmux may pass through an intermediate size (50×40, 120×12): wait for the final one.
        screen = try t.waitFor(until: "the too-small notice at 50×12") { $0.contains("Terminal too small") && $0.contains("50×12") }
        #expect(screen.contains("50×12"), "\(screen)")
        try t.resize(width: 120, height: 40)
        screen = try t.waitFor(until: "case \(first) at 120×40") {
            $0.contains("History") && $0.contains("Case \(first)") && !$0.contains("Terminal too small")
        }
        #expect(screen.contains("Case \(first)") && !screen.contains("Terminal too small"), "\(screen)")

        // Back to the filtered list, then quit.
        try t.send("q")
        screen = try t.waitFor(until: "the list filtered by sev:p1") {
            !$0.contains("History") && $0.contains("Filter sev:p1") && !Self.caseRows($0).isEmpty
        }
        #expect(!Self.caseRows(screen).isEmpty && Self.caseRows(screen).allSatisfy { $0.contains(" P1 ") }, "\(screen)")
    }

    /// `G` goes to the last row of My Cases at once (a reverse keyset read from the list's end): the oldest case, with
    /// a position that ends at the total; moving up from there reads the pages before it, and `g` goes back to the top.
    @Test func bottomShowsTheOldestCaseAtOnceThenUpAndTop() throws {
        let (b, _) = try CommandLineTests.demo(cases: 1_500)
        let alice = try CommandLineTests.numbers(b, as: "alice@cloudpartners.example")  // newest first, as the list
        let total = alice.count
        #expect(total > 400, "\(total) cases: several pages of 72")
        let t = try Self.open(b, as: "alice@cloudpartners.example")
        func grouped(_ n: Int) -> String {
            let digits = Array(String(n))
            return String(digits.enumerated().flatMap { i, d in i > 0 && (digits.count - i) % 3 == 0 ? [",", d] : [d] })
        }
        // 35 rows on screen at 120×40: the tab bar, the title, the saved views' sections, the column headers and the status line
        // take the other five.
        let rows = 35
        func position(_ first: Int) -> String { "\(grouped(first))–\(grouped(first + rows - 1)) of \(grouped(total)) ·" }

        try t.waitFor(position(1))  // counted
        try t.send("G")
        var screen = try t.waitFor(until: "the oldest case, \(alice.last!), at the end of \(position(total - rows + 1))") {
            $0.contains(position(total - rows + 1)) && Self.caseRows($0).last?.contains(String(alice.last!)) == true
        }
        #expect(try t.cursorCase() == String(alice.last!), "\(screen)")

        // Up to the top of the screen (the last page's first rows still loaded, nothing read), then eight rows at a time:
        // past the 72 rows of the last page, the pages before it are read as the cursor nears the top of what is
        // loaded. The position and the case under the cursor stay right all the way.
        try t.send(String(repeating: "k", count: rows - 1), literal: true)
        screen = try t.waitFor(until: "the cursor on the top row, \(alice[total - rows])") {
            $0.contains(position(total - rows + 1)) && (try? t.cursorCase()) == String(alice[total - rows])
        }
        var top = total - rows + 1
        for _ in 0..<18 {
            try t.send(String(repeating: "k", count: 8), literal: true)
            top -= 8
            let expected = top
            screen = try t.waitFor(until: "rows from \(expected) on, the cursor on \(alice[expected - 1])") {
                $0.contains(position(expected)) && Self.caseRows($0).first?.contains(String(alice[expected - 1])) == true
            }
        }
        #expect(top < total - 2 * rows - rows, "read two pages back from the end")
        #expect(try t.cursorCase() == String(alice[top - 1]), "\(screen)")

        try t.send("g")
        screen = try t.waitFor(until: "the newest case at the top of \(position(1))") {
            $0.contains(position(1)) && Self.caseRows($0).first?.contains(String(alice[0])) == true
        }
        #expect(try t.cursorCase() == String(alice[0]), "\(screen)")
    }

    @Test func customersAndTabsKeepTheirOwnState() throws {
        let (_, t) = try Self.start()
        try t.waitFor(until: "more than 10 case rows") { Self.caseRows($0).count > 10 }
        try t.send("2")
        var screen = try t.waitFor(until: "My Customers") {
            $0.contains("My Customers") && $0.contains("Harbor Health Clinics") && $0.contains("not granted")
        }
        #expect(screen.contains("not granted"), "\(screen)")
        #expect(screen.contains("株式会社さくら商事") == false, "a customer of another domain is listed: \(screen)")
        try t.send("1")
        try t.waitFor(until: "My Cases with its rows") { $0.contains("My Cases") && Self.caseRows($0).count > 10 }
        try t.send("/")
        try t.send("is:open", literal: true)
        try t.send("Enter")
        try t.waitFor(until: "open cases only under the filter is:open") { s in
            s.contains("Filter is:open") && !Self.caseRows(s).isEmpty && !Self.caseRows(s).contains { $0.contains("Closed") }
        }
        try t.send("j")
        try t.send("j")
        try t.send("]")
        // The second tab has its own, empty, filter: no filter line, and its closed cases are listed.
        screen = try t.waitFor(until: "Carol's case rows") { $0.contains("as Carol Nguyen") && Self.caseRows($0).count > 10 }
        #expect(!screen.contains("Filter "), "\(screen)")
        #expect(Self.caseRows(screen).contains { $0.contains("Closed") }, "\(screen)")
        try t.send("[")
        // The first tab kept its filter.
        try t.waitFor(until: "Alice's open cases under the filter is:open") { s in
            s.contains("as Alice Moreau") && s.contains("Filter is:open")
                && !Self.caseRows(s).isEmpty && !Self.caseRows(s).contains { $0.contains("Closed") }
        }
    }
}

/// Sign-in in the full-screen app, and the session file it leaves behind.
extension TerminalAppTests {
/// Nested in TerminalAppTests so that every tmux test runs one at a time.
@Suite struct SignIn {
    @Test func signInFromTheAppThenASecondDomainKeepsEachTabsCursor() throws {
        let b = try Binary()
        let report = try b.json(["demo", "--cases", "200", "--seed", "3", "--json"]) as! [String: Any]
        let users = (report["domains"] as! [[String: Any]]).flatMap { $0["users"] as! [[String: Any]] }
        func password(_ email: String) -> String { users.first { $0["email"] as? String == email }!["password"] as! String }
        let t = try TerminalAppTests.open(b, as: nil)

        try t.waitFor("Sign in with your reseller account.")
        // A wrong password is refused with the same words as an unknown user, and the password never shows.
        try t.send("alice@cloudpartners.example", literal: true)
        try t.send("Tab")
        try t.send("not-the-password", literal: true)
        try t.send("Enter")
        var screen = try t.waitFor("Wrong email or password.")
        #expect(!screen.contains("not-the-password"), "\(screen)")
        // The licence-less agent gets the seed's answer.
        try t.send("BTab")
        try t.send("C-u")
        try t.send("bruno@cloudpartners.example", literal: true)
        try t.send("Tab")
        try t.send("C-u")
        try t.send(password("bruno@cloudpartners.example"), literal: true)
        try t.send("Enter")
        try t.waitFor("You don't have access to the Customer Care Portal")
        try t.send("BTab")
        try t.send("C-u")
        try t.send("alice@cloudpartners.example", literal: true)
        try t.send("Tab")
        try t.send("C-u")
        try t.send(password("alice@cloudpartners.example"), literal: true)
        try t.send("Enter")
        screen = try t.waitFor(until: "more than 10 case rows") { TerminalAppTests.caseRows($0).count > 10 }
        #expect(screen.contains("as Alice Moreau <alice@cloudpartners.example>"), "\(screen)")

        // The session file holds the token, readable by its owner only.
        let sessions = b.home.appendingPathComponent("state/careportal/sessions.json").path
        let mode = (try FileManager.default.attributesOfItem(atPath: sessions)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)

        // Move the cursor, sign in to a second domain from the session switcher, come back: the cursor stayed.
        let first = try t.cursorCase()
        for _ in 0..<3 { try t.send("j") }
        let before = try t.waitFor(until: "the cursor on the fourth row") { s in
            guard let c = try? t.cursorCase(), c != first else { return false }
            return TerminalAppTests.caseRows(s).firstIndex { $0.contains(c) } == 3
        }
        let cursor = try t.cursorCase()
        #expect(cursor != nil && cursor != first)
        #expect(TerminalAppTests.caseRows(before).firstIndex { $0.contains(cursor ?? "-") } == 3)
        try t.send("S")
        try t.waitFor(until: "the session switcher") { $0.contains("Sessions") && $0.contains("Sign in to another domain") }
        try t.send("s")
        try t.waitFor("Sign in with your reseller account.")
        try t.send("carol@skyline-it.example", literal: true)
        try t.send("Tab")
        try t.send(password("carol@skyline-it.example"), literal: true)
        try t.send("Enter")
        try t.waitFor(until: "Carol's case rows") {
            $0.contains("as Carol Nguyen <carol@skyline-it.example>") && TerminalAppTests.caseRows($0).count > 10
        }
        try t.send("[")
        // Alice's tab again: the same rows, the cursor on the same case.
        try t.waitFor(until: "Alice's rows as before, the cursor on \(cursor ?? "-")") { s in
            s.contains("as Alice Moreau") && TerminalAppTests.caseRows(s) == TerminalAppTests.caseRows(before)
                && (try? t.cursorCase()) == cursor
        }
    }
}

}

extension TerminalAppTests {
/// Updating a case from the keyboard, and a message draft surviving `kill -9`.
@Suite struct CaseActions {
    static func history(_ b: Binary, _ number: String) throws -> [[String: Any]] {
        let detail = try b.json(["case", "show", number, "--as", "alice@cloudpartners.example", "--json"]) as! [String: Any]
        return detail["history"] as! [[String: Any]]
    }

    /// The case screen's title line: "Case 12345678  Title … In progress · P1".
    static func titleLine(_ screen: String, _ number: String) -> String {
        screen.split(separator: "\n").first { $0.contains("Case \(number)  ") }.map(String.init) ?? ""
    }

    @Test func messageSeverityCloseAndReopenFromTheKeyboard() throws {
        let (b, t) = try TerminalAppTests.start()
        try t.waitFor(until: "more than 10 case rows") { TerminalAppTests.caseRows($0).count > 10 }
        // An open case of a customer that granted access, not P1 yet: changing it to P1 must change something.
        try t.send("/")
        try t.send("is:open -customer:harbor -sev:p1", literal: true)
        try t.send("Enter")
        let screen = try t.waitFor(until: "open, non-P1 rows under the filter") { s in
            let rows = TerminalAppTests.caseRows(s)
            return s.contains("Filter is:open -customer:harbor -sev:p1") && !s.contains("loading…") && !rows.isEmpty
                && !rows.contains { $0.contains("Closed") || $0.contains(" P1 ") }
        }
        let number = try #require(try t.cursorCase(), "no cursor row: \(screen)")  // not necessarily the first row
        try t.send("Enter")
        try t.waitFor(until: "case \(number)") { $0.contains("Case \(number)") && $0.contains("History") }

        try t.send("m")
        try t.waitFor("Message support · case \(number)")
        try t.send("The customer still sees the error.", literal: true)
        try t.send("C-s")
        try t.waitFor(until: "the message sent and case \(number) reloaded") {
            $0.contains("Message sent.") && !$0.contains("Message support ·") && !$0.contains("loading…")
        }
        try t.send("p")
        let dialog = try t.waitFor("Change severity · case \(number)")
        let was = try #require(dialog.firstMatch(of: /Now (P[1-4] [a-z]+)\./).map { String($0.1) }, "\(dialog)")
        try #require(!was.hasPrefix("P1"), "the filter -sev:p1 let a P1 case through: \(dialog)")
        for _ in 0..<3 { try t.send("k") }  // up from P2, P3 or P4 to P1 (the cursor stops at the top)
        try t.send("Enter")
        let changed = try t.waitFor(until: "the severity changed to P1 and case \(number) reloaded") {
            $0.contains("Severity changed to P1 critical.") && !$0.contains("loading…")
                && Self.titleLine($0, number).hasSuffix(" · P1")
        }
        #expect(changed.contains(/Severity +P1 critical/), "\(changed)")
        try t.send("x")
        try t.waitFor("Close case \(number)? y/n")
        try t.send("y")
        try t.waitFor(until: "case \(number) closed") {
            $0.contains("Case \(number) closed.") && !$0.contains("loading…") && Self.titleLine($0, number).hasSuffix("Closed · P1")
        }
        try t.send("O")
        try t.waitFor("30 days left to reopen. y/n")
        try t.send("y")
        try t.waitFor(until: "case \(number) reopened") {
            $0.contains("Case \(number) reopened.") && !$0.contains("loading…") && Self.titleLine($0, number).hasSuffix("In progress · P1")
        }

        let history = try Self.history(b, number)
        let texts = history.map { $0["text"] as! String }
        #expect(texts.contains("The customer still sees the error."))
        #expect(history.suffix(3).map { $0["kind"] as! String } == ["severity-change", "status-change", "status-change"])
        #expect(Array(texts.suffix(3)).first == "Severity changed from \(was) to P1 critical", "\(texts.suffix(3))")
        #expect(texts.last == "Reopened: Closed → In progress", "\(texts.suffix(3))")
        #expect(texts.filter { $0.hasPrefix("Reopened") }.count == 1)
    }

    @Test func escalateAndShareAPremiumCustomersCase() throws {
        let (b, t) = try TerminalAppTests.start()
        try t.waitFor(until: "more than 10 case rows") { TerminalAppTests.caseRows($0).count > 10 }
        try t.send("/")
        try t.send("customer:acme is:open -is:escalated", literal: true)
        try t.send("Enter")
        let screen = try t.waitFor(until: "Acme's rows under the filter") { s in
            let rows = TerminalAppTests.caseRows(s)
            return s.contains("Filter customer:acme is:open -is:escalated") && !s.contains("loading…")
                && !rows.isEmpty && rows.allSatisfy { $0.contains("Acme Logistics") }
        }
        let number = try #require(try t.cursorCase(), "no cursor row: \(screen)")  // not necessarily the first row
        try t.send("Enter")
        try t.waitFor(until: "case \(number)") { $0.contains("Case \(number)") && $0.contains("History") }

        try t.send("e")
        try t.waitFor("Escalate · case \(number)")
        try t.send("Enter")  // from the reasons (Resolution time first) to the justification
        try t.send("Payroll runs tomorrow; every user is affected.", literal: true)
        try t.send("C-s")
        try t.waitFor(until: "case \(number) escalated and reloaded") {
            $0.contains("Case \(number) escalated.") && CaseActions.titleLine($0, number).contains("⚑ escalated") && !$0.contains("loading…")
        }
        try t.send("h")
        try t.waitFor("Case sharing · case \(number)")
        try t.send("it@acme-logistics.example", literal: true)
        try t.send("Enter")
        try t.send("C-s")
        // The reloaded case opens at its end, on the new event; its top shows the address: it is stored.
        try t.waitFor(until: "the sharing saved, its event in view") {
            $0.contains("Sharing updated.") && $0.contains("Shared with it@acme-logistics.example") && !$0.contains("loading…")
        }
        try t.send("g")
        try t.waitFor(until: "the address in the case's sharing row") { $0.contains(/Sharing +it@acme-logistics\.example/) }

        let detail = try b.json(["case", "show", number, "--as", "alice@cloudpartners.example", "--json"]) as! [String: Any]
        #expect(detail["escalated"] as? Bool == true)
        #expect(detail["sharing"] as? [String] == ["it@acme-logistics.example"])
        let texts = (detail["history"] as! [[String: Any]]).map { $0["text"] as! String }
        #expect(texts.contains("Escalated (Resolution time): Payroll runs tomorrow; every user is affected."))
    }

    @Test func aMessageDraftSurvivesKill9() throws {
        let (b, t) = try TerminalAppTests.start()
        try t.waitFor(until: "more than 10 case rows") { TerminalAppTests.caseRows($0).count > 10 }
        try t.send("Enter")
        var screen = try t.waitFor("History")
        let number = String(screen.split(separator: "\n").first { $0.contains("Case ") }!
            .split(separator: " ").first { $0.count == 8 && $0.allSatisfy(\.isNumber) }!)
        try t.send("m")
        try t.waitFor("Message support · case \(number)")
        try t.send("Half-written note about the MX records", literal: true)
        // Drafts are saved about once a second while typing; once it is stored, the process is killed outright.
        let deadline = Date().addingTimeInterval(20)
        var stored = false
        while !stored && Date() < deadline {
            let drafts = try b.json(["drafts", "--as", "alice@cloudpartners.example", "--json"]) as! [[String: Any]]
            stored = drafts.contains { $0["form"] as? String == "message \(number)" && ($0["content"] as? String)?.contains("MX records") == true }
            if !stored { Thread.sleep(forTimeInterval: 0.2) }
        }
        try #require(stored, "the draft of the message on case \(number) was not saved within 20 s")
        let pid = try t.tmux(["display-message", "-p", "-t", t.name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let kill = Process()
        kill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        kill.arguments = ["-9", "-P", pid]
        try kill.run(); kill.waitUntilExit()
        _ = try? t.tmux(["kill-server"], capture: false)

        let again = try TerminalAppTests.open(b, as: "alice@cloudpartners.example")
        try again.waitFor(until: "more than 10 case rows") { TerminalAppTests.caseRows($0).count > 10 }
        try again.send("Enter")
        try again.waitFor(until: "case \(number)") { $0.contains("Case \(number)") && $0.contains("History") }
        try again.send("m")
        screen = try again.waitFor("Half-written note about the MX records")
        #expect(screen.contains("Message support · case \(number)"), "\(screen)")
    }
}
}

extension TerminalAppTests {
/// Filing a case through the whole wizard, with an attachment and the description written in $EDITOR.
@Suite struct Wizard {
    @Test func fileACaseThroughTheWizardThenFindItFromTheCommandLine() throws {
        let (b, _) = try CommandLineTests.demo(cases: 400)
        let headers = Data((0..<3_000).map { UInt8($0 % 251) })
        try headers.write(to: b.home.appendingPathComponent("headers.txt"))
        let t = try TerminalAppTests.open(b, as: "alice@cloudpartners.example",
                                          environment: "EDITOR='sed -i s/^Answer:/Answer:_all_members_of_Sales/'")
        try t.waitFor(until: "more than 10 case rows") { TerminalAppTests.caseRows($0).count > 10 }

        try t.send("n")
        try t.waitFor(until: "the wizard's customer list") { $0.contains("New case · cloudpartners.example") && $0.contains("Pioneer Robotics") }
        try t.send("pioneer", literal: true)
        try t.send("Enter")
        try t.waitFor(until: "the product and title step for Pioneer Robotics") {
            $0.contains("✓ 1 Customer") && $0.contains("Product type") && $0.contains("For Pioneer Robotics (pioneer-robotics.example)")
        }
        try t.send("Shared drive members get access denied", literal: true)
        try t.send("Enter")
        try t.send("shared drive members access", literal: true)
        // The whole search typed, and the category first among its results (Enter picks the first).
        let category = "Drive and Docs > Shared drives > Members cannot access a shared drive"
        try t.waitFor(until: "\(category) first for the whole search") { s in
            let lines = s.split(separator: "\n")
            guard s.contains("✓ 2 Product and title"),
                  let search = lines.firstIndex(where: { $0.contains("Search shared drive members access") }),
                  search + 1 < lines.count else { return false }
            return lines[search + 1].contains(category)
        }
        try t.send("Enter")
        try t.waitFor(until: "the description step") { $0.contains("✓ 3 Category") && $0.contains("1. Which shared drive") }
        try t.send("C-e")
        try t.waitFor(until: "the answers written by $EDITOR") { $0.contains("✓ 4 Description") && $0.contains("Answer:_all_members_of_Sales") }
        try t.send("Tab")
        try t.waitFor(until: "the attachments step") { $0.contains("No files yet") && $0.contains("Tab completes, Enter adds") }
        try t.send("~/head", literal: true)
        try t.send("Tab")
        try t.waitFor("~/headers.txt")
        try t.send("Enter")
        try t.waitFor(until: "headers.txt attached") { $0.contains("1 file, 2.9 KiB") && $0.contains("✓ 5 Attachments") }
        try t.send("Tab")
        try t.waitFor(until: "the severity step") { $0.contains("Critical impact") && $0.contains("* P3 medium") }
        try t.send("2")
        try t.waitFor("* P2 high")
        try t.send("Enter")
        try t.send("Enter")  // language: the user's
        try t.waitFor(until: "the time zone field") { $0.contains("✓ 6 Severity") && $0.contains("Language  en English") && $0.contains("Time zone  UTC") }
        try t.send("paris", literal: true)
        try t.waitFor(until: "Europe/Paris found") { $0.contains("Search paris") && $0.contains("Europe/Paris") }
        try t.send("Enter")
        var screen = try t.waitFor(until: "the review") { $0.contains("Review") && $0.contains("Europe/Paris") && $0.contains("headers.txt") }
        #expect(screen.contains("Pioneer Robotics (pioneer-robotics.example)"), "\(screen)")
        try t.send("C-s")
        screen = try t.waitFor("filed. Share it with other addresses now")
        let number = try #require(screen.split(separator: " ").first { $0.count == 8 && $0.allSatisfy(\.isNumber) }.map(String.init))
        try t.send("Escape")
        try t.send("q")
        // The new case is on top of My Cases.
        screen = try t.waitFor(until: "case \(number) on top of My Cases") { TerminalAppTests.caseRows($0).first?.contains(number) == true }
        #expect(TerminalAppTests.caseRows(screen).first?.contains("Shared drive members get access denied") == true, "\(screen)")

        let rows = try b.json(["cases", "--as", "alice@cloudpartners.example", "--filter", "\"access denied\"", "--json"]) as! [[String: Any]]
        #expect(rows.map { "\($0["number"]!)" } == [number])
        let detail = try b.json(["case", "show", number, "--as", "alice@cloudpartners.example", "--json"]) as! [String: Any]
        #expect(detail["severity"] as? String == "P2")
        #expect(detail["timeZone"] as? String == "Europe/Paris")
        #expect(detail["category"] as? String == "Drive and Docs > Shared drives > Members cannot access a shared drive")
        #expect((detail["description"] as? String)?.contains("Answer:_all_members_of_Sales") == true)
        let attachments = detail["attachments"] as? [[String: Any]] ?? []
        #expect(attachments.map { $0["name"] as? String } == ["headers.txt"])
        #expect(attachments.first?["size"] as? Int == headers.count)
        // Filed: its draft is gone.
        let drafts = try b.json(["drafts", "--as", "alice@cloudpartners.example", "--json"]) as! [[String: Any]]
        #expect(!drafts.contains { ($0["form"] as? String)?.hasPrefix("new case") == true }, "\(drafts)")
    }
}
}


extension TerminalAppTests {
/// The super administrator's screen in the real app.
@Suite struct AdminScreen {
    @Test func aSuperAdministratorAssignsALicenceFromTheAdminScreen() throws {
        let (b, report) = try CommandLineTests.demo(cases: 200)
        let users = (report["domains"] as! [[String: Any]]).flatMap { $0["users"] as! [[String: Any]] }
        let password = users.first { $0["email"] as? String == "admin@cloudpartners.example" }!["password"] as! String
        #expect(try b.run(["login", "--user", "admin@cloudpartners.example", "--password-stdin"], stdin: password + "\n").status == 0)
        let t = try TerminalAppTests.open(b, as: "admin@cloudpartners.example")
        try t.waitFor(until: "more than 5 case rows") { TerminalAppTests.caseRows($0).count > 5 }
        try t.send("A")
        var screen = try t.waitFor(until: "the admin screen") { $0.contains("Admin · cloudpartners.example") && $0.contains("bruno@cloudpartners.example") }
        #expect(screen.contains("2 of 50 used"), "\(screen)")
        try t.send("j")
        try t.send("j")
        try t.send("l")
        try t.waitFor(until: "the question") { $0.contains("Assign a licence to bruno@cloudpartners.example?") && $0.contains("y/n") }
        try t.send("y")
        screen = try t.waitFor(until: "the licence assigned") {
            $0.contains("Licence assigned to bruno@cloudpartners.example.") && $0.contains("3 of 50 used")
        }
        #expect(screen.contains("3 of 50 used"), "\(screen)")
        let list = try b.json(["admin", "user", "list", "--as", "admin@cloudpartners.example", "--json"]) as! [String: Any]
        let bruno = (list["users"] as! [[String: Any]]).first { $0["email"] as? String == "bruno@cloudpartners.example" }
        #expect(bruno?["licensed"] as? Bool == true)
        // The agent's app refuses the screen with the Domain's words.
        let agent = try TerminalAppTests.open(b, as: "alice@cloudpartners.example")
        try agent.waitFor(until: "more than 5 case rows") { TerminalAppTests.caseRows($0).count > 5 }
        try agent.send("A")
        screen = try agent.waitFor("Only a super administrator can do this.")
        #expect(!screen.contains("Admin · cloudpartners.example"), "\(screen)")
    }
}
}
