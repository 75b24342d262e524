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
        var whereSQL: [String] = []
        var args: [any SQLArgument] = []
        CaseListQuery.appendScope(domainID: domainID, customers: customers, to: &whereSQL, &args)
        whereSQL.append(CaseListQuery.visible)
        CaseListQuery.appendTerms(query, now: now, to: &whereSQL, &args)
        sql = "SELECT coalesce(sum(c.n), 0)::bigint FROM case_tally c WHERE \(whereSQL.joined(separator: "\n  AND "))"
        arguments = args
    }
}
