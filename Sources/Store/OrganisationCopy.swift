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
        "support_case", "history", "attachment", "sharing", "feedback", "outbox", "audit", "draft", "case_unread",
    ]

    /// Columns derived from the others, which the receiving store makes again: a case's search key (SearchKey).
    static let derivedColumns: Set<String> = ["search_key", "indexed_through"]

    /// The order rows are copied in, by primary key (where a table has no `id`), so either store writes the same archive.
    package static let copyOrder = ["user_role": "user_id, role_id", "sharing": "case_id, email", "draft": "user_id, form", "case_unread": "user_id, case_id"]

    /// Calls `each` with every table's column names and its rows, `batch` rows at a time (an empty table once, with
    /// none), all read in one transaction (one moment's organisation).
    package func copyOrganisation(batch: Int, _ each: (_ table: String, _ columns: [String], _ rows: [[CopiedValue]]) throws -> Void)
        throws(StoreError) {
        try read { db in
            for table in Self.organisationTables {
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
                    .filter { !Self.derivedColumns.contains($0) }
                let cursor = try Row.fetchCursor(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY \(Self.copyOrder[table] ?? "id")")
                var rows: [[CopiedValue]] = []
                var sent = false
                while let row = try cursor.next() {
                    rows.append((0..<row.count).map { Self.copied(row[$0] as DatabaseValue) })
                    if rows.count == batch { try each(table, columns, rows); rows.removeAll(keepingCapacity: true); sent = true }
                }
                if !rows.isEmpty || !sent { try each(table, columns, rows) }  // an empty table too, so it is counted
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

/// A whole organisation as a source of rows, table by table in `PortalStore.organisationTables`' order, the SQLite
/// schema's names (`user`, `user_id`): what `admin export` writes and `admin import` reads, from either store.
package typealias OrganisationRows = (_ each: (_ table: String, _ columns: [String], _ rows: [[CopiedValue]]) throws -> Void) throws -> Void

extension PortalStore {
    /// Whether the database holds no organisation yet.
    package func holdsNoOrganisation() throws(StoreError) -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM domain) + (SELECT COUNT(*) FROM user)") == 0 }
    }

    /// Writes a whole organisation into this empty database in one transaction, then builds what is derived from it:
    /// the keyword search rows (each case's number, title, description, messages and customer, keyed as `SearchKey`
    /// says) and, through the triggers, the case counts.
    package func importOrganisation(_ source: OrganisationRows) throws(StoreError) {
        try write { db in
            if try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM domain) + (SELECT COUNT(*) FROM user)")! > 0 {
                throw StoreError.refused(.conflict("db", "\(path) already holds an organisation; import into a new database"))
            }
            try source { table, columns, rows in
                guard Self.organisationTables.contains(table) else {
                    throw StoreError.refused(.invalid("table", "\(table) is not a table of a careportal organisation"))
                }
                let statement = try db.makeStatement(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES ("
                                                     + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")")
                for row in rows {
                    try statement.execute(arguments: StatementArguments(row.map { value -> DatabaseValue in
                        switch value {
                        case .null: .null
                        case .integer(let i): i.databaseValue
                        case .real(let d): d.databaseValue
                        case .text(let s): s.databaseValue
                        case .blob(let b): b.databaseValue
                        }
                    }))
                }
            }
            try db.execute(sql: """
                UPDATE support_case SET search_key = k.key,
                  indexed_through = coalesce((SELECT max(h.id) FROM history_event h WHERE h.case_id = support_case.id), 0)
                  FROM (SELECT id, row_number() OVER (ORDER BY updated_at, id) AS key FROM support_case) k
                  WHERE k.id = support_case.id;
                \(SearchSource.indexSQL(where: "search_key IS NOT NULL"));
                INSERT INTO case_search (case_search) VALUES ('optimize');
                """)
            try SearchVocabulary.fill(db)
            if let broken = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
                throw StoreError.refused(.invalid("archive", "a row of \(broken[0] as String) refers to a \(broken[2] as String) that isn't there"))
            }
        }
    }
}
