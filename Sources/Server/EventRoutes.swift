import API
import Domain
import Foundation
import Hummingbird
import Portal
import ServiceLifecycle

/// Live changes: `GET /v1/events`, a server-sent event stream of the case changes the caller may see (each event's
/// id is the history event's, so `Last-Event-ID` resumes after it), with a heartbeat comment; and `GET /v1/changes`,
/// the same notices for a client that asks now and then.
extension PortalServer {
    static func addEventRoutes(to v1: RouterGroup<APIContext>, portal: any Portal, watcher: ChangeWatcher, heartbeat: Duration) {
        v1.get("changes") { request, context in
            let user = try context.signedIn().user
            guard let text = request.uri.formQuery.get("after") else {
                return JSONReply(value: ChangesJSON(token: try await watcher.latest(), through: nil, changes: nil))
            }
            guard let after = Int64(text), after >= 0 else { throw Problem(.badInput, "after is an event id (a whole number).", field: "after") }
            let batch = try await Blocking.run { () throws(PortalError) in try portal.changes(as: user, after: after, limit: 500) }
            return JSONReply(value: ChangesJSON(token: try await watcher.latest(), through: batch.through, changes: batch.notices))
        }

        v1.get("events") { request, context in
            let (user, token) = try context.signedIn()
            let resume = request.headers.first(where: { $0.name.canonicalName == "last-event-id" })?.value ?? request.uri.formQuery.get("after").map { String($0) }
            let start: Int64
            if let resume {
                guard let id = Int64(resume), id >= 0 else { throw Problem(.badInput, "Last-Event-ID is an event id this server sent.", field: "Last-Event-ID") }
                start = id
            } else {
                start = try await watcher.latest()
            }
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                var last = start
                var quiet = ContinuousClock.now
                // A client reconnects a second after a lost connection (EventSource's `retry`).
                try await writer.write(ByteBuffer(string: "retry: 1000\n: changes after \(start)\n\n"))
                while !Task.isCancelled && !Task.isShuttingDownGracefully {
                    if try await watcher.latest() > last {
                        let after = last
                        let batch = try await Blocking.run { () throws(PortalError) in try portal.changes(as: user, after: after, limit: 500) }
                        var text = ""
                        for notice in batch.notices {
                            text += "id: \(notice.id)\nevent: change\ndata: \(String(decoding: Wire.encode(notice), as: UTF8.self))\n\n"
                        }
                        if !text.isEmpty { try await writer.write(ByteBuffer(string: text)); quiet = .now }
                        last = batch.through
                        continue
                    }
                    if ContinuousClock.now - quiet >= heartbeat {
                        // A session signed out or a licence removed since ends the stream, as it ends every other request.
                        do { _ = try await Blocking.run { () throws(PortalError) in try portal.resume(token: token) } } catch {
                            try await writer.write(ByteBuffer(string: "event: signed-out\ndata: {}\n\n"))
                            break
                        }
                        try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                        quiet = .now
                    }
                    try? await Task.sleep(for: ChangeWatcher.interval)
                }
                try await writer.finish(nil)
            })
        }
    }
}

/// The latest change, read from the database at most once per `interval` however many streams ask.
public actor ChangeWatcher {
    static let interval: Duration = .milliseconds(200)
    private let portal: any Portal
    private var value: Int64 = 0
    private var readAt: ContinuousClock.Instant?

    public init(portal: any Portal) { self.portal = portal }

    func latest() async throws -> Int64 {
        if let readAt, ContinuousClock.now - readAt < Self.interval { return value }
        let portal = self.portal
        value = try await Blocking.run { () throws(PortalError) in try portal.changeToken().lastEvent }
        readAt = .now
        return value
    }
}
