import Foundation
import Testing

/// Unread in the real app: support answers a case from another process; the app shows the arrival, the row bold with
/// ● and the tab's count one higher; opening the case reads it; `u` makes it unread again, as the CLI then sees it.
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct UnreadTerminalTests {
    /// The tab's count of unread cases on the tab bar ("cloudpartners.example ●3"), 0 when it shows none.
    static func tabCount(_ screen: String) -> Int {
        guard let bar = screen.split(separator: "\n").first, let mark = bar.range(of: "cloudpartners.example ●") else { return 0 }
        return Int(bar[mark.upperBound...].prefix { $0.isNumber }) ?? 0
    }

    static func row(_ screen: String, _ number: String) -> Substring? {
        screen.split(separator: "\n").first { $0.dropFirst().hasPrefix(number + " ") }
    }

    @Test func aReplyFromSupportArrivesUnreadAndOpeningItReadsIt() throws {
        let (b, report) = try CommandLineTests.demo(cases: 120)
        let priya = try CommandLineTests.signInEngineer(b, report)
        let alice = "alice@cloudpartners.example"
        let read = (try b.json(["cases", "--as", alice, "--json", "--filter", "-is:unread is:open", "--limit", "5"]) as! [[String: Any]])
        let number = String(try #require(read.first?["number"] as? Int))
        let t = try TerminalAppTests.open(b, as: alice)
        var screen = try t.waitFor(until: "Alice's cases") { TerminalAppTests.caseRows($0).count > 5 }
        let before = Self.tabCount(screen)

        // Priya is signed in on this machine too (a tab of the app): her reply is unread for Alice, though no arrival
        // of someone else's.
        let o = try b.run(["support", "reply", number, "--message", "Please check the headers again.", "--status", "action-required"] + priya)
        #expect(o.status == 0, "\(o.stderr)")
        screen = try t.waitFor(until: "the reply unread on top, counted on the tab") { s in
            Self.row(s, number)?.hasPrefix("●") == true && Self.tabCount(s) == before + 1
        }
        #expect(TerminalAppTests.caseRows(screen).first?.contains(number) == true, "\(screen)")
        // A colleague signed in after the app started is someone else: the status line names the arrival.
        let users = (report["domains"] as! [[String: Any]])[0]["users"] as! [[String: Any]]
        let password = users.first { $0["email"] as? String == "admin@cloudpartners.example" }!["password"] as! String
        #expect(try b.run(["login", "--user", "admin@cloudpartners.example", "--password-stdin"], stdin: password + "\n").status == 0)
        let other = String(read[1]["number"] as! Int)
        #expect(try b.run(["case", "message", other, "--message", "Customer called again.", "--as", "admin@cloudpartners.example"]).status == 0)
        screen = try t.waitFor(until: "the colleague's message unread, and the arrival named") { s in
            Self.row(s, other)?.hasPrefix("●") == true && Self.tabCount(s) == before + 2 && s.contains("New: message on \(other) by ")
        }

        // Support's reply is the second row now: open it, then back: read, and counted one fewer.
        try t.send("g")
        try t.send("j")
        try t.send("Enter")
        try t.waitFor("Please check the headers again.")
        try t.send("q")
        screen = try t.waitFor(until: "the case read") { s in
            Self.row(s, number)?.hasPrefix(" ") == true && Self.tabCount(s) == before + 1
        }
        var cli = try b.json(["cases", "--as", alice, "--json", "--filter", "is:unread", "--limit", "200"]) as! [[String: Any]]
        #expect(!cli.contains { String($0["number"] as! Int) == number })

        // u: unread again, for the CLI too.
        try t.send("u")
        screen = try t.waitFor(until: "the case unread again") { s in
            Self.row(s, number)?.hasPrefix("●") == true && Self.tabCount(s) == before + 2 && s.contains("marked unread")
        }
        cli = try b.json(["cases", "--as", alice, "--json", "--filter", "is:unread", "--limit", "200"]) as! [[String: Any]]
        #expect(cli.first { String($0["number"] as! Int) == number }?["unread"] as? Bool == true)
    }
}
