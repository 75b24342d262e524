import Foundation
import Testing
@testable import Terminal

@Suite struct ClipboardTests {
    @Test func theSequenceIsOSC52WithTheTextInBase64() {
        #expect(NCursesTerminal.clipboardSequence("10234567") == "\u{1B}]52;c;MTAyMzQ1Njc=\u{07}")
        for text in ["", "a", "ab", "abc", "Case 10234567 · P2 · 株式会社さくら商事 · Mail 🌸", String(repeating: "x", count: 1000)] {
            #expect(NCursesTerminal.base64(Array(text.utf8)) == Data(text.utf8).base64EncodedString(), "\(text)")
        }
    }
}
