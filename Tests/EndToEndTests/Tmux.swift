import Foundation
import PostgresCluster
import Testing

/// Drives the real binary inside a detached tmux session on a private socket.
final class Tmux {
    let socket = "careportal-test-\(UUID().uuidString.prefix(8))"
    let name = "app"

    init(command: String, width: Int, height: Int) throws {
        // The server this starts keeps running, holding whatever output it inherited: give it none.
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command], capture: false)
    }

    deinit { _ = try? tmux(["kill-server"], capture: false) }

    /// Runs tmux with posix_spawn and waitpid: the server that `new-session` forks outlives its client,
    /// and Foundation's Process can miss such a client's exit.
    @discardableResult
    func tmux(_ args: [String], capture: Bool = true) throws -> String {
        guard let path = Self.path else { throw Missing() }
        let argv = [path, "-L", socket, "-f", "/dev/null"] + args
        var fds: [Int32] = [0, 0]
        // Close-on-exec, so no process another test spawns meanwhile (a PostgreSQL server, another tmux server) holds
        // its write end open and keeps this read from ever seeing the end.
        guard closeOnExecPipe(&fds) == 0 else { throw POSIXError(.EIO) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture { posix_spawn_file_actions_adddup2(&actions, fds[1], 1) } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Nothing else of this process goes with it: a tmux server lives on, and would hold others' pipes open.
        closeFiles(from: 3, in: &actions)
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env.removeValue(forKey: "TMUX")
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        // The tmux server inherits this thread's signal mask: start it with none blocked, or the app in it
        // never hears SIGWINCH.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attributes, cArgs, cEnv)
        close(fds[1])
        defer { close(fds[0]) }
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .ENOENT) }
        var output = Data()
        if capture {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = read(fds[0], &chunk, chunk.count)
                if n <= 0 { break }
                output.append(contentsOf: chunk[0..<n])
            }
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return String(decoding: output, as: UTF8.self)
    }

    /// Sends keys as tmux names them ("Enter", "Escape", "C-u") or literal text with `literal: true`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// The case number on the cursor row: the row drawn on the cursor bar's background (colour 24).
    func cursorCase() throws -> String? {
        let coloured = try tmux(["capture-pane", "-p", "-e", "-t", name])
        guard let line = coloured.split(separator: "\n").first(where: { $0.contains("48;5;24m") }) else { return nil }
        let plain = line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        // A row's margin may hold its ● (unread) or ▶ (marked) right before the number.
        let words = plain.split(separator: " " as Character).map { String($0.drop { "●▶>N".contains($0) }) }
        return words.first { $0.count == 8 && $0.allSatisfy(\.isNumber) }
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen satisfies `condition` and returns that screen. On timeout the test fails: the error
    /// names the call site, what was awaited and the last screen seen. `what` words the condition for that message.
    @discardableResult
    func waitFor(until what: String? = nil, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while true {
            last = try screen()
            if condition(last) { return last }
            if Date() >= deadline { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Timeout(what: what, seconds: timeout, sourceLocation: sourceLocation, screen: last)
    }

    /// Waits until the screen contains `text`; see `waitFor(until:timeout:sourceLocation:_:)`.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitFor(until: "the text \"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// A wait that timed out: where, for what, and the screen as it was last seen.
    struct Timeout: Error, CustomStringConvertible {
        var what: String?
        var seconds: TimeInterval
        var sourceLocation: SourceLocation
        var screen: String
        var description: String {
            let place = "\(sourceLocation.fileName):\(sourceLocation.line)"
            return "waitFor at \(place) timed out after \(seconds.formatted()) s waiting for \(what ?? "its condition"); the last screen:\n"
                + screen
        }
    }

    /// The tmux executable: the first `tmux` on PATH.
    static let path: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "")
        .split(separator: ":").map { "\($0)/tmux" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var available: Bool { path != nil }

    /// CI must run the tmux tests: without tmux, the run fails there instead of skipping them.
    static var required: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    static let missingMessage = "tmux not found on PATH; install it: apt-get install -y tmux"

    struct Missing: Error, CustomStringConvertible {
        var description: String { Tmux.missingMessage }
    }
}
