import Domain
import Foundation
import Store

/// One keyset-paged SELECT of a list: a domain's cases (or some of its customers', or every domain's for the Support
/// queue), visible to that domain, after (or, `backward`, before) a cursor in the sort's order. Every order has an index
/// that serves it, tie-break included (schema v1); PostgreSQL's planner picks it, or the keyword index (schema v2) and a
/// sort of its matches when the words are rare, from its own statistics.
struct CaseListQuery {
    var sql: String
    var arguments: [any SQLArgument]

    /// `domainID` nil: every domain (the Support queue).
    init(domainID: Int64?, customers: [Int64]?, query: CaseQuery, sort: CaseSort, after cursor: CaseRow?, backward: Bool = false,
         limit: Int, now: Date, targets: ResponseTargets = .defaults) {
        var (whereSQL, args) = Self.conditions(domainID: domainID, customers: customers, query: query, now: now, targets: targets)
        let (desc, asc) = backward ? ("", " DESC") : (" DESC", "")
        let (below, above) = backward ? (">", "<") : ("<", ">")
        let order: String
        switch sort {
        case .updated, .created:
            let col = sort == .updated ? "c.updated_at" : "c.created_at"
            order = "\(col)\(desc), c.id\(desc)"
            if let cursor {
                whereSQL.append("(\(col), c.id) \(below) (?, ?)")
                args += [(sort == .updated ? cursor.updatedAt : cursor.createdAt).millis, cursor.id]
            }
        case .severity, .status:
            let col = sort == .severity ? "c.severity" : "c.status"
            order = "\(col)\(asc), c.updated_at\(desc), c.id\(desc)"
            if let cursor {
                let key = sort == .severity ? cursor.severity.level : cursor.status.code
                whereSQL.append("\(col) \(above)= ? AND (\(col) \(above) ? OR (c.updated_at, c.id) \(below) (?, ?))")
                args += [key, key, cursor.updatedAt.millis, cursor.id]
            }
        case .waiting:
            let rank = WaitingSQL.rank("c.status")
            order = "\(rank)\(asc), c.waiting_since\(asc), c.id\(asc)"
            if let cursor {
                whereSQL.append("(\(rank), c.waiting_since, c.id) \(above) (?, ?, ?)")
                args += [cursor.waitingOn.rank, cursor.waitingSince.millis, cursor.id]
            }
        }
        // The customer's and domain's names are read for the page's rows alone (a join lets the planner read every
        // customer the domain manages first, under the customers' policy, before the page).
        sql = """
            SELECT \(Self.columns) FROM support_case c
            WHERE \(whereSQL.joined(separator: "\n  AND "))
            ORDER BY \(order)
            LIMIT \(limit)
            """
        arguments = args
    }

    private init(sql: String, arguments: [any SQLArgument]) {
        self.sql = sql
        self.arguments = arguments
    }

    /// The rows a count counts (`SELECT 1`, at most `limit`), in no order: the planner may then find a keyword's matches
    /// through its index rather than walk the list in order (a count of `mail` capped at 10,000: 3.4 s → 0.6 s at
    /// 1,000,000 cases).
    static func counted(domainID: Int64?, customers: [Int64]?, query: CaseQuery, limit: Int, now: Date,
                        targets: ResponseTargets = .defaults) -> CaseListQuery {
        let (whereSQL, args) = conditions(domainID: domainID, customers: customers, query: query, now: now, targets: targets)
        return CaseListQuery(sql: "SELECT 1 FROM support_case c WHERE \(whereSQL.joined(separator: "\n  AND ")) LIMIT \(limit)",
                             arguments: args)
    }

    /// What a list, a count or a tally (each aliased `c`) keeps: the scope, the visibility rule and the filter's terms.
    /// `targets`: what `is:breached` holds cases to.
    static func conditions(domainID: Int64?, customers: [Int64]?, query: CaseQuery, now: Date,
                           targets: ResponseTargets = .defaults) -> ([String], [any SQLArgument]) {
        var whereSQL: [String] = []
        var args: [any SQLArgument] = []
        appendScope(domainID: domainID, customers: customers, to: &whereSQL, &args)
        whereSQL.append(visible)
        appendTerms(query, now: now, targets: targets, to: &whereSQL, &args)
        return (whereSQL, args)
    }

    /// The domain (nil: every domain) and its customers, if the list is narrowed to some (none: nothing matches).
    private static func appendScope(domainID: Int64?, customers: [Int64]?, to whereSQL: inout [String], _ args: inout [any SQLArgument]) {
        if let customers {
            if customers.isEmpty {
                whereSQL.append("false")
            } else {
                whereSQL.append("c.customer_id IN (\(placeholders(customers.count)))"); args += customers
            }
        }
        if let domainID { whereSQL.append("c.domain_id = ?"); args.append(domainID) }
    }

