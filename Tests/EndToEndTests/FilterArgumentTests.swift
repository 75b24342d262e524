import Foundation
import Testing

/// Hardening findings 2, 3 and 5 through the real binary: filters given as raw argument bytes — invalid UTF-8,
/// FTS5 syntax, SQL, quotes, inputs past the limits — exit 0 or 2, never 3, and an error is one line naming
/// the filter. (The store's own fuzz test runs 20,000 filters in process; this runs the argument path.)
@Suite(.serialized) struct FilterArgumentTests {
    /// Runs `cases --filter BYTES`: the bytes reach the binary as they are, through a file and the shell.
    static func cases(_ b: Binary, filter: [UInt8]) throws -> Binary.Output {
        let file = b.home.appendingPathComponent("filter.bin")
        try Data(filter).write(to: file)
        return try b.run(["cases", "--as", "alice@cloudpartners.example", "--limit", "5"], environment: [:],
                         wrapper: ["/bin/bash", "-c", "exec \"$0\" \"$@\" --filter \"$(cat '\(file.path)')\""])
    }

    @Test(arguments: Backend.allCases) func invalidUTF8IsRefusedWithTheOffsetNotReplaced(_ backend: Backend) throws {
        let (b, _) = try CommandLineTests.demo(cases: 50, backend)
        let o = try Self.cases(b, filter: Array("mail ".utf8) + [0xFF, 0xFE])
        #expect(o.status == 2)
        #expect(o.stderr == "careportal: filter: not valid UTF-8 at byte 5 (0xFF); pass the text as UTF-8\n")
        let attached = try b.run(["cases", "--as", "alice@cloudpartners.example", "--filter=ok"], environment: [:],
                                 wrapper: ["/bin/bash", "-c", "exec \"$0\" \"$@\" \"--filter=ab$(printf '\\303')\""])
        #expect(attached.stderr == "careportal: filter: not valid UTF-8 at byte 2 (0xC3); pass the text as UTF-8\n")
    }

    @Test(arguments: Backend.allCases) func theCampaignsRunawayFiltersExit2WithTheColumn(_ backend: Backend) throws {
        let (b, _) = try CommandLineTests.demo(cases: 50, backend)
        for (filter, column) in [(String(repeating: "sev:p1 ", count: 987), 1_001), (String(repeating: "sev:p1 ", count: 100), 449),
                                 (String(repeating: "-a ", count: 300), 193),
                                 ("\"" + String(repeating: "word ", count: 5_000) + "\"", 1_001), ("m*", 1)] {
            let o = try Self.cases(b, filter: Array(filter.utf8))
            #expect(o.status == 2, "\(filter.prefix(20)): \(o.stderr)")
            #expect(o.stderr.hasPrefix("careportal: filter: column \(column): "), "\(filter.prefix(20)): \(o.stderr)")
        }
    }

    @Test(arguments: Backend.allCases) func seededRandomFiltersExit0Or2WithOneLineErrors(_ backend: Backend) throws {
        let (b, _) = try CommandLineTests.demo(cases: 200, backend)
        var rng = SplitMix(seed: 0xA26)
        let pieces: [[UInt8]] = ["mail", "is:open", "sev:p1,p2", "customer:acme", "-status:closed", "bou*", "\"", "'", "';",
                                 "DROP TABLE case_search;--", "NEAR(a b)", "OR", "AND", "NOT", "^", "*", "(", ")", "{title}:",
                                 "%", "_", "\\", ":", ",", "-", " ", " ", "\t", "日本語", "é", "\u{1B}]0;x\u{07}", "😀"].map { Array($0.utf8) }
        var outcomes: [Int32: Int] = [:]
        for n in 0..<120 {
            var filter: [UInt8] = []
            switch n % 4 {
            case 0:  // random bytes but NUL (an argument can't hold one)
                filter = (0..<Int.random(in: 1...40, using: &rng)).map { _ in UInt8.random(in: 1...255, using: &rng) }
            case 1:  // a piece repeated past or near the limits
                let piece = pieces.randomElement(using: &rng)!
                for _ in 0..<Int.random(in: 10...400, using: &rng) { filter += piece + [0x20] }
            default:
                for _ in 0..<Int.random(in: 1...8, using: &rng) { filter += pieces.randomElement(using: &rng)! + [0x20] }
            }
            // The shell's command substitution drops trailing newlines; nothing else changes.
            let o = try Self.cases(b, filter: filter)
            outcomes[o.status, default: 0] += 1
            let shown = String(decoding: filter.prefix(60), as: UTF8.self).debugDescription
            #expect(o.status == 0 || o.status == 2, "input \(n) \(shown): exit \(o.status): \(o.stderr)")
            if o.status == 2 {
                #expect(o.stderr.hasPrefix("careportal: filter: "), "input \(n) \(shown): \(o.stderr)")
                #expect(o.stderr.filter { $0 == "\n" }.count == 1 && o.stderr.hasSuffix("\n"), "input \(n) \(shown): \(o.stderr)")
                #expect(!o.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "input \(n): raw control characters")
            } else {
                #expect(o.stderr.isEmpty, "input \(n) \(shown): \(o.stderr)")
            }
        }
        #expect((outcomes[0] ?? 0) > 10 && (outcomes[2] ?? 0) > 10, "both outcomes exercised: \(outcomes)")
    }
}

/// SplitMix64: seeded, the same everywhere.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
