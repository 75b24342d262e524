import Domain
import ScreenKit

/// A key binding: the keys, what they do, the help text of the overlay, an optional short
/// hint for the status line, and the screens where it applies.
struct KeyBinding<C: Equatable & Sendable>: Sendable {
    var keys: [Key]
    var command: C
    var help: String
    var hint: String?
    var contexts: Set<KeyContext>

    init(_ keys: [Key], _ command: C, _ help: String, hint: String? = nil, in contexts: Set<KeyContext> = KeyContext.all) {
        self.keys = keys; self.command = command; self.help = help; self.hint = hint; self.contexts = contexts
    }

    /// "j ↓", as the help overlay lists the keys.
    var keyLabel: String { keys.map(\.name).joined(separator: " ") }
}

/// Every key of the app, declared once. The help overlay, the status-line hints and the
/// "can't do that here" messages are generated from these tables; order is hint priority.
enum Keymap {
    static let main: [KeyBinding<Command>] = [
        .init([.enter], .open, "open the selected case or customer", hint: "open", in: KeyContext.lists),
        .init([.char("/")], .editFilter, "filter as you type (Enter keeps, Esc cancels, Ctrl-U clears)", hint: "filter",
              in: KeyContext.lists),
        .init([.char("o")], .cycleSort, "cycle sort: updated, created, severity, status", hint: "sort", in: [.caseList]),
        .init([.char("I")], .reverseOrder, "invert the order: oldest first, P4 first (the header shows ↑)", in: [.caseList]),
        .init([.char("?")], .help, "help: the keys of this screen", hint: "help"),
        .init([.char("q")], .backOrQuit, "back; quit on the top screen", hint: "back"),
        .init([.escape], .back, "back"),
        .init([.char("1")], .show(.myCases), "My Cases", hint: "cases"),
        .init([.char("2")], .show(.customers), "My Customers", hint: "customers"),
        .init([.char("3")], .show(.allDomains), "All domains: every signed-in domain merged", hint: "all"),
        .init([.char("S")], .sessions, "sessions: switch, sign in to another domain, sign out", hint: "sessions"),
        .init([.char("[")], .previousSession, "previous signed-in domain"),
        .init([.char("]")], .nextSession, "next signed-in domain"),
        .init([.char("r")], .refresh, "refresh"),
        .init([.char("j"), .down], .move(.down), "move down"),
        .init([.char("k"), .up], .move(.up), "move up"),
        .init([.pageDown], .move(.pageDown), "page down"),
        .init([.pageUp], .move(.pageUp), "page up"),
        .init([.char("g"), .home], .move(.top), "go to the top (a case list's first case)"),
        .init([.char("G"), .end], .move(.bottom), "go to the bottom (a case list's last case, read at once)"),
        .init([.char("m")], .caseAction(.message), "message support (case history)", in: [.caseDetail]),
        .init([.char("p")], .caseAction(.severity), "change severity", in: [.caseDetail]),
        .init([.char("a")], .caseAction(.attach), "attach a file", in: [.caseDetail]),
        .init([.char("e")], .caseAction(.escalate), "escalate (Premium support customers)", in: [.caseDetail]),
        .init([.char("x")], .caseAction(.close), "close case", in: [.caseDetail]),
        .init([.char("O")], .caseAction(.reopen), "reopen case (within \(Limits.reopenWindowDays) days of closing)", in: [.caseDetail]),
        .init([.char("h")], .caseAction(.sharing), "case sharing addresses", in: [.caseDetail]),
        .init([.char("t")], .caseAction(.status), "set the status (support engineers)", in: [.caseDetail]),
        .init([.char("R")], .caseAction(.removeAttachment), "remove an attachment (support engineers)", in: [.caseDetail]),
        .init([.char(" ")], .mark(.toggle), "mark or unmark the case; x p h u act on every marked case", in: [.caseList]),
        .init([.char("*")], .mark(.all), "mark every loaded case of the list", in: [.caseList]),
        .init([.char("x")], .bulk(.close), "close the marked cases (asks first, naming how many)", in: [.caseList]),
        .init([.char("p")], .bulk(.severity), "change the severity of the marked cases", in: [.caseList]),
        .init([.char("h")], .bulk(.share), "add a sharing address to the marked cases", in: [.caseList]),
        .init([.tab], .nextView, "the next saved view (a section above the list)", in: [.caseList]),
        .init([.backTab], .previousView, "the previous saved view", in: [.caseList]),
        .init([.char("s")], .saveView, "save the filter and order on screen as a view (asks for a name)", in: [.caseList]),
        .init([.char("u")], .toggleRead, "read or unread: the case, or every marked case",
              in: [.caseList]),
        .init([.char("P")], .togglePreview, "preview pane on or off: the case beside the list (160+ columns)",
              in: [.caseList]),
        .init([.char(":")], .jump, "go to a case by its number (in any signed-in domain)"),
        .init([.char("y")], .copy(.number), "copy the case number to the clipboard (OSC 52)", in: [.caseList, .caseDetail]),
        .init([.char("Y")], .copy(.summary), "copy a one-line summary: Case N · P2 · customer · title", in: [.caseList, .caseDetail]),
        .init([.char("/")], .searchCase, "search the case's description and history; then n / N: next / previous match, Esc: clear",
              hint: "search", in: [.caseDetail]),
        .init([.char("|")], .pageCase, "the whole case as text in $PAGER (less -R when unset)", in: [.caseDetail]),
        .init([.char("n")], .newCase, "new case"),
        .init([.char("D")], .drafts, "drafts: go on with a saved form, or discard it"),
        .init([.char("A")], .admin, "admin: users, licences and customer access (super administrators)"),
        .init([.char("F")], .feedback, "send feedback"),
        .init([.ctrl("c")], .quit, "quit"),
    ]

