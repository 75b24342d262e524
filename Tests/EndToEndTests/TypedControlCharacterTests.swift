import Foundation
import Testing

/// Control characters are refused where text is typed, naming the field (issue #11).
@Suite(.serialized) struct TypedControlCharacterTests {
    @Test(arguments: Backend.allCases) func controlCharactersAreRefusedWhereTextIsTypedNamingTheField(_ backend: Backend) throws {
        let (b, report) = try CommandLineTests.demo(cases: 30, backend)
        let priya = try CommandLineTests.signInEngineer(b, report)
        let n = "\(try CommandLineTests.numbers(b, as: "alice@cloudpartners.example")[0])"
        func history() throws -> Int {
            ((try b.json(["case", "show", n, "--json"] + RawText.alice) as! [String: Any])["history"] as! [Any]).count
        }
        let before = try history()
        let create = ["case", "create", "--customer", "acme-logistics.example", "--category", "Gmail > Delivery > Messages delayed",
                      "--severity", "P3"]
        let cases: [(args: [String], field: String)] = [
            (create + ["--title", RawText.osc, "--description", "d"], "title:"),
            (create + ["--title", "Bell \u{07} in a title", "--description", "d"], "title:"),
            (create + ["--title", "ok", "--description", "Clears the screen \u{1B}[2J"], "description:"),
            (["case", "message", n, "--message", "A C1 CSI \u{9B}31m turns text red"], "message:"),
            (["case", "message", n, "--message", "DEL \u{7F} too"], "message:"),
            (["case", "escalate", n, "--reason", "business-impact", "--justification", "Urgent \u{1B}]0;x\u{07}"], "justification:"),
            (["feedback", "--message", "Nice \u{1B}[5m blinking"], "message:"),
            (["support", "reply", n, "--message", "Fixed \u{1B}]8;;http://evil.example\u{07}here"], "message:"),
        ]
        for c in cases {
            let o = try b.run(c.args + (c.args[0] == "support" ? priya : RawText.alice))
            #expect(o.status == 2, "\(c.args): exit \(o.status), \(o.stderr)")
            #expect(o.stderr.hasPrefix("careportal: \(c.field)") && o.stderr.contains("control character"), "\(c.args): \(o.stderr)")
            #expect(RawText.controls(o.stderr).isEmpty, "\(c.args): the error echoed \(RawText.controls(o.stderr))")
        }
        // Newlines and tabs stay allowed in multi-line text.
        let ok = try b.run(["case", "message", n, "--message", "Line one\n\tindented line two"] + RawText.alice)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try history() == before + 1)
        let feedback = try b.json(["feedback", "list", "--json"] + RawText.alice) as! [Any]
        #expect(feedback.isEmpty)
    }
}
