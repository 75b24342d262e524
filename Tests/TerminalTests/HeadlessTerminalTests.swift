import Testing
import CNCurses
import ScreenKit
@testable import Terminal

@Suite(.serialized) struct HeadlessTerminalTests {
    @Test func drawsAndReadsBackJapanese() throws {
        let t = try NCursesTerminal(headless: Size(width: 20, height: 4))
        defer { t.restore() }
        #expect(t.size == Size(width: 20, height: 4))
        #expect(t.colorCapability == .xterm256)
        var b = ScreenBuffer(size: t.size)
        b.put("日本語 ok", x: 0, y: 0, style: .fg(.indexed(196)))
        b.put("a👍b🇯🇵c", x: 1, y: 1, style: Style.bg(.ansi(4)).bolded())
        b.put("éx\u{301}", x: 0, y: 2)
        b.put("日本", x: 19, y: 3)
        t.draw(b)
        #expect(t.readBack(row: 0) == "日本語 ok")
        #expect(t.readBack(row: 1) == " a👍b🇯🇵c")
        #expect(t.readBack(row: 2) == "éx\u{301}")
        #expect(t.readBack(row: 3) == "")
        // Diff: change one cell, overwrite half a wide char.
        b.put("X", x: 1, y: 0)
        t.draw(b)
        #expect(t.readBack(row: 0) == " X本語 ok")
        #expect(b.lines()[0] == " X本語 ok")
        #expect(t.pairs.count == 2)
    }

    @Test func keyMapping() {
        #expect(NCursesTerminal.key(forChar: 21) == .ctrl("u"))
        #expect(NCursesTerminal.key(forChar: 13) == .enter)
        #expect(NCursesTerminal.key(forChar: 9) == .tab)
        #expect(NCursesTerminal.key(forChar: 127) == .backspace)
        #expect(NCursesTerminal.key(forChar: 27) == .escape)
        #expect(NCursesTerminal.key(forChar: 0x65E5) == .char("日"))
        #expect(NCursesTerminal.key(forCode: KEY_NPAGE) == .pageDown)
        #expect(NCursesTerminal.key(forCode: cn_key_f(5)) == .function(5))
        #expect(NCursesTerminal.key(forCode: KEY_RESIZE) == .resize)
    }
}
