import Testing
@testable import ScreenKit

@Suite struct ColorTests {
    @Test func xterm256KeepsEverything() {
        #expect(Color.indexed(208).resolved(for: .xterm256) == .indexed(208))
        #expect(Color.ansi(9).resolved(for: .xterm256) == .ansi(9))
        #expect(Color.default.resolved(for: .xterm256) == .default)
    }

    @Test(arguments: [
        (Color.indexed(196), Color.ansi(1)),  // pure red
        (.indexed(46), .ansi(2)),             // green
        (.indexed(21), .ansi(4)),             // blue
        (.indexed(17), .ansi(4)),             // dark blue stays blue, not black
        (.indexed(226), .ansi(3)),            // yellow
        (.indexed(208), .ansi(3)),            // orange → yellow
        (.indexed(201), .ansi(5)),            // magenta
        (.indexed(51), .ansi(6)),             // cyan
        (.indexed(232), .ansi(0)),            // darkest grey → black
        (.indexed(255), .ansi(7)),            // lightest grey → white
        (.indexed(16), .ansi(0)),             // cube black
        (.indexed(231), .ansi(7)),            // cube white
        (.indexed(12), .ansi(4)),             // bright blue in the 16-colour part
        (.ansi(9), .ansi(1)),                 // bright red → red
        (.ansi(3), .ansi(3)),
        (.default, .default),
    ])
    func eightColourDegradation(color: Color, expected: Color) {
        #expect(color.resolved(for: .eight) == expected)
    }

    @Test func monochromeDropsColour() {
        #expect(Color.ansi(1).resolved(for: .monochrome) == .default)
        #expect(Color.indexed(200).resolved(for: .monochrome) == .default)
    }

    @Test func capabilityFromColourCount() {
        #expect(ColorCapability(colorCount: 256) == .xterm256)
        #expect(ColorCapability(colorCount: 16) == .eight)
        #expect(ColorCapability(colorCount: 8) == .eight)
        #expect(ColorCapability(colorCount: 0) == .monochrome)
    }

    @Test func monochromeTurnsColouredBackgroundIntoReverse() {
        let selected = Style(fg: .ansi(7), bg: .ansi(4), bold: true, underline: true)
        #expect(selected.resolved(for: .monochrome) == Style(bold: true, underline: true, reverse: true))
        #expect(Style.fg(.ansi(1)).resolved(for: .monochrome) == .plain)
        #expect(selected.resolved(for: .eight) == selected)
        // On eight colours text on a background is black or white, whichever reads on it (a light-themed terminal's
        // default foreground is black, which would vanish on the text area's black).
        #expect(Style.bg(.indexed(236)).resolved(for: .eight) == Style(fg: .ansi(7), bg: .ansi(0)))
    }

    @Test func styleBuildersChain() {
        let s = Style.fg(.ansi(1)).bg(.ansi(4)).bolded().underlined()
        #expect(s == Style(fg: .ansi(1), bg: .ansi(4), bold: true, underline: true, reverse: false))
        #expect(Style.bold.reversed() == Style(bold: true, reverse: true))
        #expect(Style.bold.bolded(false) == .plain)
    }
}
