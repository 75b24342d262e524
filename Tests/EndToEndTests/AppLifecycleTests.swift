import Foundation
import Testing

/// How the real app ends: only q on the top screen and Ctrl-C end it, signals leave the terminal as it
/// was, and what was typed a moment before a `kill -9` is still there.
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct AppLifecycleTests {
    /// The app in a pane that stays after it ends; a shell around it writes the app's exit status to
    /// `status(b)` (tmux reports a dead pane's status unreliably) and its standard error goes to `stderr(b)`.
    static func open(_ b: Binary, width: Int = 120, height: Int = 40) throws -> Tmux {
        let env = "exec env TERM=xterm-256color LANG=C.UTF-8 VISUAL= EDITOR= HOME=\(b.home.path) XDG_STATE_HOME=\(b.home.path)/state XDG_CONFIG_HOME=\(b.home.path)/config"
        let app = "\(Binary.path) --db \(b.db) --as alice@cloudpartners.example"
        let t = try Tmux(command: "\(env) sh -c '\(app) 2>\(stderr(b)); echo $? >\(status(b))'", width: width, height: height)
        try t.tmux(["set-option", "-t", t.name, "remain-on-exit", "on"])
        return t
    }

    static func stderr(_ b: Binary) -> String { b.home.appendingPathComponent("stderr.txt").path }
    static func status(_ b: Binary) -> String { b.home.appendingPathComponent("status.txt").path }

    static func pane(_ t: Tmux, _ format: String) throws -> String {
        try t.tmux(["display-message", "-p", "-t", t.name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Sends `sig` to the app (the child of the pane's shell).
    static func signal(_ t: Tmux, _ sig: Int32) throws {
        let shell = try pane(t, "#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        let app = try #require(children.split(separator: " ").first.flatMap { Int32($0) }, "no app under the pane's shell \(shell)")
        #expect(kill(app, sig) == 0)
    }

    /// Waits (at most 10 s) for the app to end; its exit status as the shell saw it (128+N when signal N
    /// killed it), nil when it didn't end.
    static func exitStatus(_ b: Binary, _ t: Tmux) throws -> Int? {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if try pane(t, "#{pane_dead}") == "1" {
                return (try? String(contentsOfFile: status(b), encoding: .utf8)).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// The first case of My Cases open, with its message editor.
    static func messageEditorOpen() throws -> (Binary, Tmux, String) {
        let (b, _) = try CommandLineTests.demo(cases: 50)
        let t = try open(b)
        try t.waitFor(until: "My Cases with its rows") { TerminalAppTests.caseRows($0).count > 5 }
        try t.send("Enter")
        let screen = try t.waitFor("History")
        let number = try #require(screen.split(separator: "\n").first { $0.contains("Case ") }?
            .split(separator: " ").first { $0.count == 8 && $0.allSatisfy(\.isNumber) }.map(String.init))
        try t.send("m")
        try t.waitFor("Message support · case \(number)")
        return (b, t, number)
    }

    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func aSignalLeavesTheTerminalAsItWas(_ sig: Int32) throws {
        let (b, _) = try CommandLineTests.demo(cases: 50)
        let t = try Self.open(b)
        try t.waitFor(until: "My Cases with its rows") { TerminalAppTests.caseRows($0).count > 5 }
        #expect(try Self.pane(t, "#{alternate_on}") == "1", "the app draws on the alternate screen")
        try Self.signal(t, sig)
        #expect(try Self.exitStatus(b, t) == 128 + Int(sig))
        // The alternate screen was left: the shell's screen is back (a kill -9 leaves it on).
        #expect(try Self.pane(t, "#{alternate_on}") == "0")
    }

    @Test func textTypedThreeTenthsOfASecondBeforeKill9IsKept() throws {
        let (b, t, number) = try Self.messageEditorOpen()
        try t.send("Typed just before the crash", literal: true)
        try t.waitFor("Typed just before the crash")
        Thread.sleep(forTimeInterval: 0.3)
        try Self.signal(t, SIGKILL)
        #expect(try Self.exitStatus(b, t) == 128 + Int(SIGKILL))
        let drafts = try b.json(["drafts", "--as", "alice@cloudpartners.example", "--json"]) as! [[String: Any]]
        #expect(drafts.contains { $0["form"] as? String == "message \(number)" && $0["content"] as? String == "Typed just before the crash" },
                "\(drafts)")
    }

    @Test func quittingWithUnsentTextSaysWhatWasKept() throws {
        let (b, t, number) = try Self.messageEditorOpen()
        try t.send("Left for later", literal: true)
        try t.waitFor("Left for later")
        try t.send("C-c")
        #expect(try Self.exitStatus(b, t) == 0)
        let said = String(decoding: FileManager.default.contents(atPath: Self.stderr(b)) ?? Data(), as: UTF8.self)
        #expect(said == "Kept as drafts: a message to case \(number). `careportal drafts` lists them; the app brings them back.\n")
    }

    /// Random keys (a seeded mix of letters, digits, Esc, Enter, Tab, arrows and control keys, without q and
    /// Ctrl-C) never end the app.
    @Test func randomKeysNeverCloseTheApp() throws {
        let (b, _) = try CommandLineTests.demo(cases: 200)
        let t = try Self.open(b, width: 100, height: 30)
        try t.waitFor(until: "My Cases with its rows") { TerminalAppTests.caseRows($0).count > 5 }
        var rng = SeededKeys(seed: 20_261_201)
        let named = ["Escape", "Escape", "Escape", "Enter", "Enter", "Tab", "BTab", "Up", "Down", "Left", "Right", "PageUp", "PageDown",
                     "Home", "End", "BSpace", "DC", "C-s", "C-u", "C-w", "C-e", "C-a", "F1", "Space"]
        let letters = Array("abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPRSTUVWXYZ0123456789/[]?*:-_.@ ")
        var sent: [String] = []
        for batch in 0..<40 {
            var keys: [String] = []
            for _ in 0..<25 {
                keys.append(rng.next() % 3 == 0 ? named[Int(rng.next() % UInt64(named.count))]
                                                : String(letters[Int(rng.next() % UInt64(letters.count))]))
            }
            sent += keys
            for key in keys { try t.tmux(["send-keys", "-t", t.name] + (key.count == 1 ? ["-l", key] : [key])) }
            Thread.sleep(forTimeInterval: 0.1)
            let dead = try Self.pane(t, "#{pane_dead}")
            #expect(dead == "0", "the app ended in batch \(batch); the last keys: \(sent.suffix(60).joined(separator: " "))")
            if dead != "0" { return }
        }
    }
}

/// A small seeded generator (a 64-bit linear congruential one), so a failing key sequence can be replayed.
struct SeededKeys {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 29
    }
}
