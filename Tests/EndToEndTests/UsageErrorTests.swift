import Foundation
import Testing

/// Every usage error is one line on standard error — `careportal: FIELD: what is wrong; what would be valid` —
/// with exit 2; the usage is shown only under `--help` (issue #11).
@Suite(.serialized) struct UsageErrorTests {
    @Test(arguments: Backend.allCases) func usageErrorsAreOneLineNamingTheFieldAndWhatIsValid(_ backend: Backend) throws {
        let (b, _) = try CommandLineTests.demo(cases: 10, backend)
        let me = ["--as", "alice@cloudpartners.example"]
        let n = "\(try CommandLineTests.numbers(b, as: "alice@cloudpartners.example")[0])"
        let cases: [(args: [String], starts: String, mentions: [String])] = [
            (["case", "severity", n, "P0"], "severity: ", ["\"P0\"", "P1, P2, P3, P4"]),
            (["cases", "--limit", "-5"], "limit: ", ["at least 1"]),
            (["cases", "--limit", "many"], "limit: ", ["\"many\"", "whole number"]),
            (["cases", "--sort", "bogus"], "sort: ", ["\"bogus\"", "updated, created, severity, status"]),
            (["case", "escalate", n, "--reason", "because", "--justification", "x"], "reason: ",
             ["\"because\"", "resolution-time, technical-expertise, business-impact"]),
            (["case", "message", "-1"], "case: ", ["\"-1\"", "8 digits"]),
            (["case", "show"], "case: ", ["missing", "8-digit case number"]),
            (["cases", "--customer"], "customer: ", ["missing value", "--customer <customer>: only this customer's cases"]),
            (["cases", "--colour"], "--colour: ", ["unknown option", "careportal cases --help"]),
            (["cases", "--json", "--csv"], "csv: ", ["--json"]),
            (["case", "show", n, "extra"], "extra: ", ["unexpected argument"]),
            (["admin", "customer", "tier", "acme-logistics.example", "gold"], "tier: ", ["standard, enhanced, premium"]),
        ]
        for c in cases {
            let o = try b.run(c.args + me)
            #expect(o.status == 2, "\(c.args): exit \(o.status)")
            #expect(o.stderr.hasPrefix("careportal: " + c.starts), "\(c.args): \(o.stderr)")
            #expect(o.stderr.filter { $0 == "\n" }.count == 1 && o.stderr.hasSuffix("\n"), "\(c.args): not one line: \(o.stderr)")
            #expect(!o.stderr.contains("Usage:") && !o.stderr.contains("Help:"), "\(c.args): \(o.stderr)")
            for m in c.mentions { #expect(o.stderr.contains(m), "\(c.args): no \(m) in \(o.stderr)") }
            #expect(o.stdout.isEmpty)
        }
        // The usage is there when asked for.
        let help = try b.run(["case", "severity", "--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE:") && help.stderr.isEmpty, "\(help.stdout)\(help.stderr)")
    }
}
