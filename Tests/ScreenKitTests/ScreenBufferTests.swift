import Testing
@testable import ScreenKit

@Suite struct ScreenBufferTests {
    @Test func newBufferIsBlank() {
        let b = ScreenBuffer(size: Size(width: 3, height: 2))
        #expect(b.lines() == ["", ""])
        #expect(b[2, 1] == .blank)
    }

    @Test func putWritesCellsAndReturnsNextColumn() {
        var b = ScreenBuffer(size: Size(width: 10, height: 2))
        let end = b.put("ab日c", x: 1, y: 1, style: .bold)
        #expect(end == 6)
        #expect(b.lines() == ["", " ab日c"])
        #expect(b[3, 1] == Cell(grapheme: "日", style: .bold, width: 2))
        #expect(b[4, 1] == .continuation)
        #expect(b[5, 1].grapheme == "c")
    }

    @Test func keepsGraphemeClustersInOneCell() {
        var b = ScreenBuffer(size: Size(width: 6, height: 1))
        #expect(b.put("e\u{301}🇯🇵x", x: 0, y: 0) == 4)
        #expect(b[0, 0].grapheme == "e\u{301}")
        #expect(b[1, 0] == Cell(grapheme: "🇯🇵", width: 2))
        #expect(b[3, 0].grapheme == "x")
    }

    @Test func clipsAtTheBufferEdges() {
        var b = ScreenBuffer(size: Size(width: 5, height: 2))
        #expect(b.put("abcdefg", x: 2, y: 0) == 9)  // logical end, not clipped
        #expect(b.put("xyz", x: -2, y: 1) == 1)
        #expect(b.put("nope", x: 0, y: 2) == 4)      // row outside: nothing drawn
        #expect(b.put("nope", x: 0, y: -1) == 4)
        #expect(b.lines() == ["  abc", "z"])
    }

    @Test func clipsAtARect() {
        var b = ScreenBuffer(size: Size(width: 8, height: 3))
        let clip = Rect(x: 2, y: 1, width: 3, height: 1)
        b.put("abcdef", x: 0, y: 1, clip: clip)
        b.put("outside", x: 0, y: 0, clip: clip)
        b.put("outside", x: 0, y: 2, clip: clip)
        #expect(b.lines() == ["", "  cde", ""])
    }

    @Test func wideCharacterAtTheRightEdgeBecomesASpace() {
        var b = ScreenBuffer(size: Size(width: 5, height: 1))
        b.put("abcd日", x: 0, y: 0, style: .reverse)
        #expect(b.lines() == ["abcd"])
        #expect(b[4, 0] == Cell(grapheme: " ", style: .reverse, width: 1))
    }

    @Test func wideCharacterCutByTheLeftClipEdgeLeavesASpace() {
        var b = ScreenBuffer(size: Size(width: 6, height: 1))
        b.fill(b.bounds, style: .plain)
        b.put("xxxxxx", x: 0, y: 0)
        b.put("日本", x: 1, y: 0, clip: Rect(x: 2, y: 0, width: 3, height: 1))
        // 日 covers 1–2 (only 2 inside → space), 本 covers 3–4.
        #expect(b.lines() == ["xx 本x"])
        #expect(b[1, 0].grapheme == "x")
    }

    @Test func wideCharacterCutByTheRightClipEdge() {
        var b = ScreenBuffer(size: Size(width: 6, height: 1))
        b.put("a日", x: 0, y: 0, clip: Rect(x: 0, y: 0, width: 2, height: 1))
        #expect(b.lines() == ["a"])
        #expect(b[1, 0] == .blank)
        #expect(b[2, 0] == .blank)
    }

    @Test func overwritingTheRightHalfBlanksTheLeft() {
        var b = ScreenBuffer(size: Size(width: 6, height: 1))
        b.put("日本", x: 0, y: 0, style: .bold)
        b.put("X", x: 1, y: 0)
        #expect(b.lines() == [" X本"])
        #expect(b[0, 0] == Cell(grapheme: " ", style: .bold, width: 1))
    }

    @Test func overwritingTheLeftHalfBlanksTheRight() {
        var b = ScreenBuffer(size: Size(width: 6, height: 1))
        b.put("日本", x: 0, y: 0)
        b.put("X", x: 2, y: 0)
        #expect(b.lines() == ["日X"])
        #expect(b[3, 0] == .blank)
    }

    @Test func wideOverOffsetWideBlanksBothNeighbours() {
        var b = ScreenBuffer(size: Size(width: 6, height: 1))
        b.put("日本語", x: 0, y: 0)
        b.put("中", x: 1, y: 0)
        #expect(b.lines() == [" 中 語"])
        #expect(b[1, 0].width == 2)
        #expect(b[2, 0] == .continuation)
        #expect(b[3, 0] == .blank)
    }

    @Test func fillBlanksWithStyleAndBreaksWidePairs() {
        var b = ScreenBuffer(size: Size(width: 6, height: 2))
        b.put("日本語", x: 0, y: 0)
        b.fill(Rect(x: 3, y: 0, width: 10, height: 1), style: .bg(.ansi(4)))
        #expect(b.lines() == ["日", ""])
        #expect(b[2, 0] == .blank)  // left half of 本 lost its right half
        #expect(b[5, 0] == .blank(.bg(.ansi(4))))
        #expect(b[5, 1] == .blank)
    }

    @Test func zeroWidthGraphemesAreSkipped() {
        var b = ScreenBuffer(size: Size(width: 5, height: 1))
        #expect(b.put("\u{301}a\tb", x: 0, y: 0) == 2)
        #expect(b.lines() == ["ab"])
    }

    @Test func linesTrimOnlyTrailingSpaces() {
        var b = ScreenBuffer(size: Size(width: 8, height: 1))
        b.put(" a  b ", x: 0, y: 0)
        #expect(b.lines() == [" a  b"])
    }

    @Test func resizeKeepsTopLeftAndCutsWideAtNewEdge() {
        var b = ScreenBuffer(size: Size(width: 6, height: 2))
        b.put("ab日本", x: 0, y: 0)
        b.put("zz", x: 0, y: 1)
        b.resize(to: Size(width: 5, height: 1))
        #expect(b.size == Size(width: 5, height: 1))
        #expect(b.lines() == ["ab日"])
        b.resize(to: Size(width: 3, height: 2))
        #expect(b.lines() == ["ab", ""])
        #expect(b[2, 0] == .blank)
    }

    @Test func clearBlanksEverything() {
        var b = ScreenBuffer(size: Size(width: 3, height: 1))
        b.put("abc", x: 0, y: 0, style: .bold)
        b.clear()
        #expect(b == ScreenBuffer(size: Size(width: 3, height: 1)))
    }
}
