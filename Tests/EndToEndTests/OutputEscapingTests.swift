import Foundation
import Testing

/// Text already in a database prints escaped on every output path; JSON stays JSON (issue #11).
@Suite(.serialized) struct OutputEscapingTests {
    @Test(arguments: Backend.allCases) func textAlreadyInTheDatabasePrintsEscapedOnEveryPath(_ backend: Backend) throws {
        let (b, report) = try CommandLineTests.demo(cases: 30, backend)
        let users = (report["domains"] as! [[String: Any]])[0]["users"] as! [[String: Any]]
        let adminPassword = users.first { $0["email"] as? String == "admin@cloudpartners.example" }!["password"] as! String
        #expect(try b.run(["login", "--user", "admin@cloudpartners.example", "--password-stdin"], stdin: adminPassword + "\n").status == 0)
        let n = try CommandLineTests.numbers(b, as: "alice@cloudpartners.example")[0]
        let esc = "' || {char}(27) || '", bel = "' || {char}(7) || '", csi = "' || {char}(155) || '"
        try RawText.write(b, """
            UPDATE support_case SET title = 'Title \(esc)]0;PWNED\(bel)', description = 'Desc \(esc)[2J' || {char}(10) || 'line two'
              WHERE number = \(n);
            UPDATE customer SET name = 'Acme \(csi)31m' WHERE id = (SELECT customer_id FROM support_case WHERE number = \(n));
            INSERT INTO history (case_id, at, author, kind, text)
              SELECT id, updated_at, 'Eve \(esc)[1m', 'message', 'hi \(bel)' FROM support_case WHERE number = \(n);
            INSERT INTO attachment (case_id, name, size, sha256, data, added_at, added_by)
              SELECT id, 'log\(esc)[8m.txt', 1, 'ab', {zero byte}, updated_at, 'Eve' FROM support_case WHERE number = \(n);
            UPDATE {user} SET name = 'Alice \(esc)[5m' WHERE email = 'alice@cloudpartners.example';
            INSERT INTO feedback ({user_id}, at, screen, message)
              SELECT id, 0, 'list \(esc)[H', 'fb \(esc)]0;PWNED\(bel)' FROM {user} WHERE email = 'alice@cloudpartners.example';
            INSERT INTO draft ({user_id}, form, content, updated_at)
              SELECT id, 'message \(n)', 'draft \(esc)[2J', 0 FROM {user} WHERE email = 'alice@cloudpartners.example';
            INSERT INTO audit (at, domain_id, actor, action, target, outcome, detail)
              SELECT 0, domain_id, 'x\(esc)[1m', 'user.add', 't\(bel)', 'ok', 'd\(csi)2J' FROM {user} WHERE email = 'admin@cloudpartners.example';
            """)
        let admin = ["--as", "admin@cloudpartners.example"]
        let outputs: [[String]] = [
            ["cases"] + RawText.alice, ["cases", "--csv"] + RawText.alice, ["case", "show", "\(n)"] + RawText.alice, ["customers"] + RawText.alice,
            ["drafts"] + RawText.alice, ["feedback", "list"] + RawText.alice, ["admin", "user", "list"] + admin, ["admin", "audit"] + admin,
        ]
        for args in outputs {
            let o = try b.run(args)
            #expect(o.status == 0, "\(args): \(o.stderr)")
            #expect(RawText.controls(o.stdout).isEmpty, "\(args) printed \(RawText.controls(o.stdout))")
        }
        let show = try b.run(["case", "show", "\(n)"] + RawText.alice).stdout
        #expect(show.contains("Case \(n): Title \\x1B]0;PWNED\\x07"), "\(show)")
        #expect(show.contains("Desc \\x1B[2J\nline two"))  // the description keeps its lines
        #expect(show.contains("Acme \\x9B31m") && show.contains("Eve \\x1B[1m") && show.contains("hi \\x07") && show.contains("log\\x1B[8m.txt"))
        #expect(try b.run(["cases", "--csv"] + RawText.alice).stdout.contains("Title \\x1B]0;PWNED\\x07"))
        #expect(try b.run(["feedback", "list"] + RawText.alice).stdout.contains("fb \\x1B]0;PWNED\\x07"))
        // JSON stays JSON: the value is carried exactly, its control characters JSON-escaped.
        let json = try b.run(["case", "show", "\(n)", "--json"] + RawText.alice).stdout
        #expect(RawText.controls(json).isEmpty, "\(RawText.controls(json))")
        let detail = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(detail["title"] as? String == "Title \u{1B}]0;PWNED\u{07}")
        #expect(detail["customer"] as? String == "Acme \u{9B}31m")
    }
}
