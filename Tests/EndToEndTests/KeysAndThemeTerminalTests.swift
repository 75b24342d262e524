import Foundation
import Testing

/// `[keys]` and `[theme]` in the real app: a moved key acts and the status line names it, a conflict is said at start
/// with its line, the cursor bar takes the theme's colour; `careportal keys` and `careportal theme` list the same.
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct KeysAndThemeTerminalTests {
    static let alice = "alice@cloudpartners.example"

    @Test func aMovedKeyActsAConflictIsSaidAndTheThemeColoursTheCursorBar() throws {
        let (b, _) = try CommandLineTests.demo(cases: 80)
        let folder = b.home.appendingPathComponent("config/careportal")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
        # mine
        [keys]
        filter = "f"
        help = "h"
        [theme]
        cursor-bg = "160"
        """.write(to: folder.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)

        let t = try TerminalAppTests.open(b, as: Self.alice)
        var screen = try t.waitFor(until: "the list, and the conflict said at start") { s in
            TerminalAppTests.caseRows(s).count > 10 && s.contains("~/config/careportal/config.toml: line 4: keys.help: h is also sharing's key")
        }
        try t.send("r")  // a key clears the message: the hints show again
        screen = try t.waitFor(until: "the status line's hints") { $0.contains("f filter") && $0.contains("? help") }
        #expect(!screen.contains("/ filter"), "\(screen)")
        let coloured = try t.tmux(["capture-pane", "-p", "-e", "-t", t.name])
        #expect(coloured.contains("48;5;160m") && !coloured.contains("48;5;24m"), "the cursor bar is the theme's colour 160")

        try t.send("f")
        try t.send("sev:p1", literal: true)
        try t.send("Enter")
        screen = try t.waitFor(until: "only P1 rows under the filter") { s in
            let rows = TerminalAppTests.caseRows(s)
            return s.contains("Filter sev:p1") && !rows.isEmpty && rows.allSatisfy { $0.contains(" P1 ") }
        }
        #expect(screen.contains("f edit"), "the filter bar names its key")
        try t.send("/")
        try t.waitFor("/ (search the case's description and history; then n / N: next / previous match, Esc: clear): no case is open")

        let keys = try b.run(["keys", "--json"])
        #expect(keys.status == 2 && keys.stderr.contains("line 4: keys.help: h is also sharing's key"), "\(keys.stderr)")
        let tables = try JSONSerialization.jsonObject(with: Data(keys.stdout.utf8)) as! [[String: Any]]
        let main = try #require(tables.first { $0["table"] as? String == "" })
        let entries = main["entries"] as! [[String: Any]]
        #expect(entries.first { $0["name"] as? String == "filter" }?["keys"] as? [String] == ["f"])
        #expect(entries.first { $0["name"] as? String == "help" }?["keys"] as? [String] == ["?"])
        #expect(tables.contains { $0["table"] as? String == "confirm" })

        let theme = try b.json(["theme", "--json"]) as! [[String: Any]]
        #expect(theme.first { $0["name"] as? String == "cursor-bg" }?["color"] as? String == "160")
        #expect(theme.first { $0["name"] as? String == "muted" }?["eightColors"] as? String == "default")
    }
}
