import Domain
import Foundation

/// Work the runtime does off the input loop. Effects that answer carry the request id their
/// `Action.reply` comes back with; `session` is an index into `AppState.sessions` when it is issued.
public enum Effect: Equatable, Sendable {
    /// A page of a case list: the first (`.first`), the last (`.last`, read from the end), or the one after or before a row.
    case loadCases(request: Int, session: Int, scope: CaseScope, query: CaseQuery, sort: CaseSort, page: PageAnchor, limit: Int)
    /// The unified inbox: every listed session's cases merged in `sort` order.
    case loadMergedCases(request: Int, sessions: [Int], query: CaseQuery, sort: CaseSort, page: PageAnchor, limit: Int)
    case countCases(request: Int, session: Int, scope: CaseScope, query: CaseQuery, cap: Int)
    /// A count beside the list (a tab's unread cases, a saved view's): never superseded by the list's own counts.
    case countAside(request: Int, session: Int, scope: CaseScope, query: CaseQuery, cap: Int)
    /// Every customer of the session's domain (the new-case wizard, the admin screen).
    case loadCustomers(request: Int, session: Int)
    /// A page of My Customers: the first (`after` nil) or the one after a row, narrowed by `search`.
    case loadCustomerPage(request: Int, session: Int, search: CustomerSearch, after: CustomerAfter?, limit: Int)
    case loadCase(request: Int, session: Int, number: Int)
    /// `:`: case `number` as `session` sees it, answered like `loadCase` but never superseded by a screen's load.
    case findCase(request: Int, session: Int, number: Int)
    /// Text for the terminal's clipboard (OSC 52); no answer.
    case copyToClipboard(String)
    /// The terminal's bell (`bell = true`); no answer.
    case ringBell
    /// A saved view appended to the config file (its comments kept); answered by `.done` or `.failed`.
    case saveView(request: Int, SavedView)
    /// `|`: the runtime leaves the full screen, shows `text` in `$PAGER` and comes back; answered by `.done` or
    /// `.failed` (no pager).
    case showInPager(request: Int, text: String)
    case signIn(request: Int, email: String, password: String, location: String)
    /// Sign out of the session at this index. The state has already removed its tab.
    case signOut(session: Int)
    /// The session just signed in (the last) takes index `session`, whose session (of the same domain) is signed out:
    /// the tab stays where it was.
    case replaceSession(session: Int)
    /// `session` is the active tab when there is one.
    case sendFeedback(request: Int, session: Int?, screen: String, message: String)
    /// Every change to a case, checked again by the portal.
    case caseCommand(request: Int, session: Int, number: Int, CaseCommand)
    /// The case read (as of `seen`, the update time shown) or unread for the session's user alone; answered by `.done`.
    case setRead(request: Int, session: Int, number: Int, read: Bool, seen: Date?)
    /// Files a case from the wizard; answered by `.filed`.
    case fileCase(request: Int, session: Int, NewCase)
    /// Form drafts, saved as you type (at most about once a second).
    case saveDraft(request: Int, session: Int, form: DraftForm, content: String)
    case discardDraft(request: Int, session: Int, form: DraftForm)
    case loadDraft(request: Int, session: Int, form: DraftForm)
    /// The active user's drafts.
    case loadDrafts(request: Int, session: Int)
    /// Tab in a file path field.
    case completePath(request: Int, text: String)
    /// A file about to be attached: its size, or why it can't be read.
    case inspectFile(request: Int, path: String)
    /// Ctrl-E in a multi-line editor: the runtime leaves the full screen, runs `$VISUAL` or `$EDITOR` on the
    /// text and comes back.
    case editExternally(request: Int, text: String)
    /// The super administrator's screen.
    case loadAdmin(request: Int, session: Int)
    /// A super administrator's change, through the same command as `careportal admin`.
    case adminChange(request: Int, session: Int, AdminChange)
    case quit

    /// The session (tab index) it acts as; nil for effects of no session (and feedback sent before signing in).
    public var session: Int? {
        switch self {
        case .loadCases(_, let s, _, _, _, _, _), .countCases(_, let s, _, _, _), .countAside(_, let s, _, _, _), .loadCustomers(_, let s),
             .loadCustomerPage(_, let s, _, _, _),
             .loadCase(_, let s, _),
             .findCase(_, let s, _),
             .caseCommand(_, let s, _, _), .setRead(_, let s, _, _, _), .fileCase(_, let s, _), .saveDraft(_, let s, _, _), .discardDraft(_, let s, _),
             .loadDraft(_, let s, _), .loadDrafts(_, let s), .loadAdmin(_, let s), .adminChange(_, let s, _):
            s
        case .sendFeedback(_, let s, _, _):
            s
        case .loadMergedCases, .signIn, .completePath, .inspectFile, .editExternally, .signOut, .replaceSession, .quit,
             .copyToClipboard, .showInPager, .ringBell, .saveView:
            nil
        }
    }

    /// The id its answer comes back with; nil for effects that don't answer.
    public var request: Int? {
        switch self {
        case .loadCases(let r, _, _, _, _, _, _), .loadMergedCases(let r, _, _, _, _, _), .countCases(let r, _, _, _, _),
             .countAside(let r, _, _, _, _),
             .loadCustomers(let r, _), .loadCustomerPage(let r, _, _, _, _), .loadCase(let r, _, _), .findCase(let r, _, _), .signIn(let r, _, _, _), .sendFeedback(let r, _, _, _),
             .caseCommand(let r, _, _, _), .setRead(let r, _, _, _, _), .fileCase(let r, _, _), .saveDraft(let r, _, _, _), .discardDraft(let r, _, _),
             .loadDraft(let r, _, _), .loadDrafts(let r, _), .completePath(let r, _), .inspectFile(let r, _),
             .editExternally(let r, _), .showInPager(let r, _), .loadAdmin(let r, _), .adminChange(let r, _, _), .saveView(let r, _):
            r
        case .signOut, .replaceSession, .quit, .copyToClipboard, .ringBell:
            nil
        }
    }
}
