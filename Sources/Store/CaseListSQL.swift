import Domain
import Foundation
import GRDB

/// How a keyword search is driven, chosen from a capped count of its matches:
/// - few matches: from the FTS index, sorting the matches (no list index);
/// - a middling number: the matches are gathered once and the list index is walked in display order;
/// - very many: the list index is walked and each row tested against the FTS index, which stops after a page.
enum KeywordPlan: Equatable {
    case none
    case fromSearchIndex
    case matchesGathered
    case testedPerRow

    static let fewMatches = 2_000
    static let manyMatches = 50_000

    static func choose(_ db: Database, _ query: CaseQuery) throws -> KeywordPlan {
        guard let match = FTS.positiveMatch(query) else { return .none }
        let n = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM case_search WHERE case_search MATCH ? LIMIT ?)",
                                 arguments: [match, manyMatches]) ?? 0
        return n < fewMatches ? .fromSearchIndex : n < manyMatches ? .matchesGathered : .testedPerRow
    }
}

/// Turns a scope, a filter and a sort into one keyset-paged SELECT that an index serves in order.
struct CaseListSQL {
    var sql: String
    var values: [DatabaseValue]
    var arguments: StatementArguments { StatementArguments(values) }

    /// One domain's (or one customer's) cases, visible to that domain, after `cursor` in `sort` order.
    init(domainID: Int64, customerID: Int64?, query: CaseQuery, sort: CaseSort, after cursor: CaseRow?, limit: Int, now: Date,
         keywords: KeywordPlan = .matchesGathered) {
        var whereSQL: [String] = []
        var args: [any DatabaseValueConvertible] = []
        // Driven from the search index, the scope must not offer an index of its own (unary +).
        let scopePlus = keywords == .fromSearchIndex ? "+" : ""
        if let customerID {
            whereSQL.append("\(scopePlus)c.customer_id = ? AND \(scopePlus)c.domain_id = ?"); args += [customerID, domainID]
        } else {
            whereSQL.append("\(scopePlus)c.domain_id = ?"); args.append(domainID)
        }
        // Visibility (Rules.canSee): only while the domain manages the customer.
        whereSQL.append("""
            EXISTS (SELECT 1 FROM customer_access a WHERE a.customer_id = c.customer_id
                    AND a.domain_id = c.domain_id AND a.until IS NULL)
            """)

        // A single positive status or severity term uses its index; `is:open` uses the partial index
        // (which only applies when `status < 4` appears literally). Other terms filter during the walk,
        // with unary + so SQLite keeps the index that matches the sort.
        let sortColumnEquality = Self.indexableEquality(query, sort: sort)
        if let match = FTS.positiveMatch(query) {
            whereSQL.append(keywords == .testedPerRow
                ? "EXISTS (SELECT 1 FROM case_search WHERE case_search MATCH ? AND rowid = c.id)"
                : "c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)")
            args.append(match)
        }
        for term in query.terms {
            if case .keyword = term.predicate, !term.negated { continue }
            let (clause, termArgs) = Self.clause(for: term.predicate, now: now,
                                                 indexable: sortColumnEquality.map { $0 == term } ?? false)
            whereSQL.append(term.negated ? "NOT (\(clause))" : clause)
            args += termArgs
        }

        let order: String
        switch sort {
        case .updated, .created:
            let col = sort == .updated ? "c.updated_at" : "c.created_at"
            order = "\(col) DESC, c.id DESC"
            if let cursor {
                whereSQL.append("(\(col), c.id) < (?, ?)")
                args += [(sort == .updated ? cursor.updatedAt : cursor.createdAt).millis, cursor.id]
            }
        case .severity, .status:
            let col = sort == .severity ? "c.severity" : "c.status"
            order = "\(col), c.updated_at DESC, c.id DESC"
            if let cursor {
                let key = sort == .severity ? cursor.severity.level : cursor.status.code
                whereSQL.append("\(col) >= ? AND (\(col) > ? OR (c.updated_at, c.id) < (?, ?))")
                args += [key, key, cursor.updatedAt.millis, cursor.id]
            }
        }
        // Name the index that serves this order, so the plan never depends on table statistics; a search
        // driven from the FTS index sorts its few matches instead.
        let index = keywords == .fromSearchIndex ? nil : Self.index(customer: customerID != nil, sort: sort, equality: sortColumnEquality?.predicate)
        sql = """
            SELECT \(Map.caseRowColumns) FROM support_case c \(index.map { "INDEXED BY \($0)" } ?? "")
            JOIN customer cu ON cu.id = c.customer_id
            JOIN domain d ON d.id = c.domain_id
            WHERE \(whereSQL.joined(separator: "\n  AND "))
            ORDER BY \(order)
            LIMIT \(limit)
            """
        values = args.map { $0.databaseValue }
    }

