import AsyncHTTPClient
import Domain
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOPosix
import NIOSSL
import Portal

/// The HTTP under `RemotePortal`: one AsyncHTTPClient for the portal's life, certificates verified (the system's
/// trusted CAs, plus a private CA's certificate given with `--cacert`). The `Portal` protocol is synchronous, so each
/// call blocks its caller until the answer is in; the work itself runs on the client's event loops, never on Swift's
/// cooperative threads, so a caller on one of those can't starve the request it waits for. Calling from an event
/// loop thread would wait on itself, and stops the program.
///
/// Failures to reach the server are `PortalError.unavailable` (exit 3) with a sentence naming the server: refused or
/// unreachable, a certificate that isn't trusted (suggesting --cacert), no answer in time.
final class Transport: @unchecked Sendable {
    /// The server's address as the user gave it (http://127.0.0.1:8750), for messages.
    let location: String
    private let client: HTTPClient
    private let lock = NSLock()
    private var closed = false

    /// A connection takes at most this long; a request waits at most `idle` for each next byte once sent.
    static let connectTimeout: TimeAmount = .seconds(10)
    static let idle: TimeAmount = .seconds(60)
    /// The largest answer read whole (a page of 500 cases is about 400 KB).
    static let maxBody = 64 << 20

    /// `caCertificate`: the path of a PEM file with the certificate(s) of a private CA to trust besides the system's.
    init(location: String, caCertificate path: String?) throws(PortalError) {
        self.location = location
        var tls = TLSConfiguration.makeClientConfiguration()  // full verification: the chain and the host name
        if let path {
            tls.additionalTrustRoots = [.certificates(try Self.certificates(at: path))]
        }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow,
            timeout: .init(connect: Self.connectTimeout, read: Self.idle, write: Self.idle))
        // A refused connection fails its request at once (the command line exits 3); retrying is the app's choice.
        configuration.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    deinit { shutdown() }

    /// Closes the client's connections; later requests fail. Called once the portal goes; safe to call twice.
    func shutdown() {
        let first = lock.withLock { () -> Bool in
            defer { closed = true }
            return !closed
        }
        guard first else { return }
        if MultiThreadedEventLoopGroup.currentEventLoop == nil {
            try? client.syncShutdown()
        } else {
            client.shutdown { _ in }  // never block an event loop: the client finishes closing on its own
        }
    }

