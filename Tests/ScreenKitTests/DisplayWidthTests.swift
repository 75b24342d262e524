import Testing
@testable import ScreenKit

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("hello", 5),
        ("日本語", 6),
        ("\u{E9}", 1),            // é precomposed
        ("e\u{301}", 1),          // é decomposed: one grapheme, base + combining acute
        ("👍", 2),
        ("👍🏽", 2),               // skin-tone modifier
        ("👨‍👩‍👧", 2),              // ZWJ family
        ("🇯🇵", 2),               // flag: two regional indicators
        ("❤️", 2),                // text-default emoji with VS16
        ("\u{301}", 0),           // combining mark alone
        ("\u{200D}", 0),          // zero-width joiner alone
        ("\u{FE0F}", 0),          // variation selector alone
        ("한국어", 6),
        ("ｶﾀｶﾅ", 4),              // halfwidth katakana stays narrow
        ("ＡＢ", 4),              // fullwidth Latin
        ("ひらがな・カタカナ", 18),
        ("a\tb", 2),              // control characters take no column
        ("", 0),
        ("Ünïcödé", 7),
        ("→ ↑ …", 5),
    ])
    func widths(text: String, expected: Int) {
        #expect(text.displayWidth == expected)
    }

    /// The ASCII shortcut gives every ASCII character the width Unicode's properties give it, alone and in a string.
    @Test func asciiWidthsAreUnicodes() {
        var all = ""
        var total = 0
        for v in UInt8(0)..<128 {
            let scalar = Unicode.Scalar(v)
            let unicode = DisplayWidth.of(scalar: scalar)
            #expect(DisplayWidth.of(Character(scalar)) == unicode, "\(v)")
            all.unicodeScalars.append(scalar)
            total += unicode
        }
        #expect(all.displayWidth == total)
        #expect(("ab" + "é").displayWidth == 3, "a string with one non-ASCII character is measured in full")
    }

    @Test func characterLevel() {
        #expect(DisplayWidth.of("a") == 1)
        #expect(DisplayWidth.of("語") == 2)
        #expect(DisplayWidth.of("\n") == 0)
        #expect(DisplayWidth.of("\r\n") == 0)
        #expect(DisplayWidth.of("\u{1F600}") == 2)
        #expect(DisplayWidth.of("\u{20000}") == 2)  // CJK extension B
        #expect(DisplayWidth.of("\u{3000}") == 2)   // ideographic space
    }
}

@Suite struct TruncationTests {
    @Test func shortTextIsUnchanged() {
        #expect("abc".truncated(toWidth: 3) == "abc")
        #expect("日本".truncated(toWidth: 4) == "日本")
    }

    @Test func cutsWithEllipsis() {
        #expect("abcdef".truncated(toWidth: 4) == "abc…")
        #expect("abcdef".truncated(toWidth: 4, ellipsis: false) == "abcd")
        #expect("abcdef".truncated(toWidth: 1) == "…")
        #expect("abcdef".truncated(toWidth: 0) == "")
        #expect("abcdef".truncated(toWidth: -3) == "")
    }

    @Test func neverSplitsAWideCharacter() {
        // "日本語" is 6 columns; at odd widths the straddling character becomes a space.
        #expect("日本語".truncated(toWidth: 5) == "日本…")
        #expect("日本語".truncated(toWidth: 4) == "日 …")
        #expect("日本語".truncated(toWidth: 3, ellipsis: false) == "日 ")
        #expect("日本語".truncated(toWidth: 2) == " …")
        #expect("日本語".truncated(toWidth: 5).displayWidth == 5)
        #expect("日本語".truncated(toWidth: 4).displayWidth == 4)
        #expect("a👍b".truncated(toWidth: 3) == "a …")
    }

    @Test func keepsCombiningMarksWithTheirBase() {
        #expect("e\u{301}e\u{301}e\u{301}".truncated(toWidth: 2) == "e\u{301}…")
    }

    @Test func padsToExactWidth() {
        #expect("ab".padded(toWidth: 4) == "ab  ")
        #expect("日本".padded(toWidth: 5) == "日本 ")
        #expect("日本語".padded(toWidth: 5) == "日本…")
        #expect("日本語".padded(toWidth: 4) == "日 …")
        #expect("abc".padded(toWidth: 3) == "abc")
        #expect("abc".padded(toWidth: 0) == "")
    }
}

/// The fast paths measure and draw as the grapheme walk does: a string's width scalar by scalar and `put`'s ASCII
/// bytes, whatever follows them (a combining mark joins the ASCII letter before it).
@Suite struct FastPathTests {
    static let pool: [String] = ["a", "Z", " ", "…", "—", "●", "é", "e\u{301}", "\u{301}", "日", "👍", "👍🏽", "🇯🇵", "\u{200D}", "❤️",
                                 "\t", "\u{7}", "ß", "한", "\u{1100}\u{1161}", "x\u{20DD}", "·", "\u{AD}"]

    @Test func aStringsWidthIsTheSumOfItsGraphemes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let s = (0..<Int.random(in: 0...8, using: &generator)).map { _ in Self.pool.randomElement(using: &generator)! }.joined()
            #expect(s.displayWidth == s.reduce(0) { $0 + DisplayWidth.of($1) }, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func putDrawsAsciiThenGraphemesAsTheWalkWould() {
        for text in ["abc", "abce\u{301}x", "e\u{301}", "ab…cd", "a\u{7}b", "日本x", "x👍🏽y", "tab\there"] {
            var fast = ScreenBuffer(size: Size(width: 12, height: 1))
            let end = fast.put(text, x: 1, y: 0)
            var expected = ScreenBuffer(size: Size(width: 12, height: 1))
            var x = 1
            for ch in text {
                let w = DisplayWidth.of(ch)
                if w == 0 { continue }
                expected.put(String(ch), x: x, y: 0)
                x += w
            }
            #expect(fast == expected, "\(text): \(fast.lines()) vs \(expected.lines())")
            #expect(end == x, "\(text)")
        }
        var clipped = ScreenBuffer(size: Size(width: 6, height: 1))
        #expect(clipped.put("abcdefgh", x: -2, y: 0, clip: Rect(x: 1, y: 0, width: 3, height: 1)) == 6)
        #expect(clipped.lines() == [" def"], "columns 1–3: d e f")
    }
}
