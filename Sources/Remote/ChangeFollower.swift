import Domain
import Foundation
import Portal

/// Follows a server's event stream (`GET /v1/events`) for one session, on a thread of its own, so the app's
/// "anything new?" is answered from memory instead of a request: the latest event id this session may see.
/// A lost connection is tried again with `Last-Event-ID`, waiting longer each time (1 s, 2 s … 15 s); meanwhile
/// `state` says why it is down.
final class ChangeFollower: @unchecked Sendable {
    enum State: Equatable { case starting, following(Int64), down(PortalError) }

    private let lock = NSLock()
    private var current = State.starting
    private var lastID: Int64?
    private let stop = Cancellation()

    init(transport: Transport, url: String, token: String) {
        let thread = Thread { [self] in follow(transport: transport, url: url, token: token) }
        thread.name = "careportal.events"
        thread.start()
    }

    var state: State { lock.withLock { current } }

    func cancel() { stop.cancel() }

    private func follow(transport: Transport, url: String, token: String) {
        var wait: TimeInterval = 1
        while !stop.isCancelled {
            var headers = [("Authorization", "Bearer \(token)"), ("Accept", "text/event-stream")]
            if let last = lock.withLock({ lastID }) { headers.append(("Last-Event-ID", String(last))) }
            do throws(PortalError) {
                try transport.lines(url, headers: headers, cancellation: stop) { line in
                    if line.hasPrefix(": changes after "), let id = Int64(line.dropFirst(16)) {
                        wait = 1
                        seen(id)
                    } else if line.hasPrefix("id: "), let id = Int64(line.dropFirst(4)) {
                        seen(id)
                    }
                    return line != "event: signed-out"
                }
                if stop.isCancelled { return }
                set(.down(.unavailable("server: the event stream ended; reconnecting")))
            } catch {
                if stop.isCancelled { return }
                set(.down(error))
            }
            Thread.sleep(forTimeInterval: wait)
            wait = min(15, wait * 2)
        }
    }

    private func seen(_ id: Int64) {
        lock.withLock {
            lastID = max(lastID ?? id, id)
            current = .following(lastID!)
        }
    }

    private func set(_ state: State) { lock.withLock { current = state } }
}
