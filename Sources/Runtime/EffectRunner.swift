import Domain
import Foundation
import Portal
import UI

/// Runs the UI's effects against the portals of its tabs off the input loop and hands the answers back as actions.
/// Queries run on one background queue, so a slow query never blocks typing; a load superseded before
/// it starts is skipped, one superseded while it runs is interrupted (`Cancellation`), and the UI drops answers
/// nobody waits for any more. Tabs may come from several places (database files, servers): each session is asked
/// through its own place's portal, and answers are shown in the app's domain numbers (`PlaceIDs`).
public final class EffectRunner: @unchecked Sendable {
    private let queue = DispatchQueue(label: "careportal.portal")
    /// Counts ("1–40 of 10,000+") can take much longer than a page; on their own queue (the database reads
    /// concurrently) a count never holds back the page of the next keystroke.
    private let countQueue = DispatchQueue(label: "careportal.count")
    /// Change checks, off the queue of the loads: a server out of reach never holds back another place's page.
    private let watchQueue = DispatchQueue(label: "careportal.changes")
    private let lock = NSLock()
    private var inbox: [Action] = []
    /// The places tabs come from, the app's own first (under `lock`; a place is only ever added).
    private var places: [Place]
    /// The signed-in users (as their place knows them), their session tokens and places, by tab index (under `lock`).
    private var sessions: [RunnerSession]
    /// What the status line was last told about places out of reach (only touched on `watchQueue`).
    private var reportedLost: String?
    private let open: PlaceOpener?
    private let keeper: SessionKeeper
    /// Effects started and not finished: while any is, the loop polls for their results more often.
    private var inFlight = 0
    /// The latest load per slot (see `Slot`).
    private var latest: [Slot: Int] = [:]
    /// The latest load's cancellation per slot: a newer load of the slot cancels the one before.
    private var cancellations: [Slot: Cancellation] = [:]

    /// One place: every session on `portal`.
    public convenience init(portal: any Portal, sessions: [(user: User, token: String?)]) {
        self.init(places: [portal], sessions: sessions.map { RunnerSession(user: $0.user, token: $0.token, place: 0) }, open: nil,
                  keeper: .sessionFile)
    }

    /// Where a view saved with `s` is written.
    let configPath: String

    /// `places`: the app's own first; `open`: how a sign-in reaches a place not open yet (nil: it can't); `keeper`:
    /// where sessions signed in and out are written down; `configPath`: the config file views are saved to.
    public init(places: [any Portal], sessions: [RunnerSession], open: PlaceOpener?, keeper: SessionKeeper,
                configPath: String = ConfigFile.path) {
        self.places = places.map(Place.init)
        self.sessions = sessions
        self.open = open
        self.keeper = keeper
        self.configPath = configPath
    }

    /// The app's own place: its clock, where a first sign-in goes.
    private var home: any Portal { lock.withLock { places[0].portal } }

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
        case customers(session: Int, firstPage: Bool)

