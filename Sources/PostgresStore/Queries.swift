import Domain
import Foundation
import Store

/// Paged reads for the screens and the command line, each made as a user and returning only what that user may see.
extension PostgresPortalStore {
    public func cases(as user: User, scope: CaseScope, query: CaseQuery = .all, sort: CaseSort = .updated, page: PageAnchor,
                      limit: Int = 50, cancellation: Cancellation? = nil) throws(StoreError) -> CasePage {
        try Rules.listCases(by: user, scope: scope).enforce()
        let customers: [Int64]?
        switch scope {
        case .domain: customers = nil
        case .customer(let c, _): customers = [c]
        case .supportQueue: return try supportQueue(as: user, query: query, sort: sort, page: page, limit: limit)
        }
        return try read(ActorContext(user)) { db in
            let (customers, query) = try CustomerTerm.narrowed(db, domainID: user.domainID, customers: customers, query: query.withoutRepeatedTerms,
                                                                    managed: managedCustomers)
            let q = CaseListQuery(domainID: user.domainID, customers: customers, query: query, sort: sort, after: page.cursor,
                                  backward: page.isBackward, limit: limit + 1, now: now, targets: responseTargets)
            return try Self.readPage(db, q, backward: page.isBackward, limit: limit)
        }
    }

    /// The rows of a list query read `limit + 1` deep: the extra row says whether there is more.
    private static func readPage(_ db: SQLSession, _ q: CaseListQuery, backward: Bool, limit: Int) throws -> CasePage {
        let rows = try db.rows(q.sql, q.arguments).map(Rows.caseRow)
        let page = Array(rows.prefix(limit))
        return CasePage(rows: backward ? page.reversed() : page, hasMore: rows.count > limit)
    }

    public func cases(asEach users: [User], query: CaseQuery = .all, sort: CaseSort = .updated, page anchor: PageAnchor, limit: Int = 50,
                      cancellation: Cancellation? = nil) throws(StoreError) -> CasePage {
        var pages: [CasePage] = []
        // A support engineer's queue runs the other way (the longest waiting first): it is no part of All domains.
        for user in users where user.kind != .supportEngineer {
            pages.append(try cases(as: user, scope: Rules.homeScope(for: user), query: query, sort: sort, page: anchor, limit: limit,
                                   cancellation: cancellation))
        }
        return CasePage.merging(pages, sort: sort, anchor: anchor, limit: limit)
    }

    /// The Support queue: every domain's cases waiting on support, the longest waiting first: the lists in update order
    /// read together from their other end, in one query.
    func supportQueue(as user: User, query: CaseQuery, sort: CaseSort, page anchor: PageAnchor, limit: Int) throws(StoreError) -> CasePage {
        var waiting = query.withoutRepeatedTerms
        waiting.terms.append(FilterTerm(.status(CaseStatus.waitingOnSupport)))
        let q = CaseListQuery(domainID: nil, customers: nil, query: waiting, sort: sort, after: anchor.cursor, backward: !anchor.isBackward,
                              limit: limit + 1, now: now, targets: responseTargets)
        let page = try read(ActorContext(user)) { db in try Self.readPage(db, q, backward: !anchor.isBackward, limit: limit) }
        return CasePage(rows: page.rows.reversed(), hasMore: page.hasMore)
    }

    /// Counts matching cases up to `cap` (at most `cap + 1`: the screen shows "cap+").
    public func countCases(as user: User, scope: CaseScope, query: CaseQuery = .all, cap: Int = 10_000,
                           cancellation: Cancellation? = nil) throws(StoreError) -> Int {
        try Rules.listCases(by: user, scope: scope).enforce()
        var query = query.withoutRepeatedTerms
        let (domainID, customers): (Int64?, [Int64]?)
        switch scope {
        case .domain: (domainID, customers) = (user.domainID, nil)
        case .customer(let c, _): (domainID, customers) = (user.domainID, [c])
        case .supportQueue:
            (domainID, customers) = (nil, nil)
            query.terms.append(FilterTerm(.status(CaseStatus.waitingOnSupport)))
        }
        return try read(ActorContext(user)) { db in
            var (customers, query) = (customers, query)
            if let domainID { (customers, query) = try CustomerTerm.narrowed(db, domainID: domainID, customers: customers, query: query,
                                                                                          managed: managedCustomers) }
            if let tally = CaseTallyQuery(domainID: domainID, customers: customers, query: query, now: now) {
                return min(cap + 1, try db.value(tally.sql, tally.arguments, as: Int.self) ?? 0)
            }
            let q = CaseListQuery.counted(domainID: domainID, customers: customers, query: query, limit: cap + 1, now: now,
                                          targets: responseTargets)
            return try db.value("SELECT COUNT(*) FROM (\(q.sql)) matches", q.arguments, as: Int.self) ?? 0
        }
    }

