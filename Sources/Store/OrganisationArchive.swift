import Crypto
import Foundation

/// The file `careportal admin export` writes and `admin import` reads: JSON lines, a header, then per table a line
/// naming it and its columns, its rows (arrays of values: null, integers, text, `{"base64": …}` for bytes, `{"real": …}`),
/// and a line with its row count and the SHA-256 of its rows' lines, which import checks before it commits.
package enum OrganisationArchive {
    package static let format = "careportal-organisation"
    package static let version = 1

    /// What a table held: its rows and their checksum (hex).
    package struct TableSummary: Equatable, Sendable {
        package var table: String
        package var rows: Int
        package var sha256: String
    }

    /// Writes `source` as an archive, a line at a time through `write`; returns each table's summary.
    package static func write(_ source: OrganisationRows, to write: @escaping (Data) throws -> Void) throws -> [TableSummary] {
        var summaries: [TableSummary] = []
        try write(line(["format": format, "version": version]))
        var current: (table: String, rows: Int, hash: SHA256)?
        func end() throws {
            guard let c = current else { return }
            let summary = TableSummary(table: c.table, rows: c.rows, sha256: c.hash.finalize().map { String(format: "%02x", $0) }.joined())
            summaries.append(summary)
            try write(line(["end": summary.table, "rows": summary.rows, "sha256": summary.sha256]))
            current = nil
        }
        try source { table, columns, rows in
            if current?.table != table {
                try end()
                try write(line(["table": table, "columns": columns]))
                current = (table, 0, SHA256())
            }
            for row in rows {
                let data = line(row.map(json))
                current!.hash.update(data: data.dropLast())  // the line without its newline, as `rows(from:)` reads it
                current!.rows += 1
                try write(data)
            }
        }
        try end()
        return summaries
    }

    /// Reads an archive as a source of rows (batches of up to 500) from `lines` (each line without its newline; nil at
    /// the end), checking each table's count and checksum; `summaries` hears of each table once checked.
    package static func rows(from lines: @escaping () throws -> Data?, summaries: @escaping (TableSummary) -> Void) -> OrganisationRows {
        { each in
            var lineNumber = 0
            func fail(_ why: String) -> StoreError { .refused(.invalid("input", "line \(lineNumber) of the archive: \(why)")) }
            func next() throws -> Data? { lineNumber += 1; return try lines() }
            guard let first = try next(), let header = try? JSONSerialization.jsonObject(with: first) as? [String: Any],
                  header["format"] as? String == format else { throw fail("not a careportal organisation archive") }
            guard header["version"] as? Int == version else { throw fail("archive version \(header["version"] ?? "?") is not \(version)") }
            while let data = try next() {
                guard let start = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let table = start["table"] as? String,
                      let columns = start["columns"] as? [String] else { throw fail("expected a table's first line") }
                var hash = SHA256(), count = 0, batch: [[CopiedValue]] = []
                while true {
                    guard let data = try next() else { throw fail("the archive ends inside table \(table)") }
                    let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
                    if let end = object as? [String: Any] {
                        let sha = hash.finalize().map { String(format: "%02x", $0) }.joined()
                        guard end["end"] as? String == table, end["rows"] as? Int == count, end["sha256"] as? String == sha else {
                            throw fail("table \(table) doesn't match its count and checksum (\(count) rows, sha256 \(sha)): the archive is damaged")
                        }
                        if !batch.isEmpty { try each(table, columns, batch) }
                        summaries(TableSummary(table: table, rows: count, sha256: sha))
                        break
                    }
                    guard let values = object as? [Any], values.count == columns.count else {
                        throw fail("a row of \(table) doesn't have its \(columns.count) columns")
                    }
                    hash.update(data: data)
                    count += 1
                    batch.append(try values.map { v throws in
                        guard let value = value(v) else { throw fail("a value isn't null, a whole number, text, bytes or a real") }
                        return value
                    })
                    if batch.count == 500 { try each(table, columns, batch); batch.removeAll(keepingCapacity: true) }
                }
            }
        }
    }

    static func json(_ value: CopiedValue) -> Any {
        switch value {
        case .null: NSNull()
        case .integer(let i): i
        case .real(let d): ["real": d]
        case .text(let s): s
        case .blob(let b): ["base64": b.base64EncodedString()]
        }
    }

    static func value(_ any: Any) -> CopiedValue? {
        switch any {
        case is NSNull: return .null
        case let s as String: return .text(s)
        case let n as NSNumber:
            let i = n.int64Value
            return NSNumber(value: i) == n ? .integer(i) : nil
        case let o as [String: Any]:
            if let b = o["base64"] as? String, let data = Data(base64Encoded: b) { return .blob(data) }
            if let d = (o["real"] as? NSNumber)?.doubleValue { return .real(d) }
            return nil
        default:
            return nil
        }
    }

    static func line(_ object: Any) -> Data {
        var data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])) ?? Data()
        data.append(0x0A)
        return data
    }
}
