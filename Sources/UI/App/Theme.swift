import Domain
import ScreenKit

/// Styles per meaning, so views never pick colours themselves.
/// Dim is a grey (there is no dim attribute) that degrades to white on 8-colour terminals, never to black.
enum Theme {
    static let plain = Style.plain
    static let dim = Style.fg(.indexed(245))
    static let bold = Style.bold
    static let brand = Style(fg: .indexed(39), bold: true)
    static let tabActive = Style(bold: true, reverse: true)
    static let tabInactive = dim
    static let title = Style.bold
    static let columnHeader = Style(fg: .indexed(245), bold: true)
    static let heading = Style.bold
    static let label = dim
    static let key = Style.bold
    static let hint = dim
    static let border = dim
    static let error = Style(fg: .ansi(1), bold: true)
    static let errorMark = Style(fg: .ansi(1), bold: true, underline: true)
    static let success = Style.fg(.ansi(2))
    static let info = Style.plain
    static let warning = Style.fg(.indexed(214))
    static let escalated = Style(fg: .ansi(1), bold: true)
    static let field = Style.underline
    /// A multi-line editor: a block of its own, where underlining every empty line would be noise.
    static let textArea = Style(bg: .indexed(236))
    static let caret = Style.reverse
    /// A marked row's mark.
    static let marked = Style(fg: .ansi(3), bold: true)
    /// An unread row's mark (the row itself is bold).
    static let unreadMark = Style(fg: .ansi(6), bold: true)
    /// The Waiting column: your turn, and support past its response target.
    static let waitingOnYou = Style(fg: .ansi(5), bold: true)
    static let breached = Style(fg: .ansi(1), bold: true)
    /// The status line when someone else just changed a case.
    static let arrival = Style(fg: .indexed(16), bg: .indexed(214), bold: true)
    /// A match of `/` in an open case.
    static let match = Style(bold: true, reverse: true)
    /// The cursor row: a coloured bar that keeps each cell's own colour; monochrome terminals show it reversed.
    static let cursorRow = Style(fg: .indexed(231), bg: .indexed(24))
    static func onCursorRow(_ style: Style) -> Style {
        var s = style
        s.bg = cursorRow.bg
        if s.fg == .default || s.fg == dim.fg { s.fg = cursorRow.fg }
        return s
    }
    static let supportAuthor = Style(fg: .ansi(6), bold: true)

    static func severity(_ s: Severity) -> Style {
        switch s {
        case .p1: Style(fg: .ansi(1), bold: true)
        case .p2: Style.fg(.indexed(214))
        case .p3: plain
        case .p4: Style.fg(.indexed(74))
        }
    }

    static func status(_ s: CaseStatus) -> Style {
        switch s {
        case .new: Style.fg(.ansi(6))
        case .inProgress: plain
        case .actionRequired: Style(fg: .ansi(5), bold: true)  // waits on the reseller: it must stand out
        case .solutionProvided: Style.fg(.ansi(2))
        case .closed: dim
        }
    }
}
