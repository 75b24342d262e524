import Foundation
import Testing

/// First-use item 9: after a restart the first tab was active, not the last used. The app reopens on the tab it was
/// closed on, keeping the tabs' order.
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct LastTabTests {
    @Test func theAppReopensOnTheTabItWasClosedOn() throws {
        let (b, _) = try CommandLineTests.demo(cases: 100)
        var t = try TerminalAppTests.open(b, as: nil)
        try t.waitFor(until: "Alice's tab active") { $0.contains("as Alice Moreau") && TerminalAppTests.caseRows($0).count > 5 }
        try t.send("]")
        try t.waitFor(until: "Carol's tab active") { $0.contains("as Carol") }
        try t.send("q")
        try t.waitFor(until: "the app gone") { !$0.contains("careportal ") || $0.contains("$") }
        t = try TerminalAppTests.open(b, as: nil)
        let screen = try t.waitFor(until: "reopened on Carol's tab") { $0.contains("as Carol") && TerminalAppTests.caseRows($0).count > 5 }
        let bar = screen.split(separator: "\n").first.map(String.init) ?? ""
        #expect(bar.range(of: "cloudpartners.example")!.lowerBound < bar.range(of: "skyline-it.example")!.lowerBound,
                "the tabs keep their order: \(bar)")
    }
}

/// First-use item 19: each tab's filter and order survive a restart.
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct ListSettingsRestartTests {
    @Test func eachTabReopensWithItsFilterAndOrder() throws {
        let (b, _) = try CommandLineTests.demo(cases: 200)
        var t = try TerminalAppTests.open(b, as: "alice@cloudpartners.example")
        try t.waitFor(until: "Alice's cases") { $0.contains("as Alice Moreau") && TerminalAppTests.caseRows($0).count > 5 }
        try t.send("/")
        try t.send("is:open", literal: true)
        try t.send("Enter")
        try t.waitFor(until: "the filter applied") { $0.contains("Filter is:open") }
        try t.send("o")
        try t.waitFor("created, newest first")
        try t.send("I")
        try t.waitFor("created, oldest first")
        try t.send("]")  // Carol's tab keeps the usual list
        try t.waitFor(until: "Carol's tab active") { $0.contains("as Carol") && $0.contains("updated, newest first") }
        try t.send("[")
        try t.waitFor(until: "Alice's tab again") { $0.contains("as Alice Moreau") }
        try t.send("q")
        try t.waitFor(until: "the app gone") { !$0.contains("careportal ") || $0.contains("$") }
        let saved = String(decoding: FileManager.default.contents(atPath: b.home.appendingPathComponent("state/careportal/sessions.json").path) ?? Data(),
                           as: UTF8.self)
        #expect(saved.contains("\"filter\" : \"is:open\"") && saved.contains("\"sort\" : \"created\""), "\(saved)")

        t = try TerminalAppTests.open(b, as: nil)
        let screen = try t.waitFor(until: "Alice's list as it was") {
            $0.contains("as Alice Moreau") && $0.contains("Filter is:open") && $0.contains("created, oldest first")
                && TerminalAppTests.caseRows($0).count > 3
        }
        #expect(screen.contains("Create↑"), "\(screen)")
        try t.send("]")
        try t.waitFor(until: "Carol's tab unfiltered") { $0.contains("as Carol") && $0.contains("updated, newest first") && !$0.contains("Filter is:open") }
    }
}
