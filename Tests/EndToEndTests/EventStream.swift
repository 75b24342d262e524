import Foundation

/// A client of `GET /v1/events`: curl reads the stream (it prints each line as it arrives) and every line is kept
/// with when it came, so a test can ask whether an event arrived within a time.
final class EventStream: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var lines: [(at: Date, text: String)] = []
    private var pending = ""
    private var eventTimes: [Date] = []

    init(_ server: Server, token: String, lastEventID: Int? = nil) throws {
        guard let curl = Self.curl else { throw ServerFailure(message: "curl is not installed (make deps installs it)") }
        process.executableURL = URL(fileURLWithPath: curl)
        var args = ["-sN", "--max-time", "60", "-H", "Authorization: Bearer \(token)"]
        if let lastEventID { args += ["-H", "Last-Event-ID: \(lastEventID)"] }
        process.arguments = args + [server.base.appendingPathComponent("v1/events").absoluteString]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock {
                self.pending += String(decoding: data, as: UTF8.self)
                while let newline = self.pending.firstIndex(of: "\n") {
                    self.lines.append((Date(), String(self.pending[..<newline])))
                    self.pending = String(self.pending[self.pending.index(after: newline)...])
                }
            }
        }
        try process.run()
    }

    deinit { stop() }

    /// SIGKILL: curl inherits the test thread's blocked signals, so a SIGTERM waited for its 60 s --max-time.
    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    var isRunning: Bool { process.isRunning }

    /// Every line so far.
    var text: String { lock.withLock { lines.map(\.text).joined(separator: "\n") } }

    /// The change events so far: each `data:` line decoded, with when it arrived.
    var changes: [(at: Date, change: [String: Any])] {
        lock.withLock {
            lines.compactMap { line in
                guard line.text.hasPrefix("data: "), let object = try? JSONSerialization.jsonObject(with: Data(line.text.dropFirst(6).utf8)),
                      let change = object as? [String: Any], change["caseNumber"] != nil else { return nil }
                return (line.at, change)
            }
        }
    }

    /// Waits until `condition` holds on the stream's text, up to `seconds`; the last text either way.
    @discardableResult
    func wait(seconds: Double, until condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(text) { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return condition(text)
    }

    static let curl: String? = ["/usr/bin/curl", "/bin/curl", "/usr/local/bin/curl"].first { FileManager.default.isExecutableFile(atPath: $0) }
}