    /// My Customers: the customers currently assigned to the user's domain, with open-case counts.
    public func customers(as user: User) throws(StoreError) -> [CustomerRow] {
        try Rules.listCustomers(by: user).enforce()
        return try read(ActorContext(user)) { db in
            try db.rows("""
                SELECT \(Rows.customerColumns), \(Rows.accessColumns),
                  (SELECT COUNT(*) FROM support_case c WHERE c.customer_id = cu.id AND c.domain_id = a.domain_id
                   AND c.status < \(CaseStatus.openCodes.upperBound)) AS open_cases
                FROM customer_access a JOIN customer cu ON cu.id = a.customer_id
                WHERE a.domain_id = ? AND a.until IS NULL
                ORDER BY lower(cu.name) COLLATE "C", cu.id
                """, [user.domainID]).map {
                CustomerRow(customer: try Rows.customer($0), access: try Rows.access($0, offset: 4), openCases: try $0[10])
            }
        }
    }

    public func customer(as user: User, matching text: String) throws(StoreError) -> CustomerRow {
        try Rules.listCustomers(by: user).enforce()
        let (customer, access) = try read(ActorContext(user)) { db in try Self.resolveCustomer(db, text, domainID: user.domainID) }
        return CustomerRow(customer: customer, access: access, openCases: 0)
    }

    /// A case with its history (oldest first), attachments and sharing addresses, if the actor may see it.
    public func caseDetail(as actor: Actor, number: Int) throws(StoreError) -> CaseDetail {
        try read(ActorContext(actor)) { db in
            let (c, access) = try Self.visibleCase(db, actor: actor, number: number)
            let customer = try Self.customer(db, id: c.customerID)!
            let domainName = try db.value("SELECT name FROM domain WHERE id = ?", [c.domainID], as: String.self) ?? ""
            let creator = try c.creatorID.flatMap { try db.value("SELECT email FROM account WHERE id = ?", [$0], as: String.self) } ?? "customer"
            let history = try db.rows("SELECT id, case_id, at, author, kind, text FROM history WHERE case_id = ? ORDER BY at, id", [c.id]).map {
                HistoryEvent(id: try $0[0], caseID: try $0[1], at: Date(millis: try $0[2]), author: try $0[3],
                             kind: HistoryKind(rawValue: try $0[4]) ?? .message, text: try $0[5])
            }
            let attachments = try db.rows("""
                SELECT id, name, size, sha256, added_at, added_by FROM attachment WHERE case_id = ? AND removed_at IS NULL ORDER BY id
                """, [c.id]).map {
                AttachmentInfo(id: try $0[0], name: try $0[1], size: try $0[2], sha256: try $0[3], addedAt: Date(millis: try $0[4]),
                               addedBy: try $0[5])
            }
            let sharing = try db.values("SELECT email FROM sharing WHERE case_id = ? ORDER BY added_at, email COLLATE \"C\"", [c.id],
                                        as: String.self)
            let unread = try db.value("SELECT 1 FROM case_unread WHERE account_id = ? AND case_id = ?", [actor.user.id, c.id],
                                      as: Int32.self) != nil
            return CaseDetail(supportCase: c, customer: customer, access: access, domainName: domainName, creator: creator,
                              history: history, attachments: attachments, sharing: sharing, unread: unread)
        }
    }

    /// An attachment's bytes, for saving it back to a file.
    public func attachmentData(as actor: Actor, number: Int, attachmentID: Int64) throws(StoreError) -> Data {
        try read(ActorContext(actor)) { db in
            let (c, _) = try Self.visibleCase(db, actor: actor, number: number)
            guard let data = try db.value("SELECT data FROM attachment WHERE id = ? AND case_id = ? AND removed_at IS NULL",
                                          [attachmentID, c.id], as: Data.self) else {
                throw StoreError.refused(.notFound("attachment", "case \(number) has no attachment \(attachmentID)"))
            }
            return data
        }
    }

    /// A case the actor may see (`locked`: and its row locked for the command that follows), with the domain's access.
    static func visibleCase(_ db: SQLSession, actor: Actor, number: Int, locked: Bool = false) throws -> (SupportCase, CustomerAccess?) {
        try Rules.portalAccess(actor.user).enforce()
        guard let c = try caseByNumber(db, number, locked: locked) else {
            throw StoreError.refused(.notFound("case", "no case \(number)"))
        }
        let access = try currentAccess(db, customerID: c.customerID, domainID: c.domainID)
        if !Rules.canSee(c, by: actor.user, access: access) {
            // Same answer as a missing case: a reseller must not learn that another domain's case exists.
            throw StoreError.refused(.notFound("case", "no case \(number)"))
        }
        return (c, access)
    }
}
