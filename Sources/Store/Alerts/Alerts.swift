import Domain
import Foundation
import GRDB

/// Email alerts: every history event is mailed to the case creator (or the address their super
/// administrator redirected it to) and to the case's sharing addresses.
enum Alerts {
    static func queue(_ db: Database, caseID: Int64, historyID: Int64, at: Date) throws {
        // Recipients are read when the event happens, so a later sharing change doesn't rewrite history.
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO outbox (case_id, history_id, recipient, created_at)
            SELECT ?, ?, lower(r), ? FROM (
              SELECT COALESCE(u.alert_address, u.email) AS r FROM support_case c JOIN user u ON u.id = c.creator_id WHERE c.id = ?
              UNION SELECT email FROM sharing WHERE case_id = ?)
            """).execute(arguments: [caseID, historyID, at.millis, caseID, caseID])
    }
}

/// One alert ready to send.
public struct AlertMail: Sendable, Equatable {
    public var outboxID: Int64
    public var recipient: String
    public var messageID: String
    public var text: String

    package init(outboxID: Int64, recipient: String, messageID: String, text: String) {
        self.outboxID = outboxID
        self.recipient = recipient
        self.messageID = messageID
        self.text = text
    }
}

/// The RFC 5322 text of an alert. Message-IDs are stable per event and recipient, and every alert of a
/// case replies to the case's thread id, so mail clients thread a case's alerts together.
package enum AlertFormat {
    static let host = "careportal.invalid"

    static func threadID(caseNumber: Int) -> String { "<case-\(caseNumber)@\(host)>" }
    package static func messageID(caseNumber: Int, historyID: Int64, recipient: String) -> String {
        let local = recipient.replacingOccurrences(of: "@", with: "=")
        return "<case-\(caseNumber).event-\(historyID).\(local)@\(host)>"
    }

    package static func render(number: Int, title: String, customer: String, status: CaseStatus, severity: Severity,
                       event: HistoryEvent, recipient: String, messageID: String) -> String {
        // Stored text is escaped for the reader's terminal: one-line fields as lines (so no header can be added),
        // the event's text with its lines.
        let date = rfc5322Date(event.at)
        let title = title.terminalLine
        let subject = encodedWord("[Case \(number)] \(title)")
        let body = """
            \(event.author.terminalLine) — \(label(event.kind))

            \(event.text.terminalText)

            Case \(number): \(title)
            Customer: \(customer.terminalLine)
            Status: \(status.label)   Severity: \(severity.label)

            Open it with: careportal case show \(number)
            """
        let headers = [
            "From: Customer Care Portal <alerts@\(host)>",
            "To: <\(recipient.terminalLine)>",
            "Subject: \(subject)",
            "Date: \(date)",
            "Message-ID: \(messageID)",
            "In-Reply-To: \(threadID(caseNumber: number))",
            "References: \(threadID(caseNumber: number))",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        return (headers.joined(separator: "\r\n") + "\r\n\r\n" + body.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
    }

    static func label(_ kind: HistoryKind) -> String {
        switch kind {
        case .created: "case filed"
        case .message: "message to support"
        case .supportReply: "reply from support"
        case .severityChange: "severity changed"
        case .statusChange: "status changed"
        case .escalation: "case escalated"
        case .attachment: "attachment added"
        case .attachmentRemoved: "attachment removed"
        case .sharingChange: "case sharing changed"
        }
    }

    /// RFC 2047 encoded-word when the header has non-ASCII text.
    static func encodedWord(_ s: String) -> String {
        s.allSatisfy(\.isASCII) ? s : "=?UTF-8?B?\(Data(s.utf8).base64EncodedString())?="
    }

    static func rfc5322Date(_ d: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return f.string(from: d)
    }
}

extension PortalStore {
    /// Alerts not yet delivered, oldest first.
    public func pendingAlerts(limit: Int = 500) throws(StoreError) -> [AlertMail] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT o.id, o.recipient, h.id, h.at, h.author, h.kind, h.text, c.number, c.title, c.status, c.severity, cu.name
                FROM outbox o JOIN history h ON h.id = o.history_id JOIN support_case c ON c.id = o.case_id
                JOIN customer cu ON cu.id = c.customer_id
                WHERE o.delivered_at IS NULL ORDER BY o.id LIMIT ?
                """, arguments: [limit]).map { row in
                let event = HistoryEvent(id: row[2], caseID: 0, at: Date(millis: row[3]), author: row[4],
                                         kind: HistoryKind(rawValue: row[5]) ?? .message, text: row[6])
                let recipient: String = row[1]
                let id = AlertFormat.messageID(caseNumber: row[7], historyID: event.id, recipient: recipient)
                let text = AlertFormat.render(number: row[7], title: row[8], customer: row[11],
                                              status: CaseStatus(code: row[9]) ?? .new, severity: Severity(level: row[10]) ?? .p3,
                                              event: event, recipient: recipient, messageID: id)
                return AlertMail(outboxID: row[0], recipient: recipient, messageID: id, text: text)
            }
        }
    }

    public func markAlert(_ id: Int64, delivered: Bool, error: String? = nil) throws(StoreError) {
        let now = self.now
        try write { db in
            if delivered {
                try db.execute(sql: "UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
                               arguments: [now.millis, id])
            } else {
                try db.execute(sql: "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?", arguments: [error, id])
            }
        }
    }
}
