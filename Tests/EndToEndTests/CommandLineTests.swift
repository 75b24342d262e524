import Foundation
import Testing

/// The real binary on a temporary database: the demo, sign-in, listings and every bad input's exit code.
@Suite(.serialized) struct CommandLineTests {
    /// A demo organisation with the first domain's agent and the second domain's agent signed in.
    /// `backend`: where the binary's commands go afterwards, the demo database or a server on it (the demo itself
    /// is created on the file).
    static func demo(cases: Int = 300, _ backend: Backend = .file) throws -> (Binary, [String: Any]) {
        // Alice (cloudpartners.example) and Carol (skyline-it.example) are signed in afterwards.
        let b = try Binary(backend)
        let report = try b.onFile.json(["demo", "--cases", "\(cases)", "--seed", "7", "--json"]) as! [String: Any]
        for (user, domainIndex) in [("alice@cloudpartners.example", 0), ("carol@skyline-it.example", 1)] {
            let users = (report["domains"] as! [[String: Any]])[domainIndex]["users"] as! [[String: Any]]
            let password = users.first { $0["email"] as? String == user }!["password"] as! String
            let o = try b.run(["login", "--user", user, "--password-stdin"], stdin: password + "\n")
            #expect(o.status == 0, "\(o.stderr)")
        }
        return (b, report)
    }

    /// Signs in the demo's support engineer Priya: `support …` commands act as her (`--as`).
    static func signInEngineer(_ b: Binary, _ report: [String: Any]) throws -> [String] {
        let priya = (report["engineers"] as! [[String: Any]]).first { $0["email"] as? String == "priya@support.example" }!
        let o = try b.run(["login", "--user", "priya@support.example", "--password-stdin"], stdin: (priya["password"] as! String) + "\n")
        #expect(o.status == 0, "\(o.stderr)")
        return ["--as", "priya@support.example"]
    }

    static func numbers(_ b: Binary, as user: String, _ extra: [String] = []) throws -> [Int] {
        (try b.json(["cases", "--as", user, "--json"] + extra) as! [[String: Any]]).map { $0["number"] as! Int }
    }

    @Test(arguments: Backend.allCases) func twoDomainsSeeDisjointSetsMatchingThePlan(_ backend: Backend) throws {
        let (b, report) = try Self.demo(cases: 300, backend)
        let domains = report["domains"] as! [[String: Any]]
        #expect(domains.count == 3)
        #expect(domains.map { $0["kind"] as! String } == ["reseller", "reseller", "support-partner"])
        #expect(report["cases"] as? Int == 300 && report["customers"] as? Int == 40)
        let alice = try Self.numbers(b, as: "alice@cloudpartners.example")
        let carol = try Self.numbers(b, as: "carol@skyline-it.example")
        #expect(alice.count == domains[0]["visibleCases"] as! Int)
        #expect(carol.count == domains[1]["visibleCases"] as! Int)
        #expect(alice.count > 50 && carol.count > 50)
        #expect(Set(alice).isDisjoint(with: carol))
        #expect(Set(alice).count == alice.count)
        // Users that can't use the portal are reported with the reason.
        let users = domains.flatMap { $0["users"] as! [[String: Any]] }
        #expect(users.filter { !($0["canUsePortal"] as! Bool) }.compactMap { $0["why"] as? String }.count == 2)
    }

    @Test(arguments: Backend.allCases) func caseJSONHasTheDocumentedShape(_ backend: Backend) throws {
        let (b, _) = try Self.demo(cases: 120, backend)
        let list = try b.json(["cases", "--as", "alice@cloudpartners.example", "--json", "--limit", "3"]) as! [[String: Any]]
        #expect(list.count == 3)
        #expect(Set(list[0].keys).isSuperset(of: ["number", "title", "customer", "domain", "status", "severity", "escalated", "createdAt", "updatedAt"]))
        let number = list[0]["number"] as! Int
        let detail = try b.json(["case", "show", "\(number)", "--as", "alice@cloudpartners.example", "--json"]) as! [String: Any]
        #expect(Set(detail.keys).isSuperset(of: ["description", "category", "language", "timeZone", "sharing", "attachments", "history"]))
        let history = detail["history"] as! [[String: Any]]
        #expect(history.first?["kind"] as? String == "created")
        let customers = try b.json(["customers", "--as", "alice@cloudpartners.example", "--json"]) as! [[String: Any]]
        #expect(Set(customers.compactMap { $0["access"] as? String }) == ["granted", "not-granted"])
        let sessions = try b.json(["sessions", "--json"]) as! [[String: Any]]
        #expect(sessions.count == 2)
    }

