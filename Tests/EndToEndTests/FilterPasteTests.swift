import Foundation
import Testing

/// Hardening finding 2 in the app: pasting 10 KB into the filter bar froze it for 22 s while the paste was searched
/// as one phrase. Now the paste arrives as one bracketed paste (`tmux paste-buffer -p`, as a terminal pastes), the
/// bar says where the filter went past its limit, the list keeps its rows, and keys work.
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct FilterPasteTests {
    @Test func pastingTenKilobytesIntoTheFilterBarIsRefusedAtOnce() throws {
        let (_, t) = try TerminalAppTests.start()
        try t.waitFor(until: "case rows") { TerminalAppTests.caseRows($0).count > 20 }
        try t.send("/")
        try t.waitFor("Filter")
        let paste = "\"" + String(repeating: "printer mail ", count: 800) + "\""  // 10,402 characters
        _ = try t.tmux(["set-buffer", "-b", "paste", paste])
        let started = Date()
        _ = try t.tmux(["paste-buffer", "-p", "-b", "paste", "-t", t.name])
        let screen = try t.waitFor(until: "the length refusal", timeout: 15) { $0.contains("column 1001") }
        let took = Date().timeIntervalSince(started)
        #expect(took < 5, "the refusal took \(took) s")
        #expect(screen.contains("longer than 1,000 characters"), "\(screen)")
        #expect(TerminalAppTests.caseRows(screen).count > 20, "the last good rows stay: \(screen)")
        // The app answers keys: Esc puts back the filter the bar opened on.
        try t.send("Escape")
        try t.waitFor(until: "the bar closed, the list unfiltered") { !$0.contains("column 1001") && TerminalAppTests.caseRows($0).count > 20 }
    }

    /// A pasted line break is text, not Enter: the bar stays open with the lines joined by a space.
    @Test func aPastedLineBreakDoesNotApplyTheFilter() throws {
        let (_, t) = try TerminalAppTests.start()
        try t.waitFor(until: "case rows") { TerminalAppTests.caseRows($0).count > 20 }
        try t.send("/")
        try t.waitFor("Filter")
        _ = try t.tmux(["set-buffer", "-b", "paste", "sev:p1\nis:open"])
        _ = try t.tmux(["paste-buffer", "-p", "-b", "paste", "-t", t.name])
        let screen = try t.waitFor(until: "both lines in the bar") { $0.contains("Filter sev:p1 is:open") }
        #expect(screen.contains("Enter apply"), "the bar is still open: \(screen)")
    }
}
