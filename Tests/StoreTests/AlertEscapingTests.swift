import Domain
import Foundation
import Testing
@testable import Store

/// Email alerts escape control characters already stored (issue #11).
@Suite struct AlertEscapingTests {
    /// Text stored before the checks (or by another tool) can't drive the reader's terminal or add mail headers.
    @Test func alertsEscapeControlCharactersAlreadyStored() throws {
        let f = try StoreFixture()
        let n = f.standardCase.number
        try f.store.write { db in
            try db.execute(sql: "UPDATE support_case SET title = ? WHERE number = ?", arguments: ["Bounce \u{1B}]0;PWNED\u{07}\r\nBcc: all@evil.example", n])
            try db.execute(sql: "UPDATE history SET text = ?, author = ?", arguments: ["Filed \u{1B}[2J\nsecond line", "Eve \u{9B}1m"])
        }
        let mails = try f.store.pendingAlerts()
        #expect(mails.count == 1)
        let text = mails[0].text
        // Line ends are CRLF; no other control character, and no header was added.
        let controls = text.replacingOccurrences(of: "\r\n", with: "").unicodeScalars.filter { $0.properties.generalCategory == .control }
        #expect(controls.isEmpty, "\(controls.map(\.value))")
        let headers = text.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(!headers.contains { $0.hasPrefix("Bcc:") })
        #expect(headers.contains("Subject: [Case \(n)] Bounce \\x1B]0;PWNED\\x07\\x0D\\x0ABcc: all@evil.example"))
        #expect(text.contains("Eve \\x9B1m — case filed"))
        #expect(text.contains("Filed \\x1B[2J\r\nsecond line"))  // the event's text keeps its lines
    }
}
