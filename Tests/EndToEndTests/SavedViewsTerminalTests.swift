import Foundation
import Testing

/// Saved views in the real app and on the command line: the first start writes the default views, Tab applies one,
/// `s` saves the filter on screen into the config file, and `views` and `cases --view` read the same file.
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct SavedViewsTerminalTests {
    static let alice = "alice@cloudpartners.example"

    @Test func tabAppliesAViewAndSSavesOneTheCommandLineLists() throws {
        let (b, _) = try CommandLineTests.demo(cases: 120)
        let config = b.home.appendingPathComponent("config/careportal/config.toml").path
        let t = try TerminalAppTests.open(b, as: Self.alice)
        var screen = try t.waitFor(until: "the sections with their counts") { s in
            s.contains("Waiting on me ") && !s.contains("Waiting on me …") && TerminalAppTests.caseRows(s).count > 3
        }
        #expect(FileManager.default.fileExists(atPath: config), "the first start wrote the defaults")
        let mine = try b.json(["cases", "--as", Self.alice, "--json", "--filter", "waiting:you", "--sort", "waiting", "--limit", "3"]) as! [[String: Any]]
        let first = String(try #require(mine.first?["number"] as? Int))
        try t.send("Tab")
        try t.waitFor(until: "the first view applied, its first case on top") { s in
            s.contains("waiting, on you and longest first") && s.contains("Filter waiting:you")
                && TerminalAppTests.caseRows(s).first?.contains(first) == true
        }
        try t.send("/")
        try t.send("C-u")
        try t.send("sev:p1,p2 is:open", literal: true)
        try t.send("Enter")
        try t.waitFor("Filter sev:p1,p2 is:open")
        try t.send("s")
        try t.waitFor("Save as a view")
        try t.send("Urgent", literal: true)
        try t.send("Enter")
        screen = try t.waitFor("Saved the view \"Urgent\"")
        let text = try String(contentsOfFile: config, encoding: .utf8)
        #expect(text.contains("name = \"Urgent\"\nfilter = \"severity:p1,p2 is:open\"") && text.hasPrefix("# careportal's settings"))

        let views = try b.json(["views", "--as", Self.alice, "--json"]) as! [[String: Any]]
        #expect(views.map { $0["name"] as! String } == ["Waiting on me", "P1/P2 open", "Escalated", "Updated today", "Urgent"])
        for view in views {
            let name = view["name"] as! String
            let listed = try b.json(["cases", "--as", Self.alice, "--json", "--view", name]) as! [[String: Any]]
            #expect(listed.count == view["count"] as! Int, "\(name)")
        }
        // A file that doesn't read: said with its line, and the defaults apply.
        try "bell = tru\n".write(toFile: config, atomically: true, encoding: .utf8)
        let o = try b.run(["views", "--as", Self.alice])
        #expect(o.status == 0 && o.stderr.contains("line 1, column") && o.stdout.contains("Waiting on me"), "\(o.stderr)")
        let unknown = try b.run(["cases", "--as", Self.alice, "--view", "Urgent"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no view named \"Urgent\""), "\(unknown.stderr)")
    }
}
