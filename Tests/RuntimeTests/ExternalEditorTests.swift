import Foundation
import Runtime
import Testing
import UI

/// Ctrl-E: the text goes through `$VISUAL`/`$EDITOR` with the full screen suspended, and comes back.
@Suite struct ExternalEditorTests {
    final class Screen: SuspendableScreen {
        var events: [String] = []
        func suspend() { events.append("suspend") }
        func resume() { events.append("resume") }
    }

    @Test func theEditedTextComesBackWithTheScreenSuspendedMeanwhile() {
        let screen = Screen()
        let result = ExternalEditor.edit("hello world", screen: screen, environment: ["EDITOR": "sed -i s/hello/goodbye/", "PATH": "/usr/bin:/bin"])
        #expect(result == .edited("goodbye world"))
        #expect(screen.events == ["suspend", "resume"])
    }

    @Test func visualWinsOverEditor() {
        let result = ExternalEditor.edit("a", screen: Screen(),
                                         environment: ["VISUAL": "sed -i s/a/visual/", "EDITOR": "sed -i s/a/editor/", "PATH": "/usr/bin:/bin"])
        #expect(result == .edited("visual"))
    }

    @Test func aFailingEditorLeavesTheTextAndSaysWhy() {
        let screen = Screen()
        guard case .failed(let why) = ExternalEditor.edit("keep me", screen: screen, environment: ["EDITOR": "false", "PATH": "/usr/bin:/bin"]) else {
            Issue.record("a failing editor's text was taken")
            return
        }
        #expect(why.contains("exited with status 1"))
        #expect(screen.events == ["suspend", "resume"])
    }

    @Test func noEditorIsSaidAndTheScreenStays() {
        let screen = Screen()
        #expect(ExternalEditor.edit("x", screen: screen, environment: ["EDITOR": "  "]) == .failed("set $VISUAL or $EDITOR to write in your own editor"))
        #expect(screen.events.isEmpty)
    }
}