    /// `customers` reads My Customers a page at a time, as the app does: --search narrows it as `/` does, --limit stops
    /// it, and the pages joined are the whole list in name order.
    @Test(arguments: Backend.allCases) func customersSearchAndLimit(_ backend: Backend) throws {
        let (b, _) = try Self.demo(cases: 20, backend)
        let alice = ["--as", "alice@cloudpartners.example", "--json"]
        let all = try b.json(["customers"] + alice) as! [[String: Any]]
        let names = all.compactMap { $0["name"] as? String }
        #expect(names.count == all.count && names.count > 5)
        #expect(names == names.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }, "\(names)")
        let two = try b.json(["customers", "--limit", "2"] + alice) as! [[String: Any]]
        #expect(two.compactMap { $0["name"] as? String } == Array(names.prefix(2)))
        let premium = try b.json(["customers", "--search", "PREMIUM"] + alice) as! [[String: Any]]
        #expect(!premium.isEmpty && premium.allSatisfy { $0["tier"] as? String == "premium" }, "\(premium)")
        #expect(premium.count == all.filter { $0["tier"] as? String == "premium" }.count)
        let none = try b.run(["customers", "--search", "no-such-customer-anywhere", "--as", "alice@cloudpartners.example"])
        #expect(none.status == 0 && none.stdout.split(separator: "\n").count == 1, "the header alone: \(none.stdout)")
        let bad = try b.run(["customers", "--limit", "0", "--as", "alice@cloudpartners.example"])
        #expect(bad.status == 2 && bad.stderr.contains("limit"), "\(bad.stderr)")
    }

    /// `feedback list` takes --as like every other command, and lists only what that user may read.
    @Test(arguments: Backend.allCases) func feedbackListIsForItsSenders(_ backend: Backend) throws {
        let (b, _) = try Self.demo(cases: 20, backend)
        let alice = ["--as", "alice@cloudpartners.example"], carol = ["--as", "carol@skyline-it.example"]
        #expect(try b.run(["--as", "alice@cloudpartners.example", "feedback", "--message", "From Alice"]).status == 0)
        #expect(try b.run(["feedback", "--message", "From Carol"] + carol).status == 0)
        let mine = try b.json(["feedback", "list", "--json"] + alice) as! [[String: Any]]
        #expect(mine.map { $0["message"] as? String } == ["From Alice"])
        #expect(mine.first?["user"] as? String == "alice@cloudpartners.example")
        let table = try b.run(["feedback", "list"] + carol)
        #expect(table.status == 0 && table.stdout.contains("From Carol") && !table.stdout.contains("From Alice"), "\(table.stdout)")
        // Two sessions and no --as: which user is asked for, as everywhere.
        let unnamed = try b.run(["feedback", "list"])
        #expect(unnamed.status == 2 && unnamed.stderr.contains("as: several sessions are open"), "\(unnamed.stderr)")
    }

