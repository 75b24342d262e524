import Foundation
import Testing

/// `case read N…`, `case unread N…`, `case show` reading what it shows, `is:unread` and the rows' `unread` in
/// `cases --json`: on a file, over a server and on PostgreSQL.
@Suite(.serialized) struct UnreadCommandLineTests {
    static let alice = "alice@cloudpartners.example"

    static func unread(_ b: Binary) throws -> [Int: Bool] {
        let rows = try b.json(["cases", "--as", alice, "--json", "--filter", "is:unread", "--limit", "1000"]) as! [[String: Any]]
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["number"] as! Int, $0["unread"] as! Bool) })
    }

    @Test(arguments: Backend.allCases) func readAndUnreadSeveralShowReadsAndTheFilterFollows(_ backend: Backend) throws {
        let (b, _) = try CommandLineTests.demo(cases: 120, backend)
        let two = Array(try CommandLineTests.numbers(b, as: Self.alice, ["--filter", "-is:unread"]).prefix(2))
        #expect(two.count == 2)
        var o = try b.run(["case", "unread", "\(two[0])", "\(two[1])", "--as", Self.alice])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout.contains("Case \(two[0]) is unread.") && o.stdout.contains("Case \(two[1]) is unread."), "\(o.stdout)")
        var unread = try Self.unread(b)
        #expect(unread[two[0]] == true && unread[two[1]] == true, "every row of is:unread says unread: \(unread)")

        // Shown is read: the JSON says it was unread, and the filter no longer finds it.
        let shown = try b.json(["case", "show", "\(two[0])", "--as", Self.alice, "--json"]) as! [String: Any]
        #expect(shown["unread"] as? Bool == true)
        unread = try Self.unread(b)
        #expect(unread[two[0]] == nil && unread[two[1]] == true)
        let again = try b.json(["case", "show", "\(two[0])", "--as", Self.alice, "--json"]) as! [String: Any]
        #expect(again["unread"] as? Bool == false)

        // One read, one no case: the refusal named, exit 1, the other done.
        o = try b.run(["case", "read", "\(two[1])", "99999998", "--as", Self.alice])
        #expect(o.status == 1, "\(o.stdout)\(o.stderr)")
        #expect(o.stdout.contains("Case \(two[1]) is read."), "\(o.stdout)")
        #expect(o.stderr.contains("case 99999998: ") && o.stderr.contains("1 of 2 cases refused; 1 marked read"), "\(o.stderr)")
        #expect(try Self.unread(b)[two[1]] == nil)

        // Bad input changes nothing.
        o = try b.run(["case", "unread", "\(two[1])", "12ab", "--as", Self.alice])
        #expect(o.status == 2 && o.stderr.contains("\"12ab\" is not a case number"), "\(o.stderr)")
        #expect(try Self.unread(b)[two[1]] == nil)
    }
}

/// `cases --sort waiting --json`: whose turn and since when, what is due and whether it is past, in the waiting order;
/// `waiting:` and `is:breached` agree with the fields; on a file, over a server and on PostgreSQL.
@Suite(.serialized) struct WaitingCommandLineTests {
    @Test(arguments: Backend.allCases) func theWaitingFieldsOrderAndFilters(_ backend: Backend) throws {
        let (b, _) = try CommandLineTests.demo(cases: 120, backend)
        let alice = UnreadCommandLineTests.alice
        let rows = try b.json(["cases", "--as", alice, "--json", "--sort", "waiting", "--limit", "1000"]) as! [[String: Any]]
        #expect(rows.count > 20)
        let ranks = rows.map { ["you": 0, "support": 1, "nobody": 2][$0["waitingOn"] as! String]! }
        #expect(ranks == ranks.sorted(), "yours first, then support's, then closed")
        let f = ISO8601DateFormatter()
        for (side, rank) in [("you", 0), ("support", 1)] {
            let since = rows.filter { $0["waitingOn"] as? String == side }.map { f.date(from: $0["waitingSince"] as! String)! }
            #expect(since == since.sorted(), "\(side): the longest waiting first (rank \(rank))")
        }
        for row in rows {
            let due = row["responseDue"]
            #expect(row["waitingOn"] as? String == "support" ? due is String : due is NSNull, "\(row)")
            #expect(row.keys.contains("breached") && row.keys.contains("unread"))
        }
        let breached = Set(rows.filter { $0["breached"] as? Bool == true }.map { $0["number"] as! Int })
        #expect(Set(try CommandLineTests.numbers(b, as: alice, ["--filter", "is:breached", "--limit", "1000"])) == breached)
        let yours = Set(rows.filter { $0["waitingOn"] as? String == "you" }.map { $0["number"] as! Int })
        #expect(Set(try CommandLineTests.numbers(b, as: alice, ["--filter", "waiting:you", "--limit", "1000"])) == yours)
        // The first five are the whole list's first five.
        let five = try b.json(["cases", "--as", alice, "--json", "--sort", "waiting", "--limit", "5"]) as! [[String: Any]]
        #expect(five.map { $0["number"] as! Int } == rows.prefix(5).map { $0["number"] as! Int })
        let bad = try b.run(["cases", "--as", alice, "--filter", "waiting:soon"])
        #expect(bad.status == 2 && bad.stderr.contains("unknown value \"soon\" for waiting:"), "\(bad.stderr)")
    }
}