    /// The certificates of a PEM file: `--cacert`'s CA.
    static func certificates(at path: String) throws(PortalError) -> [NIOSSLCertificate] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .refused(.invalid("cacert", "\(path) can't be read"))
        }
        guard let certificates = try? NIOSSLCertificate.fromPEMBytes(Array(data)), !certificates.isEmpty else {
            throw .refused(.invalid("cacert", "\(path) holds no PEM certificate (-----BEGIN CERTIFICATE-----)"))
        }
        return certificates
    }

    // MARK: Requests

    /// One request and its whole answer, whatever its status. `body` goes with its `Content-Type` in `headers`.
    func send(_ method: String, _ url: String, headers: [(String, String)], body: Data? = nil) throws(PortalError) -> (status: Int, body: Data) {
        let request = try prepare(method, url, headers: headers, body: body)
        Self.mustNotBlockAnEventLoop()
        let task = client.execute(request: request, delegate: ResponseAccumulator(request: request, maxBodySize: Self.maxBody))
        do {
            let response = try task.futureResult.wait()
            return (Int(response.status.code), response.body.map { Data(buffer: $0) } ?? Data())
        } catch {
            throw failure(error)
        }
    }

    /// A GET whose answer is read line by line as it arrives (a server-sent event stream): `each` gets every line,
    /// without its end (LF, CRLF or CR), on the calling thread, as soon as the line is complete, and returns false to
    /// stop. Returns when `each` stops or the server ends the answer; the bytes after the last line end are a last
    /// line. `cancellation` stops it from another thread (`PortalError.cancelled`). The server must send something
    /// (a heartbeat) at least every 60 s, or the stream ends as unavailable. A status other than 2xx throws the
    /// problem the server sent, like any request.
    func lines(_ url: String, headers: [(String, String)], cancellation: Cancellation? = nil,
               each: (String) -> Bool) throws(PortalError) {
        let request = try prepare("GET", url, headers: headers, body: nil)
        Self.mustNotBlockAnEventLoop()
        let inbox = LineInbox()
        let task = client.execute(request: request, delegate: inbox)
        let outcome: Result<Void, PortalError> = (cancellation ?? Cancellation()).whileRunning(stop: { task.cancel() }) {
            if cancellation?.isCancelled == true { task.cancel() }
            return read(inbox, task: task, cancellation: cancellation, each: each)
        }
        _ = try? task.futureResult.wait()  // the connection is handed back (or closed) before the call returns
        try outcome.get()
    }

    private func read(_ inbox: LineInbox, task: HTTPClient.Task<Void>, cancellation: Cancellation?,
                      each: (String) -> Bool) -> Result<Void, PortalError> {
        var status = 0
        var splitter = LineSplitter()
        var problem = Data()
        while true {
            switch inbox.take() {
            case .head(let code):
                status = code
            case .chunk(let buffer, let promise):
                defer { promise.succeed() }
                guard (200..<300).contains(status) else {
                    if problem.count < 1 << 20 { problem += Data(buffer: buffer) }
                    continue
                }
                for line in splitter.push(buffer.readableBytesView) where !each(line) {
                    task.cancel()
                    return .success(())
                }
            case .end:
                guard (200..<300).contains(status) else {
                    return .failure(RemotePortal.failure(problem, status: status, location: location))
                }
                if let last = splitter.finish() { _ = each(last) }
                return .success(())
            case .failed(let error):
                if cancellation?.isCancelled == true { return .failure(.cancelled) }
                return .failure(failure(error))
            }
        }
    }

    private func prepare(_ method: String, _ url: String, headers: [(String, String)], body: Data?) throws(PortalError) -> HTTPClient.Request {
        do {
            return try HTTPClient.Request(url: url, method: HTTPMethod(rawValue: method), headers: HTTPHeaders(headers),
                                          body: body.map { .bytes($0) })
        } catch {
            throw .unavailable("server: \(url) is not an address this client can reach: \(error)")
        }
    }

    private static func mustNotBlockAnEventLoop() {
        precondition(MultiThreadedEventLoopGroup.currentEventLoop == nil,
                     "a synchronous RemotePortal call on an event loop thread would wait on itself")
    }

    // MARK: Failures

    /// Why the server couldn't be reached, as a sentence naming it.
    func failure(_ error: Error) -> PortalError {
        let text = String(describing: error)
        if Self.isUntrustedCertificate(error) {
            return .unavailable("server: \(location)'s certificate isn't trusted (\(Self.certificateReason(text))); if a private CA "
                                + "signed it, give its certificate with --cacert PEM (or $CAREPORTAL_CACERT)")
        }
        if Self.errno(of: error) == ECONNREFUSED {
            return .unavailable("server: can't reach \(location): connection refused (is careportal serve running there?)")
        }
        if let e = error as? HTTPClientError {
            switch e {
            case .connectTimeout, .deadlineExceeded:
                return .unavailable("server: can't reach \(location): no connection in \(Self.connectTimeout.nanoseconds / 1_000_000_000) s")
            case .readTimeout, .writeTimeout:
                return .unavailable("server: \(location) stopped answering (nothing for \(Self.idle.nanoseconds / 1_000_000_000) s)")
            case .remoteConnectionClosed:
                return .unavailable("server: \(location) closed the connection before answering"
                                    + (location.hasPrefix("http:") ? " (if it serves HTTPS, use https://)" : ""))
            case .cancelled:
                return .cancelled
            default: break
            }
        }
        if let ssl = error as? NIOSSLError, case .handshakeFailed = ssl {
            return .unavailable("server: TLS with \(location) failed (\(text))"
                                + (text.contains("WRONG_VERSION_NUMBER") ? "; does it serve plain HTTP (http://)?" : ""))
        }
        return .unavailable("server: can't reach \(location): \(Self.errno(of: error).map { String(cString: strerror($0)) } ?? text)")
    }

    static func isUntrustedCertificate(_ error: Error) -> Bool {
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname { return true }
        let text = String(describing: error)
        return text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificateVerificationFailed")
    }

    private static func certificateReason(_ text: String) -> String {
        if text.contains("failedToValidateHostname") || text.contains("hostname") { return "it doesn't name this host" }
        return "no trusted CA signed it"
    }

    /// The system error of a failed connection, if that is what it was.
    static func errno(of error: Error) -> Int32? {
        if let io = error as? IOError { return io.errnoCode }
        if let connection = error as? NIOConnectionError {
            for attempt in connection.connectionErrors {
                if let io = attempt.error as? IOError { return io.errnoCode }
            }
        }
        return nil
    }
}

/// What the stream's delegate hands to the reading thread: the status, each chunk with the promise that lets the
/// next one come (one chunk in flight: a slow reader slows the server down instead of filling memory), the end.
private final class LineInbox: HTTPClientResponseDelegate, @unchecked Sendable {
    typealias Response = Void

    enum Event {
        case head(Int)
        case chunk(ByteBuffer, EventLoopPromise<Void>)
        case end
        case failed(Error)
    }

    private let condition = NSCondition()
    private var events: [Event] = []

    func put(_ event: Event) {
        condition.lock()
        events.append(event)
        condition.signal()
        condition.unlock()
    }

    func take() -> Event {
        condition.lock()
        defer { condition.unlock() }
        while events.isEmpty { condition.wait() }
        return events.removeFirst()
    }

    func didReceiveHead(task: HTTPClient.Task<Void>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        put(.head(Int(head.status.code)))
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Void>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        let promise = task.eventLoop.makePromise(of: Void.self)
        put(.chunk(buffer, promise))
        return promise.futureResult
    }

    func didReceiveError(task: HTTPClient.Task<Void>, _ error: Error) { put(.failed(error)) }

    func didFinishRequest(task: HTTPClient.Task<Void>) throws { put(.end) }
}

/// Bytes in, complete lines out; a line ends with LF, CRLF or CR (the server-sent events rule), split across chunks
/// or not.
struct LineSplitter {
    private var pending: [UInt8] = []
    private var afterCR = false

    mutating func push<Bytes: Sequence>(_ bytes: Bytes) -> [String] where Bytes.Element == UInt8 {
        var lines: [String] = []
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == UInt8(ascii: "\n") { continue }
            }
            switch byte {
            case UInt8(ascii: "\n"):
                lines.append(String(decoding: pending, as: UTF8.self)); pending.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\r"):
                lines.append(String(decoding: pending, as: UTF8.self)); pending.removeAll(keepingCapacity: true)
                afterCR = true
            default:
                pending.append(byte)
            }
        }
        return lines
    }

    /// What followed the last line end, if anything.
    mutating func finish() -> String? {
        defer { pending = [] }
        return pending.isEmpty ? nil : String(decoding: pending, as: UTF8.self)
    }
}
