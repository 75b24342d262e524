import Foundation
import Testing

/// `case close N…`, `case severity N… P2` and `case share N… --add EMAIL`: several cases, each through the same rules
/// and its own transaction, a line per case, every refusal with its reason, exit 1 when any was refused.
@Suite(.serialized) struct BulkCommandLineTests {
    static let alice = "alice@cloudpartners.example"

    static func status(_ b: Binary, _ n: Int) throws -> String {
        let detail = try b.json(["case", "show", "\(n)", "--as", alice, "--json"]) as! [String: Any]
        return detail["status"] as? String ?? "no status in \(detail)"
    }

    @Test(arguments: Backend.allCases) func closeSeveralReportsEachAndExitsOneWhenAnyIsRefused(_ backend: Backend) throws {
        let (b, _) = try CommandLineTests.demo(cases: 120, backend)
        let open = try CommandLineTests.numbers(b, as: Self.alice, ["--filter", "is:open"])
        let closed = try #require(try CommandLineTests.numbers(b, as: Self.alice, ["--filter", "status:closed"]).first)
        let carols = try CommandLineTests.numbers(b, as: "carol@skyline-it.example")
        let foreign = try #require(carols.first { !open.contains($0) && $0 != closed })
        #expect(open.count >= 3)
        let two = Array(open.prefix(2))

        // All allowed: a line each, exit 0.
        var o = try b.run(["case", "close", "\(two[0])", "\(two[1])", "--as", Self.alice])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(o.stdout.contains("Closed case \(two[0]).") && o.stdout.contains("Closed case \(two[1])."), "\(o.stdout)")
        #expect(try two.allSatisfy { try Self.status(b, $0) == "closed" })

        // One allowed, one already closed, one another domain's: the allowed one is closed, each refusal named.
        let third = open[2]
        o = try b.run(["case", "close", "\(closed)", "\(third)", "\(foreign)", "--as", Self.alice])
        #expect(o.status == 1, "\(o.stdout)\(o.stderr)")
        #expect(o.stdout.contains("Closed case \(third).") && !o.stdout.contains("Closed case \(closed)"), "\(o.stdout)")
        #expect(o.stderr.contains("case \(closed): ") && o.stderr.contains("case \(foreign): "), "\(o.stderr)")
        #expect(o.stderr.contains("2 of 3 cases refused; 1 closed"), "\(o.stderr)")
        #expect(try Self.status(b, third) == "closed")

        // Bad input changes nothing: one bad number refuses the whole command before any case is touched.
        let fourth = try #require(open.dropFirst(3).first)
        o = try b.run(["case", "close", "\(fourth)", "1234", "--as", Self.alice])
        #expect(o.status == 2 && o.stderr.contains("\"1234\" is not a case number"), "\(o.stderr)")
        #expect(try Self.status(b, fourth) != "closed")
    }

    @Test(arguments: Backend.allCases) func severityAndSharingOfSeveralCases(_ backend: Backend) throws {
        let (b, _) = try CommandLineTests.demo(cases: 120, backend)
        let open = Array(try CommandLineTests.numbers(b, as: Self.alice, ["--filter", "is:open -sev:p3"]).prefix(3))
        #expect(open.count == 3)
        var o = try b.run(["case", "severity"] + open.map(String.init) + ["P3", "--as", Self.alice])
        #expect(o.status == 0, "\(o.stderr)")
        #expect(open.allSatisfy { o.stdout.contains("Case \($0) is now P3") }, "\(o.stdout)")
        o = try b.run(["case", "severity", "\(open[0])", "--as", Self.alice])
        #expect(o.status == 2 && o.stderr.contains("give the case numbers, then P1, P2, P3 or P4"), "\(o.stderr)")

        o = try b.run(["case", "share", "\(open[0])", "\(open[1])", "--add", "ops@example.com", "--as", Self.alice])
        #expect(o.status == 0, "\(o.stderr)")
        for n in open.prefix(2) {
            #expect(o.stdout.contains("Case \(n) is shared with") && o.stdout.contains("ops@example.com"), "\(o.stdout)")
        }
    }
}
