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
