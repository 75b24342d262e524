import Foundation
import Testing

/// `:` jumps to a case of another signed-in domain, `y` / `Y` copy through OSC 52 into tmux's buffer (with
/// `set-clipboard on`, as a user of tmux sets it), and `|` shows the case in a pager and comes back.
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct JumpCopyTerminalTests {
    @Test func colonJumpsAcrossDomainsAndYCopiesIntoTheTerminalsClipboard() throws {
        let (b, _) = try CommandLineTests.demo(cases: 200)
        let carols = try CommandLineTests.numbers(b, as: "carol@skyline-it.example")
        let alices = try CommandLineTests.numbers(b, as: "alice@cloudpartners.example")
        let target = try #require(carols.first { !alices.contains($0) })
        let t = try TerminalAppTests.open(b, as: nil)
        try t.tmux(["set-option", "-g", "set-clipboard", "on"], capture: false)
        try t.waitFor(until: "Alice's tab active") { $0.contains("as Alice Moreau") && TerminalAppTests.caseRows($0).count > 5 }

        // A number that isn't a case number is refused in the box; nothing is asked.
        try t.answer(":", prompt: "Go to case", "12345")
        try t.waitFor("not a case number (8 digits")
        try t.send("C-u")
        try t.send(String(target), literal: true)
        try t.send("Enter")
        var screen = try t.waitFor(until: "case \(target) open in Carol's tab") {
            $0.contains("Case \(target)") && $0.contains("History") && $0.contains("as Carol")
        }
        #expect(!screen.contains("Go to case"), "\(screen)")

        // A case nobody signed in may see: the Domain's sentence, the number still in the box.
        try t.answer(":", prompt: "Go to case", "99999998")
        screen = try t.waitFor(until: "the refusal") { $0.contains("Go to case") && $0.contains("no case 99999998") }
        try t.send("Escape")

        try t.send("y")
        try t.waitFor("Copied to the clipboard: \(target)")
        let copied = try t.waitForBuffer { $0 == String(target) }
        #expect(copied == String(target))
        try t.send("Y")
        try t.waitFor("Copied to the clipboard: Case \(target)")
        let summary = try t.waitForBuffer { $0.hasPrefix("Case \(target) · P") }
        #expect(summary.split(separator: "·").count == 4, "\(summary)")
    }

    @Test func barShowsTheCaseInThePagerAndTheScreenComesBack() throws {
        let (b, _) = try CommandLineTests.demo(cases: 50)
        let t = try TerminalAppTests.open(b, as: "alice@cloudpartners.example", environment: "PAGER='less -R'")
        try t.waitFor(until: "Alice's cases") { TerminalAppTests.caseRows($0).count > 5 }
        let first = try #require(try t.cursorCase())
        try t.send("Enter")
        try t.waitFor(until: "case \(first)") { $0.contains("Case \(first)") && $0.contains("History") }
        try t.send("|")
        // less shows the text from its first line, with its own prompt at the bottom and none of the app's frame.
        var screen = try t.waitFor(until: "the case in less") { $0.hasPrefix("Case \(first) · ") && !$0.contains("as Alice Moreau") }
        #expect(screen.contains("Customer") && screen.contains("Severity"), "\(screen)")
        try t.send("q")
        screen = try t.waitFor(until: "the app again") { $0.contains("as Alice Moreau") && $0.contains("Case \(first)") && $0.contains("History") }
        #expect(!screen.contains("Couldn't"), "\(screen)")

        // `/` searches the case; n goes to the next match; Esc clears, and the next Esc goes back.
        try t.answer("/", prompt: "Search this case:", "opened the case")
        try t.waitFor("Match 1 of 1 for \"opened the case\"")
        try t.send("n")
        try t.waitFor("Match 1 of 1 for \"opened the case\"")
        try t.send("Escape")
        try t.waitFor("Search cleared.")
        try t.send("Escape")
        try t.waitFor(until: "the list") { TerminalAppTests.caseRows($0).count > 5 }
    }
}

extension Tmux {
    /// `key` opens a one-line box showing `prompt`; `text` is typed into it and Enter pressed.
    func answer(_ key: String, prompt: String, _ text: String) throws {
        try send(key)
        try waitFor(prompt)
        try send(text, literal: true)
        try send("Enter")
    }

    /// The newest tmux paste buffer once `done` holds for it; the last one seen in the failure otherwise.
    func waitForBuffer(timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation,
                       _ done: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? tmux(["show-buffer"])) ?? ""
            if done(last) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        Issue.record("tmux's buffer never matched; last: \(last.debugDescription)", sourceLocation: sourceLocation)
        return last
    }
}

/// Ctrl-E's editor (and `|`'s pager) read keys from the terminal on their standard input. Started through Foundation's
/// Process, the editor's standard input wasn't the terminal: vim ended at once and the keys went to the app.
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct TerminalEditorTests {
    @Test func anEditorThatReadsTheTerminalGetsTheKeys() throws {
        let (b, _) = try CommandLineTests.demo(cases: 40)
        let editor = b.home.appendingPathComponent("tty-editor.sh")
        // Like vim, it takes its keys from standard input, which must be the terminal.
        try "#!/bin/sh\nIFS= read -r line\nprintf '%s :EDITED' \"$line\" > \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        chmod(editor.path, 0o755)
        let open = try #require(try CommandLineTests.numbers(b, as: "alice@cloudpartners.example", ["--filter", "is:open"]).first)
        let t = try TerminalAppTests.open(b, as: "alice@cloudpartners.example", environment: "EDITOR=\(editor.path)")
        try t.waitFor(until: "Alice's cases") { TerminalAppTests.caseRows($0).count > 3 }
        try t.send(":")
        try t.send(String(open), literal: true)
        try t.send("Enter")
        try t.waitFor(until: "case \(open)") { $0.contains("Case \(open)") && $0.contains("History") }
        try t.send("m")
        try t.waitFor("Ctrl-S")
        try t.send("C-e")
        Thread.sleep(forTimeInterval: 0.5)
        try t.send("typed at the terminal", literal: true)
        try t.send("Enter")
        // The editor read the line (had the app got the keys, the message would hold them without the editor's mark).
        let screen = try t.waitFor("typed at the terminal :EDITED")
        #expect(!screen.contains("exited with status"), "\(screen)")
    }
}
