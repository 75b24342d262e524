import Domain
import Foundation
import Store
import UI

/// Runs the UI's effects against the store off the input loop and hands the results back as actions.
/// Queries run on one background queue, so a slow query never blocks typing; the UI drops stale results.
final class EffectRunner: @unchecked Sendable {
    private let portal: PortalStore
    private let queue = DispatchQueue(label: "careportal.store")
    /// Counts ("1–40 of 10,000+") can take much longer than a page; on their own queue (the pool reads
    /// concurrently) a count never holds back the page of the next keystroke.
    private let countQueue = DispatchQueue(label: "careportal.count")
    private let lock = NSLock()
    private var inbox: [Action] = []
    /// The signed-in users and their session tokens, by tab index. Only touched on `queue`.
    private var sessions: [(user: User, token: String?)]
    private var lastChange: Int64?

    init(portal: PortalStore, sessions: [(user: User, token: String?)]) {
        self.portal = portal
        self.sessions = sessions
    }

    /// Waits for the effects already queued (the draft saves made on quitting).
    func finishQueuedWork() { queue.sync {} }

    /// Actions that arrived since the last call.
    func drain() -> [Action] {
        lock.withLock { defer { inbox.removeAll() }; return inbox }
    }

    private func send(_ action: Action) { lock.withLock { inbox.append(action) } }

    /// Effects started and not finished: while any is, the loop polls for their results more often.
    private var inFlight = 0
    var isBusy: Bool { lock.withLock { inFlight > 0 } }

    /// The latest request per kind of load: a load superseded before it starts is skipped, so fast
    /// typing in the filter bar runs one query, not one per keystroke.
    private var latest: [String: Int] = [:]

    func run(_ effect: Effect) {
        let slot = Self.slot(effect)
        let generation = lock.withLock { () -> Int in
            guard let slot else { return 0 }
            latest[slot, default: 0] += 1
            return latest[slot]!
        }
        let target: DispatchQueue = if case .countCases = effect { countQueue } else { queue }
        lock.withLock { inFlight += 1 }
        target.async { [self] in
            defer { lock.withLock { inFlight -= 1 } }
            if let slot, lock.withLock({ latest[slot] }) != generation { return }
            if let action = perform(effect) { send(action) }
        }
    }

    private static func slot(_ effect: Effect) -> String? {
        switch effect {
        case .loadCases(_, let session, let scope, _, _, let after, _): "cases \(session) \(scope) \(after == nil)"
        case .loadMergedCases(_, _, _, _, let after, _): "merged \(after == nil)"
        case .countCases(_, let session, let scope, _, _): "count \(session) \(scope)"
        case .loadCase(_, let session, _): "case \(session)"
        default: nil
        }
    }

    /// Notices writes from other processes (and our own): every write adds a history event.
    func checkForChanges() {
        queue.async { [self] in
            guard let token = try? portal.changeToken() else { return }
            if let last = lastChange, last != token { send(.dataChanged) }
            lastChange = token
        }
    }

    private func user(_ session: Int) -> User? {
        sessions.indices.contains(session) ? sessions[session].user : nil
    }

    /// A case command as the session's user, answered with success or the refusal's words.
    private func command(_ request: Int, _ session: Int, _ body: (User) throws -> Void) throws -> Action {
        guard let user = user(session) else { return .commandFailed(request: request, message: "This session was signed out.") }
        try body(user)
        return .commandSucceeded(request: request)
    }

