import Testing
@testable import ScreenKit

/// Colours named by what they show are filled in by the palette the terminal draws with, one colour for 256-colour
/// terminals and one for eight; a config file's colour names read as the palette's.
@Suite struct PaletteTests {
    @Test(arguments: [
        ("red", Color.ansi(1)), ("bright-blue", .ansi(12)), ("Bright Cyan", .ansi(14)), ("white", .ansi(7)),
        ("214", .indexed(214)), ("0", .indexed(0)), ("default", .default), ("#5fafd7", .indexed(74)), ("#ffffff", .indexed(231)),
        ("#808080", .indexed(244)),
    ])
    func colourNamesRead(_ text: String, _ color: Color) {
        #expect(Color(parsing: text) == color)
        #expect(Color(parsing: color.configName) == color || text.hasPrefix("#"), "\(color.configName) reads back")
    }

    @Test(arguments: ["grey", "256", "-1", "#12345", "#gggggg", "bright-", "brightish-red", ""])
    func whatIsNotAColourIsNot(_ text: String) {
        #expect(Color(parsing: text) == nil)
    }

    @Test func aNamedColourTakesThePalettesColourForTheTerminal() {
        let palette = Palette([.init(.indexed(214), eight: .ansi(3)), .init(.indexed(74))])
        #expect(palette.resolve(.themed(0), for: .xterm256) == .indexed(214))
        #expect(palette.resolve(.themed(0), for: .eight) == .ansi(3))
        #expect(palette.resolve(.themed(1), for: .eight) == .ansi(6), "without an eight-colour choice: the nearest of the eight")
        #expect(palette.resolve(.themed(9), for: .xterm256) == .default, "a colour the palette lacks: the terminal's own")
        #expect(palette.resolve(.ansi(2), for: .eight) == .ansi(2), "other colours pass through")

        let style = Style(fg: .themed(1), bg: .themed(0))
        #expect(style.resolved(for: .xterm256, palette: palette) == Style(fg: .indexed(74), bg: .indexed(214)))
        #expect(style.resolved(for: .eight, palette: palette) == Style(fg: .ansi(0), bg: .ansi(3)), "text on yellow is black")
        let mono = style.resolved(for: .monochrome, palette: palette)
        #expect(mono.reverse && mono.fg == .default && mono.bg == .default, "a coloured background is reverse video without colours")
        #expect(Style(fg: .themed(0)).resolved(for: .xterm256) == Style(), "no palette: the terminal's own colour")
    }
}
