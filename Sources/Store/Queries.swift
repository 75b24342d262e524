import Domain
import Foundation
import GRDB

/// Paged reads for the screens and the command line. Every read is made as a user and returns
/// only what that user's domain may see.
extension PortalStore {
    /// One page of cases after `cursor` (nil: the first page), in `sort` order.
    public func cases(as user: User, scope: CaseScope, query: CaseQuery = .all, sort: CaseSort = .updated,
                      after cursor: CaseRow? = nil, limit: Int = 50) throws(StoreError) -> CasePage {
        try Rules.portalAccess(user).enforce()
        let domains: [(domain: Int64, customer: Int64?)]
        switch scope {
        case .domain(let d):
            guard d == user.domainID else { throw .refused(Refusal("You can only list your own domain's cases.")) }
            domains = [(d, nil)]
        case .customer(let c, let d):
            guard d == user.domainID else { throw .refused(Refusal("You can only list your own domain's cases.")) }
            domains = [(d, c)]
        case .domains:
            // A user acts for one domain; merging several sessions is done by `cases(sessions:)`.
            domains = [(user.domainID, nil)]
        }
        let now = self.now
        // A page is one SELECT (plus, for keywords, one count), so it needs no transaction around it;
        // the prepared statement is cached per SQL text, and the keyset values are its arguments.
        return try singleStatementRead { db in
            let keywords = try KeywordPlan.choose(db, query)
            let rows = try domains.flatMap { scope in
                let q = CaseListSQL(domainID: scope.domain, customerID: scope.customer, query: query, sort: sort,
                                    after: cursor, limit: limit + 1, now: now, keywords: keywords)
                let statement = try db.cachedStatement(sql: q.sql)
                return try Array(Row.fetchCursor(statement, arguments: q.arguments).map(Map.caseRow))
            }
            return CasePage(rows: Array(rows.prefix(limit)), hasMore: rows.count > limit)
        }
    }

    /// The cases of several signed-in users (one per domain) merged in `sort` order: the unified inbox.
    /// Each domain's page is read through its own user, so a domain without a session never appears.
    public func cases(asEach users: [User], query: CaseQuery = .all, sort: CaseSort = .updated,
                      after cursor: CaseRow? = nil, limit: Int = 50) throws(StoreError) -> CasePage {
        var merged: [CaseRow] = []
        var more = false
        for user in users {
            let page = try cases(as: user, scope: .domain(user.domainID), query: query, sort: sort, after: cursor, limit: limit)
            merged += page.rows
            more = more || page.hasMore
        }
        merged.sort { $0.precedes($1, in: sort) }
        return CasePage(rows: Array(merged.prefix(limit)), hasMore: more || merged.count > limit)
    }