    static let editing: [KeyBinding<EditCommand>] = [
        .init([.left], .left, "caret left"),
        .init([.right], .right, "caret right"),
        .init([.home, .ctrl("a")], .home, "start of the line"),
        .init([.end, .ctrl("e")], .end, "end of the line"),
        .init([.backspace], .deleteBackward, "delete the character before the caret"),
        .init([.delete], .deleteForward, "delete the character under the caret"),
        .init([.ctrl("u")], .clear, "clear", hint: "clear"),
        .init([.ctrl("w")], .deleteWord, "delete the word before the caret"),
    ]

    static let filterBar: [KeyBinding<FieldCommand>] = [
        .init([.enter], .submit, "apply the filter and close the bar", hint: "apply"),
        .init([.escape], .cancel, "cancel: restore the previous filter", hint: "cancel"),
    ] + editingAsField

    // One rule for sending: Ctrl-S sends from every form, and Enter too where the text is one line.
    static let signIn: [KeyBinding<FieldCommand>] = [
        .init([.enter, .ctrl("s")], .submit, "sign in (from the email field: go to the password)", hint: "sign in"),
        .init([.tab, .down], .nextField, "next field: email, password, where", hint: "next field"),
        .init([.backTab, .up], .previousField, "previous field"),
        .init([.escape], .cancel, "back to the signed-in domains (Ctrl-C quits)", hint: "back"),
    ] + editingAsField

    static let caseSearch: [KeyBinding<FieldCommand>] = [
        .init([.enter], .submit, "search (an empty text clears the search)", hint: "search"),
        .init([.escape], .cancel, "cancel", hint: "cancel"),
    ] + editingAsField

    static let bulkShare: [KeyBinding<FieldCommand>] = [
        .init([.enter], .submit, "add the address to every marked case", hint: "add"),
        .init([.escape], .cancel, "cancel: nothing changes", hint: "cancel"),
    ] + editingAsField

    static let saveView: [KeyBinding<FieldCommand>] = [
        .init([.enter], .submit, "save the view", hint: "save"),
        .init([.escape], .cancel, "cancel: nothing is saved", hint: "cancel"),
    ] + editingAsField

    static let jump: [KeyBinding<FieldCommand>] = [
        .init([.enter], .submit, "go to the case", hint: "go"),
        .init([.escape], .cancel, "cancel", hint: "cancel"),
    ] + editingAsField

