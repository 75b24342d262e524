import Foundation
import Testing

/// The mouse in the real app, as xterm reports it (SGR 1006, which xterm-256color's terminfo names): a click puts the
/// cursor on a row, a second click on it opens the case, the wheel scrolls.
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct MouseTerminalTests {
    /// A left click at 1-based column `x`, row `y`: the press and the release.
    static func click(_ x: Int, _ y: Int) -> String { "\u{1B}[<0;\(x);\(y)M\u{1B}[<0;\(x);\(y)m" }

    @Test func aClickMovesTheCursorASecondOpensAndTheWheelScrolls() throws {
        let (b, _) = try CommandLineTests.demo(cases: 120)
        let t = try TerminalAppTests.open(b, as: "alice@cloudpartners.example")
        let screen = try t.waitFor(until: "Alice's cases") { TerminalAppTests.caseRows($0).count > 8 }
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let rows = TerminalAppTests.caseRows(screen)
        let fourth = String(rows[3].trimmingCharacters(in: .whitespaces).drop { !$0.isNumber }.prefix(8))
        let y = try #require(lines.firstIndex { $0.contains(fourth) }) + 1  // 1-based, as the terminal reports it
        try t.send(Self.click(30, y), literal: true)
        try t.waitFor(until: "the cursor on case \(fourth)") { _ in (try? t.cursorCase()) == fourth }
        try t.send(Self.click(30, y), literal: true)
        try t.waitFor(until: "case \(fourth) open") { $0.contains("Case \(fourth)") && $0.contains("History") }
        try t.send("q")
        try t.waitFor(until: "the list again") { _ in (try? t.cursorCase()) == fourth }
        try t.send("\u{1B}[<65;30;\(y)M", literal: true)  // the wheel, down: three rows
        let seventh = String(rows[6].trimmingCharacters(in: .whitespaces).drop { !$0.isNumber }.prefix(8))
        try t.waitFor(until: "the cursor three rows down, on \(seventh)") { _ in (try? t.cursorCase()) == seventh }
    }
}
