import API
import Domain
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import Portal

/// `careportal serve`: the portal over HTTP, JSON in and out (`/v1`, docs/openapi.yaml). Every route checks what
/// the command line checks: the portal runs the Domain's rules for the signed-in user of the request's token.
public struct PortalServer: Sendable {
    let portal: any Portal
    let logger: Logger
    /// How long an event stream may stay silent before a heartbeat comment.
    let heartbeat: Duration

    public init(portal: any Portal, logger: Logger, heartbeat: Duration = .seconds(15)) {
        self.portal = portal
        self.logger = logger
        self.heartbeat = heartbeat
    }

    /// Serves until SIGTERM or SIGINT; requests in flight finish first. `tls`: HTTPS with that certificate, else plain
    /// HTTP. `onRunning` gets the port actually bound (port 0 picks a free one).
    public func run(host: String, port: Int, tls: ServerTLS? = nil, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let server: HTTPServerBuilder = try tls.map { try .tls(.http1(), tlsConfiguration: $0.configuration) } ?? .http1()
        let app = Application(router: router(), server: server,
                              configuration: .init(address: .hostname(host, port: port), serverName: "careportal"),
                              onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
                              logger: logger)
        try await app.runService()
    }

    func router() -> Router<APIContext> {
        let router = Router(context: APIContext.self)
        router.add(middleware: SessionMiddleware(portal: portal, logger: logger))
        let portal = self.portal
        router.get("healthz") { _, _ in JSONReply(value: ["status": "ok"]) }

        let v1 = router.group("v1")
        v1.get("openapi.yaml") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/yaml"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: Self.specification)))
        }
        // Sessions
        v1.post("sessions") { request, context in
            let body = try await Self.decode(SignInBody.self, from: request, context: context)
            let grant = try await Blocking.run { () throws(PortalError) in try portal.signIn(email: body.email, password: body.password) }
            return JSONReply(value: grant, status: .created)
        }
        v1.get("sessions/current") { _, context in
            JSONReply(value: try context.signedIn().user)
        }
        v1.delete("sessions/current") { _, context in
            let token = try context.signedIn().token
            try await Blocking.command { () throws(PortalError) in try portal.signOut(token: token) }
            return Response(status: .noContent)
        }

        // Case lists, one case, its commands
        v1.get("cases") { request, context in
            let user = try context.signedIn().user
            let list = try ListRequest(request.uri.formQuery, user: user)
            let page = try await Blocking.run { () throws(PortalError) in
                try portal.cases(as: user, scope: list.scope, query: list.query, sort: list.sort, page: list.page, limit: list.limit,
                                 cancellation: nil)
            }
            return JSONBytes(data: CasePageJSON(page).json)
        }
        v1.get("cases/count") { request, context in
            let user = try context.signedIn().user
            let parameters = request.uri.formQuery
            let list = try ListRequest(parameters, user: user, takes: ListRequest.countParameters)
            let cap = try ListRequest.integer(parameters, "cap", default: 10_000, in: 1...1_000_000)
            let count = try await Blocking.run { () throws(PortalError) in
                try portal.countCases(as: user, scope: list.scope, query: list.query, cap: cap, cancellation: nil)
            }
            return JSONReply(value: ["count": count])
        }
        v1.get("cases/:number") { _, context in
            let user = try context.signedIn().user
            let number = try Self.caseNumber(context)
            let detail = try await Blocking.run { () throws(PortalError) in try portal.caseDetail(as: Actor(user), number: number) }
            return JSONReply(value: detail)
        }
        v1.post("cases/:number/commands") { request, context in
            let user = try context.signedIn().user
            let number = try Self.caseNumber(context)
            let command = try await Self.decode(CaseCommandJSON.self, from: request, context: context).command()
            try await Blocking.command { () throws(PortalError) in try portal.perform(command, on: number, as: Actor(user)) }
            return Response(status: .noContent)
        }

        v1.put("cases/:number/read") { request, context in
            let user = try context.signedIn().user
            let number = try Self.caseNumber(context)
            let body = try await Self.decode(ReadStateBody.self, from: request, context: context)
            try await Blocking.command { () throws(PortalError) in
                try portal.setRead(body.read, number: number, as: Actor(user), seen: body.seen)
            }
            return Response(status: .noContent)
        }

        // Filing, attachments
        v1.post("cases") { request, context in
            let user = try context.signedIn().user
            let filing = try await Self.decode(NewCase.self, from: request, context: context)  // attachments follow as uploads
            let filed = try await Blocking.command { () throws(PortalError) in try portal.fileCase(as: user, filing) }
            return JSONReply(value: filed, status: .created)
        }
        v1.post("cases/:number/attachments") { request, context in
            let user = try context.signedIn().user
            let number = try Self.caseNumber(context)
            let file = try await Self.upload(request)
            try await Blocking.command { () throws(PortalError) in try portal.perform(.attach([file]), on: number, as: Actor(user)) }
            return Response(status: .noContent)
        }

