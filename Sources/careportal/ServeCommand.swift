import ArgumentParser
import Foundation
import Logging
import Portal
import Server

/// `careportal serve`: one database for a whole team, over HTTP (the JSON API in docs/openapi.yaml).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve",
        abstract: "Serve the database to a team over HTTP, or HTTPS with --tls-cert and --tls-key: the JSON API /v1 (docs/openapi.yaml).",
        discussion: "Logs one line per request on standard error. SIGTERM or Ctrl-C stops it once the requests in flight are answered.")
    @OptionGroup var store: StoreOptions
    @Option(help: ArgumentHelp("Where to listen; port 0 picks a free one.", valueName: "host:port")) var listen = "127.0.0.1:8750"
    @Option(help: ArgumentHelp("Serve HTTPS with this certificate (PEM; the server's first, then any intermediates).", valueName: "pem"))
    var tlsCert: String?
    @Option(help: ArgumentHelp("The private key of --tls-cert's certificate (PEM, unencrypted).", valueName: "pem"))
    var tlsKey: String?
    @Flag(help: "Listen on an address other hosts reach without TLS (they could read every token and case).")
    var insecureHttp = false
    @Option(help: ArgumentHelp("Seconds an event stream (/v1/events) stays silent before a heartbeat.", valueName: "seconds"))
    var heartbeat = 15

    func run() throws {
        let (host, port) = try Listen.parse(listen)
        let tls = try Self.tls(certificate: tlsCert, key: tlsKey)
        if !Listen.isLoopback(host) && !insecureHttp && tls == nil {
            throw Failure.input("listen: \(host) is reached from other hosts; without TLS they could read every token and case. "
                                + "Listen on 127.0.0.1, give --tls-cert and --tls-key, or give --insecure-http")
        }
        guard (1...3600).contains(heartbeat) else { throw Failure.input("heartbeat: give 1 to 3600 seconds") }
        if store.server != nil { throw Failure.input("server: careportal serve serves a database file (--db), not another server") }
        let portal = try store.open(for: .direct("serve"))
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        let server = PortalServer(portal: portal, logger: Logger(label: "careportal.serve"), heartbeat: .seconds(heartbeat))
        let location = portal.location
        let scheme = tls == nil ? "http" : "https"
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await server.run(host: host, port: port, tls: tls) { bound in
                    // Scripts and tests read the address from this line.
                    FileHandle.standardOutput.write(Data("Serving \(location) on \(scheme)://\(host):\(bound)\n".utf8))
                }
            } catch {
                failure.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = failure.get() { throw Failure(message: "listen: \(error)", code: Failure.storage) }
    }
}

extension Serve {
    /// `--tls-cert` and `--tls-key`: both or neither; read and checked before anything listens.
    static func tls(certificate: String?, key: String?) throws(Failure) -> ServerTLS? {
        switch (certificate, key) {
        case (nil, nil): return nil
        case (_?, nil): throw Failure.input("tls-key: give the private key of --tls-cert's certificate with --tls-key PEM")
        case (nil, _?): throw Failure.input("tls-cert: give the certificate of --tls-key's key with --tls-cert PEM")
        case (let certificate?, let key?):
            do { return try ServerTLS(certificatePath: certificate, keyPath: key) } catch { throw Failure.input(error.description) }
        }
    }
}

/// `--listen host:port`.
enum Listen {
    static func parse(_ text: String) throws(Failure) -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else {
            throw Failure.input("listen: \"\(text)\" is not host:port (for example 127.0.0.1:8750)")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw Failure.input("listen: \"\(text)\" names no host (for example 127.0.0.1:8750)") }
        return (host, port)
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// The server's error, handed from its task to the command.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var error: Error?
    func set(_ e: Error) { lock.lock(); error = e; lock.unlock() }
    func get() -> Error? { lock.lock(); defer { lock.unlock() }; return error }
}
