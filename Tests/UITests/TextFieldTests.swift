import ScreenKit
import Testing
@testable import UI

@Suite struct TextFieldTests {
    @Test func editsAroundTheCaret() {
        var field = TextField("severity:p1")
        #expect(field.handle(.home, .standard) == .moved)
        #expect(field.handle(.char("-"), .standard) == .changed)
        #expect(field.text == "-severity:p1")
        #expect(field.handle(.end, .standard) == .moved)
        #expect(field.handle(.backspace, .standard) == .changed)
        #expect(field.text == "-severity:p")
        #expect(field.handle(.delete, .standard) == .ignored)  // nothing under the caret at the end
        #expect(field.handle(.paste("2\nx"), .standard) == .changed)
        #expect(field.text == "-severity:p2 x")
        #expect(field.handle(.ctrl("w"), .standard) == .changed)
        #expect(field.text == "-severity:p2 ")
        #expect(field.handle(.ctrl("u"), .standard) == .changed)
        #expect(field.text.isEmpty)
        #expect(field.handle(.up, .standard) == .ignored)
    }

    @Test func theWindowKeepsTheCaretVisibleWithWideCharacters() {
        let field = TextField("customer:株式会社さくら商事")
        let window = field.window(width: 12, masked: false)
        #expect(window.caretColumn <= 11)
        #expect(window.text.displayWidth <= 12)
        #expect(window.text.hasSuffix("商事"))
        #expect(TextField("secret").window(width: 20, masked: true).text == "••••••")
    }

    @Test func relativeTimesAndNumbers() {
        let now = Fixture.now
        #expect(RelativeTime.short(now.addingTimeInterval(30), now: now) == "now")
        #expect(RelativeTime.short(now.addingTimeInterval(-59), now: now) == "now")
        #expect(RelativeTime.short(now.addingTimeInterval(-180), now: now) == "3 min")
        #expect(RelativeTime.short(now.addingTimeInterval(-5 * 3_600), now: now) == "5 h")
        #expect(RelativeTime.short(now.addingTimeInterval(-2 * 86_400), now: now) == "2 d")
        #expect(RelativeTime.short(now.addingTimeInterval(-125 * 86_400), now: now) == "4 mo")
        #expect(RelativeTime.short(now.addingTimeInterval(-800 * 86_400), now: now) == "2 y")
        #expect(NumberFormat.grouped(10_000) == "10,000")
        #expect(NumberFormat.grouped(999) == "999")
        #expect(NumberFormat.grouped(1_234_567) == "1,234,567")
    }

    /// A key does one thing on a screen (`/` filters a list and searches a case: two screens, one binding each).
    @Test func everyMainKeyIsBoundOncePerScreen() {
        for context in KeyContext.allCases {
            let keys = Keymap.standard.main.filter { $0.contexts.contains(context) }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(context): \(keys.map(\.name).sorted())")
        }
        for binding in Keymap.standard.main { #expect(!binding.contexts.isEmpty) }
    }
}

/// First-use item 6: long lines of the description wrapped inside words (`heade` / `r say?`). Rows break at the
/// last space that fits; a word longer than the row is broken; the caret keeps its place.
@Suite struct TextFieldWordWrapTests {
    @Test func rowsBreakBetweenWords() {
        let field = TextField("What does the error header say? Paste it.")
        let (rows, caretRow, caretColumn) = field.rows(width: 16)
        #expect(rows == ["What does the ", "error header ", "say? Paste it."])
        #expect(caretRow == 2 && caretColumn == 14)
    }

    @Test func aWordLongerThanTheRowIsBrokenAndNewlinesStay() {
        let (rows, _, _) = TextField("abcdefghijklmnop qr\nst").rows(width: 8)
        #expect(rows == ["abcdefgh", "ijklmnop", " qr", "st"] || rows == ["abcdefgh", "ijklmnop ", "qr", "st"])
    }

    @Test func theCaretFollowsTheWordThatMovedDown() {
        var field = TextField("aaaa bbbb")
        _ = field.apply(.home)
        for _ in 0..<7 { _ = field.apply(.right) }  // between "bb" and "bb"
        let (rows, caretRow, caretColumn) = field.rows(width: 6)
        #expect(rows == ["aaaa ", "bbbb"])
        #expect(caretRow == 1 && caretColumn == 2)
    }

    @Test func aCaretAfterAFullLastRowStartsTheNext() {
        let (rows, caretRow, caretColumn) = TextField("abcdef").rows(width: 6)
        #expect(rows == ["abcdef", ""] && caretRow == 1 && caretColumn == 0)
    }
}
