import Domain
import Foundation
import GRDB

/// Whose turn and for how long, in SQL: the `waiting` order's rank, the `waiting:` terms and `is:breached`.
package enum WaitingSQL {
    /// The rank of a status's side in the `waiting` order (WaitingOn.rank): an index is built on this very text
    /// (schema v12), which a query must repeat exactly for SQLite to use it.
    package static func rank(_ status: String) -> String {
        let you = WaitingOn.you.statuses.map { String($0.code) }.joined(separator: ",")
        let support = WaitingOn.support.statuses.map { String($0.code) }.joined(separator: ",")
        return "(CASE WHEN \(status) IN (\(you)) THEN \(WaitingOn.you.rank) WHEN \(status) IN (\(support)) THEN \(WaitingOn.support.rank) "
            + "ELSE \(WaitingOn.nobody.rank) END)"
    }

    /// Waiting on support past its response target: the target is looked up by the customer's tier and the case's
    /// severity (`tier` is the SQL of the customer's tier; `status` the case's status column, `+c.status` on SQLite so no
    /// index of it is chosen; `placeholder` a parameter's text: `?`, or `?::bigint` for PostgreSQL). Its arguments, in
    /// order: now, then each target, in milliseconds.
    package static func breached(tier: String, status: String, placeholder: String, targets: ResponseTargets,
                                 now: Date) -> (String, [Int64]) {
        var args = [now.millis]
        var tiers: [String] = []
        for t in SupportTier.allCases {
            var levels: [String] = []
            for s in Severity.allCases {
                levels.append("WHEN \(s.level) THEN \(placeholder)")
                args.append(Int64(targets.target(t, s)) * 1000)
            }
            tiers.append("WHEN '\(t.rawValue)' THEN CASE c.severity \(levels.joined(separator: " ")) END")
        }
        let support = WaitingOn.support.statuses.map { String($0.code) }.joined(separator: ",")
        return ("(\(status) IN (\(support)) AND c.waiting_since < \(placeholder) - (CASE \(tier) \(tiers.joined(separator: " ")) END))", args)
    }
}
