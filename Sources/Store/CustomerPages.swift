import Domain
import GRDB

/// My Customers a page at a time: the domain's current customers in name order from a keyset, each page's open
/// cases summed from `case_tally` (kept by triggers, schema v10) rather than counted case by case for every customer
/// on each visit. A search is matched in memory (`CustomerDirectory`) and only its page's rows are read.
extension PortalStore {
    public func customerPage(as user: User, search: CustomerSearch, after: CustomerAfter?, limit: Int) throws(StoreError) -> CustomerPage {
        try Rules.listCustomers(by: user).enforce()
        let domainID = user.domainID
        return try read { db in
            func rows(_ sql: String, _ arguments: [DatabaseValue]) throws -> [CustomerRow] {
                try Row.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)).map {
                    CustomerRow(customer: Map.customer($0), access: Map.access($0, offset: 4), openCases: $0["open_cases"])
                }
            }
            if !search.isEmpty {
                let (ids, total) = try customerDirectory.page(db, domainID: domainID, search: search, after: after, limit: limit)
                let (sql, arguments) = CustomerPageSQL.rows(domainID: domainID, ids: ids)
                let byID = Dictionary(uniqueKeysWithValues: try rows(sql, arguments).map { ($0.id, $0) })
                let found = ids.compactMap { byID[$0] }
                return CustomerPage(rows: Array(found.prefix(limit)), hasMore: found.count > limit, total: total)
            }
            let total = try Int.fetchOne(db.cachedStatement(sql: CustomerPageSQL.count), arguments: [domainID]) ?? 0
            let everyone = try Int.fetchOne(db.cachedStatement(sql: CustomerPageSQL.customersInAll)) ?? 0
            let (sql, arguments) = CustomerPageSQL.page(domainID: domainID, after: after, limit: limit,
                                                        walkingNames: CustomerPageSQL.walksNames(total, of: everyone, limit: limit))
            let found = try rows(sql, arguments)
            return CustomerPage(rows: Array(found.prefix(limit)), hasMore: found.count > limit, total: total)
        }
    }
}

/// The statements of My Customers' pages.
package enum CustomerPageSQL {
    /// How many customers the domain manages now, as the access triggers keep it (`customer_count`, v18).
    package static let count = "SELECT coalesce((SELECT n FROM customer_count WHERE domain_id = ?), 0)"

    /// How many customers there are in all, near enough (ids are not reused): what a walk in name order may pass.
    package static let customersInAll = "SELECT coalesce(max(id), 0) FROM customer"

    /// Whether a page is read by walking every customer in name order (`customer_name`), keeping the domain's, rather
    /// than gathering the domain's customers and sorting them: a walk passes about `limit × everyone / total`
    /// customers, a gathering reads and sorts all `total`.
    package static func walksNames(_ total: Int, of everyone: Int, limit: Int) -> Bool {
        total > 0 && (limit + 1) * everyone < total * total
    }

    /// A page of the domain's customers after `after`, `limit + 1` rows to tell whether more follow. The page is
    /// chosen first and its open cases summed after, for its rows alone.
    package static func page(domainID: Int64, after: CustomerAfter?, limit: Int, walkingNames: Bool) -> (String, [DatabaseValue]) {
        var terms = "a.domain_id = ? AND a.until IS NULL"
        var arguments = [domainID.databaseValue]
        if let after {
            terms += " AND (cu.name COLLATE NOCASE, cu.id) > (?, ?)"
            arguments += [after.name.databaseValue, after.id.databaseValue]
        }
        arguments.append((limit + 1).databaseValue)
        let from = walkingNames
            ? "customer cu INDEXED BY customer_name CROSS JOIN customer_access a ON a.customer_id = cu.id"
            : "customer_access a JOIN customer cu ON cu.id = a.customer_id"
        let sql = """
            SELECT p.*, (SELECT coalesce(sum(t.n), 0) FROM case_tally t
                         WHERE t.domain_id = p.domain_id AND t.customer_id = p.id AND t.\(StatusSQL.open)) AS open_cases
            FROM (SELECT \(Map.customerColumns), \(Map.accessColumns) FROM \(from)
                  WHERE \(terms)
                  ORDER BY cu.name COLLATE NOCASE, cu.id LIMIT ?) p
            ORDER BY p.name COLLATE NOCASE, p.id
            """
        return (sql, arguments)
    }

    /// The rows of these customers of the domain, with their open cases (in no order): each found by its id, the
    /// domain's access to it by `customer_access_current`.
    package static func rows(domainID: Int64, ids: [Int64]) -> (String, [DatabaseValue]) {
        let sql = """
            SELECT \(Map.customerColumns), \(Map.accessColumns),
              (SELECT coalesce(sum(t.n), 0) FROM case_tally t
               WHERE t.domain_id = a.domain_id AND t.customer_id = cu.id AND t.\(StatusSQL.open)) AS open_cases
            FROM customer cu CROSS JOIN customer_access a ON a.customer_id = cu.id AND a.domain_id = ? AND a.until IS NULL
            WHERE cu.id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
            """
        return (sql, [domainID.databaseValue] + ids.map(\.databaseValue))
    }
}
