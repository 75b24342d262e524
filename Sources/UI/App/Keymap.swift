import Domain
import ScreenKit

/// A key binding: the keys, what they do, the help text of the overlay, an optional short
/// hint for the status line, and the screens where it applies.
struct KeyBinding<C: Equatable & Sendable>: Equatable, Sendable {
    /// Its name in the config file's `[keys]` (`message = "M"`), unique in its table.
    let name: String
    var keys: [Key]
    var command: C
    var help: String
    var hint: String?
    var contexts: Set<KeyContext>

    init(_ name: String, _ keys: [Key], _ command: C, _ help: String, hint: String? = nil, in contexts: Set<KeyContext> = KeyContext.all) {
        self.name = name; self.keys = keys; self.command = command; self.help = help; self.hint = hint; self.contexts = contexts
    }

    /// "j ↓", as the help overlay lists the keys.
    var keyLabel: String { keys.map(\.name).joined(separator: " ") }
}

/// Every key of the app, declared once. The help overlay, the status-line hints and the
/// "can't do that here" messages are generated from these tables; order is hint priority.
struct Keymap: Equatable, Sendable {
    var main: [KeyBinding<Command>] = [
        .init("open", [.enter], .open, "open the selected case or customer", hint: "open", in: KeyContext.lists),
        .init("filter", [.char("/")], .editFilter, "filter as you type (Enter keeps, Esc cancels, Ctrl-U clears)", hint: "filter",
              in: KeyContext.lists),
        .init("sort", [.char("o")], .cycleSort, "cycle sort: updated, created, severity, status", hint: "sort", in: [.caseList]),
        .init("reverse", [.char("I")], .reverseOrder, "invert the order: oldest first, P4 first (the header shows ↑)", in: [.caseList]),
        .init("help", [.char("?")], .help, "help: the keys of this screen", hint: "help"),
        .init("back-or-quit", [.char("q")], .backOrQuit, "back; quit on the top screen", hint: "back"),
        .init("back", [.escape], .back, "back"),
        .init("my-cases", [.char("1")], .show(.myCases), "My Cases", hint: "cases"),
        .init("customers", [.char("2")], .show(.customers), "My Customers", hint: "customers"),
        .init("all-domains", [.char("3")], .show(.allDomains), "All domains: every signed-in domain merged", hint: "all"),
        .init("sessions", [.char("S")], .sessions, "sessions: switch, sign in to another domain, sign out", hint: "sessions"),
        .init("previous-domain", [.char("[")], .previousSession, "previous signed-in domain"),
        .init("next-domain", [.char("]")], .nextSession, "next signed-in domain"),
        .init("refresh", [.char("r")], .refresh, "refresh"),
        .init("down", [.char("j"), .down], .move(.down), "move down"),
        .init("up", [.char("k"), .up], .move(.up), "move up"),
        .init("page-down", [.pageDown], .move(.pageDown), "page down"),
        .init("page-up", [.pageUp], .move(.pageUp), "page up"),
        .init("top", [.char("g"), .home], .move(.top), "go to the top (a case list's first case)"),
        .init("bottom", [.char("G"), .end], .move(.bottom), "go to the bottom (a case list's last case, read at once)"),
        .init("message", [.char("m")], .caseAction(.message), "message support (case history)", in: [.caseDetail]),
        .init("severity", [.char("p")], .caseAction(.severity), "change severity", in: [.caseDetail]),
        .init("attach", [.char("a")], .caseAction(.attach), "attach a file", in: [.caseDetail]),
        .init("escalate", [.char("e")], .caseAction(.escalate), "escalate (Premium support customers)", in: [.caseDetail]),
        .init("close", [.char("x")], .caseAction(.close), "close case", in: [.caseDetail]),
        .init("reopen", [.char("O")], .caseAction(.reopen), "reopen case (within \(Limits.reopenWindowDays) days of closing)", in: [.caseDetail]),
        .init("sharing", [.char("h")], .caseAction(.sharing), "case sharing addresses", in: [.caseDetail]),
        .init("status", [.char("t")], .caseAction(.status), "set the status (support engineers)", in: [.caseDetail]),
        .init("remove-attachment", [.char("R")], .caseAction(.removeAttachment), "remove an attachment (support engineers)", in: [.caseDetail]),
        .init("mark", [.char(" ")], .mark(.toggle), "mark or unmark the case; x p h u act on every marked case", in: [.caseList]),
        .init("mark-all", [.char("*")], .mark(.all), "mark every loaded case of the list", in: [.caseList]),
        .init("bulk-close", [.char("x")], .bulk(.close), "close the marked cases (asks first, naming how many)", in: [.caseList]),
        .init("bulk-severity", [.char("p")], .bulk(.severity), "change the severity of the marked cases", in: [.caseList]),
        .init("bulk-share", [.char("h")], .bulk(.share), "add a sharing address to the marked cases", in: [.caseList]),
        .init("next-view", [.tab], .nextView, "the next saved view (a section above the list)", in: [.caseList]),
        .init("previous-view", [.backTab], .previousView, "the previous saved view", in: [.caseList]),
        .init("save-view", [.char("s")], .saveView, "save the filter and order on screen as a view (asks for a name)", in: [.caseList]),
        .init("read", [.char("u")], .toggleRead, "read or unread: the case, or every marked case",
              in: [.caseList]),
        .init("preview", [.char("P")], .togglePreview, "preview pane on or off: the case beside the list (160+ columns)",
              in: [.caseList]),
        .init("jump", [.char(":")], .jump, "go to a case by its number (in any signed-in domain)"),
        .init("copy-number", [.char("y")], .copy(.number), "copy the case number to the clipboard (OSC 52)", in: [.caseList, .caseDetail]),
        .init("copy-summary", [.char("Y")], .copy(.summary), "copy a one-line summary: Case N · P2 · customer · title", in: [.caseList, .caseDetail]),
        .init("search", [.char("/")], .searchCase, "search the case's description and history; then n / N: next / previous match, Esc: clear",
              hint: "search", in: [.caseDetail]),
        .init("pager", [.char("|")], .pageCase, "the whole case as text in $PAGER (less -R when unset)", in: [.caseDetail]),
        .init("new-case", [.char("n")], .newCase, "new case"),
        .init("drafts", [.char("D")], .drafts, "drafts: go on with a saved form, or discard it"),
        .init("admin", [.char("A")], .admin, "admin: setup, users, units, roles, licences, alerts (super admins)"),
        .init("feedback", [.char("F")], .feedback, "send feedback"),
        .init("quit", [.ctrl("c")], .quit, "quit"),
    ]

