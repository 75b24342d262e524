import Domain
import Foundation
import Terminal
import UI

/// What the editor needs of the full screen: to step aside while `$EDITOR` runs, and come back.
public protocol SuspendableScreen {
    func suspend()
    func resume()
}

extension NCursesTerminal: SuspendableScreen {}

/// Ctrl-E in a multi-line editor: the text goes to `$VISUAL` or `$EDITOR` in a private temporary file,
/// with the full screen suspended until the editor exits.
public enum ExternalEditor {
    public static func edit(_ text: String, screen: some SuspendableScreen,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> ExternalEdit {
        guard let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 })
            .first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            return .failed("set $VISUAL or $EDITOR to write in your own editor")
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-\(UUID().uuidString.prefix(8)).txt")
        guard FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            return .failed("couldn't write a temporary file in \(url.deletingLastPathComponent().path)")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        screen.suspend()
        defer { screen.resume() }
        // Through the shell, so "code --wait" or "vim -u NONE" work as they do in git.
        switch ForegroundProcess.run("\(editor) \"$1\"", argument: url.path, environment: environment) {
        case .failedToStart(let why):
            return .failed("\(editor) didn't start: \(why)")
        case .exited(0):
            break
        case .exited(127):
            return .failed("\(editor) isn't installed; set $VISUAL or $EDITOR to the editor you use")
        case .exited(let status):
            return .failed("\(editor) exited with status \(status); the text is unchanged")
        case .signalled(let signal):
            return .failed("\(editor) was stopped by signal \(signal); the text is unchanged")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { return .failed("the edited file is gone") }
        var edited: String
        switch Validate.utf8(data, field: "text", source: "the edited file") {
        case .success(let text): edited = text
        case .failure(let refusal): return .failed("\(refusal.reason); the text is unchanged")
        }
        // Editors end the file with a newline the text didn't have.
        if edited.hasSuffix("\n") && !text.hasSuffix("\n") { edited.removeLast() }
        return .edited(edited)
    }
}
