import Domain
import Foundation

/// What is drawn over the current screen and takes the keys first.
enum Overlay: Equatable, Sendable {
    case none
    /// The keys of the current screen; `scroll` is the first line shown.
    case help(scroll: Int)
    /// The session switcher; the cursor runs over the sessions and then "sign in to another domain".
    case sessions(cursor: Int)
    /// Full screen when no session is open, a box over the screen otherwise.
    case signIn(SignInForm)
    case feedback(FeedbackForm)
    /// The message editor of an open case.
    case message(MessageForm)
    /// Choosing a new severity for an open case.
    case severity(SeverityChoice)
    /// A yes/no question before a case command (close, reopen).
    case confirm(Confirmation)
    /// Escalating an open case: a reason and a justification.
    case escalate(EscalationForm)
    /// Editing the sharing addresses of an open case (also the last step after filing one).
    case sharing(SharingForm)
    /// The create-case wizard.
    case newCase(NewCaseForm)
    /// Attaching files to an open case.
    case attach(AttachForm)
    /// The saved drafts of the active domain's user.
    case drafts(DraftsList)
    /// The super administrator's screen: users and licences, customers and their access.
    case admin(AdminPanel)
}

/// The admin screen (`A`): two lists, Tab switches.
struct AdminPanel: Equatable, Sendable {
    enum Section: Equatable, Sendable { case users, customers }
    var section: Section = .users
    var overview: AdminOverview?
    var customers: [CustomerRow]?
    var overviewRequest: Int?
    var customersRequest: Int?
    var userCursor = 0
    var customerCursor = 0
    /// A change waiting for a y/n answer (suspending someone).
    var confirming: AdminChange?
    /// The change sent and not yet answered.
    var sending: Int?
    var error: String?

    var selectedUser: DomainUserRow? {
        guard let users = overview?.users, users.indices.contains(userCursor) else { return nil }
        return users[userCursor]
    }
    var selectedCustomer: CustomerRow? {
        guard let customers, customers.indices.contains(customerCursor) else { return nil }
        return customers[customerCursor]
    }
}

/// The Drafts list (`D`): open one to go on with it, or discard it.
struct DraftsList: Equatable, Sendable {
    var request: Int?
    var drafts: [DraftSummary] = []
    var cursor = 0
    /// `x` was pressed: this draft (its form name) goes on `y`.
    var discarding: String?

    var selected: DraftSummary? { drafts.indices.contains(cursor) ? drafts[cursor] : nil }
}

/// The attach form of an open case: files picked by path, attached together with Ctrl-S.
struct AttachForm: Equatable, Sendable {
    var target: CaseRef
    var picker = AttachmentPicker()
    var sending: Int?
    init(target: CaseRef) { self.target = target }
}

/// The escalation form: the reason list and the multi-line justification; Tab switches between them.
struct EscalationForm: Equatable, Sendable {
    var target: CaseRef
    var cursor = 0
    var field = TextField()
    /// The justification text has the keys (else the reason list).
    var editingText = false
    var error: String?
    /// The `escalate` command waiting for its answer.
    var sending: Int?

    init(target: CaseRef) { self.target = target }

    var reason: EscalationReason { EscalationReason.allCases[min(max(0, cursor), EscalationReason.allCases.count - 1)] }
}

/// The sharing form: the current addresses (some marked for removal), those to add, and the address field.
struct SharingForm: Equatable, Sendable {
    var target: CaseRef
    var current: [String]
    var add: [String] = []
    var remove: [String] = []
    var field = TextField()
    /// A line above the addresses (after filing: that this step is optional).
    var intro: String?
    /// The list has the keys (else the address field).
    var inList = false
    /// Index into `entries`.
    var cursor = 0
    var error: String?
    var sending: Int?

    init(target: CaseRef, current: [String]) { self.target = target; self.current = current }

    /// The list as shown: the current addresses, then those to add.
    var entries: [String] { current + add }
    var changed: Bool { !add.isEmpty || !remove.isEmpty }
}

/// The Send Feedback box: one line of text about the screen it was opened on.
struct FeedbackForm: Equatable, Sendable {
    var screen: String
    var field = TextField()
}

/// The case a form acts on: the domain that filed it (its session acts) and its number.
struct CaseRef: Equatable, Sendable {
    var domainID: Int64
    var number: Int
}

/// The message editor: multi-line text, saved as a draft as you type.
struct MessageForm: Equatable, Sendable {
    var target: CaseRef
    var field = TextField()
    /// Shown under the text: why it wasn't sent.
    var error: String?
    /// The `postMessage` waiting for its answer; the text can't be edited meanwhile.
    var sending: Int?
    /// The `loadDraft` whose answer may fill the (still empty) editor.
    var draftRequest: Int?
    /// The `editExternally` waiting for its answer.
    var editing: Int?
    /// The text changed since the last draft save.
    var unsaved = false
    var savedAt: Date?

    init(target: CaseRef) { self.target = target }

    /// The name of its draft: "message 10007919".
    var draftName: String { "message \(target.number)" }
}

struct SeverityChoice: Equatable, Sendable {
    var target: CaseRef
    var current: Severity
    var cursor: Int
}

struct Confirmation: Equatable, Sendable {
    /// `followUp`: a new case referring to one closed too long ago to reopen.
    enum Command: Equatable, Sendable { case close, reopen, followUp }
    var target: CaseRef
    var command: Command
    var question: String
}

/// A case command sent and not yet answered.
struct PendingCommand: Equatable, Sendable {
    var request: Int
    var target: CaseRef
    /// The status message when it succeeds.
    var success: String
    /// What it was, for "Couldn't … : reason".
    var what: String
    var isMessage: Bool
}
