import Domain
import Foundation
import Testing
@testable import API

/// The list page's hand-written JSON against JSONEncoder's (Wire.encode), byte for byte, and its cursors.
@Suite struct PageJSONTests {
    static func text(_ rng: inout some RandomNumberGenerator) -> String {
        let pieces = ["Mail", " ", "\"quoted\"", "back\\slash", "a/b", "\n", "\t", "\r", "\u{8}", "\u{C}", "\u{1}", "\u{1F}", "\u{7F}",
                      "é", "日本", "🚀", "Ω", "\u{200B}", "", "<&>", "100%"]
        return (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }

    static func row(_ rng: inout some RandomNumberGenerator) -> CaseRow {
        CaseRow(id: Int64.random(in: 1...10_000_000, using: &rng), number: Int.random(in: 10_000_000...99_999_999, using: &rng),
                title: text(&rng), customerName: text(&rng), domainID: Int64.random(in: 1...99, using: &rng), domainName: text(&rng),
                status: CaseStatus.allCases.randomElement(using: &rng)!, severity: Severity.allCases.randomElement(using: &rng)!,
                escalated: Bool.random(using: &rng),
                createdAt: Date(timeIntervalSince1970: Double(Int64.random(in: 0...4_000_000_000_000, using: &rng)) / 1000),
                updatedAt: Date(timeIntervalSince1970: Double(Int64.random(in: 0...4_000_000_000_000, using: &rng)) / 1000))
    }

    @Test func aPageIsWrittenAsJSONEncoderWritesIt() {
        var rng = SystemRandomNumberGenerator()
        for n in [0, 1, 2, 7, 50] {
            for _ in 0..<40 {
                let rows = (0..<n).map { _ in Self.row(&rng) }
                let page = CasePageJSON(CasePage(rows: rows, hasMore: Bool.random(using: &rng)))
                let expected = String(decoding: Wire.encode(page), as: UTF8.self)
                #expect(String(decoding: page.json, as: UTF8.self) == expected)
            }
        }
    }

    @Test func aCursorReadsBackAsItsRowAndIsURLSafe() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let row = Self.row(&rng)
            let cursor = Wire.cursor(row)
            #expect(cursor.allSatisfy { $0.isLetter && $0.isASCII || $0.isNumber || $0 == "-" || $0 == "_" }, "\(cursor)")
            #expect(Wire.row(cursor: cursor) == row)
        }
        #expect(Wire.row(cursor: "not a cursor!") == nil)
        #expect(Wire.row(cursor: "") == nil)
    }
}
