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
