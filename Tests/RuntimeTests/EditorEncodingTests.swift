import Foundation
import Runtime
import Testing
import UI

/// Text an editor wrote that isn't UTF-8 is refused with the offset of the bad byte, not replaced (issue #11).
@Suite struct EditorEncodingTests {
    final class Screen: SuspendableScreen {
        func suspend() {}
        func resume() {}
    }

    @Test func invalidUTF8FromTheEditorIsRefusedWithItsOffset() {
        let result = ExternalEditor.edit("keep me", screen: Screen(), environment: ["EDITOR": "printf 'ab\\377c' >", "PATH": "/usr/bin:/bin"])
        #expect(result == .failed("the edited file is not valid UTF-8 at byte 2 (0xFF); save the text as UTF-8; the text is unchanged"))
    }
}
