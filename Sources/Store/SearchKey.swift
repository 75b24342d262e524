import GRDB

/// The rowid of a case's keyword-search row (`case_search`), kept in `support_case.search_key` (schema v16): the
/// case's place in the default list order, `(updated_at, id)`, as a sequence number. Every update takes the number
/// after the largest, so `ORDER BY rowid DESC` on a MATCH returns the newest matches first and a page of a common word
/// stops after a page instead of gathering or testing every match.
///
/// The index stores a word's matches as differences between consecutive keys, in as few bytes as each needs: a
/// sequence differs by little from match to match (1–2 bytes), where the packing of v6–v15, `updated_at << 21 | id`,
/// differed by millions (6 bytes) and ended at 2,097,152 cases. The number has no limit of its own.
///
/// The order holds while each update's `(updated_at, id)` comes after every other case's: the commands make it so
/// (`next`, which moves an update time that would land before the last case's just past it). An update that would
/// break it (SQL from outside the commands) keys its case `-id`; while such a key exists keyword lists use plans that
/// do not rely on the order (`KeywordPlan.keysOrdered`), so results never depend on the keys.
enum SearchKey {
    /// A case's key and update time after a change.
    struct Next {
        var key: Int64
        var updatedAt: Int64
    }

    /// The next key for the case `id` changed at `at` (ms), and the time made to come after the last case's
    /// `(updated_at, id)` (`id` nil: a case being filed, which takes the largest id).
    static func next(_ db: Database, id: Int64?, at: Int64) throws -> Next {
        let last = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT search_key, updated_at, id FROM support_case INDEXED BY case_search_key
            WHERE search_key IS NOT NULL ORDER BY search_key DESC LIMIT 1
            """))
        guard let last else { return Next(key: 1, updatedAt: at) }
        let (key, time, lastID): (Int64, Int64, Int64) = (last[0], last[1], last[2])
        // The last case itself moves on: only its own time bounds it (the commands' bump).
        if let id, id == lastID { return Next(key: max(key, 0) + 1, updatedAt: at) }
        // A later id may share the last time; an earlier one must come after it.
        let after = id.map { $0 > lastID } ?? true ? time : time + 1
        return Next(key: max(key, 0) + 1, updatedAt: max(at, after))
    }

    /// The SQL of a row's key bound in list order: the smallest key among the domain's cases at or after `(updated_at,
    /// id) = (?, ?)` (`backward`: the largest at or before it). A case of the domain has a smaller key (larger) exactly
    /// when it comes before the cursor (after it). Nil when there is no such case: then every case of the domain is
    /// before (after) the cursor. Arguments: domain, time, id.
    static func boundSQL(backward: Bool) -> String {
        backward
            ? "(SELECT search_key FROM support_case INDEXED BY case_domain_updated WHERE domain_id = ? AND (updated_at, id) <= (?, ?) ORDER BY updated_at DESC, id DESC LIMIT 1)"
            : "(SELECT search_key FROM support_case INDEXED BY case_domain_updated WHERE domain_id = ? AND (updated_at, id) >= (?, ?) ORDER BY updated_at, id LIMIT 1)"
    }

    /// What a case's search row holds of its customer (schema v8): the name and the primary domain, so a bare
    /// word finds a customer's cases. `c` is the customer's alias. Part of migration v8: frozen.
    static func customerSQL(_ c: String) -> String { "\(c).name || ' ' || \(c).primary_domain" }
}

/// The keys of schema v6 to v15, `updated_at << 21 | id` (`-id` outside that range). Part of migrations v6 and v8,
/// and what migration v16 reads the old rows by: frozen.
enum PackedSearchKey {
    static let idBits: Int64 = 21
    static let idMask: Int64 = (1 << 21) - 1
    static let maxTime: Int64 = (1 << 42) - 1

    static func sql(_ t: String) -> String {
        "(CASE WHEN \(t).updated_at BETWEEN 0 AND \(maxTime) AND \(t).id BETWEEN 1 AND \(idMask) "
            + "THEN (\(t).updated_at << \(idBits)) | \(t).id ELSE -\(t).id END)"
    }

    static func caseIDSQL(_ rowid: String) -> String {
        "(CASE WHEN \(rowid) > 0 THEN \(rowid) & \(idMask) ELSE -\(rowid) END)"
    }
}

/// Where a case's keyword-search row reads its text (schema v17): `case_search_source`, a view over the case, its
/// customer and its messages, the index keeping no copy. Part of migration v17: frozen.
enum SearchSource {
    /// The messages and support replies of case `case` up to history id `through`, one per line in history order.
    static func messagesSQL(case c: String, through: String) -> String {
        """
        coalesce((SELECT group_concat(m.text, char(10)) FROM (SELECT h.text FROM history_event h WHERE h.case_id = \(c) \
        AND h.id <= \(through) AND h.kind IN (\(HistoryCode.code(.message)), \(HistoryCode.code(.supportReply))) ORDER BY h.at, h.id) m), '')
        """
    }

    /// Indexes the rows of the cases `where` selects (an expression over the view's columns), in key order.
    static func indexSQL(where condition: String) -> String {
        """
        INSERT INTO case_search (rowid, number, title, description, messages, customer)
          SELECT search_key, number, title, description, messages, customer FROM case_search_source
          WHERE \(condition) ORDER BY search_key
        """
    }
}
