/// Where a key binding applies.
enum KeyContext: Hashable, Sendable, CaseIterable {
    case caseList, customers, caseDetail

    static let all: Set<KeyContext> = Set(allCases)
    static let lists: Set<KeyContext> = [.caseList, .customers]
}

/// The commands of the screens, named as requests.
enum Command: Equatable, Sendable {
    case show(Root)
    case previousSession, nextSession, sessions
    case editFilter, cycleSort, reverseOrder, refresh
    case newCase, feedback, help, drafts, admin
    /// Esc: back; nothing to go back to on the top screen.
    case back
    /// q: back, or quit on the top screen.
    case backOrQuit
    case quit
    case move(ListCursor.Movement)
    case open
    case caseAction(CaseAction)
    /// `:`: go to a case by its number, in whichever signed-in domain may see it.
    case jump
    /// `y` the case number, `Y` a one-line summary, to the terminal's clipboard.
    case copy(CopyWhat)
    /// `|`: the open case as text in `$PAGER`.
    case pageCase
    /// `/` in an open case: search its description and history.
    case searchCase
    /// Space marks the cursor row, `*` every loaded row.
    case mark(MarkWhat)
    /// `x`, `p`, `h` on a list with marked rows: one change for every marked case.
    case bulk(BulkAction)
    /// `P`: the preview pane on or off.
    case togglePreview
    /// `u`: the case under the cursor (or every marked case) read or unread.
    case toggleRead
    /// Tab / Shift-Tab: the next or previous saved view's section.
    case nextView, previousView
    /// `s`: the filter and order on screen saved as a view.
    case saveView
}

enum MarkWhat: Equatable, Sendable {
    case toggle, all
}

/// The changes that can be made to every marked case at once.
enum BulkAction: Equatable, Sendable {
    case close, severity, share
}

/// What `y` and `Y` copy of the case under the cursor (or the open case).
enum CopyWhat: Equatable, Sendable {
    case number, summary
}

/// Editing keys of every text field.
enum EditCommand: Equatable, Sendable {
    case left, right, home, end, deleteBackward, deleteForward, clear, deleteWord
}

/// Keys of a form or bar with a text field: the filter bar, sign-in, feedback.
enum FieldCommand: Equatable, Sendable {
    case submit, cancel, nextField, previousField
    case edit(EditCommand)
}

/// Keys of the session switcher.
enum SessionsCommand: Equatable, Sendable {
    case up, down, choose, signIn, signOut, close
}

/// Keys of the help overlay.
enum HelpCommand: Equatable, Sendable {
    case up, down, close
}

/// Keys of the message editor; every other key edits the text (`TextField.handleMultiline`).
enum EditorCommand: Equatable, Sendable {
    case send, close, newline, externalEditor
}

/// Keys of a short list to choose from (the severity levels).
enum ChoiceCommand: Equatable, Sendable {
    case up, down, choose, close
}

/// Keys of a yes/no question.
enum ConfirmCommand: Equatable, Sendable {
    case yes, no
}

/// Keys of the question asked when `n` finds a new-case draft for another customer.
enum DraftChoiceCommand: Equatable, Sendable {
    case resume, startNew, cancel
}

/// Keys of the escalation and sharing forms; other keys go to the focused part (list or text).
enum CaseFormCommand: Equatable, Sendable {
    case send, close, switchFocus, add, up, down, toggleRemove
}

/// Keys of the create-case wizard; every other key goes to the focused field.
enum WizardCommand: Equatable, Sendable {
    case submit, next, previous, close, externalEditor
}

/// Keys of the attach form; every other key goes to the path field or the list of files.
enum AttachCommand: Equatable, Sendable {
    case attach, close
}

/// Keys of the Drafts list.
enum DraftsCommand: Equatable, Sendable {
    case up, down, open, discard, close
}

/// Keys of the admin screen.
enum AdminCommand: Equatable, Sendable {
    case up, down, nextSection, previousSection, add, licence, suspend, move, autoLicensing, assign, remove, redirect, grant, refresh, close
}
