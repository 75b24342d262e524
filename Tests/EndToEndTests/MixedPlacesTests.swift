import Foundation
import Testing

/// Tabs of a local database file and of a `careportal serve` in one app. Both databases are demos, so both have a
/// cloudpartners.example whose domain ID is the same number: the app must keep them apart (which tab a row opens in,
/// where a message goes), merge them in All domains, and reopen with both tabs.
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct MixedPlacesTests {
    @Test func aFileAndAServerInOneAppEachCaseActedOnWhereItLives() throws {
        let alice = TeamServerTests.alice
        let (local, report) = try CommandLineTests.demo(cases: 60)  // Alice and Carol signed in to the file
        let (_, server, pw) = try TeamServerTests.demo()
        let url = server.base.absoluteString.hasSuffix("/") ? String(server.base.absoluteString.dropLast()) : server.base.absoluteString
        let host = try #require(server.base.host).appending(":\(try #require(server.base.port))")
        let token = try server.signIn(alice, pw[alice]!)
        let serverFirst = try #require((try server.request("GET", "/v1/cases?limit=1", token: token).object["rows"] as? [[String: Any]])?.first)
        let number = try #require(serverFirst["number"] as? Int)
        _ = report

        let t = try TerminalAppTests.open(local, as: alice)
        try t.waitFor(until: "Alice's My Cases on the file") { $0.contains("My Cases") && TerminalAppTests.caseRows($0).count > 5 }
        try t.send("S")
        try t.waitFor("Sign in to another domain…")
        try t.send("s")
        try t.waitFor(until: "the sign-in form, where: the file (its path's end)") { $0.contains("/portal.sqlite3  │") && $0.contains("Where") }
        try t.send(alice, literal: true)
        try t.send("Tab")
        try t.send(pw[alice]!, literal: true)
        try t.send("Tab")
        try t.send("C-u")
        try t.send(url, literal: true)
        try t.send("Enter")
        // The same domain at two places: two tabs, the server's naming its place; it shows the server's cases.
        var screen = try t.waitFor(until: "the server's tab on the server's My Cases, \(number) first") {
            $0.contains("cloudpartners.example · \(host)") && TerminalAppTests.caseRows($0).first?.contains(" \(number) ") == true
        }
        let top = screen.split(separator: "\n").first.map(String.init) ?? ""
        // The file's tabs (the app's own place) go unmarked.
        #expect(top.contains(" cloudpartners.example   skyline-it.example   cloudpartners.example · \(host) "), "\(top)")

        // A message on the server's case goes to the server, not to the file's case of the same number (if any).
        try t.send("Enter")
        // The case's history on screen: its detail has arrived from the server (a key before that finds nothing to act on).
        try t.waitFor(until: "case \(number) open with its history") { $0.contains("Case \(number)") && $0.contains("History · ") }
        try t.send("m")
        try t.waitFor("Message support · case \(number)")
        let text = "Sent from the server tab of a mixed app"
        try t.send(text, literal: true)
        try t.send("C-s")
        try t.waitFor(until: "the message in the history") { !$0.contains("Message support ·") && $0.contains(text) }
        let detail = try server.request("GET", "/v1/cases/\(number)", token: token).object
        #expect("\(detail["history"] ?? "")".contains(text), "the server's case has the message")
        let onFile = try local.run(["case", "show", String(number), "--json", "--as", alice])
        #expect(!onFile.stdout.contains(text), "the file's case of the same number has no such message")

        // All domains merges the file's two domains and the server's one.
        try t.send("Escape")
        try t.send("3")
        // The server's rows say where they are: both places have a cloudpartners.example.
        let hostOnly = try #require(server.base.host)
        screen = try t.waitFor(until: "All domains with rows of both places") {
            let rows = TerminalAppTests.caseRows($0)
            return $0.contains("All domains  3 signed-in domains") && rows.contains { $0.contains(" \(number) ") && $0.contains(" \(hostOnly)/cloud") }
                && rows.contains { $0.contains(" \(number) ") && $0.contains(" cloudpartners ") } && rows.contains { $0.contains(" skyline-it ") }
        }

        // Ctrl-C and open again on the file: all three tabs come back, the server's among them.
        try t.send("C-c")
        let again = try TerminalAppTests.open(local, as: nil)
        screen = try again.waitFor(until: "the three tabs again") {
            let top = $0.split(separator: "\n").first.map(String.init) ?? ""
            return top.contains(" cloudpartners.example   skyline-it.example   cloudpartners.example · \(host) ")
        }
        try again.send("C-c")

        // With the server gone, the app opens with the file's tabs and says which were left out, and why.
        server.stop()
        let without = try TerminalAppTests.open(local, as: alice)
        screen = try without.waitFor(until: "the file's tabs and a word about the server's") {
            $0.contains("Tabs left out (kept for next time): server: can't reach \(url): connection refused") && TerminalAppTests.caseRows($0).count > 5
        }
        #expect(!screen.contains(host + " "), "\(screen)")
        try without.send("C-c")
        let sessions = try local.run(["sessions", "--server", url, "--json"])
        #expect(sessions.stdout.contains(alice), "the server's session is kept on disk: \(sessions.stdout) \(sessions.stderr)")
    }
}
