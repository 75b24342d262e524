import Domain
import Foundation
import GRDB

enum Audit {
    static func record(_ db: Database, at: Date, domainID: Int64?, actor: String, action: String, target: String,
                       outcome: AuditEntry.Outcome, detail: String? = nil) throws {
        try db.execute(sql: "INSERT INTO audit (at, domain_id, actor, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [at.millis, domainID, actor, action, target, outcome.rawValue, detail])
    }
}

extension PortalStore {
    func audit(domainID: Int64?, actor: String, action: String, target: String, outcome: AuditEntry.Outcome, detail: String? = nil) throws(StoreError) {
        let now = self.now
        try write { db in
            try Audit.record(db, at: now, domainID: domainID, actor: actor, action: action, target: target, outcome: outcome, detail: detail)
        }
    }

    /// The audit log of the admin's own domain, oldest first.
    public func auditLog(as admin: User) throws(StoreError) -> [AuditEntry] {
        try Rules.administer(by: admin, domainID: admin.domainID).enforce()
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT at, actor, action, target, outcome, detail FROM audit WHERE domain_id = ? ORDER BY at, id",
                             arguments: [admin.domainID]).map {
                AuditEntry(at: Date(millis: $0[0]), actor: $0[1], action: $0[2], target: $0[3],
                           outcome: AuditEntry.Outcome(rawValue: $0[4]) ?? .refused, detail: $0[5])
            }
        }
    }
}
