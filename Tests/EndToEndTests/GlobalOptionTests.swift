import Foundation
import Testing

/// First-use item 1: `--db` and `--as` before the subcommand, as git and kubectl users type them. Before:
/// `careportal --db X cases` said "Unexpected argument 'cases'" and `… cases --limit 2` "Unknown option '--limit'".
@Suite(.serialized) struct GlobalOptionTests {
    /// Runs the binary with exactly `args` (`Binary.run` appends `--db`), in `b`'s home.
    static func run(_ b: Binary, _ args: [String]) throws -> Binary.Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Binary.path)
        p.arguments = args
        p.environment = b.environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Binary.Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// `--db PATH` or `--server URL`, as the backend is.
    @Test(arguments: Backend.allCases) func globalOptionsWorkBeforeOrAfterTheSubcommand(_ backend: Backend) throws {
        let (b, _) = try CommandLineTests.demo(cases: 60, backend)
        let at = try b.location()
        let after = try Self.run(b, ["cases", "--limit", "2", "--json"] + at + ["--as", "alice@cloudpartners.example"])
        #expect(after.status == 0, "\(after.stderr)")
        for args in [at + ["--as", "alice@cloudpartners.example", "cases", "--limit", "2", "--json"],
                     ["\(at[0])=\(at[1])", "cases", "--as", "alice@cloudpartners.example", "--limit", "2", "--json"],
                     ["--as", "alice@cloudpartners.example"] + at + ["cases", "--limit", "2", "--json"]] {
            let o = try Self.run(b, args)
            #expect(o.status == 0, "\(args): \(o.stderr)")
            #expect(o.stdout == after.stdout, "\(args)")
        }
        // Nested subcommands too.
        let number = String(((try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as! [[String: Any]])[0]["number"] as! Int))
        let show = try Self.run(b, at + ["--as", "alice@cloudpartners.example", "case", "show", number, "--json"])
        #expect(show.status == 0, "\(show.stderr)")
        // A command's own error is still its own, one line.
        let bad = try Self.run(b, at + ["cases", "--limit", "-5"])
        #expect(bad.status == 2 && bad.stderr.hasPrefix("careportal: limit:"), "\(bad.stderr)")
    }
}

/// First-use item 11: the filter had to be guessed (`cases --help` said "see README"). `careportal help filter` and
/// `cases --help` print the language, each line within 80 columns.
@Suite struct FilterHelpTests {
    @Test func helpFilterPrintsTheLanguage() throws {
        let b = try Binary()
        let o = try GlobalOptionTests.run(b, ["help", "filter"])
        #expect(o.status == 0 && o.stderr.isEmpty, "\(o.stderr)")
        for term in ["is:open", "sev:p1,p2", "customer:acme", "updated:<7d", "-term", "4617", "At most 1,000 characters"] {
            #expect(o.stdout.contains(term), "\(term) in \(o.stdout)")
        }
        let cases = try GlobalOptionTests.run(b, ["cases", "--help"])
        #expect(cases.stdout.contains("status:new,action-required") && cases.stdout.contains("--as <email>"), "\(cases.stdout)")
        let sheet = cases.stdout.components(separatedBy: "USAGE:")[0]
        #expect(sheet.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(sheet)")
        #expect(!sheet.contains("\nmessages") && !sheet.contains("\nin quotes"), "no line wrapped by the help formatter: \(sheet)")
    }
}

/// First-use item 20: `case show` left a message's second line at the margin; `--json` and `--csv` had no help.
@Suite struct CaseShowLayoutTests {
    @Test(arguments: Backend.allCases) func everyLineOfAMessageIsIndentedUnderItsHeading(_ backend: Backend) throws {
        let (b, _) = try CommandLineTests.demo(cases: 40, backend)
        let alice = "alice@cloudpartners.example"
        let number = String(try CommandLineTests.numbers(b, as: alice, ["--filter", "is:open -customer:harbor"])[0])
        let sent = try b.run(["case", "message", number, "--as", alice, "--message", "First line.\nSecond line.\n\nAfter a blank line."])
        #expect(sent.status == 0, "\(sent.stderr)")
        let shown = try b.run(["case", "show", number, "--as", alice])
        #expect(shown.stdout.contains("\n    First line.\n    Second line.\n    \n    After a blank line.\n"), "\(shown.stdout)")
        let help = try b.run(["cases", "--help"])
        #expect(help.stdout.contains("--json") && help.stdout.contains("Print JSON") && help.stdout.contains("Print CSV"), "\(help.stdout)")
    }
}
