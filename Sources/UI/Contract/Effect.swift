import Domain

/// Work the app runtime does off the input loop; results come back as actions.
/// `session` is an index into `AppState.sessions` (the tabs) at the time the effect is issued.
public enum Effect: Equatable, Sendable {
    case loadCases(request: Int, session: Int, scope: CaseScope, query: CaseQuery, sort: CaseSort, after: CaseRow?, limit: Int)
    /// The unified inbox: every listed session's cases merged in `sort` order.
    case loadMergedCases(request: Int, sessions: [Int], query: CaseQuery, sort: CaseSort, after: CaseRow?, limit: Int)
    case countCases(request: Int, session: Int, scope: CaseScope, query: CaseQuery, cap: Int)
    case loadCustomers(request: Int, session: Int)
    case loadCase(request: Int, session: Int, number: Int)
    case signIn(email: String, password: String)
    /// Sign out of the session at this index. The state has already removed its tab.
    case signOut(session: Int)
    /// `session` is the active tab when there is one.
    case sendFeedback(session: Int?, screen: String, message: String)
    /// Case commands; each is answered by `Action.commandSucceeded` or `.commandFailed` with the same request.
    case postMessage(request: Int, session: Int, number: Int, text: String)
    case changeSeverity(request: Int, session: Int, number: Int, severity: Severity)
    case closeCase(request: Int, session: Int, number: Int)
    case reopenCase(request: Int, session: Int, number: Int)
    case escalate(request: Int, session: Int, number: Int, reason: EscalationReason, justification: String)
    /// Adds and removes case sharing addresses (already checked with `Validate.sharing`).
    case shareCase(request: Int, session: Int, number: Int, add: [String], remove: [String])
    /// Form drafts, saved as you type (at most about once a second). `form` names the form: "message 10007919".
    case saveDraft(session: Int, form: String, content: String)
    case discardDraft(session: Int, form: String)
    /// Answered by `Action.draftLoaded` with the same request.
    case loadDraft(request: Int, session: Int, form: String)
    /// Files a case from the create-case wizard; answered by `Action.caseFiled` or `.commandFailed`.
    case fileCase(request: Int, session: Int, filing: CaseFiling)
    /// Attaches files (paths on this machine) to a case; answered by `.commandSucceeded` or `.commandFailed`.
    case attachFiles(request: Int, session: Int, number: Int, paths: [String])
    /// Tab in a file path field: answered by `Action.pathCompleted`.
    case completePath(request: Int, text: String)
    /// A file about to be attached: answered by `Action.fileInspected` with its size, or why it can't be read.
    case inspectFile(request: Int, path: String)
    /// Ctrl-E in a multi-line editor: the runtime leaves the full screen, runs `$VISUAL` or `$EDITOR` on the
    /// text, comes back and answers with `Action.externallyEdited`.
    case editExternally(request: Int, text: String)
    /// The super administrator's screen: answered by `Action.adminLoaded` or `.loadFailed`.
    case loadAdmin(request: Int, session: Int)
    /// A super administrator's change, answered by `.commandSucceeded` or `.commandFailed`.
    case adminChange(request: Int, session: Int, change: AdminChange)
    /// The active user's drafts, answered by `Action.draftsLoaded`.
    case loadDrafts(request: Int, session: Int)
    case quit
}

/// What the create-case wizard files: every field already checked by the Domain's validation.
public struct CaseFiling: Equatable, Sendable {
    /// The customer's primary domain (unique, so the store resolves it exactly).
    public var customer: String
    public var title: String
    public var category: String
    public var description: String
    public var severity: Severity
    public var language: String
    public var timeZone: String
    /// Files on this machine, read when the case is filed.
    public var attachmentPaths: [String]
}

/// The changes the admin screen makes; each goes through the same Store command as `careportal admin`.
public enum AdminChange: Equatable, Sendable {
    case licence(email: String, assigned: Bool)
    case suspended(email: String, suspended: Bool)
    /// `customer` is the customer's primary domain.
    case grant(customer: String, granted: Bool)
}