    static let feedback: [KeyBinding<FieldCommand>] = [
        .init([.enter, .ctrl("s")], .submit, "send the feedback", hint: "send"),
        .init([.escape], .cancel, "cancel", hint: "cancel"),
    ] + editingAsField

    static let messageEditor: [KeyBinding<EditorCommand>] = [
        .init([.ctrl("s")], .send, "send the message", hint: "send"),
        .init([.escape], .close, "close; the text is kept as a draft", hint: "close (keeps the text)"),
        .init([.enter], .newline, "new line", hint: "new line"),
        .init([.ctrl("e")], .externalEditor, "write the message in $VISUAL or $EDITOR", hint: "$EDITOR"),
    ]

    /// The escalation form; in the reason list j k choose, in the text every other key edits it.
    static let escalate: [KeyBinding<CaseFormCommand>] = [
        .init([.ctrl("s")], .send, "escalate the case", hint: "escalate"),
        .init([.tab, .backTab], .switchFocus, "switch between the reason and the justification", hint: "reason/text"),
        .init([.escape], .close, "cancel: nothing is sent", hint: "cancel"),
    ]

    /// The sharing form; in the field every other key edits the address.
    static let sharing: [KeyBinding<CaseFormCommand>] = [
        .init([.ctrl("s")], .send, "save the sharing changes", hint: "save"),
        .init([.enter], .add, "add the typed address", hint: "add"),
        .init([.tab, .backTab], .switchFocus, "switch between the address field and the list", hint: "field/list"),
        .init([.escape], .close, "cancel: nothing changes", hint: "cancel"),
    ]

    /// The list of a case form (escalation reasons, sharing addresses) when it has the focus.
    static let formList: [KeyBinding<CaseFormCommand>] = [
        .init([.char("j"), .down], .down, "move down"),
        .init([.char("k"), .up], .up, "move up"),
        .init([.char("x"), .char("d"), .delete], .toggleRemove, "mark or unmark the address for removal", hint: "remove"),
    ]

    /// The create-case wizard. In a list, typing searches and ↑ ↓ Enter choose; in a text, keys edit it.
    static let newCase: [KeyBinding<WizardCommand>] = [
        .init([.ctrl("s")], .submit, "check every field and show the review; on the review page, file the case", hint: "review/file"),
        .init([.tab], .next, "next field (in a file path: complete it)", hint: "next"),
        .init([.backTab], .previous, "previous field", hint: "back"),
        .init([.ctrl("e")], .externalEditor, "write the description in $VISUAL or $EDITOR", hint: "$EDITOR"),
        .init([.escape], .close, "leave; everything is kept as a draft (n goes on)", hint: "leave"),
    ]

    /// The attach form of an open case.
    static let attach: [KeyBinding<AttachCommand>] = [
        .init([.ctrl("s")], .attach, "attach the listed files", hint: "attach"),
        .init([.escape], .close, "cancel: nothing is attached", hint: "cancel"),
    ]

    static let drafts: [KeyBinding<DraftsCommand>] = [
        .init([.enter], .open, "go on with the selected draft", hint: "open"),
        .init([.char("x"), .delete], .discard, "discard the selected draft (asks first)", hint: "discard"),
        .init([.char("j"), .down], .down, "move down"),
        .init([.char("k"), .up], .up, "move up"),
        .init([.escape, .char("q"), .char("D")], .close, "close", hint: "close"),
    ]

    static let admin: [KeyBinding<AdminCommand>] = [
        .init([.tab, .backTab], .switchSection, "switch between users and customers", hint: "users/customers"),
        .init([.char("l")], .licence, "assign or unassign the user's Cloud Identity Free licence", hint: "licence"),
        .init([.char("s")], .suspend, "suspend or unsuspend the user (asks first)", hint: "suspend"),
        .init([.char("g")], .grant, "grant or revoke the customer's access for this domain", hint: "grant"),
        .init([.char("r")], .refresh, "refresh"),
        .init([.char("j"), .down], .down, "move down"),
        .init([.char("k"), .up], .up, "move up"),
        .init([.escape, .char("q"), .char("A")], .close, "close", hint: "close"),
    ]

