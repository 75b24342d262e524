import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `careportal serve` started by a test on a free loopback port, and plain HTTP requests to it.
final class Server: @unchecked Sendable {
    let process = Process()
    let base: URL
    private let stderr = Pipe()
    private let logFile: URL?
    /// What the server wrote to stderr so far: the pipe is read as it fills, or a server that logs a line per request
    /// would block on a full pipe and every client with it (a `bench ui --server` of a few hundred requests did).
    private let logged = NSLock()
    private var log = Data()

    /// Starts the server on `b`'s database and waits for the line that names its port (10 s at most). `logFile`: where
    /// its request log goes instead of this process's memory. `tls`: the PEM files of `--tls-cert` and `--tls-key` (HTTPS).
    init(_ b: Binary, listen: String = "127.0.0.1:0", logFile: URL? = nil, tls: (certificate: String, key: String)? = nil) throws {
        self.logFile = logFile
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = ["serve", "--listen", listen, "--db", b.db] + (tls.map { ["--tls-cert", $0.certificate, "--tls-key", $0.key] } ?? [])
        process.environment = b.environment
        let out = Pipe()
        process.standardOutput = out
        if let logFile {
            FileManager.default.createFile(atPath: logFile.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: logFile)
        } else {
            process.standardError = stderr
        }
        try process.run()
        // "Serving PATH on http://127.0.0.1:PORT" (https:// with TLS)
        var line = Data()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "https://") ?? text.range(of: "http://"), let url = URL(string: String(text[range.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw ServerFailure(message: "careportal serve didn't say where it listens: \(text)")
        }
        base = url
        if logFile == nil {
            // Before it listens it writes a line or two at most, which the pipe holds until this reads.
            stderr.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let chunk = handle.availableData
                guard let self, !chunk.isEmpty else { return }
                self.logged.withLock { self.log.append(chunk) }
            }
        }
    }

    deinit { stop() }

    /// SIGTERM, then waits for the exit; returns the exit status and what it logged.
    @discardableResult
    func stop() -> (status: Int32, log: String) {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        if let logFile { return (process.terminationStatus, (try? String(contentsOf: logFile, encoding: .utf8)) ?? "") }
        stderr.fileHandleForReading.readabilityHandler = nil
        let rest = stderr.fileHandleForReading.readDataToEndOfFile()
        let all = logged.withLock { log + rest }
        return (process.terminationStatus, String(decoding: all, as: UTF8.self))
    }

    struct Reply {
        var status: Int
        var contentType: String
        var body: Data
        var json: Any? { try? JSONSerialization.jsonObject(with: body) }
        var object: [String: Any] { json as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func request(_ method: String, _ path: String, token: String? = nil, authorization: String? = nil, json: Any? = nil) throws -> Reply {
        var request = URLRequest(url: URL(string: path, relativeTo: base)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let authorization { request.setValue(authorization, forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        return try send(request)
    }

    /// Sends a request built by the test (an upload's raw body).
    func send(_ request: URLRequest) throws -> Reply {
        let method = request.httpMethod ?? "GET", path = request.url?.path ?? ""
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox()
        URLSession.shared.dataTask(with: request) { data, response, error in
            if let error { result.error = error } else if let http = response as? HTTPURLResponse {
                result.reply = Reply(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "",
                                     body: data ?? Data())
            }
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + 20) == .success else { throw ServerFailure(message: "\(method) \(path): no answer in 20 s") }
        if let error = result.error { throw error }
        guard let reply = result.reply else { throw ServerFailure(message: "\(method) \(path): no HTTP response") }
        return reply
    }

    /// Signs in over HTTP; the bearer token.
    func signIn(_ email: String, _ password: String) throws -> String {
        let reply = try request("POST", "/v1/sessions", json: ["email": email, "password": password])
        guard reply.status == 201, let token = reply.object["token"] as? String else {
            throw ServerFailure(message: "sign-in as \(email): \(reply.status) \(reply.text)")
        }
        return token
    }
}

private final class ResultBox: @unchecked Sendable {
    var reply: Server.Reply?
    var error: Error?
}

struct ServerFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
