import Domain
import Foundation
import GRDB

/// A count read from `case_tally` (schema v10) instead of the list: the rows of the domain (or of every domain, for
/// the Support queue) that pass the visibility rule and the terms, summed. Only terms on the tally's columns qualify
/// (status, severity, escalation, customer, domain); a keyword or a time term counts the list itself.
/// The tally is aliased `c`, as the case is in a list's SQL, so the terms are the lists' own clauses.
package struct CaseTallySQL {
    var sql: String
    var values: [DatabaseValue]

    /// nil when a term is not on the tally's columns.
    init?(domainID: Int64?, customers: [Int64]?, query: CaseQuery, now: Date) {
        guard query.terms.allSatisfy({ Self.counts($0.predicate) }) else { return nil }
        if customers == nil, !query.terms.contains(where: { if case .customer = $0.predicate { true } else { false } }) {
            (sql, values) = Self.everyCustomer(domainID, query: query, now: now)
            return
        }
        var whereSQL: [String] = []
        var args: [any DatabaseValueConvertible] = []
        if let domainID {
            CaseListSQL.appendScope(domainID, customers, plus: "", to: &whereSQL, &args)
        }
        whereSQL.append(CaseListSQL.visible)
        CaseListSQL.appendTerms(query, now: now, reader: ListReader(userID: 0), indexable: nil, to: &whereSQL, &args)  // no per-user term
        sql = "SELECT coalesce(sum(c.n), 0) FROM case_tally c WHERE \(whereSQL.joined(separator: "\n  AND "))"
        values = args.map { $0.databaseValue }
    }

    /// The cases of every customer a domain (nil: each domain) manages now, from `case_domain_tally` (schema v19): its
    /// cases at the terms, less those of the customers it no longer manages (few: those with an ended access and no
    /// current one), read from the customers' tally. With 200,000 customers the customers' tally has 711,196 rows for a
    /// domain; this sums a few dozen.
    static func everyCustomer(_ domainID: Int64?, query: CaseQuery, now: Date) -> (String, [DatabaseValue]) {
        var terms: [String] = []
        var termArgs: [any DatabaseValueConvertible] = []
        CaseListSQL.appendTerms(query, now: now, reader: ListReader(userID: 0), indexable: nil, to: &terms, &termArgs)
        let and = terms.map { "\n  AND \($0)" }.joined()
        let domain: [any DatabaseValueConvertible] = domainID.map { [$0] } ?? []
        // Each domain's ended accesses by `customer_access_domain` (domain, until); a customer sent away twice, once.
        let former = domainID == nil
            ? "domain d CROSS JOIN customer_access f ON f.domain_id = d.id WHERE f.until IS NOT NULL"
            : "customer_access f WHERE f.domain_id = ? AND f.until IS NOT NULL"
        let sql = """
            SELECT (SELECT coalesce(sum(c.n), 0) FROM case_domain_tally c WHERE \(domainID == nil ? "1" : "c.domain_id = ?")\(and))
                 - (SELECT coalesce(sum(c.n), 0)
                    FROM (SELECT DISTINCT f.domain_id, f.customer_id FROM \(former)) x
                    CROSS JOIN case_tally c ON c.domain_id = x.domain_id AND c.customer_id = x.customer_id
                    WHERE NOT \(CaseListSQL.visible)\(and))
            """
        return (sql, (domain + termArgs + domain + termArgs).map(\.databaseValue))
    }

    /// Whether a term is on the tally's columns (PostgreSQL's store counts the same way).
    package static func counts(_ predicate: FilterPredicate) -> Bool {
        switch predicate {
        case .isOpen, .isClosed, .isEscalated, .status, .severity, .customer, .domain, .waiting: true
        case .keyword, .updated, .created, .isUnread, .isBreached, .waitingFor: false
        }
    }

    /// The count, capped as a list's count is: at most `cap + 1` (the caller shows "cap+").
    func count(_ db: Database, cap: Int) throws -> Int {
        min(cap + 1, try Int.fetchOne(db.cachedStatement(sql: sql), arguments: StatementArguments.of(values)) ?? 0)
    }
}
