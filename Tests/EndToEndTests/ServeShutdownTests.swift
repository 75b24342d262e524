import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// SIGTERM stops `careportal serve` gracefully: a request in flight (an upload half sent) is answered, then the
/// server exits 0.
@Suite(.serialized) struct ServeShutdownTests {
    @Test func anUploadInFlightWhenSIGTERMArrivesIsAnsweredAndTheServerExitsZero() throws {
        let (b, server, passwords) = try ServeTests.demo()
        let alice = "alice@cloudpartners.example"
        let token = try server.signIn(alice, passwords[alice]!)
        let number = try #require(try CommandLineTests.numbers(b, as: alice, ["--filter", "is:open customer:acme"]).first)
        let size = 4 << 20
        let connection = try RawConnection(port: try #require(server.base.port))
        try connection.send(Data("""
            POST /v1/cases/\(number)/attachments?name=slow.bin HTTP/1.1\r
            Host: 127.0.0.1\r
            Authorization: Bearer \(token)\r
            Content-Type: application/octet-stream\r
            Content-Length: \(size)\r
            \r

            """.utf8))
        let half = Data(repeating: UInt8(ascii: "x"), count: size / 2)
        try connection.send(half)
        Thread.sleep(forTimeInterval: 0.3)  // the server has the request and waits for the rest of its body
        kill(server.process.processIdentifier, SIGTERM)
        Thread.sleep(forTimeInterval: 1)
        #expect(server.process.isRunning, "the server waits for the request in flight")
        try connection.send(half)
        // The answer, then the connection closed by the server (read until then: 15 s at most).
        let started = Date()
        let reply = connection.readAll(timeout: 15)
        #expect(reply.hasPrefix("HTTP/1.1 204"), "\(reply.prefix(300))")
        #expect(Date().timeIntervalSince(started) < 14, "the server closes the connection after answering")
        let deadline = Date().addingTimeInterval(15)
        while server.process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if server.process.isRunning {
            Issue.record("the server still runs 15 s after answering the request it had when SIGTERM came")
            kill(server.process.processIdentifier, SIGKILL)
        }
        let (status, log) = server.stop()
        #expect(status == 0, "\(status) \(log)")
        #expect(log.contains("route=/v1/cases/\(number)/attachments") && log.contains("status=204"), "\(log)")
        let show = try b.json(["case", "show", "\(number)", "--json", "--as", alice]) as? [String: Any]
        let sizes = (show?["attachments"] as? [[String: Any]] ?? []).filter { $0["name"] as? String == "slow.bin" }.map { $0["size"] as? Int }
        #expect(sizes == [size], "the whole upload is stored: \(sizes)")
    }
}

/// A TCP connection to 127.0.0.1 that sends bytes when the test says so (a request whose body arrives late).
final class RawConnection {
    private let socket: Int32

    init(port: Int) throws {
        #if canImport(Glibc)
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw ServerFailure(message: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(socket); throw ServerFailure(message: "connect to 127.0.0.1:\(port): errno \(errno)") }
    }

    deinit { close(socket) }

    func send(_ data: Data) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < raw.count {
                let n = write(socket, raw.baseAddress! + offset, raw.count - offset)
                guard n > 0 else { throw ServerFailure(message: "write: errno \(errno)") }
                offset += n
            }
        }
    }

    /// Everything the server sends until it closes the connection or `timeout` seconds pass.
    func readAll(timeout: TimeInterval) -> String {
        var seconds = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(socket, &buffer, buffer.count)
            guard n > 0 else { break }
            received += buffer[0..<n]
        }
        return String(decoding: received, as: UTF8.self)
    }
}
