import Domain
import ScreenKit
import Testing
@testable import UI

/// First-use item 3: with `TERM=xterm` (8 colours) the cursor bar was cyan and a P4 was drawn cyan on it. Every
/// severity and status on the cursor row, in the 256-colour, 8-colour and monochrome palettes: no cell's foreground
/// is its background.
@Suite struct CursorRowColourTests {
    @Test(arguments: [ColorCapability.xterm256, .eight, .monochrome])
    func everySeverityAndStatusReadsOnTheCursorRow(_ capability: ColorCapability) {
        var state = Fixture.myCases(size: Size(width: 120, height: 40))
        var seen: Set<String> = []
        for i in 0..<12 {
            let buffer = state.screenBuffer()
            let row = Fixture.rows(0..<12)[i]
            seen.insert("\(row.severity) \(row.status)")
            guard let y = (0..<buffer.size.height).first(where: { y in buffer[2, y].style.bg == Theme.cursorRow.bg }) else {
                Issue.record("no cursor row at row \(i)")
                return
            }
            for x in 0..<buffer.size.width {
                let style = buffer[x, y].style.resolved(for: capability, palette: ThemeColor.standardPalette)
                if style.bg == .default && style.fg == .default { continue }
                #expect(style.fg != style.bg, "\(capability): row \(i) (\(row.severity), \(row.status)), column \(x): \(style)")
            }
            _ = state.press(Key.char("j"))
        }
        #expect(seen.count >= 12, "every severity and status met the cursor: \(seen)")
    }

    @Test func eightColoursDrawTextOnABackgroundInBlackOrWhite() {
        let p4OnBar = Style(fg: .indexed(74), bg: .indexed(24)).resolved(for: .eight)
        #expect(p4OnBar.bg == .ansi(6) && p4OnBar.fg == .ansi(0))
        let onBlue = Style(fg: .ansi(1), bg: .ansi(4)).resolved(for: .eight)
        #expect(onBlue.fg == .ansi(7))
        #expect(Style(fg: .indexed(74)).resolved(for: .eight) == Style(fg: .ansi(6)), "without a background a colour is kept")
    }
}
