import Foundation
import Glibc

/// A program the user runs in the terminal while the full screen steps aside ($EDITOR, $PAGER), through `/bin/sh`
/// like git runs them, with the app's terminal as its standard input, output and error and in the app's process group.
/// posix_spawn rather than Foundation's `Process`, whose child didn't get the terminal as standard input: vim and less
/// ended at once and the keys went to the app (TerminalEditorTests).
enum ForegroundProcess {
    enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case failedToStart(String)
    }

    /// Runs `command` (shell syntax; `"$1"` is `argument`), standard input from `input` when given, and waits for it.
    static func run(_ command: String, argument: String? = nil, input: String? = nil, environment: [String: String]) -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let input { posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0) }
        // `exec`, so a program that isn't there is the shell's exit 127.
        let words: [String] = ["/bin/sh", "-c", "exec \(command)", "sh"] + (argument.map { [$0] } ?? [])
        let argv = words.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
        guard rc == 0 else { return .failedToStart(String(cString: strerror(rc))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which don't import into Swift.
        return status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
    }
}