        init?(_ effect: Effect) {
            switch effect {
            // The first and the last page both replace the list: a newer one of either supersedes the other.
            case .loadCases(_, let session, let scope, _, _, let page, _): self = .cases(session: session, scope: scope, firstPage: page.cursor == nil)
            case .loadMergedCases(_, _, _, _, let page, _): self = .merged(firstPage: page.cursor == nil)
            case .countCases(_, let session, let scope, _, _): self = .count(session: session, scope: scope)
            case .loadCase(_, let session, _): self = .detail(session: session)
            case .loadCustomerPage(_, let session, _, let after, _): self = .customers(session: session, firstPage: after == nil)
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
        let target: DispatchQueue = switch effect {
        case .countCases, .countAside: countQueue
        default: queue
        }
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

    /// Notices writes from other processes (and this one's) in every place, and others' changes to report. A place that
    /// doesn't answer (a server out of reach) is reported and asked again less and less often: 0.5 s, 1 s, 2 s … 15 s.
    /// `wait`: look before returning (the first look, so a change made before the first page is noticed by the next).
    public func checkForChanges(wait: Bool = false) {
        let work: @Sendable () -> Void = { [self] in
            // The app's own place, and every other one while a tab is signed in there.
            let due = lock.withLock {
                places.enumerated().filter { i, place in
                    Date() >= place.retryAt && (i == 0 || sessions.contains { $0.place == i })
                }.map(\.element)
            }
            var changed = false
            for place in due { changed = check(place) || changed }
            if changed { send(.dataChanged) }
            let lost = lock.withLock { places.lazy.compactMap(\.lost).first }
            if lost != reportedLost {
                reportedLost = lost
                send(.connection(lost: lost))
            }
        }
        if wait { watchQueue.sync(execute: work) } else { watchQueue.async(execute: work) }
    }

    /// Whether `place` changed since it was last looked at; others' changes there are sent as arrivals.
    private func check(_ place: Place) -> Bool {
        let token: ChangeToken
        do throws(PortalError) { token = try place.portal.changeToken() } catch {
            lock.withLock {
                place.failedFor = min(15, max(0.5, place.failedFor * 2))
                place.retryAt = Date().addingTimeInterval(place.failedFor)
            }
            place.lost = error.description
            return false
        }
        lock.withLock { place.failedFor = 0 }
        place.lost = nil
        defer { place.lastChange = token }
        guard let last = place.lastChange, last != token else { return false }
        // A write that appends no event (an admin change) refreshes the screen and brings no arrival.
        if token.lastEvent != last.lastEvent {
            let arrived = arrivals(in: place, after: last.lastEvent)
            if !arrived.isEmpty { send(.arrived(arrived)) }
        }
        return true
    }

    /// The changes in `place` after event `id` that any of its signed-in users may see and none of the app's made.
    private func arrivals(in place: Place, after id: Int64) -> [ChangeNotice] {
        let (all, index) = lock.withLock { (sessions, places.firstIndex { $0 === place }) }
        let mine = Set(all.map { Actor($0.user).displayName })
        var seen: [Int64: ChangeNotice] = [:]
        for session in all where session.place == index {
            guard let batch = try? place.portal.changes(as: session.user, after: id, limit: 100) else { continue }
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

    /// Session `index`'s user as its place knows them, and its place's portal and number.
    private func session(_ index: Int) throws(PortalError) -> (user: User, portal: any Portal, place: Int) {
        let found = lock.withLock { sessions.indices.contains(index) ? (sessions[index], places[sessions[index].place].portal) : nil }
        guard let (session, portal) = found else { throw .refused(Refusal("This session was signed out; sign in again with S.")) }
        return (session.user, portal, session.place)
    }

    private func answer(_ effect: Effect, cancellation: Cancellation?) throws(PortalError) -> Reply {
        if case .loadMergedCases(_, let indexes, let query, let sort, let page, let limit) = effect {
            return .cases(try merged(indexes, query: query, sort: sort, page: page, limit: limit, cancellation: cancellation))
        }
        if case .signIn(_, let email, let password, let location) = effect {
            return try signIn(email: email, password: password, at: location)
        }
        // Feedback from a session signed out meanwhile is sent as nobody's, as before signing in; any other effect of a
        // signed-out session is refused (`session(_:)`).
        var sessionIndex = effect.session
        if case .sendFeedback = effect, let s = sessionIndex, !lock.withLock({ sessions.indices.contains(s) }) { sessionIndex = nil }
        guard let sessionIndex else { return try answer(effect, as: nil, on: home, cancellation: cancellation) }
        let (user, portal, place) = try session(sessionIndex)
        return PlaceIDs.shown(try answer(effect, as: user, on: portal, cancellation: cancellation), place: place)
    }

    /// The All domains list: each place's sessions' cases merged by that place, then the places' pages merged here.
    private func merged(_ indexes: [Int], query: CaseQuery, sort: CaseSort, page: PageAnchor, limit: Int,
                        cancellation: Cancellation?) throws(PortalError) -> CasePage {
        let (chosen, portals) = lock.withLock { (indexes.filter(sessions.indices.contains).map { sessions[$0] }, places.map(\.portal)) }
        let anchor = PlaceIDs.stored(page)
        var pages: [CasePage] = []
        for (place, portal) in portals.enumerated() {
            let users = chosen.filter { $0.place == place }.map(\.user)
            guard !users.isEmpty else { continue }
            let page = try portal.cases(asEach: users, query: query, sort: sort, page: anchor, limit: limit, cancellation: cancellation)
            pages.append(CasePage(rows: page.rows.map { PlaceIDs.shown($0, place: place) }, hasMore: page.hasMore))
        }
        return pages.count == 1 ? pages[0] : CasePage.merging(pages, sort: sort, anchor: page, limit: limit)
    }

    /// Signs in at `location` (empty: the app's own place), opening that place first if no tab uses it yet.
    private func signIn(email: String, password: String, at location: String) throws(PortalError) -> Reply {
        let (place, portal) = try place(at: location)
        let grant = try portal.signIn(email: email, password: password)
        let home = self.home.location
        lock.withLock { sessions.append(RunnerSession(user: grant.user, token: grant.token, place: place)) }
        keeper.add(SavedSession(user: grant.user.email, domain: grant.domainName, token: grant.token, expiresAt: grant.expiresAt,
                                     database: portal.location, alongside: portal.location == home ? nil : home))
        return .signedIn(SessionInfo(user: PlaceIDs.shown(grant.user, place: place), domainName: grant.domainName, location: portal.location))
    }

    /// The place at `location`, opened (and added) when no tab uses it yet.
    private func place(at location: String) throws(PortalError) -> (Int, any Portal) {
        let known = { [self] (location: String) in
            lock.withLock { places.firstIndex { $0.portal.location == location }.map { ($0, places[$0].portal) } }
        }
        if location.isEmpty { return (0, home) }
        if let found = known(location) { return found }
        guard let open else { throw .refused(.invalid("where", "this app signs in only to \(home.location)")) }
        let portal = try open(location)
        if let found = known(portal.location) { return found }  // the same place, written another way
        let place = Place(portal)
        let index = lock.withLock { places.append(place); return places.count - 1 }
        watchQueue.async { [self] in _ = check(place) }  // its first look: a start for its change token
        return (index, portal)
    }

    /// An effect's answer from `portal`, asked as `user` (nil: no session), in the place's own numbers.
    private func answer(_ effect: Effect, as user: User?, on portal: any Portal, cancellation: Cancellation?) throws(PortalError) -> Reply {
        // Every effect with a session comes with its user (see `answer(_:cancellation:)`).
        func signedIn() throws(PortalError) -> User {
            guard let user else { throw .refused(Refusal("This session was signed out; sign in again with S.")) }
            return user
        }
        switch effect {
        case .loadCases(_, _, let scope, let query, let sort, let page, let limit):
            return .cases(try portal.cases(as: try signedIn(), scope: PlaceIDs.stored(scope), query: query, sort: sort,
                                           page: PlaceIDs.stored(page), limit: limit, cancellation: cancellation))
        case .countCases(_, _, let scope, let query, let cap), .countAside(_, _, let scope, let query, let cap):
            let n = try portal.countCases(as: try signedIn(), scope: PlaceIDs.stored(scope), query: query, cap: cap, cancellation: cancellation)
            return .counted(min(n, cap), capped: n > cap)
        case .loadCustomers:
            return .customers(try portal.customers(as: try signedIn()))
        case .loadCustomerPage(_, _, let search, let after, let limit):
            return .customerPage(try portal.customerPage(as: try signedIn(), search: search, after: after, limit: limit))
        case .loadCase(_, _, let number), .findCase(_, _, let number):
            return .caseDetail(try portal.caseDetail(as: Actor(try signedIn()), number: number))
        case .sendFeedback(_, _, let screen, let message):
            try portal.sendFeedback(as: user, screen: screen, message: message)
            return .done
        case .caseCommand(_, _, let number, let command):
            try portal.perform(command, on: number, as: Actor(try signedIn()))
            return .done
        case .setRead(_, _, let number, let read, let seen):
            try portal.setRead(read, number: number, as: Actor(try signedIn()), seen: seen)
            return .done
        case .fileCase(_, _, let newCase):
            return .filed(caseNumber: try portal.fileCase(as: try signedIn(), newCase).number)
        case .saveDraft(_, _, let form, let content):
            try portal.saveDraft(as: try signedIn(), form: form, content: content)
            return .done
        case .discardDraft(_, _, let form):
            try portal.discardDraft(as: try signedIn(), form: form)
            return .done
        case .loadDraft(_, _, let form):
            return .draft(try portal.draft(as: try signedIn(), form: form)?.content)
        case .loadDrafts:
            return .drafts(try portal.drafts(as: try signedIn()))
        case .saveView(_, let view):
            do throws(ConfigFile.Problem) { try ConfigFile.append(view, to: configPath) } catch { return .failed(error.description) }
            return .done
        case .ringBell:
            return .done
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
        case .showInPager:
            return .failed("the pager runs in the terminal's own loop")
        case .editExternally:
            // Needs the terminal: the app loop runs it (`ExternalEditor`) instead of this queue.
            return .edited(.failed("the editor runs in the terminal's own loop"))
        case .loadAdmin:
            return .admin(try portal.adminOverview(as: try signedIn()))
        case .adminChange(_, _, let change):
            try portal.apply(change, as: try signedIn())
            return .done
        case .loadMergedCases, .signIn, .signOut, .replaceSession, .quit, .copyToClipboard:
            return .done  // the first two are answered by `answer(_:cancellation:)`
        }
    }

    private func signOut(_ index: Int) {
        guard let (session, portal) = lock.withLock({ () -> (RunnerSession, any Portal)? in
            guard sessions.indices.contains(index) else { return nil }
            let session = sessions.remove(at: index)
            return (session, places[session.place].portal)
        }) else { return }
        end(session, on: portal)
    }

    /// The session signed in last takes `session`'s place; the one there is signed out.
    private func replace(_ index: Int) {
        guard let (old, portal) = lock.withLock({ () -> (RunnerSession, any Portal)? in
            guard sessions.indices.contains(index), index < sessions.count - 1 else { return nil }
            let old = sessions[index]
            sessions[index] = sessions.removeLast()
            return (old, places[old.place].portal)
        }) else { return }
        end(old, on: portal)
    }

    /// Signs a session out in its portal and forgets it on disk: by its token, so signing in again as the same user
    /// (which saved the new token under the same user) keeps the new one.
    private func end(_ session: RunnerSession, on portal: any Portal) {
        if let token = session.token {
            try? portal.signOut(token: token)
            keeper.removeToken(token, portal.location)
        } else {
            keeper.removeUser(session.user.email, portal.location)
        }
    }
}

/// A signed-in session as the runner keeps it: the user as their place knows them, the token, and the place's index.
public struct RunnerSession: Sendable {
    public var user: User
    public var token: String?
    public var place: Int
    public init(user: User, token: String?, place: Int) { self.user = user; self.token = token; self.place = place }
}

/// Where the runner writes down sessions it signs in and out: `sessions.json` (`sessionFile`), or elsewhere in tests.
public struct SessionKeeper: Sendable {
    public var add: @Sendable (SavedSession) -> Void
    public var removeToken: @Sendable (_ token: String, _ location: String) -> Void
    public var removeUser: @Sendable (_ email: String, _ location: String) -> Void
    public init(add: @escaping @Sendable (SavedSession) -> Void, removeToken: @escaping @Sendable (String, String) -> Void,
                removeUser: @escaping @Sendable (String, String) -> Void) {
        self.add = add; self.removeToken = removeToken; self.removeUser = removeUser
    }

    public static let sessionFile = SessionKeeper(add: { SessionFile.add($0) }, removeToken: { SessionFile.remove(token: $0, database: $1) },
                                                  removeUser: { SessionFile.remove(user: $0, database: $1) })
}
