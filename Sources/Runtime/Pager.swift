import Foundation

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
        switch ForegroundProcess.run(pager, input: url.path, environment: environment) {
        case .failedToStart(let why): return "\(pager) didn't start: \(why)"
        case .exited(127): return "\(pager) isn't installed; set $PAGER to the pager you use"
        default: break
        }
        return nil
    }
}
