import Foundation
import GRDB

/// A stored value as it is copied to another store: SQLite's storage classes.
package enum CopiedValue: Sendable, Equatable {
    case null, integer(Int64), real(Double), text(String), blob(Data)
}

/// A whole organisation read out table by table, to be written into another store (`careportal demo --db
/// postgresql://…` builds the demo on a file, then copies it). Every row of every table of the data model, in an order
/// where each row's references come before it; the search index and the case counts are derived, so they are not copied.
extension PortalStore {
    package static let organisationTables = [
        "domain", "secondary_domain", "org_unit", "role", "customer", "user", "user_role", "session", "customer_access",
        "support_case", "history", "attachment", "sharing", "feedback", "outbox", "audit", "draft",
    ]

    /// Calls `each` with every table's column names and its rows, `batch` rows at a time, all read in one transaction
    /// (one moment's organisation).
    package func copyOrganisation(batch: Int, _ each: (_ table: String, _ columns: [String], _ rows: [[CopiedValue]]) throws -> Void)
        throws(StoreError) {
        try read { db in
            for table in Self.organisationTables {
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(table)")
                var rows: [[CopiedValue]] = []
                while let row = try cursor.next() {
                    rows.append((0..<row.count).map { Self.copied(row[$0] as DatabaseValue) })
                    if rows.count == batch { try each(table, columns, rows); rows.removeAll(keepingCapacity: true) }
                }
                if !rows.isEmpty { try each(table, columns, rows) }
            }
        }
    }

    private static func copied(_ value: DatabaseValue) -> CopiedValue {
        switch value.storage {
        case .null: .null
        case .int64(let i): .integer(i)
        case .double(let d): .real(d)
        case .string(let s): .text(s)
        case .blob(let b): .blob(b)
        }
    }
}
