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
