import Domain
import Foundation
import PostgresNIO
import Store

/// A whole organisation copied from a SQLite store into an empty PostgreSQL one, in one transaction: every table, rows
/// with their ids (the identity sequences then continue after them), booleans from SQLite's 0 and 1, and the keyword
/// words of each case (its number, title, description, customer, then its messages) computed as the commands do.
extension PostgresPortalStore {
    /// Rows copied per table, in copy order.
    public typealias CopyCounts = [(table: String, rows: Int)]

    /// Whether the database holds no organisation yet (no domain, no account).
    public func isEmpty() throws(StoreError) -> Bool {
        try read(.system) { db in try db.value("SELECT (SELECT COUNT(*) FROM domain) + (SELECT COUNT(*) FROM account)", as: Int.self) ?? 0 } == 0
    }

    /// Refused when the database already holds an organisation (a domain or an account).
    @discardableResult
    public func importOrganisation(from source: PortalStore) throws(StoreError) -> CopyCounts {
        try importOrganisation { each in try source.copyOrganisation(batch: 500, each) }
    }

    /// An organisation from any source of rows in the file's names (`admin import` reads an archive).
    @discardableResult
    package func importOrganisation(_ source: OrganisationRows) throws(StoreError) -> CopyCounts {
        try write(.system) { db in
            let existing = try db.value("SELECT (SELECT COUNT(*) FROM domain) + (SELECT COUNT(*) FROM account)", as: Int.self) ?? 0
            if existing > 0 {
                throw StoreError.refused(.conflict("db", "\(location) already holds an organisation; import into an empty database"))
            }
            var importer = Importer(db: db)
            let indexes = try BulkLoad.begin(db)
            try source { table, columns, rows in
                guard PortalStore.organisationTables.contains(table) else {
                    throw StoreError.refused(.invalid("table", "\(table) is not a table of a careportal organisation"))
                }
                try importer.insert(table, columns, rows)
            }
            try importer.finish()
            try BulkLoad.end(db, rebuilding: indexes)
            // Statistics for the planner at once, rather than when autovacuum comes by: without them the first pages
            // of a freshly imported database took 150 ms instead of 8.
            for table in importer.counts.map(\.table) + ["case_words", "case_tally", "case_domain_tally"] { try db.execute("ANALYZE \(table)") }
            return importer.counts
        }
    }
}

private struct Importer {
    let db: SQLSession
    var counts: PostgresPortalStore.CopyCounts = []
    /// Customers' names and domains, for the words of their cases.
    var customers: [Int64: String] = [:]
    var booleans: [String: Set<String>] = [:]

    init(db: SQLSession) { self.db = db }

    static func target(_ table: String) -> String { OrganisationNames.postgres(table) }
    static func target(column: String) -> String { OrganisationNames.postgres(column: column) }

    mutating func insert(_ table: String, _ columns: [String], _ rows: [[CopiedValue]]) throws {
        let name = Self.target(table)
        if booleans[name] == nil {
            booleans[name] = Set(try db.values("""
                SELECT column_name::text FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? AND data_type = 'boolean'
                """, [name], as: String.self))
        }
        let targetColumns = columns.map(Self.target(column:))
        let isBoolean = targetColumns.map { booleans[name]!.contains($0) }
        if table == "customer" {
            for row in rows { customers[int(row[0])] = "\(text(row[1])) \(text(row[2]))" }
        }
        try insertRows(name, targetColumns, rows, isBoolean: isBoolean)
        if table == "support_case" {
            // The words a case is found by, as `fileCase` writes them.
            let at = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
            try insertRows("case_words", ["case_id", "words"], rows.map { row in
                [row[at["id"]!], .text(SearchVector.vector([String(int(row[at["number"]!])), text(row[at["title"]!]), text(row[at["description"]!]),
                                                            customers[int(row[at["customer_id"]!])] ?? ""]))]
            }, isBoolean: [false, false], casts: ["", "::tsvector"])
        }
        if table == "history" { try indexMessages(columns, rows) }
        if let last = counts.last, last.table == name { counts[counts.count - 1].rows += rows.count } else { counts.append((name, rows.count)) }
    }

