import Domain
import Foundation
import Glibc
import Portal
import Runtime
import Store

/// Launch measured from process start: the real executable (`careportal --db … --as …`) is spawned on a
/// pseudo-terminal of 120×40 and timed until the screen it writes shows the first page's rows: the last row
/// the screen holds is the marker, found once by a calibration launch. Times run from just before the spawn
/// to the read that brings the marker (first output: to the first byte written to the terminal).
struct LaunchBench {
    let portal: PortalStore
    let email: String
    let password: String
    let iterations: Int
    /// Seconds to leave one launched app idle at its first screen, measuring its CPU (0: not measured).
    var idleSeconds: Double = 0
    let width = 120, height = 40

    struct Failed: Error, CustomStringConvertible { let description: String }

    struct Measured {
        var operations: [BenchMeasurement]
        /// The largest peak resident memory of a launched app, killed at its first full screen.
        var peakResidentMiB: Double
        /// An idle app's CPU, in percent of one core, over `idleSeconds` at its first screen.
        var idleCPUPercent: Double?
    }

    /// Times to the first output and to the full first screen, or why they could not be measured.
    func run() -> Result<Measured, Failed> {
        do {
            return .success(try measure())
        } catch let f as Failed {
            return .failure(f)
        } catch {
            return .failure(Failed(description: "\(error)"))
        }
    }

    private func measure() throws -> Measured {
        let grant = try portal.signIn(email: email, password: password)
        defer { try? portal.signOut(token: grant.token) }
        // A session file of its own, so the user's sessions are neither read nor changed.
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-launch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        try FileManager.default.createDirectory(at: state.appendingPathComponent("careportal"), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode([SavedSession(user: grant.user.email, domain: grant.domainName, token: grant.token, expiresAt: grant.expiresAt,
                                         database: portal.path)])
            .write(to: state.appendingPathComponent("careportal/sessions.json"))

        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LINES"] = String(height)
        environment["COLUMNS"] = String(width)
        environment["XDG_STATE_HOME"] = state.path
        environment["XDG_CONFIG_HOME"] = state.path  // its own config file, not the user's
        if environment["LANG"] == nil && environment["LC_ALL"] == nil { environment["LANG"] = "C.UTF-8" }
        let launch = Launch(executable: executable, arguments: ["--db", portal.path, "--as", grant.user.email], environment: environment)

        // Calibration: the first page's case numbers, and the last of them the screen shows.
        let page = try portal.cases(as: grant.user, scope: .domain(grant.user.domainID), limit: height)
        let screen = try launch.run(until: nil, settle: 1.5)
        let shown = page.rows.map { String($0.number) }.filter { screen.output.contains($0) }
        guard let marker = shown.last else {
            throw Failed(description: "no case of the first page appeared on the launched app's screen")
        }
        var first: [Double] = [], full: [Double] = [], peak = 0
        for _ in 0..<(iterations + 2) {
            let r = try launch.run(until: marker, settle: 0)
            guard let f = r.firstOutput, let m = r.marker else { throw Failed(description: "the launched app never showed case \(marker)") }
            first.append(f); full.append(m); peak = max(peak, r.peakResidentKiB)
        }
        var idle: Double?
        if idleSeconds > 0 {
            let r = try launch.run(until: marker, settle: 0, idle: idleSeconds)
            idle = r.idleCPUPercent
        }
        // The first two launches warm the page cache, as the other measurements' warm-up runs do.
        return Measured(operations: [BenchMeasurement(name: "launch: spawn to first output", times: Array(first.dropFirst(2)), raw: nil),
                                     BenchMeasurement(name: "launch: spawn to full first screen", times: Array(full.dropFirst(2)), raw: nil)],
                        peakResidentMiB: Double(peak) / 1024, idleCPUPercent: idle)
    }
}

/// One spawn of the app on a fresh pseudo-terminal.
struct Launch {
    let executable: String
    let arguments: [String]
    let environment: [String: String]

    struct Outcome {
        var output: String
        /// Milliseconds from the spawn to the first output, and to the read that completed the marker.
        var firstOutput: Double?
        var marker: Double?
        /// The app's peak resident memory when it was killed.
        var peakResidentKiB = 0
        /// Its CPU while left alone after the marker, in percent of one core.
        var idleCPUPercent: Double?
    }

    /// Runs the app until `marker` has been written (or, with no marker, until `settle` seconds pass without
    /// output), then kills it; with `idle`, it is first left alone that many seconds at the marker (its output read
    /// and dropped) and its CPU time over them measured. Gives up after 10 s without the marker.
    func run(until marker: String?, settle: Double, idle: Double = 0) throws -> Outcome {
        let master = PTY.openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0, PTY.grantpt(master) == 0, PTY.unlockpt(master) == 0, let name = PTY.ptsname(master) else {
            throw LaunchBench.Failed(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        defer { close(master) }
        let slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard slave >= 0 else { throw LaunchBench.Failed(description: "can't open \(String(cString: name))") }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_adddup2(&actions, slave, fd) }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        let started = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000 }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        close(slave)
        guard spawned == 0 else { throw LaunchBench.Failed(description: "can't start \(executable): \(String(cString: strerror(spawned)))") }

        var outcome = Outcome(output: "")
        var bytes: [UInt8] = []
        let wanted = marker.map { Array($0.utf8) }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var lastOutput = elapsed()
        while elapsed() < 10_000 {
            var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, 10)
            if ready > 0 {
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { break }  // the app exited (EIO)
                let now = elapsed()
                if outcome.firstOutput == nil { outcome.firstOutput = now }
                lastOutput = now
                let searchFrom = max(0, bytes.count - (wanted?.count ?? 0))
                bytes += buffer[0..<n]
                if let wanted, bytes[searchFrom...].firstRange(of: wanted) != nil {
                    outcome.marker = now
                    break
                }
            } else if marker == nil, outcome.firstOutput != nil, elapsed() - lastOutput > settle * 1000 {
                break
            }
        }
        outcome.output = String(decoding: bytes, as: UTF8.self)
        if idle > 0, outcome.marker != nil {
            let cpuBefore = Self.cpuSeconds(pid), wallBefore = elapsed()
            while elapsed() - wallBefore < idle * 1000 {
                var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                if poll(&fds, 1, 100) > 0, read(master, &buffer, buffer.count) <= 0 { break }
            }
            if let a = cpuBefore, let b = Self.cpuSeconds(pid) { outcome.idleCPUPercent = (b - a) / ((elapsed() - wallBefore) / 1000) * 100 }
        }
        // The app's own high-water mark (the rusage of a spawned child also counts its parent's, from before exec).
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        if let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kib = line.split(separator: " ").compactMap({ Int($0) }).first {
            outcome.peakResidentKiB = kib
        }
        kill(pid, SIGKILL)
        var exit: Int32 = 0
        waitpid(pid, &exit, 0)
        return outcome
    }
}

extension Launch {
    /// A process's user and system CPU time so far, in seconds (`/proc/PID/stat`, fields 14 and 15, in clock ticks).
    static func cpuSeconds(_ pid: pid_t) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // After the command name (which may hold spaces) come the fields from the third on.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

/// libc's pseudo-terminal calls, which Swift's Glibc module leaves out (they need _XOPEN_SOURCE).
enum PTY {
    private static func function<T>(_ name: String, as type: T.Type) -> T {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { fatalError("libc has no \(name)") }
        return unsafeBitCast(symbol, to: type)
    }
    static let openpt = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    static let grantpt = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlockpt = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let ptsname = function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
}