    /// Runs one effect on the calling thread (the benchmark measures the app this way).
    func perform(_ effect: Effect) -> Action? {
        do {
            switch effect {
            case .loadCases(let request, let session, let scope, let query, let sort, let after, let limit):
                guard let user = user(session) else { return .loadFailed(request: request, message: "No such session.") }
                return .casesLoaded(request: request, page: try portal.cases(as: user, scope: scope, query: query, sort: sort, after: after, limit: limit))
            case .loadMergedCases(let request, let indexes, let query, let sort, let after, let limit):
                let users = indexes.compactMap(user)
                return .casesLoaded(request: request, page: try portal.cases(asEach: users, query: query, sort: sort, after: after, limit: limit))
            case .countCases(let request, let session, let scope, let query, let cap):
                guard let user = user(session) else { return .loadFailed(request: request, message: "No such session.") }
                let n = try portal.countCases(as: user, scope: scope, query: query, cap: cap)
                return .casesCounted(request: request, count: min(n, cap), capped: n > cap)
            case .loadCustomers(let request, let session):
                guard let user = user(session) else { return .loadFailed(request: request, message: "No such session.") }
                return .customersLoaded(request: request, rows: try portal.customers(as: user))
            case .loadCase(let request, let session, let number):
                guard let user = user(session) else { return .loadFailed(request: request, message: "No such session.") }
                return .caseLoaded(request: request, detail: try portal.caseDetail(as: .reseller(user), number: number))
            case .signIn(let email, let password):
                let grant = try portal.signIn(email: email, password: password)
                sessions.append((grant.user, grant.token))
                SessionFile.add(SavedSession(user: grant.user.email, domain: grant.domainName, token: grant.token,
                                             expiresAt: grant.expiresAt, database: portal.path))
                return .signedIn(SessionInfo(user: grant.user, domainName: grant.domainName))
            case .signOut(let session):
                guard sessions.indices.contains(session) else { return nil }
                let (user, token) = sessions.remove(at: session)
                if let token { try? portal.signOut(token: token) }
                SessionFile.remove(user: user.email, database: portal.path)
                return nil
            case .sendFeedback(let session, let screen, let message):
                try portal.sendFeedback(as: session.flatMap(user), screen: screen, message: message)
                return .feedbackSent
            case .postMessage(let request, let session, let number, let text):
                return try command(request, session) { try portal.postMessage(as: .reseller($0), number: number, message: text) }
            case .changeSeverity(let request, let session, let number, let severity):
                return try command(request, session) { try portal.changeSeverity(as: .reseller($0), number: number, to: severity) }
            case .closeCase(let request, let session, let number):
                return try command(request, session) { try portal.closeCase(as: .reseller($0), number: number) }
            case .reopenCase(let request, let session, let number):
                return try command(request, session) { try portal.reopenCase(as: .reseller($0), number: number) }
            case .escalate(let request, let session, let number, let reason, let justification):
                return try command(request, session) {
                    try portal.escalate(as: .reseller($0), number: number, reason: reason, justification: justification)
                }
            case .shareCase(let request, let session, let number, let add, let remove):
                return try command(request, session) { try portal.shareCase(as: .reseller($0), number: number, add: add, remove: remove) }
            case .saveDraft(let session, let form, let content):
                if let user = user(session) { try portal.saveDraft(as: user, form: form, content: content) }
                return nil
            case .discardDraft(let session, let form):
                if let user = user(session) { try portal.discardDraft(as: user, form: form) }
                return nil
            case .loadDraft(let request, let session, let form):
                guard let user = user(session) else { return .draftLoaded(request: request, content: nil) }
                return .draftLoaded(request: request, content: try portal.draft(as: user, form: form)?.content)
            case .loadAdmin(let request, let session):
                guard let user = user(session) else { return .loadFailed(request: request, message: "No such session.") }
                return .adminLoaded(request: request, overview: try portal.adminOverview(as: user))
            case .adminChange(let request, let session, let change):
                return try command(request, session) { admin in
                    switch change {
                    case .licence(let email, let assigned): try portal.setLicence(as: admin, email: email, assigned: assigned)
                    case .suspended(let email, let suspended): try portal.setSuspended(as: admin, email: email, suspended: suspended)
                    case .grant(let customer, let granted): try portal.setGrant(as: admin, customer: customer, granted: granted)
                    }
                }
            case .loadDrafts(let request, let session):
                guard let user = user(session) else { return .draftsLoaded(request: request, drafts: []) }
                return .draftsLoaded(request: request, drafts: try portal.drafts(as: user).map {
                    DraftSummary(form: $0.form, content: $0.content, updatedAt: $0.updatedAt)
                })
            case .fileCase(let request, let session, let filing):
                guard let user = user(session) else { return .commandFailed(request: request, message: "This session was signed out.") }
                let files = try filing.attachmentPaths.map(LocalFile.read)
                let filed = try portal.fileCase(as: user, NewCase(
                    customer: filing.customer, title: filing.title, category: filing.category, description: filing.description,
                    severity: filing.severity, language: filing.language, timeZone: filing.timeZone, attachments: files))
                return .caseFiled(request: request, number: filed.number)
            case .attachFiles(let request, let session, let number, let paths):
                return try command(request, session) { try portal.attach(as: .reseller($0), number: number, files: try paths.map(LocalFile.read)) }
            case .completePath(let request, let text):
                let (completed, candidates) = PathCompletion.complete(text, home: LocalFile.home, list: LocalFile.list)
                return .pathCompleted(request: request, text: completed, candidates: candidates)
            case .inspectFile(let request, let path):
                return .fileInspected(request: request, path: LocalFile.expand(path), result: LocalFile.inspect(path))
            case .editExternally(let request, _):
                return .externallyEdited(request: request, result: .failed("the editor runs in the terminal's own loop"))
            case .quit:
                return nil
            @unknown default:
                return nil
            }
        } catch {
            let message = (error as? StoreError)?.description ?? "\(error)"
            switch effect {
            case .signIn: return .signInFailed(message: message)
            case .sendFeedback: return .feedbackFailed(message: message)
            case .postMessage(let r, _, _, _), .changeSeverity(let r, _, _, _), .closeCase(let r, _, _), .reopenCase(let r, _, _),
                 .escalate(let r, _, _, _, _), .shareCase(let r, _, _, _, _), .fileCase(let r, _, _), .attachFiles(let r, _, _, _), .adminChange(let r, _, _):
                return .commandFailed(request: r, message: message)
            case .loadDraft(let r, _, _): return .draftLoaded(request: r, content: nil)
            case .loadDrafts(let r, _): return .draftsLoaded(request: r, drafts: [])
            case .loadCases(let r, _, _, _, _, _, _), .loadMergedCases(let r, _, _, _, _, _), .countCases(let r, _, _, _, _),
                 .loadCustomers(let r, _), .loadCase(let r, _, _), .loadAdmin(let r, _):
                return .loadFailed(request: r, message: message)
            default: return nil
            }
        }
    }
}
