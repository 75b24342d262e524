import Foundation
import Testing

/// Usability item 21: a terminal that can't draw UTF-8 (`TERM=vt100`) gets `+--` frames, `...` and `!`, chosen once from
/// the terminal type, rather than box-drawing characters it would show as garbage.
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct AsciiTerminalTests {
    static func isASCII(_ screen: String) -> Bool { screen.unicodeScalars.allSatisfy(\.isASCII) }

    @Test func vt100GetsASCIIFramesAndMarks() throws {
        let (b, _) = try CommandLineTests.demo(cases: 400)
        let t = try TerminalAppTests.open(b, as: "alice@cloudpartners.example", environment: "TERM=vt100")
        var screen = try t.waitFor(until: "more than 20 case rows") { TerminalAppTests.caseRows($0).count > 20 }
        #expect(screen.contains("My Cases") && Self.isASCII(screen), "\(screen)")

        try t.send("?")
        screen = try t.waitFor(until: "the help box") { $0.contains("Keys - My Cases") }
        #expect(screen.contains("+--") && screen.contains("|") && !screen.contains("─") && Self.isASCII(screen), "\(screen)")

        try t.send("Escape")
        try t.waitFor(until: "the list without the help") { !$0.contains("Keys - My Cases") }
        try t.send("Enter")
        screen = try t.waitFor(until: "a case page") { $0.contains("History") && $0.contains("Description") }
        #expect(Self.isASCII(screen), "\(screen)")
        try t.send("S")
        screen = try t.waitFor(until: "the sessions box over the case") { $0.contains("Sessions") && $0.contains("+--") }
        #expect(screen.contains("History") && !screen.contains("─") && Self.isASCII(screen), "\(screen)")
    }
}