    var editing: [KeyBinding<EditCommand>] = [
        .init("left", [.left], .left, "caret left"),
        .init("right", [.right], .right, "caret right"),
        .init("home", [.home, .ctrl("a")], .home, "start of the line"),
        .init("end", [.end, .ctrl("e")], .end, "end of the line"),
        .init("backspace", [.backspace], .deleteBackward, "delete the character before the caret"),
        .init("delete", [.delete], .deleteForward, "delete the character under the caret"),
        .init("clear", [.ctrl("u")], .clear, "clear", hint: "clear"),
        .init("delete-word", [.ctrl("w")], .deleteWord, "delete the word before the caret"),
    ]

    var filterBarOwn: [KeyBinding<FieldCommand>] = [
        .init("apply", [.enter], .submit, "apply the filter and close the bar", hint: "apply"),
        .init("cancel", [.escape], .cancel, "cancel: restore the previous filter", hint: "cancel"),
    ]

    // One rule for sending: Ctrl-S sends from every form, and Enter too where the text is one line.
    var signInOwn: [KeyBinding<FieldCommand>] = [
        .init("sign-in", [.enter, .ctrl("s")], .submit, "sign in (from the email field: go to the password)", hint: "sign in"),
        .init("next-field", [.tab, .down], .nextField, "next field: email, password, where", hint: "next field"),
        .init("previous-field", [.backTab, .up], .previousField, "previous field"),
        .init("back", [.escape], .cancel, "back to the signed-in domains (Ctrl-C quits)", hint: "back"),
    ]

