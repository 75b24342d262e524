import Domain
import Foundation
import Hummingbird
import Logging
import Portal
@testable import Remote
import Testing

/// The client's HTTP (`Transport`) against a small Hummingbird server on a free loopback port: whole answers, and
/// answers read line by line as they arrive (what a server-sent event client reads).
@Suite(.serialized) struct TransportTests {
    @Test func aRequestGetsItsStatusAndBody() async throws {
        let server = try await LineServer.start()
        defer { server.stop() }
        let (status, body) = try await background { () throws(PortalError) -> (status: Int, body: Data) in
            try Transport(location: server.url, caCertificate: nil).send("POST", server.url + "/echo", headers: [("Content-Type", "text/plain")],
                                                                        body: Data("hello".utf8))
        }
        #expect(status == 200 && String(decoding: body, as: UTF8.self) == "echo: hello")
    }

    @Test func linesArriveOneByOneAsTheServerSendsThem() async throws {
        let server = try await LineServer.start()
        defer { server.stop() }
        let arrivals = try await background { () throws(PortalError) -> [(String, Date)] in
            var arrivals: [(String, Date)] = []
            try Transport(location: server.url, caCertificate: nil).lines(server.url + "/slow", headers: [("Accept", "text/event-stream")]) {
                arrivals.append(($0, Date()))
                return true
            }
            return arrivals
        }
        // CRLF, LF and CR end lines, across chunks; what follows the last line end is a last line.
        #expect(arrivals.map(\.0) == ["first", "", "second", "third", "last"])
        // The server waits 0.6 s after "first": it came before the rest was sent, not with the whole answer.
        if arrivals.count == 5 {
            #expect(arrivals[2].1.timeIntervalSince(arrivals[0].1) > 0.4, "\(arrivals)")
        }
    }

    @Test func theCallerStopsAnEndlessStreamAndTheClientGoesOn() async throws {
        let server = try await LineServer.start()
        defer { server.stop() }
        let (lines, status) = try await background { () throws(PortalError) -> ([String], Int) in
            let transport = try Transport(location: server.url, caCertificate: nil)
            var lines: [String] = []
            try transport.lines(server.url + "/forever", headers: []) {
                lines.append($0)
                return lines.count < 3
            }
            return (lines, try transport.send("GET", server.url + "/echo", headers: []).status)
        }
        #expect(lines == ["tick 0", "tick 1", "tick 2"] && status == 200)
    }

    @Test func aCancellationStopsTheStreamFromAnotherThread() async throws {
        let server = try await LineServer.start()
        defer { server.stop() }
        let cancellation = Cancellation()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { cancellation.cancel() }
        let started = Date()
        let outcome = await background { () -> Result<Int, PortalError> in
            var count = 0
            do throws(PortalError) {
                try Transport(location: server.url, caCertificate: nil).lines(server.url + "/forever", headers: [], cancellation: cancellation) { _ in
                    count += 1
                    return true
                }
                return .success(count)
            } catch {
                return .failure(error)
            }
        }
        #expect(outcome == .failure(.cancelled), "\(outcome)")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func aStreamRefusedByTheServerThrowsItsProblem() async throws {
        let server = try await LineServer.start()
        defer { server.stop() }
        let outcome = await background { () -> PortalError? in
            do throws(PortalError) {
                try Transport(location: server.url, caCertificate: nil).lines(server.url + "/problem", headers: []) { _ in true }
                return nil
            } catch { return error }
        }
        #expect(outcome == .refused(Refusal("Sign in first.")), "\(String(describing: outcome))")
    }

    @Test func aRefusedConnectionIsUnavailableAndNamesTheServer() async throws {
        let outcome = await background { () -> PortalError? in
            do throws(PortalError) {
                _ = try Transport(location: "http://127.0.0.1:9", caCertificate: nil).send("GET", "http://127.0.0.1:9/healthz", headers: [])
                return nil
            } catch { return error }
        }
        #expect(outcome == .unavailable("server: can't reach http://127.0.0.1:9: connection refused (is careportal serve running there?)"),
                "\(String(describing: outcome))")
    }

    @Test func linesAreSplitAtEveryKindOfEnd() {
        var splitter = LineSplitter()
        #expect(splitter.push(Array("a\r".utf8)) == ["a"])
        #expect(splitter.push(Array("\nb\rc\n\nd".utf8)) == ["b", "c", ""])
        #expect(splitter.push(Array("é".utf8).prefix(1)) == [])
        #expect(splitter.push(Array("é\n".utf8).dropFirst()) == ["dé"])
        #expect(splitter.finish() == nil)
    }
}

/// Runs a blocking call on a thread of its own, as the command line and the app call the portal.
private func background<T: Sendable>(_ body: @escaping @Sendable () throws(PortalError) -> T) async throws(PortalError) -> T {
    let result: Result<T, PortalError> = await withCheckedContinuation { continuation in
        Thread {
            do throws(PortalError) { continuation.resume(returning: .success(try body())) } catch { continuation.resume(returning: .failure(error)) }
        }.start()
    }
    return try result.get()
}

private func background<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}

/// A Hummingbird server with the answers the tests read.
private struct LineServer: Sendable {
    let url: String
    let task: Task<Void, Error>

    static func start() async throws -> LineServer {
        let router = Router()
        router.post("echo") { request, _ in
            let body = try await request.body.collect(upTo: 1 << 20)
            return "echo: " + String(buffer: body)
        }
        router.get("echo") { _, _ in "echo" }
        router.get("slow") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "first\r\n\r"))
                try await Task.sleep(for: .milliseconds(600))
                try await writer.write(ByteBuffer(string: "\nsecond\rthi"))
                try await writer.write(ByteBuffer(string: "rd\nlast"))
                try await writer.finish(nil)
            })
        }
        router.get("forever") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody { writer in
                for n in 0..<600 {
                    try await writer.write(ByteBuffer(string: "tick \(n)\n"))
                    try await Task.sleep(for: .milliseconds(50))
                }
                try await writer.finish(nil)
            })
        }
        router.get("problem") { _, _ in
            Response(status: .unauthorized, headers: [.contentType: "application/problem+json"],
                     body: .init(byteBuffer: ByteBuffer(string: #"{"type":"/problems/not-signed-in","title":"Not signed in","status":401,"detail":"Sign in first."}"#)))
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "transport-tests")
        logger.logLevel = .critical  // its start and its stop at the end of each test aren't news
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return LineServer(url: "http://127.0.0.1:\(port)", task: task)
    }

    func stop() { task.cancel() }
}
