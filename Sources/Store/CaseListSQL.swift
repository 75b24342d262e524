import Domain
import Foundation
import GRDB

/// Turns a scope, a filter and a sort into one keyset-paged SELECT that an index serves in order.
struct CaseListSQL {
    var sql: String
    var arguments: StatementArguments

    /// One domain's (or one customer's) cases, visible to that domain, after `cursor` in `sort` order.
    init(domainID: Int64, customerID: Int64?, query: CaseQuery, sort: CaseSort, after cursor: CaseRow?, limit: Int, now: Date) {
        var whereSQL: [String] = []
        var args: [any DatabaseValueConvertible] = []
        if let customerID {
            whereSQL.append("c.customer_id = ? AND c.domain_id = ?"); args += [customerID, domainID]
        } else {
            whereSQL.append("c.domain_id = ?"); args.append(domainID)
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
        for term in query.terms {
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
        // Name the index that serves this order, so the plan never depends on table statistics.
        // Keyword searches are left to the planner, which may drive them from the FTS index.
        let hasKeyword = query.terms.contains { if case .keyword = $0.predicate { true } else { false } }
        let index = hasKeyword ? nil : Self.index(customer: customerID != nil, sort: sort, equality: sortColumnEquality?.predicate)
        sql = """
            SELECT \(Map.caseRowColumns) FROM support_case c \(index.map { "INDEXED BY \($0)" } ?? "")
            JOIN customer cu ON cu.id = c.customer_id
            JOIN domain d ON d.id = c.domain_id
            WHERE \(whereSQL.joined(separator: "\n  AND "))
            ORDER BY \(order)
            LIMIT \(limit)
            """
        arguments = StatementArguments(args.map { $0.databaseValue })
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

    static func expression(_ k: Keyword) -> String {
        switch k {
        case .word(let w): quoted(w)
        case .phrase(let p): quoted(p)
        case .prefix(let p): quoted(p) + "*"
        }
    }
}
