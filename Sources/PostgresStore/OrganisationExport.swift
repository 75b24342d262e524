import Foundation
import PostgresNIO
import Store

/// A whole organisation read out of PostgreSQL in the file's names, column order and row order (`user`, `user_id`,
/// booleans as 0 and 1; the keyword words are derived, so left out): an archive of it is byte for byte the archive of
/// the same organisation on a file.
extension PostgresPortalStore {
    package func exportOrganisation(_ each: (_ table: String, _ columns: [String], _ rows: [[CopiedValue]]) throws -> Void) throws(StoreError) {
        try read(.system) { db in
            for table in PortalStore.organisationTables {
                let name = OrganisationNames.postgres(table)
                let columns = try db.rows("""
                    SELECT column_name::text, data_type::text FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position
                    """, [name]).map { (try $0[0] as String, try $0[1] as String) }
                let select = columns.map { $0.1 == "boolean" ? "\($0.0)::int" : $0.0 }.joined(separator: ", ")
                let archiveColumns = columns.map { OrganisationNames.file(column: $0.0) }
                if columns.contains(where: { $0.0 == "id" }) {
                    var after: Int64 = 0, sent = false
                    while true {
                        let rows = try db.rows("SELECT \(select) FROM \(name) WHERE id > ? ORDER BY id LIMIT 500", [after]).map(Self.copied)
                        if rows.isEmpty {
                            if !sent { try each(table, archiveColumns, []) }  // an empty table too, so it is counted
                            break
                        }
                        sent = true
                        try each(table, archiveColumns, rows)
                        if case .integer(let last) = rows.last![archiveColumns.firstIndex(of: "id")!] { after = last }
                    }
                } else {
                    let order = (PortalStore.copyOrder[table] ?? "")
                        .split(separator: ",").map { OrganisationNames.postgres(column: $0.trimmingCharacters(in: .whitespaces)) + " COLLATE \"C\"" }
                    let keys = order.map { $0.replacingOccurrences(of: "_id COLLATE \"C\"", with: "_id") }
                    let rows = try db.rows("SELECT \(select) FROM \(name) ORDER BY \(keys.joined(separator: ", "))").map(Self.copied)
                    try each(table, archiveColumns, rows)
                }
            }
        }
    }

    private static func copied(_ row: SQLRow) -> [CopiedValue] {
        row.cells.map { cell in
            guard cell.bytes != nil else { return .null }
            switch cell.dataType {
            case .int2, .int4, .int8: return (try? cell.decode(Int64.self)).map(CopiedValue.integer) ?? .null
            case .bytea: return (try? cell.decode(Data.self)).map(CopiedValue.blob) ?? .null
            case .float4, .float8: return (try? cell.decode(Double.self)).map(CopiedValue.real) ?? .null
            default: return (try? cell.decode(String.self)).map(CopiedValue.text) ?? .null
            }
        }
    }
}

/// The file's table and column names beside PostgreSQL's (where "user" is a reserved word).
enum OrganisationNames {
    static func postgres(_ table: String) -> String {
        switch table {
        case "user": "account"
        case "user_role": "account_role"
        default: table
        }
    }

    static func postgres(column: String) -> String { column == "user_id" ? "account_id" : column }
    static func file(column: String) -> String { column == "account_id" ? "user_id" : column }
}
