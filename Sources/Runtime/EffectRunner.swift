import Domain
import Foundation
import Portal
import UI

/// Runs the UI's effects against a portal off the input loop and hands the answers back as actions.
/// Queries run on one background queue, so a slow query never blocks typing; a load superseded before
/// it starts is skipped, one superseded while it runs is interrupted (`Cancellation`), and the UI drops answers
/// nobody waits for any more.
public final class EffectRunner: @unchecked Sendable {
    private let portal: any Portal
    private let queue = DispatchQueue(label: "careportal.portal")
    /// Counts ("1–40 of 10,000+") can take much longer than a page; on their own queue (the database reads
    /// concurrently) a count never holds back the page of the next keystroke.
    private let countQueue = DispatchQueue(label: "careportal.count")
    private let lock = NSLock()
    private var inbox: [Action] = []
    /// The signed-in users and their session tokens, by tab index. Only touched on `queue`.
    private var sessions: [(user: User, token: String?)]
    private var lastChange: Int64?
    /// Whether the last change check failed (only touched on `queue`), and when to check again (under `lock`).
    private var connectionLost = false
    private var retryAt = Date.distantPast
    private var failedFor: TimeInterval = 0
    /// Effects started and not finished: while any is, the loop polls for their results more often.
    private var inFlight = 0
    /// The latest load per slot (see `Slot`).
    private var latest: [Slot: Int] = [:]
    /// The latest load's cancellation per slot: a newer load of the slot cancels the one before.
    private var cancellations: [Slot: Cancellation] = [:]

    public init(portal: any Portal, sessions: [(user: User, token: String?)]) {
        self.portal = portal
        self.sessions = sessions
    }

    /// Waits for the effects already queued (the draft saves made on quitting), stopping the reads first: nobody
    /// will look at their answers.
    public func finishQueuedWork() {
        lock.withLock { cancellations.values.forEach { $0.cancel() } }
        queue.sync {}
    }

    /// Actions that arrived since the last call.
    public func drain() -> [Action] {
        lock.withLock { defer { inbox.removeAll() }; return inbox }
    }

    public var isBusy: Bool { lock.withLock { inFlight > 0 } }

    private func send(_ action: Action) { lock.withLock { inbox.append(action) } }

    /// Loads of the same kind for the same place: a newer one makes an older one that hasn't started
    /// pointless, so fast typing in the filter bar runs one query, not one per keystroke.
    enum Slot: Hashable {
        case cases(session: Int, scope: CaseScope, firstPage: Bool)
        case merged(firstPage: Bool)
        case count(session: Int, scope: CaseScope)
        case detail(session: Int)

        init?(_ effect: Effect) {
            switch effect {
            // The first and the last page both replace the list: a newer one of either supersedes the other.
            case .loadCases(_, let session, let scope, _, _, let page, _): self = .cases(session: session, scope: scope, firstPage: page.cursor == nil)
            case .loadMergedCases(_, _, _, _, let page, _): self = .merged(firstPage: page.cursor == nil)
            case .countCases(_, let session, let scope, _, _): self = .count(session: session, scope: scope)
            case .loadCase(_, let session, _): self = .detail(session: session)
            default: return nil
            }
        }
    }

    /// Queues `effect`; its answer comes back through `drain()`.
    public func run(_ effect: Effect) {
        let slot = Slot(effect)
        let cancellation = slot.map { _ in Cancellation() }
        let generation = lock.withLock { () -> Int in
            inFlight += 1
            guard let slot else { return 0 }
            latest[slot, default: 0] += 1
            cancellations[slot]?.cancel()
            cancellations[slot] = cancellation
            return latest[slot]!
        }
        let target: DispatchQueue = if case .countCases = effect { countQueue } else { queue }
        target.async { [self] in
            defer {
                lock.withLock {
                    inFlight -= 1
                    if let slot, cancellations[slot] === cancellation { cancellations[slot] = nil }
                }
            }
            if let slot, lock.withLock({ latest[slot] }) != generation { return }
            if let action = perform(effect, cancellation: cancellation) { send(action) }
        }
    }

    /// Notices writes from other processes (and this one's), and others' changes to report. A portal that doesn't
    /// answer (a server out of reach) is reported once and asked again less and less often: 0.5 s, 1 s, 2 s … 15 s.
    public func checkForChanges() {
        guard lock.withLock({ Date() >= retryAt }) else { return }
        queue.async { [self] in
            let token: Int64
            do throws(PortalError) { token = try portal.changeToken() } catch {
                lock.withLock {
                    failedFor = min(15, max(0.5, failedFor * 2))
                    retryAt = Date().addingTimeInterval(failedFor)
                }
                if !connectionLost { connectionLost = true; send(.connection(lost: error.description)) }
                return
            }
            lock.withLock { failedFor = 0 }
            if connectionLost { connectionLost = false; send(.connection(lost: nil)) }
            if let last = lastChange, last != token {
                send(.dataChanged)
                let arrived = arrivals(after: last)
                if !arrived.isEmpty { send(.arrived(arrived)) }
            }
            lastChange = token
        }
    }

    /// The changes after event `id` that any signed-in user may see and none of them made.
    private func arrivals(after id: Int64) -> [ChangeNotice] {
        let mine = Set(sessions.map { Actor($0.user).displayName })
        var seen: [Int64: ChangeNotice] = [:]
        for (user, _) in sessions {
            guard let batch = try? portal.changes(as: user, after: id, limit: 100) else { continue }
            for notice in batch.notices where !mine.contains(notice.author) { seen[notice.id] = notice }
        }
        return seen.values.sorted { $0.id < $1.id }
    }

