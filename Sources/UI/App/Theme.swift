import Domain
import ScreenKit

/// The colours of the app, named by what they show: the config file's `[theme]` sets any of them (`warning = "214"`),
/// the terminal draws with them (`Palette`), and views only ever use the styles of `Theme`.
public enum ThemeColor: UInt8, CaseIterable, Sendable {
    case accent, muted, error, success, warning, p1, p2, p4, new, yourTurn, unread, marked, support
    case cursorForeground, cursorBackground, editorBackground, arrivalForeground, arrivalBackground

    /// Its name in `[theme]`.
    public var name: String {
        switch self {
        case .yourTurn: "your-turn"
        case .cursorForeground: "cursor-fg"
        case .cursorBackground: "cursor-bg"
        case .editorBackground: "editor-bg"
        case .arrivalForeground: "arrival-fg"
        case .arrivalBackground: "arrival-bg"
        default: "\(self)"
        }
    }

    public var about: String {
        switch self {
        case .accent: "the app's name on the tab bar"
        case .muted: "hints, labels, borders, column headings, closed cases"
        case .error: "errors, escalated cases, response targets passed"
        case .success: "what was done; Solution provided"
        case .warning: "warnings; a response target near"
        case .p1, .p2, .p4: "severity \(name.uppercased())"
        case .new: "status New"
        case .yourTurn: "Action required; cases waiting on you"
        case .unread: "the unread mark"
        case .marked: "the mark of a marked row"
        case .support: "support's name in a case's history"
        case .cursorForeground: "text on the cursor row"
        case .cursorBackground: "the cursor row's bar"
        case .editorBackground: "a message editor's text block"
        case .arrivalForeground: "the status line's text when someone else changed a case"
        case .arrivalBackground: "the status line then"
        }
    }

    /// careportal's colour, and the one it uses on a terminal of eight colours: chosen to read on a dark and on a
    /// light background there (grey text would be white, so muted text is the terminal's own colour).
    var standard: Palette.Entry {
        switch self {
        case .accent: .init(.indexed(39), eight: .ansi(6))
        case .muted: .init(.indexed(245), eight: .default)
        case .error, .p1: .init(.ansi(1))
        case .success: .init(.ansi(2))
        case .warning, .p2: .init(.indexed(214), eight: .ansi(3))
        case .p4: .init(.indexed(74))  // cyan on eight colours: blue is hard to read on a dark background
        case .new, .unread, .support: .init(.ansi(6))
        case .yourTurn: .init(.ansi(5))
        case .marked: .init(.ansi(3))
        case .cursorForeground: .init(.indexed(231), eight: .ansi(7))
        case .cursorBackground: .init(.indexed(24), eight: .ansi(4))
        case .editorBackground: .init(.indexed(236), eight: .default)
        case .arrivalForeground: .init(.indexed(16), eight: .ansi(0))
        case .arrivalBackground: .init(.indexed(214), eight: .ansi(3))
        }
    }

    var color: Color { .themed(rawValue) }

    /// careportal's colours.
    public static let standardPalette = Palette(allCases.map(\.standard))

    /// The palette with the config file's `[theme]` applied, and what of it couldn't be (an unknown name or colour:
    /// that one keeps careportal's colour).
    public static func palette(_ settings: [ThemeSetting]) -> (Palette, problems: [String]) {
        var palette = standardPalette
        var problems: [String] = []
        for setting in settings {
            let at = setting.line.map { "line \($0): " } ?? ""
            guard let color = ThemeColor.allCases.first(where: { $0.name == setting.name }) else {
                problems.append("\(at)theme.\(setting.name): no such colour (`careportal theme` lists them)")
                continue
            }
            guard let value = Color(parsing: setting.value) else {
                problems.append("\(at)theme.\(setting.name): \"\(setting.value)\" is not a colour (\"red\", \"bright-blue\", \"214\", \"#5fafd7\", \"default\")")
                continue
            }
            palette.entries[Int(color.rawValue)] = Palette.Entry(value)
        }
        return (palette, problems)
    }
}

/// Styles per meaning, so views never pick colours themselves.
enum Theme {
    static let plain = Style.plain
    static let dim = Style.fg(ThemeColor.muted.color)
    static let bold = Style.bold
    static let brand = Style(fg: ThemeColor.accent.color, bold: true)
    static let tabActive = Style(bold: true, reverse: true)
    static let tabInactive = dim
    static let title = Style.bold
    static let columnHeader = Style(fg: ThemeColor.muted.color, bold: true)
    static let heading = Style.bold
    static let label = dim
    static let key = Style.bold
    static let hint = dim
    static let border = dim
    static let error = Style(fg: ThemeColor.error.color, bold: true)
    static let errorMark = Style(fg: ThemeColor.error.color, bold: true, underline: true)
    static let success = Style.fg(ThemeColor.success.color)
    static let info = Style.plain
    static let warning = Style.fg(ThemeColor.warning.color)
    static let escalated = Style(fg: ThemeColor.error.color, bold: true)
    static let field = Style.underline
    /// A multi-line editor: a block of its own, where underlining every empty line would be noise.
    static let textArea = Style(bg: ThemeColor.editorBackground.color)
    static let caret = Style.reverse
    /// A marked row's mark.
    static let marked = Style(fg: ThemeColor.marked.color, bold: true)
    /// An unread row's mark (the row itself is bold).
    static let unreadMark = Style(fg: ThemeColor.unread.color, bold: true)
    /// The Waiting column: your turn, and support past its response target.
    static let waitingOnYou = Style(fg: ThemeColor.yourTurn.color, bold: true)
    static let breached = Style(fg: ThemeColor.error.color, bold: true)
    /// The status line when someone else just changed a case.
    static let arrival = Style(fg: ThemeColor.arrivalForeground.color, bg: ThemeColor.arrivalBackground.color, bold: true)
    /// A match of `/` in an open case.
    static let match = Style(bold: true, reverse: true)
    /// The cursor row: a coloured bar that keeps each cell's own colour; monochrome terminals show it reversed.
    static let cursorRow = Style(fg: ThemeColor.cursorForeground.color, bg: ThemeColor.cursorBackground.color)
    static func onCursorRow(_ style: Style) -> Style {
        var s = style
        s.bg = cursorRow.bg
        if s.fg == .default || s.fg == dim.fg { s.fg = cursorRow.fg }
        return s
    }
    static let supportAuthor = Style(fg: ThemeColor.support.color, bold: true)

    static func severity(_ s: Severity) -> Style {
        switch s {
        case .p1: Style(fg: ThemeColor.p1.color, bold: true)
        case .p2: Style.fg(ThemeColor.p2.color)
        case .p3: plain
        case .p4: Style.fg(ThemeColor.p4.color)
        }
    }

    static func status(_ s: CaseStatus) -> Style {
        switch s {
        case .new: Style.fg(ThemeColor.new.color)
        case .inProgress: plain
        case .actionRequired: Style(fg: ThemeColor.yourTurn.color, bold: true)  // waits on the reseller: it must stand out
        case .solutionProvided: Style.fg(ThemeColor.success.color)
        case .closed: dim
        }
    }
}