    var caseSearchOwn: [KeyBinding<FieldCommand>] = [
        .init("search", [.enter], .submit, "search (an empty text clears the search)", hint: "search"),
        .init("cancel", [.escape], .cancel, "cancel", hint: "cancel"),
    ]

    var bulkShareOwn: [KeyBinding<FieldCommand>] = [
        .init("add", [.enter], .submit, "add the address to every marked case", hint: "add"),
        .init("cancel", [.escape], .cancel, "cancel: nothing changes", hint: "cancel"),
    ]

    var saveViewOwn: [KeyBinding<FieldCommand>] = [
        .init("save", [.enter], .submit, "save the view", hint: "save"),
        .init("cancel", [.escape], .cancel, "cancel: nothing is saved", hint: "cancel"),
    ]

    var jumpOwn: [KeyBinding<FieldCommand>] = [
        .init("go", [.enter], .submit, "go to the case", hint: "go"),
        .init("cancel", [.escape], .cancel, "cancel", hint: "cancel"),
    ]

    var feedbackOwn: [KeyBinding<FieldCommand>] = [
        .init("send", [.enter, .ctrl("s")], .submit, "send the feedback", hint: "send"),
        .init("cancel", [.escape], .cancel, "cancel", hint: "cancel"),
    ]

    /// The admin screen's small forms (a new user, unit, role, a licence request, an alert redirect).
    var adminFormOwn: [KeyBinding<FieldCommand>] = [
        .init("save", [.enter, .ctrl("s")], .submit, "save", hint: "save"),
        .init("next-field", [.tab, .down], .nextField, "next field (a role's privileges too: Space ticks one)", hint: "next field"),
        .init("previous-field", [.backTab, .up], .previousField, "previous field"),
        .init("cancel", [.escape], .cancel, "cancel: nothing changes", hint: "cancel"),
    ]

    var messageEditor: [KeyBinding<EditorCommand>] = [
        .init("send", [.ctrl("s")], .send, "send the message", hint: "send"),
        .init("close", [.escape], .close, "close; the text is kept as a draft", hint: "close (keeps the text)"),
        .init("newline", [.enter], .newline, "new line", hint: "new line"),
        .init("external-editor", [.ctrl("e")], .externalEditor, "write the message in $VISUAL or $EDITOR", hint: "$EDITOR"),
    ]

    /// The escalation form; in the reason list j k choose, in the text every other key edits it.
    var escalate: [KeyBinding<CaseFormCommand>] = [
        .init("send", [.ctrl("s")], .send, "escalate the case", hint: "escalate"),
        .init("switch", [.tab, .backTab], .switchFocus, "switch between the reason and the justification", hint: "reason/text"),
        .init("cancel", [.escape], .close, "cancel: nothing is sent", hint: "cancel"),
    ]

    /// The sharing form; in the field every other key edits the address.
    var sharing: [KeyBinding<CaseFormCommand>] = [
        .init("save", [.ctrl("s")], .send, "save the sharing changes", hint: "save"),
        .init("add", [.enter], .add, "add the typed address", hint: "add"),
        .init("switch", [.tab, .backTab], .switchFocus, "switch between the address field and the list", hint: "field/list"),
        .init("cancel", [.escape], .close, "cancel: nothing changes", hint: "cancel"),
    ]

    /// The list of a case form (escalation reasons, sharing addresses) when it has the focus.
    var formList: [KeyBinding<CaseFormCommand>] = [
        .init("down", [.char("j"), .down], .down, "move down"),
        .init("up", [.char("k"), .up], .up, "move up"),
        .init("remove", [.char("x"), .char("d"), .delete], .toggleRemove, "mark or unmark the address for removal", hint: "remove"),
    ]

