import Foundation
import Testing

/// A terminal that can't address the cursor (`TERM=dumb`) is refused like an unknown one, before the screen
/// is taken over (issue #11). `script` gives the app the terminal it insists on.
@Suite(.serialized) struct DumbTerminalTests {
    /// Runs the app under `script` with `term`; gives up after 20 s (an app that started waits for keys).
    func open(term: String, _ b: Binary) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", "env TERM=\(term) '\(Binary.path)' --db '\(b.db)'", "/dev/null"]
        p.environment = b.environment
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        p.standardInput = Pipe()
        try p.run()
        let deadline = Date().addingTimeInterval(20)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning { p.terminate(); p.waitUntilExit(); return (-1, "still running after 20 s") }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (p.terminationStatus, text)
    }

    @Test func aDumbTerminalIsRefusedLikeAnUnknownOne() throws {
        let b = try Binary()
        let unknown = try open(term: "no-such-terminal", b)
        #expect(unknown.status == 2 && unknown.output.contains("TERM=no-such-terminal"), "\(unknown)")
        let dumb = try open(term: "dumb", b)
        #expect(dumb.status == 2, "\(dumb)")
        #expect(dumb.output.contains("careportal: ") && dumb.output.contains("TERM=dumb") && dumb.output.contains("careportal cases"), "\(dumb.output)")
        #expect(dumb.output.split(whereSeparator: \.isNewline).count == 1, "\(dumb.output)")
    }
}