        // Customers, categories
        v1.get("customers") { _, context in
            let user = try context.signedIn().user
            return JSONReply(value: try await Blocking.run { () throws(PortalError) in try portal.customers(as: user) })
        }
        // My Customers a page at a time: `search` (words, each found in a name, primary domain, tier or access), `limit`,
        // `after` (the cursor of the page before).
        v1.get("customers/page") { request, context in
            let user = try context.signedIn().user
            let q = request.uri.formQuery
            try ListRequest.refuseUnknown(q, takes: ["search", "after", "limit"])
            let limit = try ListRequest.integer(q, "limit", default: 50, in: Limits.pageRows)
            let cursor = q.get("after")
            let after = cursor.flatMap(Wire.customerAfter(cursor:))
            if cursor != nil, after == nil { throw Problem(.badInput, "Not a cursor this server gave.", field: "after") }
            let search = CustomerSearch(q.get("search") ?? "")
            let page = try await Blocking.run { () throws(PortalError) in
                try portal.customerPage(as: user, search: search, after: after, limit: limit)
            }
            return JSONReply(value: CustomerPageJSON(page))
        }
        // The one customer a name or primary domain names, as the command line's --customer resolves it.
        v1.get("customers/match") { request, context in
            let user = try context.signedIn().user
            guard let text = request.uri.formQuery.get("text"), !text.isEmpty else {
                throw Problem(.badInput, "Give the customer's name or primary domain: ?text=….", field: "text")
            }
            return JSONReply(value: try await Blocking.run { () throws(PortalError) in try portal.customer(as: user, matching: text) })
        }
        v1.get("categories") { request, context in
            _ = try context.signedIn()
            let search = request.uri.formQuery.get("search")
            return JSONReply(value: search.map { CategoryCatalogue.search($0, limit: 20) } ?? CategoryCatalogue.all)
        }

        // Drafts: what the user was typing and hasn't sent, by form ("new case", "message 12345678")
        v1.get("drafts") { _, context in
            let user = try context.signedIn().user
            return JSONReply(value: try await Blocking.run { () throws(PortalError) in try portal.drafts(as: user) }.map(DraftJSON.init))
        }
        v1.get("drafts/:form") { _, context in
            let user = try context.signedIn().user
            let form = try Self.draftForm(context)
            guard let draft = try await Blocking.run({ () throws(PortalError) in try portal.draft(as: user, form: form) }) else {
                throw Problem(.notFound, "No draft of \(form.stored).", field: "form")
            }
            return JSONReply(value: DraftJSON(draft))
        }
        v1.put("drafts/:form") { request, context in
            let user = try context.signedIn().user
            let form = try Self.draftForm(context)
            let body = try await Self.decode(DraftBody.self, from: request, context: context)
            try await Blocking.command { () throws(PortalError) in try portal.saveDraft(as: user, form: form, content: body.content) }
            return Response(status: .noContent)
        }
        v1.delete("drafts/:form") { _, context in
            let user = try context.signedIn().user
            let form = try Self.draftForm(context)
            try await Blocking.command { () throws(PortalError) in try portal.discardDraft(as: user, form: form) }
            return Response(status: .noContent)
        }

