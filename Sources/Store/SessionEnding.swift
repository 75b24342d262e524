import Domain
import Foundation
import GRDB

extension PortalStore {
    /// Ends a user's sessions when an admin change leaves them without portal access (`Rules.portalAccess`: suspended,
    /// no licence, or no role with the portal privileges). The sessions are ended in the change's own transaction, so
    /// restoring the account later doesn't bring them back (the user signs in again), and the audit log says how many
    /// ended and why. They are marked ended rather than deleted, so `resume` can still tell their user why.
    static func endSessionsIfAccessEnded(_ db: Database, userID: Int64, by admin: User, change: String, at now: Date) throws {
        guard let user = try userByID(db, userID), case .refused(let why) = Rules.portalAccess(user) else { return }
        try db.execute(sql: "UPDATE session SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL AND expires_at > ?",
                       arguments: [now.millis, userID, now.millis])
        let live = db.changesCount
        guard live > 0 else { return }
        try Audit.record(db, at: now, domainID: admin.domainID, actor: admin.email, action: "session.end", target: user.email, outcome: .ok,
                         detail: "\(live) session\(live == 1 ? "" : "s") ended by \(change): \(why.reason)")
    }
}
