import Domain
import Foundation
import GRDB

/// What a Store call can fail with. SQLite's own message is kept for storage failures.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// A rule or a validation refused the command; nothing was written.
    case refused(Refusal)
    /// The file exists but is not a careportal (SQLite) database.
    case notADatabase(path: String)
    /// There is no database at the path, and the command doesn't create one.
    case noDatabase(path: String)
    /// The database could not be opened or created (permissions, missing directory, …).
    case cannotOpen(path: String, reason: String)
    /// The database can be read but not written (a read-only file or folder); `reason` is SQLite's.
    case readOnly(path: String, reason: String)
    /// Another process kept writing for longer than this write would wait.
    case busy(waitedSeconds: Int)
    /// SQLite failed; `message` is SQLite's.
    case storage(code: Int32, message: String)
    /// The read's asker cancelled it (a newer keystroke's query superseded it).
    case cancelled

    public var description: String {
        switch self {
        case .refused(let r): r.description
        case .notADatabase(let path): "database: \(path) is not a careportal database (not a SQLite file)"
        case .noDatabase(let path): "database: no database at \(path) (create one with careportal demo or careportal admin domain create)"
        case .cannotOpen(let path, let reason): "database: can't open \(path): \(reason)"
        case .readOnly(let path, let reason): "database: \(path) is read-only here, so this command can't write to it (\(reason))"
        case .busy(let seconds): "database: busy: another process is writing; waited \(seconds) s"
        case .storage(let code, let message): "database error \(code): \(message)"
        case .cancelled: "cancelled"
        }
    }

    /// `waitingSince`: when the write that failed began, to say how long it waited for another writer.
    static func from(_ error: any Error, path: String? = nil, waitingSince: Date? = nil) -> StoreError {
        if let e = error as? StoreError { return e }
        if let r = error as? Refusal { return .refused(r) }
        if let db = error as? DatabaseError {
            let message = db.message ?? "\(db.resultCode)"
            if db.resultCode == .SQLITE_NOTADB, let path { return .notADatabase(path: path) }
            if db.resultCode == .SQLITE_BUSY {
                return .busy(waitedSeconds: Int(Date().timeIntervalSince(waitingSince ?? Date()).rounded()))
            }
            if db.resultCode == .SQLITE_READONLY, let path { return .readOnly(path: path, reason: message) }
            if [.SQLITE_CANTOPEN, .SQLITE_PERM].contains(db.resultCode), let path {
                return .cannotOpen(path: path, reason: message)
            }
            return .storage(code: db.resultCode.rawValue, message: message)
        }
        return .storage(code: -1, message: "\(error)")
    }
}

extension Result where Failure == Refusal {
    /// Unwraps a validation result inside a Store command.
    package func get() throws(StoreError) -> Success {
        switch self {
        case .success(let v): return v
        case .failure(let r): throw .refused(r)
        }
    }
}

extension Decision {
    package func enforce() throws(StoreError) {
        if case .refused(let r) = self { throw .refused(r) }
    }
}
