import Domain
import Foundation
import GRDB

/// Notices commits to the database by any connection but its own (this process's writer, other processes) with
/// `PRAGMA data_version`, on a read-only connection kept for that alone and opened on first use: the pragma reads
/// the WAL index's header, so an idle app's look twice a second costs no query over the data. Only when the
/// version moved is the latest history event read (one index step). Admin writes, which append no event, move it too.
final class CommitWatch: @unchecked Sendable {
    private let path: String
    private let configuration: Configuration
    private let lock = NSLock()
    private var connection: DatabaseQueue?
    private var version: Int64?
    private var token = ChangeToken(lastEvent: 0)

    init(path: String, configuration: Configuration) {
        self.path = path
        self.configuration = configuration
    }

    /// The token now: the same value while nobody committed; `lastEvent` read again (by `latestEvent`) when someone did.
    func token(latestEvent: () throws -> Int64) throws -> ChangeToken {
        try lock.withLock {
            if connection == nil { connection = try DatabaseQueue(path: path, configuration: configuration) }
            let now = try connection!.inDatabase { db in try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
            guard now != version else { return token }
            // Read after the version, so a commit landing between the two is seen again at the next look.
            let event = try latestEvent()
            token = ChangeToken(lastEvent: event, commits: version == nil ? 0 : token.commits + 1)
            version = now
            return token
        }
    }
}
