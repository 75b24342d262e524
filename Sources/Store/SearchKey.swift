/// The rowid of a case's keyword-search row (`case_search`, schema v6): the case's place in the default list
/// order, `(updated_at, id)`, packed into one integer, `updated_at << 21 | id`. The search index keeps each word's
/// matches in rowid order, so `ORDER BY rowid DESC` on a MATCH returns the newest matches first and a page of a
/// common word stops after a page instead of gathering or testing every match.
///
/// The packing is exact for ids 1 ..< 2^21 (2,097,152 cases) and update times 0 ..< 2^42 ms (1970 to 2109): over
/// that range, comparing keys is comparing `(updated_at, id)`. Any other case is keyed `-id`; while such a key exists
/// keyword lists use plans that do not rely on the order (`KeywordPlan`), so results never depend on the packing.
/// A trigger moves the row whenever a case's update time changes (Schema.v6).
enum SearchKey {
    static let idBits: Int64 = 21
    static let idMask: Int64 = (1 << 21) - 1
    static let maxTime: Int64 = (1 << 42) - 1

    static func of(updatedAt: Int64, id: Int64) -> Int64 {
        (0...maxTime).contains(updatedAt) && (1...idMask).contains(id) ? updatedAt << idBits | id : -id
    }

    /// `of` in SQL, for the row named `t` (a table alias, or OLD / NEW in a trigger). Part of migration v6: frozen.
    static func sql(_ t: String) -> String {
        "(CASE WHEN \(t).updated_at BETWEEN 0 AND \(maxTime) AND \(t).id BETWEEN 1 AND \(idMask) "
            + "THEN (\(t).updated_at << \(idBits)) | \(t).id ELSE -\(t).id END)"
    }

    /// The case id of the search rowid `rowid`, in SQL.
    static func caseIDSQL(_ rowid: String) -> String {
        "(CASE WHEN \(rowid) > 0 THEN \(rowid) & \(idMask) ELSE -\(rowid) END)"
    }

    /// What a case's search row holds of its customer (schema v8): the name and the primary domain, so a bare
    /// word finds a customer's cases. `c` is the customer's alias. Part of migration v8: frozen.
    static func customerSQL(_ c: String) -> String { "\(c).name || ' ' || \(c).primary_domain" }
}
