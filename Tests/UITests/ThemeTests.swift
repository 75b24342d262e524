import Domain
import ScreenKit
import Testing
@testable import UI

/// `[theme]`: the app's colours by what they show, careportal's own readable on terminals of eight colours, a setting
/// that can't be used said and skipped.
@Suite struct ThemeTests {
    /// Every style the views draw with that has a colour.
    static let styles: [Style] = [Theme.dim, Theme.brand, Theme.columnHeader, Theme.error, Theme.success, Theme.warning,
                                  Theme.escalated, Theme.textArea, Theme.marked, Theme.unreadMark, Theme.waitingOnYou, Theme.breached,
                                  Theme.arrival, Theme.cursorRow, Theme.supportAuthor]
        + Severity.allCases.map(Theme.severity) + CaseStatus.allCases.map(Theme.status)
        + Severity.allCases.map { Theme.onCursorRow(Theme.severity($0)) } + CaseStatus.allCases.map { Theme.onCursorRow(Theme.status($0)) }

    @Test func everyColourOfTheViewsIsNamedSoTheThemeReachesIt() {
        for style in Self.styles {
            for color in [style.fg, style.bg] {
                if case .themed = color { continue }
                #expect(color == .default, "\(style) uses a colour no theme can change")
            }
        }
    }

    @Test(arguments: [ColorCapability.xterm256, .eight])
    func careportalsColoursReadOnDarkAndLightTerminals(_ capability: ColorCapability) {
        for style in Self.styles {
            let s = style.resolved(for: capability, palette: ThemeColor.standardPalette)
            if s.bg == .default {
                // On the terminal's own background, black vanishes on a dark one and white on a light one.
                #expect(![Color.ansi(0), .ansi(7), .ansi(15), .indexed(0), .indexed(231), .indexed(255)].contains(s.fg), "\(capability): \(style) → \(s)")
            } else {
                #expect(s.fg != s.bg, "\(capability): \(style) → \(s)")
            }
        }
    }

    @Test func settingsChangeTheirColourAndWhatCantBeUsedIsSaid() {
        let (palette, problems) = ThemeColor.palette([
            ThemeSetting(name: "warning", value: "208", line: 3),
            ThemeSetting(name: "cursor-bg", value: "#005f87", line: 4),
            ThemeSetting(name: "muted", value: "grey", line: 5),
            ThemeSetting(name: "p3", value: "red", line: 6),
        ])
        #expect(palette.resolve(ThemeColor.warning.color, for: .xterm256) == .indexed(208))
        #expect(palette.resolve(ThemeColor.warning.color, for: .eight) == .ansi(3), "yours, on eight colours: the nearest")
        #expect(palette.resolve(Theme.cursorRow.bg, for: .xterm256) == .indexed(24))
        #expect(palette.resolve(Theme.dim.fg, for: .xterm256) == .indexed(245), "a colour that isn't one keeps careportal's")
        #expect(problems == ["line 5: theme.muted: \"grey\" is not a colour (\"red\", \"bright-blue\", \"214\", \"#5fafd7\", \"default\")",
                             "line 6: theme.p3: no such colour (`careportal theme` lists them)"], "\(problems)")
        #expect(Set(ThemeColor.allCases.map(\.name)).count == ThemeColor.allCases.count)
        #expect(ThemeColor.standardPalette.entries.count == ThemeColor.allCases.count)
    }
}
