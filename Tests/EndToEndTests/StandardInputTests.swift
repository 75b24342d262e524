import Foundation
import Testing

/// What reaches the store is what was typed (issue #11): NUL bytes and invalid UTF-8 are refused rather than
/// cut or replaced.
@Suite(.serialized) struct StandardInputTests {
    @Test(arguments: Backend.allCases) func nulBytesAndInvalidUTF8AreRefusedNotCutOrReplaced(_ backend: Backend) throws {
        let (b, report) = try CommandLineTests.demo(cases: 20, backend)
        let priya = try CommandLineTests.signInEngineer(b, report)
        let created = try b.json(["case", "create", "--customer", "acme-logistics.example", "--category", "Gmail > Delivery > Messages delayed",
                                  "--severity", "P3", "--title", "Mail stuck", "--description", "Since 9:00.", "--json"] + RawText.alice) as! [String: Any]
        let n = "\(created["number"] as! Int)"
        func history() throws -> [String] {
            ((try b.json(["case", "show", n, "--json"] + RawText.alice) as! [String: Any])["history"] as! [[String: Any]]).map { $0["text"] as! String }
        }
        let before = try history()
        var o = try b.run(["case", "message", n] + RawText.alice, bytes: Data("before\0after".utf8))
        #expect(o.status == 2 && o.stderr.hasPrefix("careportal: message: ") && o.stderr.contains("NUL"), "exit \(o.status): \(o.stderr)")
        o = try b.run(["case", "message", n] + RawText.alice, bytes: Data([0x61, 0x62, 0x63, 0xFF, 0x64]))
        #expect(o.status == 2 && o.stderr.hasPrefix("careportal: message: ") && o.stderr.contains("UTF-8") && o.stderr.contains("byte 3"),
                "exit \(o.status): \(o.stderr)")
        o = try b.run(["support", "reply", n] + priya, bytes: Data("é".utf8.prefix(1)))
        #expect(o.status == 2 && o.stderr.contains("message: ") && o.stderr.contains("byte 0"), "exit \(o.status): \(o.stderr)")
        o = try b.run(["case", "create", "--customer", "acme-logistics.example", "--category", "Gmail > Delivery > Messages delayed",
                       "--severity", "P3", "--title", "t", "--description", "-"] + RawText.alice, bytes: Data([0x4F, 0x4B, 0x0A, 0xC3, 0x28]))
        #expect(o.status == 2 && o.stderr.hasPrefix("careportal: description: ") && o.stderr.contains("byte 3"), "exit \(o.status): \(o.stderr)")
        #expect(try history() == before)
        // Valid UTF-8 on standard input still goes through, as typed.
        o = try b.run(["case", "message", n] + RawText.alice, bytes: Data("Grüße, 日本\n".utf8))
        #expect(o.status == 0, "\(o.stderr)")
        #expect(try history().last == "Grüße, 日本")
    }
}