    /// `drafts` prints a new case's draft as its fields, not as the JSON the app stores.
    @Test(arguments: Backend.allCases) func aNewCaseDraftIsPrintedReadably(_ backend: Backend) throws {
        let (b, _) = try Self.demo(cases: 20, backend)
        let content = #"{"attachments":[{"name":"headers.txt","path":"/tmp/headers.txt","size":2048}],"category":"Gmail > Delivery > Messages not received","customerDomain":"acme.example","customerID":7,"customerName":"Acme Corp","description":"When did it start?\nAnswer: Monday","field":3,"language":"en","severity":"P2","timeZone":"Europe/Paris","title":"Mail bounces"}"#
        try RawText.write(b, """
            INSERT INTO draft ({user_id}, form, content, updated_at)
              SELECT id, 'new case for customer 7', '\(content)', 0 FROM {user} WHERE email = 'alice@cloudpartners.example';
            """)
        let o = try b.run(["drafts"] + RawText.alice)
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout.hasPrefix("new case for Acme Corp (acme.example)  (1970-01-01T00:00:00Z)\n"), "\(o.stdout)")
        for line in ["  Title:       Mail bounces", "  Category:    Gmail > Delivery > Messages not received", "  Severity:    P2",
                     "  Time zone:   Europe/Paris", "  Attachments: headers.txt (2 KB)", "  Description:\n    When did it start?\n    Answer: Monday"] {
            #expect(o.stdout.contains(line), "\(line) not in \(o.stdout)")
        }
        #expect(!o.stdout.contains("{"), "no JSON: \(o.stdout)")
        let json = try b.json(["drafts", "--json"] + RawText.alice) as! [[String: Any]]
        let newCase = json.first?["newCase"] as? [String: Any]
        #expect(json.first?["form"] as? String == "new case for customer 7")
        #expect(newCase?["title"] as? String == "Mail bounces" && newCase?["customerName"] as? String == "Acme Corp")
    }

    @Test(arguments: Backend.allCases) func fileAndUpdateACaseFromTheCommandLine(_ backend: Backend) throws {
        let (b, _) = try Self.demo(cases: 50, backend)
        let me = ["--as", "alice@cloudpartners.example"]
        let file = b.home.appendingPathComponent("headers.txt")
        try Data("Received: from mx.example".utf8).write(to: file)
        let created = try b.json(["case", "create", "--customer", "acme-logistics.example", "--title", "Mail stuck in queue",
                                  "--category", "Gmail > Delivery > Messages delayed", "--description", "Since 9:00.",
                                  "--severity", "P2", "--attach", file.path, "--share", "it@acme-logistics.example", "--json"] + me) as! [String: Any]
        let n = "\(created["number"] as! Int)"
        #expect((created["attachments"] as! [[String: Any]]).first?["size"] as? Int == 25)
        #expect(try Self.numbers(b, as: "alice@cloudpartners.example").first == Int(n))
        for args in [["case", "message", n, "--message", "Any news?"], ["case", "severity", n, "P1"], ["case", "close", n], ["case", "reopen", n]] {
            let o = try b.run(args + me)
            #expect(o.status == 0, "\(args): \(o.stderr)")
        }
        let detail = try b.json(["case", "show", n, "--json"] + me) as! [String: Any]
        let kinds = (detail["history"] as! [[String: Any]]).map { $0["kind"] as! String }
        #expect(kinds == ["created", "attachment", "sharing-change", "message", "severity-change", "status-change", "status-change"])
        #expect(detail["severity"] as? String == "P1" && detail["status"] as? String == "in-progress")
    }

    /// Each bad input: one line naming the problem, the documented exit code, and nothing written.
    @Test(arguments: Backend.allCases) func badInputIsRefusedAndWritesNothing(_ backend: Backend) throws {
        let (b, _) = try Self.demo(cases: 60, backend)
        let me = ["--as", "alice@cloudpartners.example"]
        let before = try Self.numbers(b, as: "alice@cloudpartners.example")
        let first = "\(before[0])"
        func historyCount() throws -> Int {
            ((try b.json(["case", "show", first, "--json"] + me) as! [String: Any])["history"] as! [Any]).count
        }
        let historyBefore = try historyCount()
        let big = b.home.appendingPathComponent("big.bin")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let h = try FileHandle(forWritingTo: big); try h.truncate(atOffset: 25 * 1024 * 1024 + 1); try h.close()
        let create = ["case", "create", "--customer", "acme-logistics.example", "--category", "Gmail > Delivery > Messages delayed",
                      "--description", "d", "--severity", "P3"]
        let cases: [(args: [String], code: Int32, mentions: String)] = [
            (["cases", "--filter", "sev:p9"], 2, "filter: column 5"),
            (["cases", "--customer", "nobody-here"], 2, "customer"),
            (["case", "show", "12345678"], 2, "case: no case 12345678"),
            (["case", "show", "12"], 2, "not a case number"),
            (create + ["--title", String(repeating: "t", count: 201)], 2, "title: is 201 characters"),
            (create + ["--title", "ok", "--attach", "/nonexistent/file.txt"], 2, "attach: /nonexistent/file.txt does not exist"),
            (create + ["--title", "ok", "--attach", big.path], 2, "at most 25 MiB"),
            (create + ["--title", "ok", "--customer", "harborhealth.example"], 1, "hasn't granted your domain access"),
            (["case", "message", first, "--message", String(repeating: "m", count: 12_801)], 2, "message: is 12801 characters"),
            (["case", "share", first, "--add", "not-an-address"], 2, "not a valid email address"),
            (["case", "severity", first, "P7"], 2, "severity"),
            (["cases", "--as", "nobody@cloudpartners.example"], 1, "not signed in"),
        ]
        for c in cases {
            let o = try b.run(c.args + (c.args.contains("--as") ? [] : me))
            #expect(o.status == c.code, "\(c.args): exit \(o.status), \(o.stderr)")
            #expect(o.stderr.contains(c.mentions), "\(c.args): \(o.stderr)")
            #expect(o.stdout.isEmpty, "\(c.args) printed \(o.stdout)")
        }
        #expect(try Self.numbers(b, as: "alice@cloudpartners.example") == before)
        #expect(try historyCount() == historyBefore)
    }

    @Test func storageProblemsExitThree() throws {
        let b = try Binary()
        let notDB = b.home.appendingPathComponent("notes.sqlite3")
        try Data(String(repeating: "just some text\n", count: 100).utf8).write(to: notDB)
        let o = try b.run(["cases"], db: notDB.path)
        #expect(o.status == 3 && o.stderr.contains("not a careportal database"), "\(o.stderr)")
        #expect(try String(contentsOf: notDB, encoding: .utf8).hasPrefix("just some text"))
        // A directory nobody may write to (as root, a path under /proc, which even root can't create files in).
        let readOnly: String
        if getuid() == 0 {
            readOnly = "/proc/self/careportal/portal.sqlite3"
        } else {
            let dir = b.home.appendingPathComponent("ro")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o555])
            readOnly = dir.appendingPathComponent("portal.sqlite3").path
        }
        let r = try b.run(["demo", "--cases", "10"], db: readOnly)
        #expect(r.status == 3 && r.stderr.contains("can't"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: readOnly))
    }

    @Test(arguments: Backend.allCases) func escalationOfAStandardCustomerIsARuleRefusal(_ backend: Backend) throws {
        let (b, _) = try Self.demo(cases: 80, backend)
        let me = ["--as", "alice@cloudpartners.example"]
        let customers = try b.json(["customers", "--json"] + me) as! [[String: Any]]
        let standard = customers.first { $0["tier"] as? String == "standard" && $0["access"] as? String == "granted" }!
        let created = try b.json(["case", "create", "--customer", standard["primaryDomain"] as! String, "--title", "Slow Drive",
                                  "--category", "Drive and Docs > Drive for desktop > Files not syncing", "--description", "d",
                                  "--severity", "P3", "--json"] + me) as! [String: Any]
        let o = try b.run(["case", "escalate", "\(created["number"] as! Int)", "--reason", "business-impact", "--justification", "x"] + me)
        #expect(o.status == 1 && o.stderr.contains("Premium support"), "\(o.stderr)")
    }

    @Test(arguments: Backend.allCases) func withoutATerminalTheAppPointsToTheCommandLine(_ backend: Backend) throws {
        let (b, _) = try Self.demo(cases: 10, backend)
        let o = try b.run([])
        #expect(o.status == 2, "\(o.stderr)")
        #expect(o.stderr.contains("needs a terminal") && o.stderr.contains("careportal cases"), "\(o.stderr)")
    }

    @Test func demoIsDeterministicAndRefusesToOverwrite() throws {
        let a = try Binary(), b = try Binary()
        let ra = try a.json(["demo", "--cases", "100", "--seed", "42", "--json"]) as! [String: Any]
        let rb = try b.json(["demo", "--cases", "100", "--seed", "42", "--json"]) as! [String: Any]
        let counts = { (r: [String: Any]) in (r["domains"] as! [[String: Any]]).map { $0["visibleCases"] as! Int } }
        #expect(counts(ra) == counts(rb))
        let again = try a.run(["demo", "--cases", "10"])
        #expect(again.status == 2 && again.stderr.contains("already holds an organisation"))
    }
}
