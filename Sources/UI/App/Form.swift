import Domain
import Foundation
import ScreenKit

/// A form or box drawn over the screen that takes the keys first (the message editor, the wizard, the
/// admin screen, help …). Each is a value type in its own feature folder with its keys, answers and
/// drawing; the app routes to it without knowing which it is, so a new form needs no registration.
protocol OverlayForm: Sendable {
    /// The domain whose session acts for the form (the case's, the wizard's); nil: the active one.
    var actingDomain: Int64? { get }
    mutating func key(_ key: Key, _ env: inout Env) -> [Effect]
    /// The answer to `request`, which the form issued (`env.issue`) or sent as a command (`env.command`).
    mutating func receive(_ reply: Reply, request: Int, _ env: inout Env) -> [Effect]
    func render(_ context: ViewContext, into buffer: inout ScreenBuffer)
    func isEqual(to other: any OverlayForm) -> Bool
}

extension OverlayForm {
    var actingDomain: Int64? { nil }
    mutating func receive(_ reply: Reply, request: Int, _ env: inout Env) -> [Effect] { [] }
}

extension OverlayForm where Self: Equatable {
    func isEqual(to other: any OverlayForm) -> Bool { (other as? Self) == self }
}

/// The form on top of the screen, with its identity (answers to its requests are routed by it).
struct Overlay: Equatable, Sendable {
    var id: FormID
    var form: any OverlayForm

    static func == (a: Overlay, b: Overlay) -> Bool { a.id == b.id && a.form.isEqual(to: b.form) }
}

extension Optional where Wrapped == Overlay {
    /// The open form when it is an `F`; setting it writes the form back in place (the one accessor every
    /// feature uses, so none copies a form out and back by hand).
    subscript<F: OverlayForm>(_ type: F.Type) -> F? {
        get { self?.form as? F }
        set {
            guard let newValue, self != nil else { return }
            self!.form = newValue
        }
    }
}

/// What a form sees of the app, and how it asks the app for more: time and size, the acting session,
/// request ids (answers come back to the form), the status line, and requests the app carries out after.
struct Env {
    let now: Date
    let size: Size
    /// The form being served: requests it issues are answered to it.
    let form: FormID
    /// The signed-in sessions and the active tab.
    let sessions: [SessionInfo]
    let active: Int
    /// The session acting for the form (index into `sessions`), nil before the first sign-in.
    let session: Int?
    /// The keys in effect (the config file's `[keys]` applied).
    let keys: Keymap
    var status: StatusMessage?
    var requests: Requests
    var then: [AppRequest] = []

    var user: User? { session.map { sessions[$0].user } }
    /// Where the active tab's session lives (a sign-in goes there unless told otherwise).
    var location: String { sessions.indices.contains(active) ? sessions[active].location : "" }

    /// An effect whose answer comes back to this form.
    mutating func issue(_ effect: (Int) -> Effect) -> Effect {
        effect(requests.issue(for: .form(form)))
    }

    /// A command whose answer comes back to this form (while it is open or parked), else to the status line.
    mutating func command(_ what: String, success: String, refreshes: Bool = true,
                          _ effect: (Int) -> Effect) -> (request: Int, effect: Effect) {
        let id = requests.issue(for: .command(CommandNote(form: form, what: what, success: success, refreshes: refreshes)))
        return (id, effect(id))
    }

    /// Work whose success needs no word (a draft save): only a failure reaches the status line.
    mutating func background(_ what: String, _ effect: (Int) -> Effect) -> Effect {
        effect(requests.issue(for: .command(CommandNote(form: nil, what: what, success: "", refreshes: false))))
    }

    mutating func close() { then.append(.close) }

    /// Closes the form and sends `command` for case `number` as the form's session: `progress` on the status line
    /// while it runs, `success` when it is done. (A case form always has a session: a case is open.)
    mutating func sendCaseCommand(_ command: CaseCommand, on number: Int, what: String, progress: String, success: String) -> [Effect] {
        guard let session else { return [] }
        close()
        status = .info(progress)
        return [self.command(what, success: success) { .caseCommand(request: $0, session: session, number: number, command) }.effect]
    }

    /// Esc closes a form, saying whether anything was sent; while its command is on its way no other key acts.
    /// True when the key was taken.
    mutating func closeOrWait(closing: Bool, sending: Int?, cancelled: String, busy: String) -> Bool {
        if closing {
            close()
            status = .info(sending == nil ? cancelled : busy)
            return true
        }
        if sending != nil { status = .info(busy) }
        return sending != nil
    }

    /// The usual end of a form's command: a failure is shown at the form (nothing typed is lost),
    /// a success closes it. False when `request` isn't the command the form waits for.
    @discardableResult
    mutating func settle(_ reply: Reply, request: Int, sending: inout Int?, error: inout String?) -> Bool {
        guard request == sending else { return false }
        sending = nil
        if case .failed(let message) = reply { error = message } else { close() }
        return true
    }
    mutating func open(_ form: any OverlayForm) { then.append(.open(form)) }

    /// A yes/no question's keys: `yes` on y; n (or Esc) closes it with nothing changed; any other key asks again.
    mutating func yesOrNo(_ key: Key, yes: (inout Env) -> [Effect]) -> [Effect] {
        switch Keymap.binding(for: key, in: keys.confirm)?.command {
        case .yes?:
            return yes(&self)
        case .no?:
            close()
            status = .info("Nothing changed.")
        case nil:
            status = .info(keys.yesOrNoSentence)
        }
        return []
    }

    /// "m (message): …" messages name keys as the keymap spells them.
    func keyName(_ command: Command) -> String { keys.name(of: command) }
}

/// What a form asks of the app once it has had its key or answer.
enum AppRequest: Sendable {
    /// The form leaves the screen.
    case close
    /// The form leaves the screen but is kept, with its draft, until its key opens it again.
    case park
    /// Another form takes its place.
    case open(any OverlayForm)
    case signedIn(SessionInfo)
    case switchTo(session: Int)
    case signOut(session: Int)
    /// A case was filed: it opens on top of My Cases, with the sharing step over it.
    case caseFiled(number: Int, domainID: Int64, drafts: [DraftForm])
    /// A case closed too long ago to reopen: the wizard opens filled in from it.
    case followUp(CaseRef)
    /// The drafts list opens a draft: the wizard, or the case whose message it is.
    case resume(DraftForm)
    /// A new case for this customer, whatever other drafts there are.
    case newCase(for: Customer)
    /// The drafts list (to choose among several).
    case openDrafts
    /// A draft was discarded: a form kept in memory must not bring it back.
    case forgetParked(DraftForm)
    /// A change for every marked case, asked for and confirmed.
    case runBulk(CaseCommand, BulkAction)
    /// `u` with marks, confirmed: every marked case read (or unread).
    case markMarked(read: Bool)
    /// `/` in a case: search it for this text.
    case searchCase(String)
    /// `:` found the case: it opens in the tab of the session that may see it.
    case openCase(session: Int, CaseDetail)
    /// The data changed: what is on screen reloads.
    case refresh
    /// A view was saved to the config file: it joins the sections.
    case viewSaved(SavedView)
    case quit
}

/// What a form's drawing may read of the app.
struct ViewContext {
    let size: Size
    let now: Date
    let sessions: [SessionInfo]
    let active: Int
    /// The keys in effect, for the hints and the help.
    let keys: Keymap

    var bounds: Rect { Rect(size: size) }
    var activeSession: SessionInfo? { sessions.indices.contains(active) ? sessions[active] : nil }
    func session(domainID: Int64) -> SessionInfo? { sessions.first { $0.user.domainID == domainID } }
}
