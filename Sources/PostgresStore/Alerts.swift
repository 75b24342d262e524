import Domain
import Foundation
import Store

/// Email alerts from the outbox the commands fill (`record`), delivered as the SQLite store delivers them.
extension PostgresPortalStore {
    public func deliverAlerts(to destination: AlertDestination) throws(StoreError) -> DeliveryReport {
        try PortalStore.deliverAlerts(to: destination, pending: { () throws(StoreError) in try pendingAlerts(limit: 200) },
                                      mark: { (id, delivered, error) throws(StoreError) in try markAlert(id, delivered: delivered, error: error) })
    }

    /// Alerts not yet delivered, oldest first.
    func pendingAlerts(limit: Int) throws(StoreError) -> [AlertMail] {
        try read(.system) { db in
            try db.rows("""
                SELECT o.id, o.recipient, h.id, h.at, h.author, h.kind, h.text, c.number, c.title, c.status, c.severity, cu.name
                FROM outbox o JOIN history h ON h.id = o.history_id JOIN support_case c ON c.id = o.case_id
                JOIN customer cu ON cu.id = c.customer_id
                WHERE o.delivered_at IS NULL ORDER BY o.id LIMIT ?
                """, [limit]).map { row in
                let event = HistoryEvent(id: try row[2], caseID: 0, at: Date(millis: try row[3]), author: try row[4],
                                         kind: HistoryKind(rawValue: try row[5]) ?? .message, text: try row[6])
                let recipient: String = try row[1], number: Int = try row[7]
                let id = AlertFormat.messageID(caseNumber: number, historyID: event.id, recipient: recipient)
                let text = AlertFormat.render(number: number, title: try row[8], customer: try row[11],
                                              status: CaseStatus(code: try row[9]) ?? .new, severity: Severity(level: try row[10]) ?? .p3,
                                              event: event, recipient: recipient, messageID: id)
                return AlertMail(outboxID: try row[0], recipient: recipient, messageID: id, text: text)
            }
        }
    }

    func markAlert(_ id: Int64, delivered: Bool, error: String?) throws(StoreError) {
        let now = self.now
        try write(.system) { db in
            if delivered {
                try db.execute("UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?", [now.millis, id])
            } else {
                try db.execute("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?", [error, id])
            }
        }
    }
}
