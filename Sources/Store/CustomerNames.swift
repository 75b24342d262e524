import GRDB

/// The customers a `customer:` term (or a fragment given for a customer) names: those whose name contains one of the
/// names, or whose primary domain starts with one, without regard to ASCII case, as `LIKE` compares. A name with three
/// characters in a row other than `%` and `_` is looked up in the trigram index (`customer_search`, v18): it answers a
/// few candidates (more than match: it folds case beyond ASCII, and to it a `%` or `_` in the name is a wildcard), each
/// then tested exactly. Any shorter name reads every customer's name, as all names did before (47 ms with 200,000).
enum CustomerNames {
    /// A SELECT of the customers' ids, one column `id`, in no order; and its arguments.
    static func ids(_ names: [String]) -> (sql: String, arguments: [any DatabaseValueConvertible]) {
        var selects: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        for name in names {
            let escaped = PortalStore.likeEscaped(name)
            if usesIndex(name) {
                selects.append("""
                    SELECT s.rowid AS id FROM customer_search s CROSS JOIN customer cu2 ON cu2.id = s.rowid
                    WHERE s.name LIKE ? AND cu2.name LIKE ? ESCAPE '\\'
                    """)
                arguments += ["%\(name)%", "%\(escaped)%"]
            } else {
                selects.append("SELECT cu2.id AS id FROM customer cu2 WHERE cu2.name LIKE ? ESCAPE '\\'")
                arguments.append("%\(escaped)%")
            }
            selects.append("SELECT cu2.id AS id FROM customer cu2 WHERE cu2.primary_domain LIKE ? ESCAPE '\\'")
            arguments.append("\(escaped)%")
        }
        return (selects.joined(separator: "\nUNION "), arguments)
    }

    /// Those of them the domain manages now (the only customers whose cases it sees, Rules.canSee): each found
    /// customer's access by `customer_access_current`. One column, `customer_id`; the domain is the last argument.
    static func managed(_ names: [String]) -> (sql: String, arguments: [any DatabaseValueConvertible]) {
        let (ids, arguments) = ids(names)
        let sql = """
            SELECT a.customer_id FROM (\(ids)) m
            CROSS JOIN customer_access a ON a.customer_id = m.id AND a.domain_id = ? AND a.until IS NULL
            """
        return (sql, arguments)
    }

    /// Whether the trigram index can find a name: three characters in a row that `LIKE` takes as themselves.
    static func usesIndex(_ name: String) -> Bool {
        var run = 0
        for scalar in name.unicodeScalars {
            run = scalar == "%" || scalar == "_" ? 0 : run + 1
            if run == 3 { return true }
        }
        return false
    }
}