    static let choice: [KeyBinding<ChoiceCommand>] = [
        .init([.enter], .choose, "choose the selected one", hint: "choose"),
        .init([.char("j"), .down], .down, "move down", hint: "move"),
        .init([.char("k"), .up], .up, "move up"),
        .init([.escape, .char("q")], .close, "cancel: nothing changes", hint: "cancel"),
    ]

    static let confirm: [KeyBinding<ConfirmCommand>] = [
        .init([.char("y"), .char("Y")], .yes, "yes", hint: "yes"),
        .init([.char("n"), .char("N"), .escape, .char("q")], .no, "no: nothing changes", hint: "no"),
    ]

    static let draftChoice: [KeyBinding<DraftChoiceCommand>] = [
        .init([.char("r")], .resume, "go on with the saved draft", hint: "resume draft"),
        .init([.char("n")], .startNew, "start a new case for the customer in view (the draft is kept)", hint: "new for this customer"),
        .init([.escape, .char("q")], .cancel, "cancel", hint: "cancel"),
    ]

    static let sessions: [KeyBinding<SessionsCommand>] = [
        .init([.enter], .choose, "switch to the selected domain", hint: "switch"),
        .init([.char("s")], .signIn, "sign in to another domain", hint: "sign in"),
        .init([.char("x")], .signOut, "sign out of the selected domain (asks first)", hint: "sign out"),
        .init([.char("j"), .down], .down, "move down"),
        .init([.char("k"), .up], .up, "move up"),
        .init([.escape, .char("q"), .char("S")], .close, "close", hint: "close"),
    ]

    static let help: [KeyBinding<HelpCommand>] = [
        .init([.escape, .char("?"), .char("q")], .close, "close", hint: "close"),
        .init([.char("j"), .down], .down, "scroll down", hint: "scroll"),
        .init([.char("k"), .up], .up, "scroll up"),
    ]

    private static var editingAsField: [KeyBinding<FieldCommand>] {
        editing.map { .init($0.keys, .edit($0.command), $0.help, hint: $0.hint, in: $0.contexts) }
    }

    /// A table's hints for a form's bottom line: "Ctrl-S send  Esc close …".
    static func hints<C>(_ table: [KeyBinding<C>], keyLabels: Bool = false) -> [(keys: String, label: String)] {
        table.compactMap { b in b.hint.map { (keyLabels ? b.keyLabel : b.keys[0].name, $0) } }
    }

    /// The key a screen command is on, as messages name it ("m", "Ctrl-E").
    static func name(of command: Command) -> String {
        main.first { $0.command == command }?.keys.first?.name ?? "?"
    }

    static func binding<C>(for key: Key, in table: [KeyBinding<C>]) -> KeyBinding<C>? {
        table.first { $0.keys.contains(key) }
    }

    /// The binding of `key` on a screen of `context` (a key may do different things on different screens: `/` filters a
    /// list and searches a case); one of another screen when none applies here, to say why it doesn't.
    static func binding<C>(for key: Key, in table: [KeyBinding<C>], context: KeyContext) -> KeyBinding<C>? {
        table.first { $0.keys.contains(key) && $0.contexts.contains(context) } ?? binding(for: key, in: table)
    }

    static func bindings<C>(_ table: [KeyBinding<C>], in context: KeyContext) -> [KeyBinding<C>] {
        table.filter { $0.contexts.contains(context) }
    }
}

extension KeyBinding where C == Command {
    /// Why `key` does nothing on a screen of `context`.
    func unavailable(key: Key, in context: KeyContext) -> String {
        let reason: String
        if contexts == [.caseDetail] {
            reason = "no case is open; select one and press Enter"
        } else if contexts == [.caseList] {
            reason = context == .customers
                ? "My Customers lists customers; open one with Enter to see its cases"
                : "only case lists have it"
        } else {
            reason = "not on this screen"
        }
        return "\(key.name) (\(help)): \(reason)."
    }
}