        // Feedback
        v1.post("feedback") { request, context in
            let user = context.session?.user  // from the sign-in screen too
            let body = try await Self.decode(FeedbackBody.self, from: request, context: context)
            try await Blocking.command { () throws(PortalError) in try portal.sendFeedback(as: user, screen: body.screen, message: body.message) }
            return Response(status: .noContent)
        }
        v1.get("feedback") { _, context in
            let user = try context.signedIn().user
            return JSONReply(value: try await Blocking.run { () throws(PortalError) in try portal.feedback(as: user) }.map(FeedbackJSON.init))
        }
        Self.addAccountRoutes(to: v1, portal: portal)
        Self.addEventRoutes(to: v1, portal: portal, watcher: ChangeWatcher(portal: portal), heartbeat: heartbeat)
        addAdminRoutes(to: v1)
        return router
    }

    /// One attachment: the file's bytes as the body, its name in `?name=`. A body over the 25 MiB limit is refused
    /// from its Content-Length, or as soon as more than that has arrived: never read whole.
    static func upload(_ request: Request) async throws -> NewAttachment {
        guard let name = request.uri.formQuery.get("name"), !name.isEmpty else {
            throw Problem(.badInput, "Give the file's name: ?name=FILE.", field: "name")
        }
        let limit = Limits.attachmentMaxBytes
        let tooLarge = Problem(.badInput, "\(name) is larger than \(limit / 1024 / 1024) MiB, the limit for one attachment.",
                               field: "attachments", status: .contentTooLarge)
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch { throw tooLarge }
        return NewAttachment(name: name, data: Data(buffer: buffer))
    }

    static func draftForm(_ context: APIContext) throws -> DraftForm {
        guard let text = context.parameters.get("form")?.removingPercentEncoding, !text.isEmpty else {
            throw Problem(.badInput, "Name the draft's form, e.g. message%2012345678.", field: "form")
        }
        return DraftForm(stored: text)
    }

    /// docs/openapi.yaml, as built into the binary.
    static let specification: Data = Bundle.module.url(forResource: "openapi", withExtension: "yaml")
        .flatMap { try? Data(contentsOf: $0) } ?? Data("openapi.yaml is missing from this build\n".utf8)

    /// Request bodies are small JSON values; larger ones are refused before they are read whole.
    static let maxBody = 1 << 20

    static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: APIContext) async throws -> T {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: maxBody) } catch {
            throw Problem(.badInput, "The request body is larger than \(maxBody / 1024) KiB.", field: "body", status: .contentTooLarge)
        }
        do { return try Wire.decode(type, from: Data(buffer: buffer)) } catch {
            throw Problem(.badInput, "The request body isn't the JSON this route takes: \(error.localizedDescription)", field: "body")
        }
    }

    static func caseNumber(_ context: APIContext) throws -> Int {
        guard let text = context.parameters.get("number"), let n = Int(text) else {
            throw Problem(.badInput, "A case number is 8 digits.", field: "number")
        }
        return n
    }
}

struct SignInBody: Decodable {
    var email: String
    var password: String
}

/// The query of a case list: `filter` (the filter language), `sort`, `limit`, `customer` (an id: that customer's
/// cases), and at most one of `after` / `before` (a cursor from a page) or `end=last` (the last page).
struct ListRequest {
    var scope: CaseScope
    var query: CaseQuery
    var sort: CaseSort
    var page: PageAnchor
    var limit: Int

    /// The parameters of a page of a list, and of its count.
    static let pageParameters: Set<Substring> = ["filter", "sort", "limit", "customer", "after", "before", "end"]
    static let countParameters: Set<Substring> = ["filter", "customer", "cap"]

    /// Without `customer`, the user's own list (`Rules.homeScope`): My Cases, the Support queue or Our cases.
    /// A parameter the request doesn't take is refused rather than ignored: `?q=mail` would list every case.
    init(_ q: Parameters, user: User, takes parameters: Set<Substring> = pageParameters) throws {
        try Self.refuseUnknown(q, takes: parameters)
        do { query = try CaseQuery(parsing: q.get("filter") ?? "") } catch {
            throw Problem(.badInput, error.description, field: "filter")
        }
        let sortText = q.get("sort") ?? "updated"
        guard let sort = CaseSort(rawValue: sortText) else {
            throw Problem(.badInput, "\(sortText) isn't a sort; use updated, created, severity or status.", field: "sort")
        }
        self.sort = sort
        limit = try Self.integer(q, "limit", default: 50, in: Limits.pageRows)
        if let id = q.get("customer") {
            guard let customerID = Int64(id) else { throw Problem(.badInput, "A customer is given by its id.", field: "customer") }
            scope = .customer(customerID: customerID, domainID: user.domainID)
        } else {
            scope = Rules.homeScope(for: user)
        }
        switch (q.get("after"), q.get("before"), q.get("end")) {
        case (nil, nil, nil), (nil, nil, "first"?): page = .first
        case (nil, nil, "last"?): page = .last
        case (let after?, nil, nil):
            guard let row = Wire.row(cursor: after) else { throw Problem(.badInput, "Not a cursor this server gave.", field: "after") }
            page = .after(row)
        case (nil, let before?, nil):
            guard let row = Wire.row(cursor: before) else { throw Problem(.badInput, "Not a cursor this server gave.", field: "before") }
            page = .before(row)
        default:
            throw Problem(.badInput, "Give at most one of after, before and end (first or last).", field: "after")
        }
    }

    /// A parameter the request doesn't take, refused by name with those it does.
    static func refuseUnknown(_ q: Parameters, takes parameters: Set<Substring>) throws {
        if let unknown = q.map(\.key).first(where: { !parameters.contains($0) }) {
            throw Problem(.badInput, "\(unknown) isn't a parameter here; give \(parameters.sorted().joined(separator: ", ")).",
                          field: String(unknown))
        }
    }

    static func integer(_ q: Parameters, _ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = q.get(name) else { return value }
        guard let n = Int(text), range.contains(n) else {
            throw Problem(.badInput, "\(name) is a whole number from \(range.lowerBound) to \(range.upperBound).", field: name)
        }
        return n
    }
}
