import Foundation
import Testing

/// Four people, each in their own terminal on one `careportal serve`: two agents of one reseller domain, a support
/// engineer and a user of the customer. One case goes end to end (filed, answered by support, answered by the
/// customer, closed), and each screen shows the others' changes without a key pressed.
@Suite(.serialized) struct TeamTerminalsTests {
    /// The app of one account on the server, in its own home (its own sessions.json: one tab).
    static func app(_ server: Server, _ email: String, _ password: String, environment: String = "") throws -> Tmux {
        let home = try Binary()
        let login = try home.run(["login", "--user", email, "--password-stdin"], stdin: password + "\n", server: server.base)
        #expect(login.status == 0, "\(email): \(login.stderr)")
        let env = "env TERM=xterm-256color LANG=C.UTF-8 HOME=\(home.home.path) XDG_STATE_HOME=\(home.home.path)/state XDG_CONFIG_HOME=\(home.home.path)/config \(environment)"
        return try Tmux(command: "\(env) \(Binary.path) --server \(server.base.absoluteString) --as \(email)", width: 120, height: 40)
    }

    @Test func twoAgentsAnEngineerAndACustomerWorkOneCaseEndToEnd() throws {
        let (_, server, pw) = try TeamServerTests.demo()
        let title = "Calendar invites vanish for the whole team"
        let alice = try Self.app(server, TeamServerTests.alice, pw[TeamServerTests.alice]!,
                                 environment: "EDITOR='sed -i s/^Answer:/Answer:_since_Monday/'")
        let morgan = try Self.app(server, "admin@cloudpartners.example", pw["admin@cloudpartners.example"]!)
        let priya = try Self.app(server, TeamServerTests.priya, pw[TeamServerTests.priya]!)
        let kim = try Self.app(server, TeamServerTests.kim, pw[TeamServerTests.kim]!)
        try alice.waitFor(until: "Alice's My Cases") { $0.contains("My Cases") && TerminalAppTests.caseRows($0).count > 5 }
        try morgan.waitFor(until: "Morgan's My Cases") { $0.contains("My Cases") && TerminalAppTests.caseRows($0).count > 5 }
        try kim.waitFor(until: "Kim's Our cases") { $0.contains("Our cases") && TerminalAppTests.caseRows($0).count > 0 }
        try priya.waitFor(until: "Priya's Support queue") { $0.contains("Support queue") && TerminalAppTests.caseRows($0).count > 5 }
        // The engineer narrows the queue to the words of the case about to be filed: it appears there when it is.
        try priya.send("/")
        try priya.send("vanish", literal: true)
        try priya.send("Enter")
        try priya.waitFor(until: "an empty queue for the filter") { TerminalAppTests.caseRows($0).isEmpty && $0.contains("vanish") }

        // 1. Alice files the case through the wizard.
        try alice.send("n")
        try alice.waitFor(until: "the wizard's customer list") { $0.contains("New case · cloudpartners.example") }
        try alice.send("acme logistics", literal: true)
        try alice.send("Enter")
        try alice.waitFor(until: "the title step for Acme Logistics") { $0.contains("✓ 1 Customer") && $0.contains("For Acme Logistics") }
        try alice.send(title, literal: true)
        try alice.send("Enter")
        try alice.send("shared drive members access", literal: true)
        try alice.waitFor(until: "the category search") { $0.contains("✓ 2 Product and title") && $0.contains("Members cannot access a shared drive") }
        try alice.send("Enter")
        try alice.waitFor(until: "the description step") { $0.contains("✓ 3 Category") }
        try alice.send("C-e")
        try alice.waitFor(until: "the answers written by $EDITOR") { $0.contains("✓ 4 Description") && $0.contains("Answer:_since_Monday") }
        try alice.send("Tab")
        try alice.waitFor("No files yet")
        try alice.send("Tab")
        try alice.waitFor(until: "the severity step") { $0.contains("Critical impact") }
        try alice.send("Enter")
        try alice.send("Enter")  // language: the user's
        try alice.waitFor(until: "the time zone field") { $0.contains("Time zone  UTC") }
        try alice.send("paris", literal: true)
        try alice.waitFor("Europe/Paris")
        try alice.send("Enter")
        try alice.waitFor(until: "the review") { $0.contains("Review") && $0.contains(title) }
        try alice.send("C-s")
        let filed = try alice.waitFor("filed. Share it with other addresses now")
        let number = try #require(filed.split(separator: " ").first { $0.count == 8 && $0.allSatisfy(\.isNumber) }.map(String.init))
        try alice.send("Escape")

        // Everyone who may see it sees it, without a key: the colleague, the customer, the engineer's queue.
        try morgan.waitFor(until: "the new case on top of Morgan's My Cases") { TerminalAppTests.caseRows($0).first?.contains(number) == true }
        try kim.waitFor(until: "the new case on top of Our cases") { TerminalAppTests.caseRows($0).first?.contains(number) == true }
        try priya.waitFor(until: "the new case in the Support queue") { TerminalAppTests.caseRows($0).first?.contains(number) == true }

        // 2. Priya answers as support and asks the customer for something: the case waits on them.
        try priya.send("Enter")
        try priya.waitFor(until: "case \(number) open for Priya") { $0.contains(title) && $0.contains("Filed for Acme Logistics") }
        try priya.send("m")
        try priya.waitFor("Message support · case \(number)")
        try priya.send("Which calendar app do they use?", literal: true)
        try priya.send("C-s")
        try priya.waitFor(until: "Priya's reply in the history") { !$0.contains("Message support ·") && $0.contains("Which calendar app do they use?") }
        try priya.send("t")
        try priya.waitFor("Set status · case \(number)")
        try priya.send("j")  // in progress → action required (the cursor starts on the current status, New)
        try priya.send("j")
        try priya.send("Enter")
        try priya.waitFor(until: "the case waiting on the customer") { $0.contains("Action required") }
        try kim.waitFor(until: "support's reply noted on Kim's screen") { $0.contains("by Priya") || $0.contains("Action required") }
        try morgan.waitFor(until: "the status on Morgan's My Cases") { s in
            TerminalAppTests.caseRows(s).first { $0.contains(number) }?.contains("Action") == true
        }

        // 3. Kim answers from the customer's side: the case goes back to support. (A refresh keeps the cursor on the
        // case it was on, so the new case on top is one `g` away.)
        try kim.send("g")
        try kim.send("Enter")
        try kim.waitFor(until: "case \(number) open for Kim") { $0.contains("Which calendar app do they use?") }
        try kim.send("m")
        try kim.waitFor("Message support · case \(number)")
        try kim.send("Google Calendar on Android phones.", literal: true)
        try kim.send("C-s")
        try kim.waitFor(until: "Kim's answer in the history") { !$0.contains("Message support ·") && $0.contains("Google Calendar on Android phones.") }
        try alice.waitFor(until: "Kim's answer noted on Alice's screen") { $0.contains("by Kim Lee") || $0.contains("In progress") }
        try priya.waitFor(until: "Kim's answer on Priya's open case") { $0.contains("Google Calendar on Android phones.") }

        // 4. Alice closes it; the others see it closed, and it leaves the Support queue.
        try alice.send("q")
        try alice.waitFor(until: "the case on top of Alice's My Cases") { TerminalAppTests.caseRows($0).first?.contains(number) == true }
        try alice.send("g")
        try alice.send("Enter")
        try alice.waitFor(until: "case \(number) open for Alice") { $0.contains("Google Calendar on Android phones.") }
        try alice.send("x")
        try alice.waitFor("Close case \(number)? y/n")
        try alice.send("y")
        try alice.waitFor("Case \(number) closed.")
        try kim.waitFor(until: "the case closed on Kim's screen") { $0.contains("Closed") }
        try morgan.waitFor(until: "the case closed on Morgan's My Cases") { s in
            TerminalAppTests.caseRows(s).first { $0.contains(number) }?.contains("Closed") == true
        }
        try priya.send("q")
        try priya.waitFor(until: "the closed case gone from the Support queue") { s in
            s.contains("Support queue") && !TerminalAppTests.caseRows(s).contains { $0.contains(number) }
        }
    }
}