    /// The create-case wizard. In a list, typing searches and ↑ ↓ Enter choose; in a text, keys edit it.
    var newCase: [KeyBinding<WizardCommand>] = [
        .init("submit", [.ctrl("s")], .submit, "check every field and show the review; on the review page, file the case", hint: "review/file"),
        .init("next", [.tab], .next, "next field (in a file path: complete it)", hint: "next"),
        .init("previous", [.backTab], .previous, "previous field", hint: "back"),
        .init("external-editor", [.ctrl("e")], .externalEditor, "write the description in $VISUAL or $EDITOR", hint: "$EDITOR"),
        .init("leave", [.escape], .close, "leave; everything is kept as a draft (n goes on)", hint: "leave"),
    ]

    /// The attach form of an open case.
    var attach: [KeyBinding<AttachCommand>] = [
        .init("attach", [.ctrl("s")], .attach, "attach the listed files", hint: "attach"),
        .init("cancel", [.escape], .close, "cancel: nothing is attached", hint: "cancel"),
    ]

    var drafts: [KeyBinding<DraftsCommand>] = [
        .init("open", [.enter], .open, "go on with the selected draft", hint: "open"),
        .init("discard", [.char("x"), .delete], .discard, "discard the selected draft (asks first)", hint: "discard"),
        .init("down", [.char("j"), .down], .down, "move down"),
        .init("up", [.char("k"), .up], .up, "move up"),
        .init("close", [.escape, .char("q"), .char("D")], .close, "close", hint: "close"),
    ]

    var admin: [KeyBinding<AdminCommand>] = [
        .init("next-tab", [.tab], .nextSection, "next tab: setup, users, units, roles, licences, alerts, customers", hint: "tabs"),
        .init("previous-tab", [.backTab], .previousSection, "previous tab"),
        .init("add", [.char("n")], .add, "add: a secondary domain, user, unit or role; request more licences (by tab)", hint: "add"),
        .init("licence", [.char("l")], .licence, "assign or unassign the user's Cloud Identity Free licence", hint: "licence"),
        .init("suspend", [.char("s")], .suspend, "suspend or unsuspend the user (asks first)", hint: "suspend"),
        .init("move", [.char("o")], .move, "move the user to another organisational unit", hint: "unit"),
        .init("auto-licensing", [.char("a")], .autoLicensing, "turn the unit's auto-licensing on or off (asks first)", hint: "auto-licensing"),
        .init("assign", [.char("+")], .assign, "assign the role to a user", hint: "assign"),
        .init("remove", [.char("x")], .remove, "revoke the role from a user; clear an alert redirect (asks first)", hint: "revoke/clear"),
        .init("redirect", [.char("e")], .redirect, "redirect the user's email alerts to another address", hint: "redirect"),
        .init("grant", [.char("g")], .grant, "grant or revoke the customer's access for this domain", hint: "grant"),
        .init("refresh", [.char("r")], .refresh, "refresh"),
        .init("down", [.char("j"), .down], .down, "move down"),
        .init("up", [.char("k"), .up], .up, "move up"),
        .init("close", [.escape, .char("q"), .char("A")], .close, "close", hint: "close"),
    ]

    var choice: [KeyBinding<ChoiceCommand>] = [
        .init("choose", [.enter], .choose, "choose the selected one", hint: "choose"),
        .init("down", [.char("j"), .down], .down, "move down", hint: "move"),
        .init("up", [.char("k"), .up], .up, "move up"),
        .init("cancel", [.escape, .char("q")], .close, "cancel: nothing changes", hint: "cancel"),
    ]

    var confirm: [KeyBinding<ConfirmCommand>] = [
        .init("yes", [.char("y"), .char("Y")], .yes, "yes", hint: "yes"),
        .init("no", [.char("n"), .char("N"), .escape, .char("q")], .no, "no: nothing changes", hint: "no"),
    ]

