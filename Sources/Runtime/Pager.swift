import Foundation
import Glibc

/// `|` in a case: its text in `$PAGER` (`less -R` when unset), with the full screen suspended until the pager exits.
/// The text goes through a private temporary file given as standard input, so any pager works (less, most, bat, cat).
public enum Pager {
    /// Nil when the pager ran; otherwise why it couldn't.
    public static func show(_ text: String, screen: some SuspendableScreen,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let pager = environment["PAGER"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? "less -R"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-\(UUID().uuidString.prefix(8)).txt")
        guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            return "couldn't write a temporary file in \(url.deletingLastPathComponent().path)"
        }
        defer { try? FileManager.default.removeItem(at: url) }
        screen.suspend()
        defer { screen.resume() }
        // posix_spawn rather than Process: the pager must stay in the app's (foreground) process group to read keys
        // from the terminal; Foundation's Process puts its child in a group of its own, where less is stopped.
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, url.path, O_RDONLY, 0)
        // `exec`, so a pager that isn't there is the shell's exit 127.
        let command: [String] = ["/bin/sh", "-c", "exec \(pager)"]
        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        guard rc == 0 else { return "\(pager) didn't start: \(String(cString: strerror(rc)))" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED && WEXITSTATUS == 127: the shell couldn't find it.
        if status & 0x7f == 0 && (status >> 8) & 0xff == 127 { return "\(pager) isn't installed; set $PAGER to the pager you use" }
        return nil
    }
}
