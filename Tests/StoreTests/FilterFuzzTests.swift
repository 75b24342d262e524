import Domain
import Foundation
import Testing
@testable import Store

/// Hardening findings 2 and 3: 20,000 seeded filters — random bytes, invalid UTF-8 (decoded as the command line
/// would), FTS5 syntax, quotes, SQL, long and repeated inputs — through the parser and the store on a demo
/// database. Each either fails to parse, at a column inside the text (exit 2), or lists and counts its cases; the
/// store never fails (exit 3), and no page takes longer than a bound relative to a plain first page.
@Suite(.serialized) struct FilterFuzzTests {
    static let inputs = 20_000

    @Test func everyFilterParsesOrIsRefusedAndNoneFailsInTheStore() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("portal.sqlite3").path
        _ = try PortalStore.createDemo(at: path, cases: 3_000, seed: 7, passwordHasher: .fast)
        let store = try PortalStore(path: path, passwordHasher: .fast)
        let user = try #require(try store.user(email: "alice@cloudpartners.example"))
        let scope = CaseScope.domain(user.domainID)

        let clock = ContinuousClock()
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        var plainTimes: [Double] = []
        for _ in 0..<30 { plainTimes.append(seconds(try clock.measure { _ = try store.cases(as: user, scope: scope) })) }
        let plain = plainTimes.sorted()[15]
        // A filter may walk the whole list where a plain page reads 51 rows: the bound is generous, but finite.
        let bound = max(plain * 500, 0.4)

        var rng = SeededRandom(seed: 0xF117_E2)  // the demo's generator
        var parsed = 0, refused = 0, slowest = (seconds: 0.0, text: "")
        for n in 0..<Self.inputs {
            let text = FilterFuzz.text(&rng)
            let query: CaseQuery
            do throws(FilterError) {
                query = try CaseQuery(parsing: text)
            } catch {
                refused += 1
                #expect((1...text.count + 1).contains(error.column), "input \(n) \(text.debugDescription): \(error)")
                #expect(!error.message.isEmpty)
                continue
            }
            parsed += 1
            let sort = CaseSort.allCases[n % CaseSort.allCases.count]
            do {
                var page = CasePage(rows: [], hasMore: false)
                let took = seconds(try clock.measure { page = try store.cases(as: user, scope: scope, query: query, sort: sort) })
                if took > slowest.seconds { slowest = (took, text) }
                #expect(took < bound, "input \(n) \(text.debugDescription) took \(took) s; a plain first page \(plain) s")
                if n % 10 == 0, let last = page.rows.last {
                    _ = try store.cases(as: user, scope: scope, query: query, sort: sort, after: last)
                }
                if n % 10 == 5 { _ = try store.countCases(as: user, scope: scope, query: query, cap: 1_000) }
            } catch {
                Issue.record("input \(n) \(text.debugDescription) parsed as \(query.description.debugDescription) but the store failed: \(error)")
            }
        }
        #expect(parsed > 5_000, "the generator should reach the store often")
        #expect(refused > 2_000, "the generator should hit the parser's refusals often")
        print("filter fuzz: \(parsed) listed, \(refused) refused; plain first page \(String(format: "%.3f", plain * 1000)) ms; "
              + "slowest \(String(format: "%.1f", slowest.seconds * 1000)) ms for \(slowest.text.prefix(80).debugDescription)")
    }
}

/// Filter text a user, a script or an attacker might send.
enum FilterFuzz {
    /// Pieces that make terms of their own: most filters a person types.
    static let terms = [
        "is:open", "is:closed", "is:escalated", "status:new,closed", "sev:p1", "severity:p2,p3", "customer:acme",
        "customer:\"Acme Logistics\"", "domain:cloudpartners.example", "updated:<7d", "created:>2026-01-31", "-is:open",
        "-status:closed", "mail", "printer", "domain", "billing", "payroll", "mx", "-mail", "bou*", "ma*", "in*", "-in*", "the",
        "a", "\"mail delivery\"", "\"the a\"", "AND", "OR", "NOT", "NEAR", "title", "DROP", "SELECT", "1=1", "日本語", "é",
        "user@example.com", "10:30", "#42",
    ]

    static let pieces = [
        // the language
        "is:open", "is:closed", "is:escalated", "status:new,closed", "sev:p1", "severity:p2,p3", "customer:acme",
        "customer:\"Acme Logistics\"", "domain:cloudpartners.example", "updated:<7d", "created:>2026-01-31", "-", ":", ",",
        // words of the demo's cases, common and rare, prefixes
        "mail", "printer", "domain", "billing", "payroll", "mx", "verification", "bou*", "ma*", "in*", "a", "the", "to",
        // FTS5 syntax, which must stay text
        "AND", "OR", "NOT", "NEAR(", "NEAR(a b, 2)", "(", ")", "^", "{title description}", "title:", "*", "+", "\"", "\"\"",
        // SQL, which must stay text
        "'", "';", "DROP TABLE support_case;", "--", "/*", "*/", "%", "_", "\\", "1=1", "' OR '1'='1", "UNION SELECT",
        // Unicode and controls
        "é", "e\u{301}", "日本語", "😀", "👩‍👩‍👧", "\u{200D}", "\u{202E}", "\u{0}", "\u{1B}[2J", "\t", "\n", " ", " ", " ",
    ]

    static func text(_ rng: inout SeededRandom) -> String {
        switch Int.random(in: 0..<20, using: &rng) {
        case 0:  // random bytes, decoded as the command line decodes an argument
            let bytes = (0..<Int.random(in: 1...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            return String(decoding: bytes, as: UTF8.self)
        case 1:  // one piece many times: past the limits or just under them
            let piece = pieces.randomElement(using: &rng)!
            return Array(repeating: piece, count: Int.random(in: 20...700, using: &rng)).joined(separator: Bool.random(using: &rng) ? " " : "")
        case 2:  // a long phrase
            let words = (0..<Int.random(in: 2...40, using: &rng)).map { _ in ["a", "mail", "the", "printer", "x"].randomElement(using: &rng)! }
            return "\"" + words.joined(separator: " ") + "\""
        case 3..<11:
            return (0..<Int.random(in: 1...8, using: &rng)).map { _ in terms.randomElement(using: &rng)! }.joined(separator: " ")
        default:
            var s = ""
            for _ in 0..<Int.random(in: 1...10, using: &rng) {
                if Int.random(in: 0..<12, using: &rng) == 0, let u = Unicode.Scalar(UInt32.random(in: 0...0x2FFFF, using: &rng)) {
                    s.unicodeScalars.append(u)
                } else {
                    s += pieces.randomElement(using: &rng)!
                }
                if Bool.random(using: &rng) { s += " " }
            }
            return s
        }
    }
}