    /// Runs one effect on the calling thread (the benchmark measures the app this way). Every failure is
    /// answered as `.failed` with the portal's sentence, so it reaches the user; a cancelled read is answered with
    /// nothing, since a newer load took its place.
    public func perform(_ effect: Effect, cancellation: Cancellation? = nil) -> Action? {
        guard let request = effect.request else {
            switch effect {
            case .signOut(let session): signOut(session)
            case .replaceSession(let session): replace(session)
            default: break
            }
            return nil
        }
        do {
            return .reply(request: request, try answer(effect, cancellation: cancellation))
        } catch .cancelled {
            return nil
        } catch {
            return .reply(request: request, .failed(error.description))
        }
    }

    private func user(_ session: Int) throws(PortalError) -> User {
        guard sessions.indices.contains(session) else { throw .refused(Refusal("This session was signed out; sign in again with S.")) }
        return sessions[session].user
    }

    private func answer(_ effect: Effect, cancellation: Cancellation?) throws(PortalError) -> Reply {
        switch effect {
        case .loadCases(_, let session, let scope, let query, let sort, let page, let limit):
            return .cases(try portal.cases(as: try user(session), scope: scope, query: query, sort: sort, page: page, limit: limit,
                                           cancellation: cancellation))
        case .loadMergedCases(_, let indexes, let query, let sort, let page, let limit):
            let users = indexes.filter(sessions.indices.contains).map { sessions[$0].user }
            return .cases(try portal.cases(asEach: users, query: query, sort: sort, page: page, limit: limit, cancellation: cancellation))
        case .countCases(_, let session, let scope, let query, let cap):
            let n = try portal.countCases(as: try user(session), scope: scope, query: query, cap: cap, cancellation: cancellation)
            return .counted(min(n, cap), capped: n > cap)
        case .loadCustomers(_, let session):
            return .customers(try portal.customers(as: try user(session)))
        case .loadCase(_, let session, let number):
            return .caseDetail(try portal.caseDetail(as: Actor(try user(session)), number: number))
        case .signIn(_, let email, let password):
            let grant = try portal.signIn(email: email, password: password)
            sessions.append((grant.user, grant.token))
            SessionFile.add(SavedSession(user: grant.user.email, domain: grant.domainName, token: grant.token,
                                         expiresAt: grant.expiresAt, database: portal.location))
            return .signedIn(SessionInfo(user: grant.user, domainName: grant.domainName))
        case .sendFeedback(_, let session, let screen, let message):
            try portal.sendFeedback(as: session.flatMap { sessions.indices.contains($0) ? sessions[$0].user : nil }, screen: screen, message: message)
            return .done
        case .caseCommand(_, let session, let number, let command):
            try portal.perform(command, on: number, as: Actor(try user(session)))
            return .done
        case .fileCase(_, let session, let newCase):
            return .filed(caseNumber: try portal.fileCase(as: try user(session), newCase).number)
        case .saveDraft(_, let session, let form, let content):
            try portal.saveDraft(as: try user(session), form: form, content: content)
            return .done
        case .discardDraft(_, let session, let form):
            try portal.discardDraft(as: try user(session), form: form)
            return .done
        case .loadDraft(_, let session, let form):
            return .draft(try portal.draft(as: try user(session), form: form)?.content)
        case .loadDrafts(_, let session):
            return .drafts(try portal.drafts(as: try user(session)))
        case .completePath(_, let text):
            let (completed, candidates) = PathCompletion.complete(text, home: LocalFile.home) { folder in
                LocalFile.list(folder)?.map { PathCompletion.Entry(name: $0.name, isDirectory: $0.isDirectory) }
            }
            return .pathCompleted(text: completed, candidates: candidates)
        case .inspectFile(_, let path):
            let result: FileInspection = switch LocalFile.inspect(path) {
            case .success(let file): .file(name: file.name, size: file.size)
            case .failure(let refusal): .unreadable(refusal.reason)
            }
            return .fileInspected(path: LocalFile.expand(path), result)
        case .editExternally:
            // Needs the terminal: the app loop runs it (`ExternalEditor`) instead of this queue.
            return .edited(.failed("the editor runs in the terminal's own loop"))
        case .loadAdmin(_, let session):
            return .admin(try portal.adminOverview(as: try user(session)))
        case .adminChange(_, let session, let change):
            try portal.apply(change, as: try user(session))
            return .done
        case .signOut, .replaceSession, .quit:
            return .done
        }
    }

    private func signOut(_ session: Int) {
        guard sessions.indices.contains(session) else { return }
        end(sessions.remove(at: session))
    }

    /// The session signed in last takes `session`'s place; the one there is signed out.
    private func replace(_ session: Int) {
        guard sessions.indices.contains(session), session < sessions.count - 1 else { return }
        let old = sessions[session]
        sessions[session] = sessions.removeLast()
        end(old)
    }

    /// Signs a session out in the portal and forgets it on disk: by its token, so signing in again as the same user
    /// (which saved the new token under the same user) keeps the new one.
    private func end(_ session: (user: User, token: String?)) {
        if let token = session.token {
            try? portal.signOut(token: token)
            SessionFile.remove(token: token, database: portal.location)
        } else {
            SessionFile.remove(user: session.user.email, database: portal.location)
        }
    }
}
