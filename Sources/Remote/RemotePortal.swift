import Domain
import Foundation
import Portal
import API

/// A careportal server (`careportal serve`) as a `Portal`: the same values over its JSON API, each failure back in
/// the class the server named, so the command line prints the same line and exits with the same code as on the
/// local file. Users are those `signIn` or `resume` returned: each is sent with its own session's token.
///
/// Served: sessions, case lists (All domains merged here) and counts, one case, filing, attachments, the case commands,
/// customers, drafts, feedback, the change token the app polls and the super administrators' commands
/// (RemotePortal+Admin.swift). Alert delivery runs where the database is; support replies aren't served yet.
public final class RemotePortal: Portal, @unchecked Sendable {
    public let location: String
    private let base: URL
    private let lock = NSLock()
    private var tokens: [Int64: String] = [:]
    /// Each session's event stream, by user id, with the token it was started with.
    private var followers: [Int64: (String, ChangeFollower)] = [:]
    /// The HTTP under it (also the line reader of a streamed answer).
    let transport: Transport

    /// `url`: the server's address (http://127.0.0.1:8750 or https://…). `caCertificate`: a PEM file with the
    /// certificate of a private CA that signed the server's certificate, trusted besides the system's CAs.
    public init(url text: String, caCertificate: String? = nil) throws(PortalError) {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let url = URL(string: trimmed), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw .refused(.invalid("server", "\"\(text)\" is not a server address like http://127.0.0.1:8750"))
        }
        base = url
        location = trimmed
        transport = try Transport(location: trimmed, caCertificate: caCertificate)
    }

    deinit { for (_, follower) in followers.values { follower.cancel() } }

    public var now: Date { Date() }

    // MARK: Sessions

    public func signIn(email: String, password: String) throws(PortalError) -> SessionGrant {
        let grant: SessionGrant = try call("POST", "/v1/sessions", body: ["email": email, "password": password])
        remember(grant.token, for: grant.user)
        return grant
    }

    public func resume(token: String) throws(PortalError) -> User {
        let user: User = try call("GET", "/v1/sessions/current", token: token)
        remember(token, for: user)
        return user
    }

    public func signOut(token: String) throws(PortalError) {
        try send("DELETE", "/v1/sessions/current", token: token)
    }

    // MARK: Reads

    /// A page of more rows than the API gives at once (the app reads down to its cursor on a refresh) is read as
    /// consecutive pages from the same anchor, joined.
    public func cases(as user: User, scope: CaseScope, query: CaseQuery, sort: CaseSort, page: PageAnchor, limit: Int,
                      cancellation: Cancellation?) throws(PortalError) -> CasePage {
        var joined: [CaseRow] = [], anchor = page
        while true {
            if cancellation?.isCancelled == true { throw .cancelled }
            let part = try onePage(as: user, scope: scope, query: query, sort: sort, page: anchor,
                                   limit: min(limit - joined.count, Limits.pageRows.upperBound))
            joined = page.isBackward ? part.rows + joined : joined + part.rows
            guard part.hasMore, joined.count < limit, let edge = page.isBackward ? joined.first : joined.last else {
                return CasePage(rows: joined, hasMore: part.hasMore)
            }
            anchor = page.isBackward ? .before(edge) : .after(edge)
        }
    }

    private func onePage(as user: User, scope: CaseScope, query: CaseQuery, sort: CaseSort, page: PageAnchor,
                         limit: Int) throws(PortalError) -> CasePage {
        var items = [URLQueryItem(name: "filter", value: query.description), URLQueryItem(name: "sort", value: sort.rawValue),
                     URLQueryItem(name: "limit", value: String(limit))]
        if case .customer(let id, _) = scope { items.append(URLQueryItem(name: "customer", value: String(id))) }
        switch page {
        case .after(nil): break
        case .before(nil): items.append(URLQueryItem(name: "end", value: "last"))
        case .after(let row?): items.append(URLQueryItem(name: "after", value: Wire.cursor(row)))
        case .before(let row?): items.append(URLQueryItem(name: "before", value: Wire.cursor(row)))
        }
        let page: CasePageJSON = try call("GET", "/v1/cases", query: items, as: user)
        return CasePage(rows: page.rows, hasMore: page.hasMore)
    }

    /// All domains: each user's page from the same anchor, merged as the store merges them.
    public func cases(asEach users: [User], query: CaseQuery, sort: CaseSort, page: PageAnchor, limit: Int,
                      cancellation: Cancellation?) throws(PortalError) -> CasePage {
        var pages: [CasePage] = []
        for user in users {
            if cancellation?.isCancelled == true { throw .cancelled }
            pages.append(try cases(as: user, scope: .domain(user.domainID), query: query, sort: sort, page: page, limit: limit,
                                   cancellation: cancellation))
        }
        return CasePage.merging(pages, sort: sort, anchor: page, limit: limit)
    }

    public func countCases(as user: User, scope: CaseScope, query: CaseQuery, cap: Int, cancellation: Cancellation?) throws(PortalError) -> Int {
        var items = [URLQueryItem(name: "filter", value: query.description), URLQueryItem(name: "cap", value: String(cap))]
        if case .customer(let id, _) = scope { items.append(URLQueryItem(name: "customer", value: String(id))) }
        let count: [String: Int] = try call("GET", "/v1/cases/count", query: items, as: user)
        return count["count"] ?? 0
    }

    public func customers(as user: User) throws(PortalError) -> [CustomerRow] { try call("GET", "/v1/customers", as: user) }
    /// More rows than the API gives at once are read as consecutive pages, joined (as `cases`).
    public func customerPage(as user: User, search: CustomerSearch, after: CustomerAfter?, limit: Int) throws(PortalError) -> CustomerPage {
        var joined: [CustomerRow] = [], anchor = after
        while true {
            var items = [URLQueryItem(name: "search", value: search.words.joined(separator: " ")),
                         URLQueryItem(name: "limit", value: String(min(limit - joined.count, Limits.pageRows.upperBound)))]
            if let anchor { items.append(URLQueryItem(name: "after", value: Wire.cursor(anchor))) }
            let part: CustomerPageJSON = try call("GET", "/v1/customers/page", query: items, as: user)
            joined += part.rows
            guard part.hasMore, joined.count < limit, let last = joined.last else {
                return CustomerPage(rows: joined, hasMore: part.hasMore, total: part.total)
            }
            anchor = CustomerAfter(last)
        }
    }

    public func customer(as user: User, matching text: String) throws(PortalError) -> CustomerRow {
        try call("GET", "/v1/customers/match", query: [URLQueryItem(name: "text", value: text)], as: user)
    }

    public func caseDetail(as actor: Actor, number: Int) throws(PortalError) -> CaseDetail {
        try call("GET", "/v1/cases/\(number)", as: actor.user)
    }

    // MARK: Commands

    /// The filing, then each attachment as an upload. With attachments, the files are read and the form checked here
    /// first, as the local portal does, and the sharing list follows the uploads: a refusal comes before anything is
    /// written, and the history reads as on the file (filed, attachments, shared). The server checks everything again.
    public func fileCase(as user: User, _ newCase: NewCase) throws(PortalError) -> SupportCase {
        guard !newCase.attachments.isEmpty else { return try call("POST", "/v1/cases", body: newCase, as: user) }
        var read = newCase
        read.attachments = try LocalFile.read(newCase.attachments)
        if case .failure(let refusal) = read.checked(for: user) { throw .refused(refusal) }
        var filing = read
        filing.sharing = []
        let filed: SupportCase = try call("POST", "/v1/cases", body: filing, as: user)  // the attachments aren't in its JSON
        try perform(.attach(read.attachments), on: filed.number, as: Actor(user))
        if !read.sharing.isEmpty { try perform(.share(add: read.sharing, remove: []), on: filed.number, as: Actor(user)) }
        return filed
    }

    public func perform(_ command: CaseCommand, on number: Int, as actor: Actor) throws(PortalError) {
        let user = actor.user
        guard case .attach(let files) = command else {
            try send("POST", "/v1/cases/\(number)/commands", body: CaseCommandJSON(command), as: user)
            return
        }
        // Read as the local portal reads them: regular files only, within the limit, before anything is sent.
        for file in try LocalFile.read(files) {
            try send("POST", "/v1/cases/\(number)/attachments", query: [URLQueryItem(name: "name", value: file.name)], raw: file.data ?? Data(),
                     as: user)
        }
    }

    public func setRead(_ read: Bool, number: Int, as actor: Actor, seen: Date?) throws(PortalError) {
        try send("PUT", "/v1/cases/\(number)/read", body: ReadStateBody(read: read, seen: seen), as: actor.user)
    }

    // MARK: Drafts and feedback

    public func saveDraft(as user: User, form: DraftForm, content: String) throws(PortalError) {
        try send("PUT", "/v1/drafts/\(Self.segment(form.stored))", body: ["content": content], as: user)
    }

    public func draft(as user: User, form: DraftForm) throws(PortalError) -> Draft? {
        do {
            let d: DraftJSONReply = try call("GET", "/v1/drafts/\(Self.segment(form.stored))", as: user)
            return Draft(form: DraftForm(stored: d.form), content: d.content, updatedAt: d.updatedAt)
        } catch .refused(let r) where r.kind == .notFound {
            return nil
        }
    }

    public func drafts(as user: User) throws(PortalError) -> [Draft] {
        let list: [DraftJSONReply] = try call("GET", "/v1/drafts", as: user)
        return list.map { Draft(form: DraftForm(stored: $0.form), content: $0.content, updatedAt: $0.updatedAt) }
    }

    public func discardDraft(as user: User, form: DraftForm) throws(PortalError) {
        try send("DELETE", "/v1/drafts/\(Self.segment(form.stored))", as: user)
    }

    public func sendFeedback(as user: User?, screen: String, message: String) throws(PortalError) {
        try send("POST", "/v1/feedback", body: ["screen": screen, "message": message], token: user.flatMap(token(for:)))
    }

    public func feedback(as user: User) throws(PortalError) -> [Feedback] {
        let list: [FeedbackJSONReply] = try call("GET", "/v1/feedback", as: user)
        return list.enumerated().map { Feedback(id: Int64($0.offset), userEmail: $0.element.user, at: $0.element.at, screen: $0.element.screen,
                                                message: $0.element.message) }
    }

    // MARK: Changes

    /// The latest change any of this client's sessions may see, from their event streams (`/v1/events`, followed
    /// from the first call on): no request per call. Until a stream has started, `/v1/changes` answers; while one is
    /// down, its reason is thrown (the app shows it as reconnecting).
    public func changeToken() throws(PortalError) -> ChangeToken {
        let sessions = lock.withLock { tokens }
        guard !sessions.isEmpty else { throw .refused(Refusal("not signed in to \(location)")) }
        var latest: Int64 = 0
        for (userID, token) in sessions {
            switch follower(userID, token).state {
            case .following(let id): latest = max(latest, id)
            case .down(let error): throw error
            case .starting:
                let reply: [String: Int64] = try call("GET", "/v1/changes", token: token)
                latest = max(latest, reply["token"] ?? 0)
            }
        }
        return ChangeToken(lastEvent: latest)  // a server's changes come as its events
    }

    /// The event stream of a session, started on first use (and again when the session's token changed).
    private func follower(_ userID: Int64, _ token: String) -> ChangeFollower {
        lock.withLock {
            if let (held, follower) = followers[userID], held == token { return follower }
            followers[userID]?.1.cancel()
            let follower = ChangeFollower(transport: transport, url: base.absoluteString + "/v1/events", token: token)
            followers[userID] = (token, follower)
            return follower
        }
    }

    // MARK: HTTP

    private func remember(_ token: String, for user: User) {
        lock.lock(); tokens[user.id] = token; lock.unlock()
    }

    func token(for user: User) -> String? {
        lock.lock(); defer { lock.unlock() }
        return tokens[user.id]
    }

    static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? text
    }

    func call<T: Decodable>(_ method: String, _ path: String, query: [URLQueryItem] = [], body: (any Encodable)? = nil,
                                    as user: User? = nil, token: String? = nil) throws(PortalError) -> T {
        let data = try send(method, path, query: query, body: body, as: user, token: token)
        do { return try Wire.decode(T.self, from: data) } catch {
            throw .unavailable("server: \(location) answered \(method) \(path) with something else than expected: \(error)")
        }
    }

    @discardableResult
    func send(_ method: String, _ path: String, query: [URLQueryItem] = [], body: (any Encodable)? = nil, raw: Data? = nil,
                      as user: User? = nil, token: String? = nil) throws(PortalError) -> Data {
        var components = URLComponents(url: base, resolvingAgainstBaseURL: false)!
        components.percentEncodedPath = base.path + path
        if !query.isEmpty {
            components.queryItems = query
            // `+` would read as a space.
            components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        }
        guard let url = components.url else { throw .unavailable("server: \(path) is not a path") }
        var headers: [(String, String)] = []
        if let bearer = token ?? user.flatMap(self.token(for:)) { headers.append(("Authorization", "Bearer \(bearer)")) }
        var content: Data?
        if let body {
            content = Wire.encode(body)
            headers.append(("Content-Type", "application/json"))
        } else if let raw {
            content = raw
            headers.append(("Content-Type", "application/octet-stream"))
        }
        let (status, bytes) = try transport.send(method, url.absoluteString, headers: headers, body: content)
        guard (200..<300).contains(status) else { throw Self.failure(bytes, status: status, location: location) }
        return bytes
    }

    /// A problem back in the class the server named.
    static func failure(_ body: Data, status: Int, location: String) -> PortalError {
        guard let problem = try? JSONDecoder().decode(ProblemReply.self, from: body) else {
            return .unavailable("server: \(location) answered HTTP \(status)")
        }
        let reason = problem.field.map { problem.detail.hasPrefix("\($0): ") ? String(problem.detail.dropFirst($0.count + 2)) : problem.detail }
            ?? problem.detail
        switch problem.type {
        case "/problems/bad-input" where status == 409: return .refused(.conflict(problem.field ?? "request", reason))
        case "/problems/bad-input": return .refused(.invalid(problem.field ?? "request", reason))
        case "/problems/not-found": return .refused(.notFound(problem.field ?? "case", reason))
        case "/problems/unavailable": return .unavailable(problem.detail)
        default: return .refused(Refusal(problem.detail))  // refused, not signed in
        }
    }
}

private struct ProblemReply: Decodable {
    var type: String
    var detail: String
    var field: String?
}

private struct DraftJSONReply: Decodable {
    var form: String
    var content: String
    var updatedAt: Date
}

private struct FeedbackJSONReply: Decodable {
    var at: Date
    var user: String?
    var screen: String
    var message: String
}
