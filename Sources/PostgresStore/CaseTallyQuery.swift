import Domain
import Foundation
import Store

/// A count read from `case_tally` (kept by its trigger, schema v1; under the cases' policy since v5) instead of the
/// list, as `CaseTallySQL` does on SQLite: the tally rows that pass the visibility rule and the terms, summed. Counting
/// `is:open` row by row took 24 ms at 100,000 cases. A keyword or a time term counts the list itself (nil here).
/// The tally is aliased `c`, as the case is in a list's SQL, so the terms are the lists' own clauses.
struct CaseTallyQuery {
    var sql: String
    var arguments: [any SQLArgument]

    init?(domainID: Int64?, customers: [Int64]?, query: CaseQuery, now: Date) {
        guard query.terms.allSatisfy({ CaseTallySQL.counts($0.predicate) }) else { return nil }
        if let domainID, customers == nil, !query.terms.contains(where: { if case .customer = $0.predicate { true } else { false } }) {
            (sql, arguments) = Self.wholeDomain(domainID, query: query, now: now)
            return
        }
        let (whereSQL, args) = CaseListQuery.conditions(domainID: domainID, customers: customers, query: query, now: now)
        sql = "SELECT coalesce(sum(c.n), 0)::bigint FROM case_tally c WHERE \(whereSQL.joined(separator: "\n  AND "))"
        arguments = args
    }

    /// A whole domain's count from `case_domain_tally` (schema v5): its cases at the terms, less those of the customers
    /// it no longer manages (few: those with an ended access and no current one), read from the customers' tally. At
    /// 1,000,000 cases the per-customer tally has 71,355 rows for a domain; this sums a few dozen.
    private static func wholeDomain(_ domainID: Int64, query: CaseQuery, now: Date) -> (String, [any SQLArgument]) {
        var terms: [String] = []
        var termArgs: [any SQLArgument] = []
        CaseListQuery.appendTerms(query, now: now, to: &terms, &termArgs)
        let and = terms.map { "\n  AND \($0)" }.joined()
        let sql = """
            SELECT (SELECT coalesce(sum(c.n), 0) FROM case_domain_tally c WHERE c.domain_id = ?\(and))
                 - (SELECT coalesce(sum(c.n), 0) FROM case_tally c
                    WHERE c.domain_id = ? AND c.customer_id IN (SELECT f.customer_id FROM customer_access f WHERE f.domain_id = ? AND f.until IS NOT NULL)
                      AND NOT \(CaseListQuery.visible)\(and))
            """
        return ("SELECT (\(sql))::bigint", [domainID] + termArgs + [domainID, domainID] + termArgs)
    }
}
