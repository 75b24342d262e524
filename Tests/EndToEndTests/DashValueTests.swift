import Foundation
import Testing

/// A free-text value may start with '-' (issue #11).
@Suite(.serialized) struct DashValueTests {
    @Test(arguments: Backend.allCases) func valuesMayStartWithADash(_ backend: Backend) throws {
        let (b, _) = try CommandLineTests.demo(cases: 60, backend)
        let open = try CommandLineTests.numbers(b, as: "alice@cloudpartners.example", ["--filter=-status:closed"])
        #expect(!open.isEmpty)
        // The README's negated filter, as a separate word.
        #expect(try CommandLineTests.numbers(b, as: "alice@cloudpartners.example", ["--filter", "-status:closed"]) == open)
        let n = "\(open[0])"
        let created = try b.json(["case", "create", "--customer", "acme-logistics.example", "--category", "Gmail > Delivery > Messages delayed",
                                  "--severity", "P3", "--title", "-40 °C in the server room", "--description", "-- see logs", "--json"] + RawText.alice) as! [String: Any]
        #expect(created["title"] as? String == "-40 °C in the server room" && created["description"] as? String == "-- see logs")
        var o = try b.run(["case", "message", n, "--message", "-v output attached"] + RawText.alice)
        #expect(o.status == 0, "\(o.stderr)")
        o = try b.run(["case", "escalate", "\(created["number"] as! Int)", "--reason", "business-impact", "--justification", "-- outage"] + RawText.alice)
        #expect(!o.stderr.contains("Missing value"), "\(o.stderr)")  // refused by a rule (not Premium), not by the parser
        // `--filter=VALUE` where VALUE starts with a combining mark.
        o = try b.run(["cases", "--filter=\u{301}zzz", "--json"] + RawText.alice)
        #expect(o.status == 0, "\(o.stderr)")
        #expect(try b.run(["cases", "--filter", "\u{301}zzz", "--json"] + RawText.alice).stdout == o.stdout)
    }
}
