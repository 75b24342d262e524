import Foundation
import Testing

/// Marking three rows with Space and closing them with `x` in the real app: one question naming the count, then each
/// case closed (or its refusal said and the row left marked).
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct MarksTerminalTests {
    @Test func spaceThreeTimesThenXClosesTheThree() throws {
        let (b, _) = try CommandLineTests.demo(cases: 120)
        let t = try TerminalAppTests.open(b, as: "alice@cloudpartners.example")
        try t.waitFor(until: "Alice's cases") { TerminalAppTests.caseRows($0).count > 5 }
        try t.send("/")
        try t.send("is:open", literal: true)
        try t.send("Enter")
        var screen = try t.waitFor(until: "open cases only") { s in
            s.contains("Filter is:open") && !s.contains("loading…") && TerminalAppTests.caseRows(s).count >= 3
        }
        let numbers = TerminalAppTests.caseRows(screen).prefix(3).map { String($0.trimmingCharacters(in: .whitespaces).prefix(8)) }
        try t.send("Space")
        try t.send("Space")
        try t.send("Space")
        screen = try t.waitFor("act on 3 marked")
        #expect(screen.split(separator: "\n").filter { $0.hasPrefix("▶") }.count == 3, "\(screen)")
        try t.send("x")
        try t.waitFor("Close the 3 marked cases?")
        try t.send("y")
        screen = try t.waitFor(until: "the summary") { $0.contains("of 3 cases") }
        let closedNow = try CommandLineTests.numbers(b, as: "alice@cloudpartners.example", ["--filter", "status:closed", "--limit", "1000"])
        for n in numbers {
            #expect(closedNow.contains(Int(n)!) || screen.contains("\(n): "), "case \(n) neither closed nor refused: \(screen)")
        }
        #expect(screen.contains("Closed 3 of 3 cases.") || screen.contains("Refused (still marked)"), "\(screen)")
    }
}

/// At 200 columns the cursor row's case shows beside the list once the cursor rests; `P` turns the pane off.
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct PreviewTerminalTests {
    @Test func thePaneShowsTheCursorRowsDescriptionAt200Columns() throws {
        let (b, _) = try CommandLineTests.demo(cases: 60)
        let t = try TerminalAppTests.open(b, as: "alice@cloudpartners.example", width: 200, height: 45)
        let screen0 = try t.waitFor(until: "Alice's cases") { TerminalAppTests.caseRows($0).count > 5 }
        // The second row: the cursor moves there with j, and the pane follows once the cursor rests.
        let number = String(TerminalAppTests.caseRows(screen0)[1].trimmingCharacters(in: .whitespaces).prefix(8))
        try t.send("j")
        try t.waitFor(until: "the cursor and the pane on case \(number)") { screen in
            (try? t.cursorCase()) == number && screen.contains("│ Case \(number)")
        }
        let detail = try b.json(["case", "show", number, "--as", "alice@cloudpartners.example", "--json"]) as! [String: Any]
        let firstLine = String((detail["description"] as! String).split(separator: "\n").first ?? "").prefix(60)
        var screen = try t.waitFor(until: "case \(number) in the pane") { $0.contains("Description") && $0.contains(String(firstLine)) }
        let paneRow = try #require(screen.split(separator: "\n").first { $0.contains(String(firstLine)) })
        #expect(paneRow.distance(from: paneRow.startIndex, to: paneRow.range(of: String(firstLine))!.lowerBound) > 100,
                "the description is in the right-hand pane: \(paneRow)")
        try t.send("P")
        screen = try t.waitFor("Preview pane off")
        #expect(!screen.contains(String(firstLine)), "\(screen)")
    }
}
