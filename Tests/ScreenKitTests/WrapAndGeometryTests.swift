import Testing
@testable import ScreenKit

@Suite struct WrapTests {
    @Test func wrapsAtWordBoundaries() {
        #expect(wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(wrap("one two", width: 7) == ["one two"])
    }

    @Test func keepsExplicitNewlinesAndEmptyLines() {
        #expect(wrap("a\n\nb\r\nc", width: 5) == ["a", "", "b", "c"])
        #expect(wrap("", width: 5) == [""])
    }

    @Test func breaksLongWordsAndRespectsDisplayWidth() {
        #expect(wrap("abcdefgh", width: 3) == ["abc", "def", "gh"])
        #expect(wrap("日本語のテキスト", width: 5) == ["日本", "語の", "テキ", "スト"])
        #expect(wrap("日本 語", width: 4) == ["日本", "語"])
        for line in wrap("混合 mixed テキスト text 👍👍👍", width: 7) { #expect(line.displayWidth <= 7) }
    }

    @Test func keepsIndentationButDropsSpacesAtBreaks() {
        #expect(wrap("  indented text", width: 10) == ["  indented", "text"])
        #expect(wrap("a    b", width: 3) == ["a", "b"])
    }

    @Test func nonPositiveWidthGivesNothing() {
        #expect(wrap("abc", width: 0) == [])
    }
}

@Suite struct GeometryTests {
    let r = Rect(x: 2, y: 3, width: 10, height: 6)

    @Test func insetAndClamp() {
        #expect(r.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 4))
        #expect(r.inset(by: 5) == Rect(x: 7, y: 8, width: 0, height: 0))
        #expect(r.inset(top: 1, left: 2) == Rect(x: 4, y: 4, width: 8, height: 5))
    }

    @Test func splits() {
        let (top, rest) = r.split(top: 1)
        #expect(top == Rect(x: 2, y: 3, width: 10, height: 1))
        #expect(rest == Rect(x: 2, y: 4, width: 10, height: 5))
        let (left, right) = r.split(left: 4)
        #expect(left == Rect(x: 2, y: 3, width: 4, height: 6))
        #expect(right == Rect(x: 6, y: 3, width: 6, height: 6))
        #expect(r.split(bottom: 2).bottom == Rect(x: 2, y: 7, width: 10, height: 2))
        #expect(r.split(right: 3).right == Rect(x: 9, y: 3, width: 3, height: 6))
        #expect(r.split(top: 99).rest.height == 0)
    }

    @Test func containsAndIntersection() {
        #expect(r.contains(Point(x: 2, y: 3)))
        #expect(!r.contains(Point(x: 12, y: 3)))  // maxX is exclusive
        #expect(r.intersection(Rect(x: 10, y: 0, width: 10, height: 5)) == Rect(x: 10, y: 3, width: 2, height: 2))
        #expect(r.intersection(Rect(x: 50, y: 50, width: 1, height: 1)).isEmpty)
    }
}