    static func index(customer: Bool, sort: CaseSort, equality: FilterPredicate?) -> String? {
        if customer { return sort == .updated ? "case_customer_updated" : nil }
        switch (sort, equality) {
        case (.updated, .isOpen?): return "case_domain_open"
        case (.updated, .status?): return "case_domain_status"
        case (.updated, .severity?): return "case_domain_severity"
        case (.updated, _): return "case_domain_updated"
        case (.created, _): return "case_domain_created"
        case (.severity, _): return "case_domain_severity"
        case (.status, _): return "case_domain_status"
        }
    }

    /// The term that can be served by the sort's own index column, if any.
    static func indexableEquality(_ query: CaseQuery, sort: CaseSort) -> FilterTerm? {
        query.terms.first { term in
            guard !term.negated else { return false }
            switch term.predicate {
            case .isOpen: return sort == .updated
            case .status(let s): return s.count == 1 && (sort == .updated || sort == .status)
            case .severity(let s): return s.count == 1 && (sort == .updated || sort == .severity)
            default: return false
            }
        }
    }

    static func clause(for predicate: FilterPredicate, now: Date, indexable: Bool) -> (String, [any DatabaseValueConvertible]) {
        let plus = indexable ? "" : "+"
        switch predicate {
        case .keyword(let k):
            return ("c.id IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)", [FTS.expression(k)])
        case .isOpen:
            return indexable ? ("c.status < 4", []) : ("+c.status < 4", [])
        case .isClosed:
            return ("+c.status = 4", [])
        case .isEscalated:
            return ("c.escalated = 1", [])
        case .status(let list):
            return ("\(plus)c.status IN (\(placeholders(list.count)))", list.map(\.code))
        case .severity(let list):
            return ("\(plus)c.severity IN (\(placeholders(list.count)))", list.map(\.level))
        case .customer(let names):
            let ors = names.map { _ in "cu2.name LIKE ? ESCAPE '\\' OR cu2.primary_domain LIKE ? ESCAPE '\\'" }
            let args: [any DatabaseValueConvertible] = names.flatMap {
                ["%\(PortalStore.likeEscaped($0))%", "\(PortalStore.likeEscaped($0))%"] as [any DatabaseValueConvertible]
            }
            return ("c.customer_id IN (SELECT cu2.id FROM customer cu2 WHERE \(ors.joined(separator: " OR ")))", args)
        case .domain(let names):
            return ("c.domain_id IN (SELECT id FROM domain WHERE name IN (\(placeholders(names.count))) COLLATE NOCASE)", names)
        case .updated(let bound):
            return timeClause("c.updated_at", bound, now)
        case .created(let bound):
            return timeClause("c.created_at", bound, now)
        }
    }

    static func timeClause(_ column: String, _ bound: TimeBound, _ now: Date) -> (String, [any DatabaseValueConvertible]) {
        let (lower, upper) = bound.interval(now: now)
        var parts: [String] = []
        var args: [any DatabaseValueConvertible] = []
        if let lower { parts.append("+\(column) >= ?"); args.append(lower.millis) }
        if let upper { parts.append("+\(column) < ?"); args.append(upper.millis) }
        return (parts.isEmpty ? "1" : parts.joined(separator: " AND "), args)
    }

    static func placeholders(_ n: Int) -> String {
        Array(repeating: "?", count: n).joined(separator: ",")
    }
}

/// FTS5 query text for a keyword: every token quoted so user input is never FTS syntax.
enum FTS {
    static func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Every positive keyword ANDed into one MATCH expression, or nil when there is none.
    static func positiveMatch(_ query: CaseQuery) -> String? {
        let words = query.terms.compactMap { term -> String? in
            guard !term.negated, case .keyword(let k) = term.predicate else { return nil }
            return expression(k)
        }
        return words.isEmpty ? nil : words.joined(separator: " AND ")
    }

    static func expression(_ k: Keyword) -> String {
        switch k {
        case .word(let w): quoted(w)
        case .phrase(let p): quoted(p)
        case .prefix(let p): quoted(p) + "*"
        }
    }
}
