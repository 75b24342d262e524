import Testing
@testable import ScreenKit

/// A cell holds its grapheme inline (`InlineGrapheme`): every grapheme comes back as it went in, and two cells are
/// equal exactly when their graphemes' UTF-8 is (a long one is interned, so it compares by its index).
@Suite struct InlineGraphemeTests {
    static let samples: [String] = [
        "", " ", "a", "~", "é", "e\u{301}", "ß", "中", "한", "🌸", "👍🏽", "🇫🇷", "☃️",
        "👩‍💻",                     // 11 bytes
        "👨‍👩‍👧",                   // 18 bytes: kept in the table
        "👨‍👩‍👧‍👦",                 // 25 bytes
        "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}",  // 15 bytes exactly
        "a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}",  // 17 bytes
    ]

    @Test(arguments: samples) func everyGraphemeRoundTrips(_ text: String) {
        #expect(Cell(grapheme: text).grapheme.utf8.elementsEqual(text.utf8))
        var cell = Cell.blank
        cell.grapheme = text
        #expect(cell.grapheme.utf8.elementsEqual(text.utf8))
    }

    @Test func equalityIsByBytes() {
        for a in Self.samples {
            for b in Self.samples {
                let same = a.utf8.elementsEqual(b.utf8)
                #expect((Cell(grapheme: a) == Cell(grapheme: b)) == same, "\(a.unicodeScalars.map(\.value)) vs \(b.unicodeScalars.map(\.value))")
                #expect((Cell(grapheme: a).hashValue == Cell(grapheme: b).hashValue) || !same)
            }
        }
        #expect(Cell(grapheme: "a", style: .bold) != Cell(grapheme: "a"))
        #expect(Cell(grapheme: "中", width: 2) != Cell(grapheme: "中", width: 1))
    }

    @Test func randomTextRoundTrips() {
        var rng = SystemRandomNumberGenerator()
        let pool: [Unicode.Scalar] = ["a", "Z", "0", " ", "é", "\u{301}", "\u{200D}", "中", "🌸", "\u{FE0F}", "🏽", "ж", "\u{10FFFF}"]
        for _ in 0..<2_000 {
            let text = String(String.UnicodeScalarView((0..<Int.random(in: 0...9, using: &rng)).map { _ in pool.randomElement(using: &rng)! }))
            #expect(Cell(grapheme: text).grapheme == text && Cell(grapheme: text).grapheme.utf8.count == text.utf8.count, "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func aBufferWritesAndReadsEveryKind() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 1))
        buffer.put("ab é 中🌸 👨‍👩‍👧 x", x: 0, y: 0)
        #expect(buffer.lines() == ["ab é 中🌸 👨‍👩‍👧 x"])
    }
}