    /// Inserts rows many to a statement (PostgreSQL takes 65,535 parameters at most).
    func insertRows(_ name: String, _ targetColumns: [String], _ rowsToWrite: [[CopiedValue]], isBoolean: [Bool], casts: [String]? = nil) throws {
        let width = targetColumns.count
        let perStatement = max(1, 60_000 / width)
        var start = 0
        while start < rowsToWrite.count {
            let chunk = rowsToWrite[start..<min(start + perStatement, rowsToWrite.count)]
            let tuple = "(" + (0..<width).map { "?" + (casts?[$0] ?? "") }.joined(separator: ", ") + ")"
            var arguments: [any SQLArgument] = []
            arguments.reserveCapacity(chunk.count * width)
            for row in chunk {
                for (i, value) in row.enumerated() { arguments.append(Self.argument(value, boolean: i < isBoolean.count && isBoolean[i])) }
            }
            try db.execute("INSERT INTO \(name) (\(targetColumns.joined(separator: ", "))) VALUES "
                           + Array(repeating: tuple, count: chunk.count).joined(separator: ", "), arguments)
            start += perStatement
        }
    }

    /// The messages' words join their cases' (as `indexMessage` does), a case's messages of this batch in one step.
    func indexMessages(_ columns: [String], _ rows: [[CopiedValue]]) throws {
        let at = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        var texts: [Int64: [String]] = [:]
        var order: [Int64] = []
        for row in rows {
            let kind = text(row[at["kind"]!])
            guard kind == HistoryKind.message.rawValue || kind == HistoryKind.supportReply.rawValue else { continue }
            let id = int(row[at["case_id"]!])
            if texts[id] == nil { order.append(id) }
            texts[id, default: []].append(text(row[at["text"]!]))
        }
        guard !order.isEmpty else { return }
        try db.execute("""
            UPDATE case_words w SET words = w.words || m.words::tsvector
            FROM unnest(?::bigint[], ?::text[]) AS m(id, words) WHERE w.case_id = m.id
            """, [order, order.map { SearchVector.vector(texts[$0]!) }])
    }

    /// Every identity sequence continues after the ids copied.
    func finish() throws {
        let tables = try db.values("""
            SELECT table_name::text FROM information_schema.columns
            WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'
            """, as: String.self)
        for table in tables {
            try db.execute("SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE((SELECT MAX(id) FROM \(table)), 0) + 1, false)")
        }
    }

    static func argument(_ value: CopiedValue, boolean: Bool) -> any SQLArgument {
        switch value {
        case .null: Optional<String>.none
        case .integer(let i): boolean ? i != 0 : i
        case .real(let d): String(d)
        case .text(let s): s
        case .blob(let b): b
        }
    }

    func int(_ value: CopiedValue) -> Int64 { if case .integer(let i) = value { i } else { 0 } }
    func text(_ value: CopiedValue) -> String { if case .text(let s) = value { s } else { "" } }
}

/// An import into an empty database writes every row before it needs an index: the secondary indexes (those behind no
/// constraint) are dropped for its transaction and built once at the end from their own definitions, and the case tally
/// is summed once instead of by its trigger case by case. (At 100,000 cases the whole import went from 158 to 152 s with
/// this; most of the rest was computing the words, see SearchVector.fold.)
private enum BulkLoad {
    static func begin(_ db: SQLSession) throws -> [String] {
        let indexes = try db.rows("""
            SELECT i.indexname::text, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema()
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
            ORDER BY i.indexname
            """)
        var definitions: [String] = []
        for index in indexes {
            let name: String = try index[0]
            definitions.append(try index[1])
            try db.execute("DROP INDEX \"\(name)\"")
        }
        try db.execute("ALTER TABLE support_case DISABLE TRIGGER case_tally_insert_delete")
        // A new database's customers are read when first asked for (generation 0); a count per access row, all on the
        // same few rows in one transaction, would only slow the copy down.
        try db.execute("ALTER TABLE customer_access DISABLE TRIGGER customer_access_changed")
        return definitions
    }

    static func end(_ db: SQLSession, rebuilding indexes: [String]) throws {
        try db.execute("""
            INSERT INTO case_tally (domain_id, customer_id, status, severity, escalated, n)
            SELECT domain_id, customer_id, status, severity, escalated, COUNT(*) FROM support_case GROUP BY 1, 2, 3, 4, 5
            """)
        try db.execute("""
            INSERT INTO case_domain_tally (domain_id, status, severity, escalated, n)
            SELECT domain_id, status, severity, escalated, COUNT(*) FROM support_case GROUP BY 1, 2, 3, 4
            """)
        try db.execute("ALTER TABLE support_case ENABLE TRIGGER case_tally_insert_delete")
        try db.execute("ALTER TABLE customer_access ENABLE TRIGGER customer_access_changed")
        try db.execute("""
            INSERT INTO customer_generation SELECT id, 1 FROM domain ON CONFLICT (domain_id) DO UPDATE SET n = customer_generation.n + 1
            """)
        try db.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for definition in indexes { try db.execute(definition) }
    }
}
