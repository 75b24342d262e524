import Foundation
import GRDB
import GRDBSQLite
import Store

/// The baseline of the benchmark: the same SQL through SQLite's C API, with no library in between.
final class RawSQLite {
    private var db: OpaquePointer?
    /// Prepared statements by SQL text, reset between runs, as the store caches its own.
    private var statements: [String: OpaquePointer] = [:]

    init(path: String) throws(StoreError) {
        guard sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, nil) == SQLITE_OK else {
            throw StoreError.cannotOpen(path: path, reason: String(cString: sqlite3_errmsg(db)))
        }
    }

    deinit {
        for stmt in statements.values { sqlite3_finalize(stmt) }
        sqlite3_close_v2(db)
    }

    /// The first column of the first row as an integer (0 when there is none).
    func integer(_ sql: String, _ values: [DatabaseValue]) -> Int {
        var stmt: OpaquePointer?
        guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK else { return 0 }
        defer { sqlite3_finalize(stmt) }
        return sqlite3_step(stmt) == SQLITE_ROW ? Int(sqlite3_column_int64(stmt, 0)) : 0
    }

    /// Binds, steps every row reading each column, and resets. Returns the row count.
    @discardableResult
    func query(_ sql: String, _ values: [DatabaseValue]) -> Int {
        var stmt = statements[sql]
        if stmt == nil {
            guard sqlite3_prepare_v2(db, sql, -1, &stmt, nil) == SQLITE_OK else { return -1 }
            statements[sql] = stmt
        }
        defer { sqlite3_reset(stmt); sqlite3_clear_bindings(stmt) }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (i, v) in values.enumerated() {
            let index = Int32(i + 1)
            switch v.storage {
            case .null: sqlite3_bind_null(stmt, index)
            case .int64(let n): sqlite3_bind_int64(stmt, index, n)
            case .double(let d): sqlite3_bind_double(stmt, index, d)
            case .string(let s): sqlite3_bind_text(stmt, index, s, -1, transient)
            case .blob(let b): _ = b.withUnsafeBytes { sqlite3_bind_blob(stmt, index, $0.baseAddress, Int32(b.count), transient) }
            }
        }
        var rows = 0
        let columns = sqlite3_column_count(stmt)
        while sqlite3_step(stmt) == SQLITE_ROW {
            rows += 1
            for c in 0..<columns {
                // Read each value as the app would (text is copied out, as a Swift String would be).
                switch sqlite3_column_type(stmt, c) {
                case SQLITE_TEXT: _ = sqlite3_column_text(stmt, c).map { String(cString: $0) }
                case SQLITE_INTEGER: _ = sqlite3_column_int64(stmt, c)
                default: _ = sqlite3_column_double(stmt, c)
                }
            }
        }
        return rows
    }
}
