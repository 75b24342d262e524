import Domain
import Store

/// My Customers a page at a time (as the SQLite store): the domain's current customers in name order from a keyset,
/// narrowed by the search in the query, each page's open cases summed from `case_tally`.
extension PostgresPortalStore {
    public func customerPage(as user: User, search: CustomerSearch, after: CustomerAfter?, limit: Int) throws(StoreError) -> CustomerPage {
        try Rules.listCustomers(by: user).enforce()
        var terms = ["a.domain_id = ?", "a.until IS NULL"]
        var arguments: [any SQLArgument] = [user.domainID]
        for word in search.words {
            terms.append("strpos(\(Self.customerHaystack), ?) > 0")
            arguments.append(word)
        }
        let matching = terms.joined(separator: " AND ")
        let countArguments = arguments
        var pageTerms = matching
        if let after {
            pageTerms += " AND (lower(cu.name) COLLATE \"C\" > lower(?) COLLATE \"C\" OR (lower(cu.name) = lower(?) AND cu.id > ?))"
            arguments += [after.name, after.name, after.id]
        }
        arguments.append(limit + 1)
        return try read(ActorContext(user)) { db in
            let rows = try db.rows("""
                SELECT p.*, (SELECT coalesce(sum(t.n), 0)::bigint FROM case_tally t
                             WHERE t.domain_id = p.domain_id AND t.customer_id = p.id
                               AND t.status < \(CaseStatus.openCodes.upperBound)) AS open_cases
                FROM (SELECT \(Rows.customerColumns), \(Rows.accessColumns)
                      FROM customer_access a JOIN customer cu ON cu.id = a.customer_id
                      WHERE \(pageTerms)
                      ORDER BY lower(cu.name) COLLATE "C", cu.id LIMIT ?) p
                ORDER BY lower(p.name) COLLATE "C", p.id
                """, arguments).map {
                CustomerRow(customer: try Rows.customer($0), access: try Rows.access($0, offset: 4), openCases: Int(try $0[10] as Int64))
            }
            let total = try db.value("""
                SELECT COUNT(*) FROM customer_access a JOIN customer cu ON cu.id = a.customer_id WHERE \(matching)
                """, countArguments, as: Int64.self) ?? 0
            return CustomerPage(rows: Array(rows.prefix(limit)), hasMore: rows.count > limit, total: Int(total))
        }
    }

    /// What a search word is looked for in (`CustomerSearch.haystack`), folded as `CustomerSearch.fold` folds it:
    /// decomposed, its combining accents taken away, in lower case.
    static let customerHaystack = """
        lower(regexp_replace(normalize(cu.name || ' ' || cu.primary_domain || ' ' || cu.tier || ' ' ||
          CASE WHEN NOT a.granted THEN 'not granted' WHEN a.kind = 'support-only' THEN 'support-only' ELSE 'granted' END,
          NFD), '[\\u0300-\\u036f]', '', 'g'))
        """
}
