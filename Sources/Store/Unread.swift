import Domain
import Foundation
import GRDB

/// Unread cases (schema v11): a case is unread for a user when someone else added an event since that user last
/// opened it. Each history event adds a row to `case_unread` for every other account that sees the case; opening the
/// case takes the user's row away, `u` adds or takes it. So a user's rows are their unread cases, and the tab's count
/// and `is:unread` read those rows alone, whatever the size of the list.
/// Who reads a list, as its terms need them: `is:unread` is the reader's, `is:breached` is held to the targets.
struct ListReader {
    var userID: Int64
    var targets: ResponseTargets = .defaults
}

enum UnreadSQL {
    /// Everyone who sees the case, but the author: its domain's users, its customer's users, the support engineers
    /// (visibility is checked again when the rows are read: a customer moved to another domain takes its cases away).
    /// Arguments: the case's id, the author's user id.
    static let fanOut = """
        INSERT OR IGNORE INTO case_unread (user_id, case_id)
        SELECT u.id, c.id FROM support_case c JOIN user u INDEXED BY user_domain ON u.domain_id = c.domain_id
          WHERE c.id = ?1 AND u.id <> ?2
        UNION ALL
        SELECT u.id, c.id FROM support_case c JOIN user u INDEXED BY user_customer ON u.customer_id = c.customer_id
          WHERE c.id = ?1 AND u.id <> ?2
        UNION ALL
        SELECT u.id, ?1 FROM user u INDEXED BY user_engineers WHERE u.kind = 'support-engineer' AND u.id <> ?2
        """

    /// The filter's term, tested on each row of a walk (argument: the reader's user id).
    static let test = "EXISTS (SELECT 1 FROM case_unread r WHERE r.user_id = ? AND r.case_id = c.id)"
    /// The same term driving the read from the reader's rows (no list index: the few cases are sorted).
    static let drive = "c.id IN (SELECT r.case_id FROM case_unread r WHERE r.user_id = ?)"

    /// Below this many unread cases a list of them is read from the reader's rows and sorted; above, the list index
    /// is walked, each row tested (unread cases are then dense enough that a page comes quickly).
    static let fewUnread = 2_000

    /// With a keyword too, the unread rows drive only when they are fewer than this: each is tested against the search
    /// index (about 20 µs apiece at 1,000,000 cases), where the keyword's own plan tests the unread mark, a b-tree probe,
    /// on each match it walks; unread cases are mostly recent, so a walk newest first meets them early
    /// (`mail is:unread` with 887 unread: 18.6 ms driven by the unread rows, 2.2 ms walked). Under this many the
    /// unread rows cost at most about 5 ms, and a walk may find too few of them among 10,000 matches and read the
    /// page again another way (100 unread at 100,000 cases: 41-52 ms walked, 2.9 ms driven).
    static let fewUnreadWithKeyword = 256

    /// Whether a query's positive `is:unread` should drive the read, from a capped count of the reader's rows.
    static func drives(_ db: Database, _ query: CaseQuery, reader: Int64, few: Int = fewUnread, log: StatementLog?) throws -> Bool {
        guard query.terms.contains(where: { !$0.negated && $0.predicate == .isUnread }) else { return false }
        let few = FTS.positiveMatch(query) == nil ? few : min(few, fewUnreadWithKeyword)
        let n = try log.fetchInt(db, "SELECT COUNT(*) FROM (SELECT 1 FROM case_unread WHERE user_id = ? LIMIT \(few))",
                                 [reader.databaseValue]) ?? 0
        return n < few
    }
}

extension PortalStore {
    public func setRead(_ read: Bool, number: Int, as actor: Actor, seen: Date?) throws(StoreError) {
        try write { db in
            let (c, _) = try Self.visibleCase(db, actor: actor, number: number)
            if read {
                // Changed since the reader was shown it: what changed is still unread.
                if let seen, c.updatedAt.millis > seen.millis { return }
                try db.cachedStatement(sql: "DELETE FROM case_unread WHERE user_id = ? AND case_id = ?")
                    .execute(arguments: [actor.user.id, c.id])
            } else {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO case_unread (user_id, case_id) VALUES (?, ?)")
                    .execute(arguments: [actor.user.id, c.id])
            }
        }
    }

    /// Every other account that sees the case finds it unread after an event.
    static func fanOutUnread(_ db: Database, caseID: Int64, author: Actor) throws {
        try db.cachedStatement(sql: UnreadSQL.fanOut).execute(arguments: [caseID, author.user.id])
    }

    /// The page's rows with `unread` set for `reader` (one look-up of the page's ids).
    /// `log`: the benchmark's record of the statements a page ran (this look-up is one of them).
    static func flaggingUnread(_ db: Database, _ page: CasePage, reader: Int64, log: StatementLog? = nil) throws -> CasePage {
        guard !page.rows.isEmpty else { return page }
        let ids = page.rows.map(\.id)
        let unread = Set(try log.fetchInts(db, """
            SELECT case_id FROM case_unread WHERE user_id = ? AND case_id IN (\(CaseListSQL.placeholders(ids.count)))
            """, [reader.databaseValue] + ids.map(\.databaseValue)))
        var flagged = page
        for i in flagged.rows.indices { flagged.rows[i].unread = unread.contains(flagged.rows[i].id) }
        return flagged
    }

    static func isUnread(_ db: Database, caseID: Int64, reader: Int64) throws -> Bool {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM case_unread WHERE user_id = ? AND case_id = ?"),
                         arguments: [reader, caseID]) != nil
    }
}
