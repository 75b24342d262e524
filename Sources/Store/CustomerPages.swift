import Domain
import GRDB

/// My Customers a page at a time: the domain's current customers in name order from a keyset, narrowed by the
/// search where they are read, each page's open cases summed from `case_tally` (kept by triggers, schema v10) rather
/// than counted case by case for every customer on each visit.
extension PortalStore {
    public func customerPage(as user: User, search: CustomerSearch, after: CustomerAfter?, limit: Int) throws(StoreError) -> CustomerPage {
        try Rules.listCustomers(by: user).enforce()
        let sql = CustomerPageSQL(domainID: user.domainID, search: search, after: after, limit: limit)
        return try read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: sql.page), arguments: StatementArguments(sql.pageArguments)).map {
                CustomerRow(customer: Map.customer($0), access: Map.access($0, offset: 4), openCases: $0["open_cases"])
            }
            let total = try Int.fetchOne(db.cachedStatement(sql: sql.count), arguments: StatementArguments(sql.countArguments)) ?? 0
            return CustomerPage(rows: Array(rows.prefix(limit)), hasMore: rows.count > limit, total: total)
        }
    }

    /// `CustomerSearch.fold` for SQL, on every connection: the search compares folded words with folded text.
    static func addFunctions(_ db: Database) {
        db.add(function: DatabaseFunction("careportal_fold", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).map(CustomerSearch.fold)
        })
    }
}

/// The statements of one page of My Customers.
package struct CustomerPageSQL {
    package let page: String
    package let pageArguments: [DatabaseValue]
    package let count: String
    package let countArguments: [DatabaseValue]

    /// What a search word is looked for in (`CustomerSearch.haystack`): the access as its label.
    static let haystack = """
        careportal_fold(cu.name || ' ' || cu.primary_domain || ' ' || cu.tier || ' ' ||
          CASE WHEN NOT a.granted THEN 'not granted' WHEN a.kind = 'support-only' THEN 'support-only' ELSE 'granted' END)
        """

    package init(domainID: Int64, search: CustomerSearch, after: CustomerAfter?, limit: Int) {
        var terms = ["a.domain_id = ?", "a.until IS NULL"]
        var arguments: [DatabaseValueConvertible] = [domainID]
        for word in search.words {
            terms.append("instr(\(Self.haystack), ?) > 0")
            arguments.append(word)
        }
        let matching = terms.joined(separator: " AND ")
        count = search.isEmpty
            ? "SELECT COUNT(*) FROM customer_access a WHERE \(matching)"
            : "SELECT COUNT(*) FROM customer_access a JOIN customer cu ON cu.id = a.customer_id WHERE \(matching)"
        countArguments = arguments.map(\.databaseValue)
        var pageTerms = matching
        if let after {
            pageTerms += " AND (cu.name COLLATE NOCASE, cu.id) > (?, ?)"
            arguments += [after.name, after.id]
        }
        arguments.append(limit + 1)
        // The page is chosen first and its open cases summed after, for its rows alone.
        page = """
            SELECT p.*, (SELECT coalesce(sum(t.n), 0) FROM case_tally t
                         WHERE t.domain_id = p.domain_id AND t.customer_id = p.id AND t.\(StatusSQL.open)) AS open_cases
            FROM (SELECT \(Map.customerColumns), \(Map.accessColumns)
                  FROM customer_access a JOIN customer cu ON cu.id = a.customer_id
                  WHERE \(pageTerms)
                  ORDER BY cu.name COLLATE NOCASE, cu.id LIMIT ?) p
            ORDER BY p.name COLLATE NOCASE, p.id
            """
        pageArguments = arguments.map(\.databaseValue)
    }
}
