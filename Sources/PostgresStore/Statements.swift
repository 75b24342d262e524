import Foundation
import Logging
import PostgresNIO
import Store

/// A value bound to a statement's `?`: the Swift types the store writes.
protocol SQLArgument {
    func bind(to bindings: inout PostgresBindings) throws
}

extension Int64: SQLArgument { func bind(to b: inout PostgresBindings) throws { b.append(self) } }
extension Int: SQLArgument { func bind(to b: inout PostgresBindings) throws { b.append(Int64(self)) } }
extension String: SQLArgument { func bind(to b: inout PostgresBindings) throws { b.append(self) } }
extension Bool: SQLArgument { func bind(to b: inout PostgresBindings) throws { b.append(self) } }
extension Data: SQLArgument { func bind(to b: inout PostgresBindings) throws { try b.append(self) } }
extension Array: SQLArgument where Element: PostgresArrayEncodable {
    func bind(to b: inout PostgresBindings) throws { try b.append(self) }
}
extension Optional: SQLArgument where Wrapped: SQLArgument {
    func bind(to b: inout PostgresBindings) throws {
        if let value = self { try value.bind(to: &b) } else { b.appendNull() }
    }
}

/// A row of a result, its columns read by position.
struct SQLRow {
    let cells: PostgresRandomAccessRow
    init(_ row: PostgresRow) { cells = row.makeRandomAccess() }

    subscript<T: PostgresDecodable>(_ column: Int) -> T where T._DecodableType == T {
        get throws { try cells[column].decode(T.self) }
    }

    /// A column that may be NULL.
    subscript<T: PostgresDecodable>(_ column: Int) -> T? where T._DecodableType == T {
        get throws { cells[column].bytes == nil ? nil : try cells[column].decode(T.self) }
    }
}

/// Statements on one connection, in the transaction the store opened on it (or none). The SQL is written with `?`
/// placeholders, as for SQLite, and numbered (`$1`, `$2`…) here; every value is bound, never spliced into the text.
struct SQLSession {
    let connection: PostgresConnection
    let logger: Logger

    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLArgument] = []) throws -> Int {
        try run(sql, arguments).metadata.rows ?? 0
    }

    func rows(_ sql: String, _ arguments: [any SQLArgument] = []) throws -> [SQLRow] {
        try run(sql, arguments).rows.map(SQLRow.init)
    }

    func row(_ sql: String, _ arguments: [any SQLArgument] = []) throws -> SQLRow? {
        try rows(sql, arguments).first
    }

    /// The first column of the first row (nil when there is no row or it is NULL).
    func value<T: PostgresDecodable>(_ sql: String, _ arguments: [any SQLArgument] = [], as: T.Type = T.self) throws -> T?
        where T._DecodableType == T {
        guard let row = try row(sql, arguments) else { return nil }
        return try row[0] as T?
    }

    /// The first column of every row.
    func values<T: PostgresDecodable>(_ sql: String, _ arguments: [any SQLArgument] = [], as: T.Type = T.self) throws -> [T]
        where T._DecodableType == T {
        try rows(sql, arguments).map { try $0[0] }
    }

    private func run(_ sql: String, _ arguments: [any SQLArgument]) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments { try argument.bind(to: &bindings) }
        return try connection.query(PostgresQuery(unsafeSQL: Self.numbered(sql), binds: bindings), logger: logger).wait()
    }

    /// `?` placeholders as PostgreSQL's `$n`, outside quoted text.
    static func numbered(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        var quote: Character?
        for ch in sql {
            if let q = quote {
                if ch == q { quote = nil }
                out.append(ch)
            } else if ch == "'" || ch == "\"" {
                quote = ch
                out.append(ch)
            } else if ch == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.append(ch)
            }
        }
        return out
    }
}

extension PostgresConnections {
    /// Runs `body` in one transaction with the statements of `SQLSession`; a thrown error rolls it back.
    func sqlTransaction<T>(_ body: (SQLSession) throws -> T) throws(StoreError) -> T {
        try transaction { (connection: PostgresConnection) in try body(SQLSession(connection: connection, logger: logger)) }
    }

    /// Runs `body`'s statements outside a transaction (each commits on its own).
    func sqlStatements<T>(_ body: (SQLSession) throws -> T) throws(StoreError) -> T {
        try withConnection { (connection: PostgresConnection) in try body(SQLSession(connection: connection, logger: logger)) }
    }
}