    var draftChoice: [KeyBinding<DraftChoiceCommand>] = [
        .init("resume", [.char("r")], .resume, "go on with the saved draft", hint: "resume draft"),
        .init("new", [.char("n")], .startNew, "start a new case for the customer in view (the draft is kept)", hint: "new for this customer"),
        .init("cancel", [.escape, .char("q")], .cancel, "cancel", hint: "cancel"),
    ]

    var sessions: [KeyBinding<SessionsCommand>] = [
        .init("switch", [.enter], .choose, "switch to the selected domain", hint: "switch"),
        .init("sign-in", [.char("s")], .signIn, "sign in to another domain", hint: "sign in"),
        .init("sign-out", [.char("x")], .signOut, "sign out of the selected domain (asks first)", hint: "sign out"),
        .init("down", [.char("j"), .down], .down, "move down"),
        .init("up", [.char("k"), .up], .up, "move up"),
        .init("close", [.escape, .char("q"), .char("S")], .close, "close", hint: "close"),
    ]

    var help: [KeyBinding<HelpCommand>] = [
        .init("close", [.escape, .char("?"), .char("q")], .close, "close", hint: "close"),
        .init("down", [.char("j"), .down], .down, "scroll down", hint: "scroll"),
        .init("up", [.char("k"), .up], .up, "scroll up"),
    ]

    /// careportal's own keys; the config file's `[keys]` changes a copy of it (`remapped(by:)`).
    static let standard = Keymap()

    // A form with a text field has its own keys and the editing keys.
    var filterBar: [KeyBinding<FieldCommand>] { filterBarOwn + editingAsField }
    var signIn: [KeyBinding<FieldCommand>] { signInOwn + editingAsField }
    var caseSearch: [KeyBinding<FieldCommand>] { caseSearchOwn + editingAsField }
    var bulkShare: [KeyBinding<FieldCommand>] { bulkShareOwn + editingAsField }
    var saveView: [KeyBinding<FieldCommand>] { saveViewOwn + editingAsField }
    var jump: [KeyBinding<FieldCommand>] { jumpOwn + editingAsField }
    var feedback: [KeyBinding<FieldCommand>] { feedbackOwn + editingAsField }
    var adminForm: [KeyBinding<FieldCommand>] { adminFormOwn + editingAsField }

    private var editingAsField: [KeyBinding<FieldCommand>] {
        editing.map { .init($0.name, $0.keys, .edit($0.command), $0.help, hint: $0.hint, in: $0.contexts) }
    }

    /// A table's hints for a form's bottom line: "Ctrl-S send  Esc close …".
    static func hints<C>(_ table: [KeyBinding<C>], keyLabels: Bool = false) -> [(keys: String, label: String)] {
        table.compactMap { b in b.hint.map { (keyLabels ? b.keyLabel : b.keys[0].name, $0) } }
    }

    /// The key a screen command is on, as messages name it ("m", "Ctrl-E").
    func name(of command: Command) -> String {
        main.first { $0.command == command }?.keys.first?.name ?? "?"
    }

    /// The first key of a table's command, as messages name it ("y", "Enter").
    static func name<C>(of command: C, in table: [KeyBinding<C>]) -> String {
        table.first { $0.command == command }?.keys.first?.name ?? "?"
    }

    /// A choice's keys as a sentence says them: "move with j k, choose with Enter, or Esc to cancel".
    var choiceSentence: String {
        "move with \(Self.name(of: .down, in: choice)) \(Self.name(of: .up, in: choice)), choose with \(Self.name(of: .choose, in: choice)), "
            + "or \(Self.name(of: .close, in: choice)) to cancel"
    }

    /// "Press y or n."
    var yesOrNoSentence: String { "Press \(Self.name(of: .yes, in: confirm)) or \(Self.name(of: .no, in: confirm))." }

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