    static func appendTerms(_ query: CaseQuery, now: Date, targets: ResponseTargets = .defaults, to whereSQL: inout [String],
                            _ args: inout [any SQLArgument]) {
        for term in query.terms {
            let (clause, termArgs) = clause(for: term.predicate, now: now, targets: targets)
            whereSQL.append(term.negated ? "NOT (\(clause))" : clause)
            args += termArgs
        }
    }

    static let columns = """
        c.id, c.number, c.title, (SELECT cu.name FROM customer cu WHERE cu.id = c.customer_id), c.domain_id,
        (SELECT d.name FROM domain d WHERE d.id = c.domain_id), c.status, c.severity, c.escalated, c.created_at, c.updated_at,
        \(unread), c.waiting_since, (SELECT cu.tier FROM customer cu WHERE cu.id = c.customer_id)
        """

    /// Whether the case is unread for the account the transaction acts for (whose rows alone its policy shows).
    static let unread = "EXISTS (SELECT 1 FROM case_unread r WHERE r.account_id = careportal_id('account') AND r.case_id = c.id)"

    /// Visibility (Rules.canSee): only while the domain manages the customer.
    static let visible = """
        EXISTS (SELECT 1 FROM customer_access a WHERE a.customer_id = c.customer_id AND a.domain_id = c.domain_id AND a.until IS NULL)
        """

    static func clause(for predicate: FilterPredicate, now: Date, targets: ResponseTargets) -> (String, [any SQLArgument]) {
        switch predicate {
        case .keyword(let k):
            guard let words = SearchVector.query(k) else { return ("false", []) }
            return ("EXISTS (SELECT 1 FROM case_words w WHERE w.case_id = c.id AND w.words @@ ?::tsquery)", [words])
        case .isOpen:
            return ("c.status < \(CaseStatus.openCodes.upperBound)", [])
        case .isClosed:
            return ("c.status = \(CaseStatus.closed.code)", [])
        case .isEscalated:
            return ("c.escalated", [])
        case .isUnread:
            return (unread, [])
        case .isBreached:
            return breached(targets: targets, now: now)
        case .waiting(let sides):
            let codes = sides.flatMap(\.statuses).map(\.code)
            return ("c.status IN (\(placeholders(codes.count)))", codes)
        case .waitingFor(let bound):
            let (time, args) = timeClause("c.waiting_since", bound, now)
            return ("c.status < \(CaseStatus.openCodes.upperBound) AND \(time)", args)
        case .status(let list):
            return ("c.status IN (\(placeholders(list.count)))", list.map(\.code))
        case .severity(let list):
            return ("c.severity IN (\(placeholders(list.count)))", list.map(\.level))
        case .customer(let names):
            let (match, args) = customerMatch(names)
            return ("c.customer_id IN (SELECT cu2.id FROM customer cu2 WHERE \(match))", args)
        case .domain(let names):
            return ("c.domain_id IN (SELECT id FROM domain WHERE lower(name) IN (\(placeholders(names.count))))", names.map { $0.lowercased() })
        case .updated(let bound):
            return timeClause("c.updated_at", bound, now)
        case .created(let bound):
            return timeClause("c.created_at", bound, now)
        }
    }

    /// Waiting on support past its response target, by the customer's tier and the case's severity (WaitingSQL's).
    static func breached(targets: ResponseTargets, now: Date) -> (String, [any SQLArgument]) {
        let (sql, args) = WaitingSQL.breached(tier: "(SELECT cu3.tier FROM customer cu3 WHERE cu3.id = c.customer_id)",
                                              status: "c.status", placeholder: "?::bigint", targets: targets, now: now)
        return (sql, args.map { $0 as any SQLArgument })
    }

    /// Customers (`cu2`) whose name contains, or whose primary domain starts with, one of `names` (ASCII case aside,
    /// as SQLite's LIKE).
    static func customerMatch(_ names: [String]) -> (String, [any SQLArgument]) {
        let ors = names.map { _ in "cu2.name ILIKE ? ESCAPE '\\' OR cu2.primary_domain ILIKE ? ESCAPE '\\'" }
        let args: [any SQLArgument] = names.flatMap { ["%\(PortalStore.likeEscaped($0))%", "\(PortalStore.likeEscaped($0))%"] }
        return (ors.joined(separator: " OR "), args)
    }

    static func timeClause(_ column: String, _ bound: TimeBound, _ now: Date) -> (String, [any SQLArgument]) {
        let (lower, upper) = bound.interval(now: now)
        var parts: [String] = []
        var args: [any SQLArgument] = []
        if let lower { parts.append("\(column) >= ?"); args.append(lower.millis) }
        if let upper { parts.append("\(column) < ?"); args.append(upper.millis) }
        return (parts.isEmpty ? "true" : parts.joined(separator: " AND "), args)
    }

    static func placeholders(_ n: Int) -> String {
        Array(repeating: "?", count: n).joined(separator: ",")
    }
}