    /// Counts matching cases up to `cap` (then the screen shows "cap+").
    public func countCases(as user: User, scope: CaseScope, query: CaseQuery = .all, cap: Int = 10_000) throws(StoreError) -> Int {
        try Rules.portalAccess(user).enforce()
        let customer: Int64? = if case .customer(let c, _) = scope { c } else { nil }
        let now = self.now
        return try read { db in
            let q = CaseListSQL(domainID: user.domainID, customerID: customer, query: query, sort: .updated,
                                after: nil, limit: cap + 1, now: now, keywords: try KeywordPlan.choose(db, query))
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(q.sql))", arguments: q.arguments) ?? 0
        }
    }

    /// My Customers: the customers currently assigned to the user's domain, with open-case counts.
    public func customers(as user: User) throws(StoreError) -> [CustomerRow] {
        try Rules.portalAccess(user).enforce()
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Map.customerColumns), \(Map.accessColumns),
                  (SELECT COUNT(*) FROM support_case c WHERE c.customer_id = cu.id AND c.domain_id = a.domain_id
                     AND c.status < 4) AS open_cases
                FROM customer_access a JOIN customer cu ON cu.id = a.customer_id
                WHERE a.domain_id = ? AND a.until IS NULL
                ORDER BY cu.name COLLATE NOCASE, cu.id
                """, arguments: [user.domainID]).map {
                CustomerRow(customer: Map.customer($0), access: Map.access($0, offset: 4), openCases: $0["open_cases"])
            }
        }
    }

    /// A case with its history (oldest first), attachments and sharing addresses, if the user may see it.
    public func caseDetail(as actor: Actor, number: Int) throws(StoreError) -> CaseDetail {
        try read { db in try Self.detail(db, actor: actor, number: number) }
    }

    static func visibleCase(_ db: Database, actor: Actor, number: Int) throws -> (SupportCase, CustomerAccess?) {
        if let user = actor.user { try Rules.portalAccess(user).enforce() }
        guard let c = try caseByNumber(db, number) else {
            throw StoreError.refused(.notFound("case", "no case \(number)"))
        }
        let access = try currentAccess(db, customerID: c.customerID, domainID: c.domainID)
        if let user = actor.user, !Rules.canSee(c, domainID: user.domainID, access: access) {
            // Same answer as a missing case: a reseller must not learn that another domain's case exists.
            throw StoreError.refused(.notFound("case", "no case \(number)"))
        }
        return (c, access)
    }

    static func detail(_ db: Database, actor: Actor, number: Int) throws -> CaseDetail {
        let (c, access) = try visibleCase(db, actor: actor, number: number)
        let customer = try Self.customer(db, id: c.customerID)!
        let domainName = try String.fetchOne(db, sql: "SELECT name FROM domain WHERE id = ?", arguments: [c.domainID]) ?? ""
        let creator = try c.creatorID.flatMap { try String.fetchOne(db, sql: "SELECT email FROM user WHERE id = ?", arguments: [$0]) } ?? "customer"
        let history = try Row.fetchAll(db.cachedStatement(sql: DetailSQL.history), arguments: [c.id]).map {
            HistoryEvent(id: $0[0], caseID: $0[1], at: Date(millis: $0[2]), author: $0[3],
                         kind: HistoryKind(rawValue: $0[4]) ?? .message, text: $0[5])
        }
        let attachments = try Row.fetchAll(db.cachedStatement(sql: DetailSQL.attachments), arguments: [c.id]).map {
            AttachmentInfo(id: $0[0], name: $0[1], size: $0[2], sha256: $0[3], addedAt: Date(millis: $0[4]), addedBy: $0[5])
        }
        let sharing = try String.fetchAll(db.cachedStatement(sql: DetailSQL.sharing), arguments: [c.id])
        return CaseDetail(supportCase: c, customer: customer, access: access, domainName: domainName, creator: creator,
                          history: history, attachments: attachments, sharing: sharing)
    }

    /// An attachment's bytes, for saving it back to a file.
    public func attachmentData(as actor: Actor, number: Int, attachmentID: Int64) throws(StoreError) -> Data {
        try read { db in
            let (c, _) = try Self.visibleCase(db, actor: actor, number: number)
            guard let data = try Data.fetchOne(db, sql: "SELECT data FROM attachment WHERE id = ? AND case_id = ? AND removed_at IS NULL",
                                               arguments: [attachmentID, c.id]) else {
                throw StoreError.refused(.notFound("attachment", "case \(number) has no attachment \(attachmentID)"))
            }
            return data
        }
    }

    /// The query plan of a list query, for tests and the benchmark (no temporary B-tree allowed).
    public func explainCases(domainID: Int64, customerID: Int64? = nil, query: CaseQuery, sort: CaseSort, withCursor: Bool) throws(StoreError) -> [String] {
        let cursor = withCursor ? CaseRow(id: 1, number: 10000000, title: "", customerName: "", domainID: domainID, domainName: "",
                                          status: .new, severity: .p3, escalated: false, createdAt: now, updatedAt: now) : nil
        let now = self.now
        return try read { db in
            let q = CaseListSQL(domainID: domainID, customerID: customerID, query: query, sort: sort, after: cursor, limit: 51, now: now,
                                keywords: try KeywordPlan.choose(db, query))
            return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + q.sql, arguments: q.arguments).map { $0["detail"] as String }
        }
    }
}

extension PortalStore {
    /// One customer of the user's domain, by name, primary domain or a unique fragment of either.
    public func customer(as user: User, matching text: String) throws(StoreError) -> CustomerRow {
        try Rules.portalAccess(user).enforce()
        let (customer, access) = try read { db in
            do { return try Self.resolveCustomer(db, text, domainID: user.domainID) } catch let e { throw e as Error }
        }
        return CustomerRow(customer: customer, access: access, openCases: 0)
    }
}

/// The statements of the case screen, shared with the benchmark's raw-SQLite baseline.
enum DetailSQL {
    static let caseByNumber = "SELECT \(Map.caseColumns) FROM support_case c WHERE c.number = ?"
    static let history = "SELECT id, case_id, at, author, kind, text FROM history WHERE case_id = ? ORDER BY at, id"
    static let attachments = "SELECT id, name, size, sha256, added_at, added_by FROM attachment WHERE case_id = ? AND removed_at IS NULL ORDER BY id"
    static let sharing = "SELECT email FROM sharing WHERE case_id = ? ORDER BY added_at, email"
}
