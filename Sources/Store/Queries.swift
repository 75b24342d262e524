import Domain
import Foundation
import GRDB

/// Paged reads for the screens and the command line. Every read is made as a user and returns
/// only what that user's domain may see.
extension PortalStore {
    /// One page of cases after `cursor` (nil: the first page), in `sort` order.
    /// Cancelling `cancellation` stops the read (`StoreError.cancelled`).
    public func cases(as user: User, scope: CaseScope, query: CaseQuery = .all, sort: CaseSort = .updated,
                      after cursor: CaseRow? = nil, limit: Int = 50, cancellation: Cancellation? = nil) throws(StoreError) -> CasePage {
        try cases(as: user, scope: scope, query: query, sort: sort, page: .after(cursor), limit: limit, cancellation: cancellation)
    }

    /// One page of cases in `sort` order: after a row, or before one, read from the list's end (`.last`: the last page).
    public func cases(as user: User, scope: CaseScope, query: CaseQuery = .all, sort: CaseSort = .updated,
                      page: PageAnchor, limit: Int = 50, cancellation: Cancellation? = nil) throws(StoreError) -> CasePage {
        try Rules.listCases(by: user, scope: scope).enforce()
        let customerID: Int64?
        switch scope {
        case .domain: customerID = nil
        case .customer(let c, _): customerID = c
        case .supportQueue: return try supportQueue(as: user, query: query, sort: sort, page: page, limit: limit, cancellation: cancellation)
        }
        let now = self.now, query = query.withoutRepeatedTerms
        // A page is one SELECT (plus, for keywords, a probe or two; and the look-up of its unread rows), so it needs no
        // transaction around it; prepared statements are cached per SQL text, and the keyset values are their arguments.
        return try singleStatementRead(cancellation: cancellation) { db in
            try Self.flaggingUnread(db, Self.casePage(db, domainID: user.domainID, customerID: customerID, query: query, sort: sort,
                                                      after: page.cursor, backward: page.isBackward, limit: limit, now: now,
                                                      reader: ListReader(userID: user.id, targets: responseTargets),
                                                      cancellation: cancellation), reader: user.id)
        }
    }

    /// One page: a `customer:` term may narrow the list to a few customers (CustomerPlan), the keyword plan is
    /// chosen, the page read, and a search-order walk that its bound cut short is read again by another plan.
    /// `backward`: the page before `cursor` (nil: the last page), read from the list's end by the same plans with their
    /// order reversed; its rows come back in the list's order, and `hasMore` says whether rows precede them.
    /// `log` collects the statements run (for the benchmark's baseline); tests force the plans and lower `walkBound`.
    static func casePage(_ db: Database, domainID: Int64, customerID: Int64?, query: CaseQuery, sort: CaseSort,
                         after cursor: CaseRow?, backward: Bool = false, limit: Int, now: Date, reader: ListReader, log: StatementLog? = nil,
                         cancellation: Cancellation? = nil,
                         keywords forced: (plan: KeywordPlan, fallback: KeywordPlan)? = nil,
                         walkBound: Int = KeywordPlan.walkBound, customerPlan: Bool = true,
                         fewUnread: Int = UnreadSQL.fewUnread) throws -> CasePage {
        // Long prefixes become the words they stand for, in every statement of the page (SearchVocabulary).
        try FTS.withExpansions(db, query) { () throws -> CasePage in
            let (customers, query) = try narrowed(db, domainID: domainID, customerID: customerID, query: query, sort: sort, log: log,
                                                  plan: customerPlan)
            func fetch(_ q: CaseListSQL) throws -> [CaseRow] {
                // An interrupt only stops a statement that is running: one cancelled between statements stops here.
                if cancellation?.isCancelled == true { throw StoreError.cancelled }
                log?.statements.append((q.sql, q.values))
                return try Array(Row.fetchCursor(db.cachedStatement(sql: q.sql), arguments: q.arguments).map(Map.caseRow))
            }
            let unreadDrives = try UnreadSQL.drives(db, query, reader: reader.userID, few: fewUnread, log: log)
            func read(_ plan: KeywordPlan) throws -> [CaseRow] {
                // The merge is by search key: update order only, every key in it (else the term's cases test each match).
                if plan == .termWalk {
                    return try sort == .updated && KeywordPlan.keysOrdered(db, log: log) ? termWalk() : read(.testedPerRow)
                }
                return try fetch(CaseListSQL(domainID: domainID, customers: customers, query: query, sort: sort, after: cursor,
                                      backward: backward, limit: limit + 1, now: now, reader: reader, unreadDrives: unreadDrives,
                                      keywords: plan))
            }
            /// The search-order walk, level by level when sorted by severity or status; nil when a walk was cut short.
            func walk() throws -> [CaseRow]? {
                var rows: [CaseRow] = []
                for (levelQuery, levelCursor) in Self.levels(query, sort: sort, after: cursor, backward: backward) {
                    let stop = try KeywordPlan.walkStop(db, levelQuery, domainID: domainID, after: levelCursor, backward: backward, walkBound: walkBound,
                                                        now: now, log: log)
                    rows += try fetch(CaseListSQL(domainID: domainID, customers: customers, query: levelQuery, sort: .updated,
                                                  after: levelCursor, backward: backward, limit: limit + 1 - rows.count, now: now,
                                                  reader: reader, keywords: .searchOrder, stopKey: stop))
                    if rows.count > limit { break }
                    if stop != nil { return nil }  // the bound cut the walk short
                }
                return rows
            }
            /// Sorted by creation: the walk in update order, keeping the best `limit + 1` by creation, until the walk is
            /// below the last of them (every case left was updated, so created, before it); nil when the bound cut it.
            func walkByCreation() throws -> [CaseRow]? {
                let stop = try KeywordPlan.walkStop(db, query, domainID: domainID, after: nil, walkBound: walkBound, now: now, log: log)
                let q = CaseListSQL(domainID: domainID, customers: customers, query: query, sort: .created, after: cursor,
                                    limit: walkBound, now: now, reader: reader, keywords: .searchOrder, stopKey: stop)
                let matches = try Row.fetchCursor(db.cachedStatement(sql: q.sql), arguments: q.arguments).map(Map.caseRow)
                var best: [CaseRow] = []  // in page order, at most limit + 1
                var read = 0, proven = false
                while let row = try matches.next() {
                    read += 1
                    if best.count > limit, row.updatedAt < best[limit].createdAt { proven = true; break }
                    let at = best.firstIndex { row.precedes($0, in: .created) } ?? best.count
                    if at <= limit {
                        best.insert(row, at: at)
                        if best.count > limit + 1 { best.removeLast() }
                    }
                }
                if let log {
                    // The baseline steps the same rows: the statement with the rows this read consumed as its limit.
                    let consumed = CaseListSQL(domainID: domainID, customers: customers, query: query, sort: .created, after: cursor,
                                               limit: read, now: now, reader: reader, keywords: .searchOrder, stopKey: stop)
                    log.statements.append((consumed.sql, consumed.values))
                }
                if !proven, stop != nil { return nil }
                return best
            }
            /// The term's cases in update order merged with the keyword's matches read in the same order, by search key
            /// (both index-only streams); the cases in both are then read whole, a batch at a time, with every other term
            /// tested, until the page is full.
            func termWalk() throws -> [CaseRow] {
                guard let match = FTS.positiveMatch(query) else { return try read(.none) }
                var rest = query
                rest.terms.removeAll { if case .keyword = $0.predicate { !$0.negated } else { false } }
                let (casesSQL, casesValues) = KeywordPlan.termKeys(rest, domainID: domainID, customers: customers, after: cursor, backward: backward)
                let (matchSQL, matchValues) = KeywordPlan.matchKeys(match, domainID: domainID, after: cursor, backward: backward,
                                                                    keys: SearchKey.range(of: query, now: now))
                let cases = try Row.fetchCursor(db.cachedStatement(sql: casesSQL), arguments: .of(casesValues))
                let keys = try Int64.fetchCursor(db.cachedStatement(sql: matchSQL), arguments: .of(matchValues))
                // Walking newest first, a key "beyond" another is a smaller one; from the oldest, a larger one.
                let beyond: (Int64, Int64) -> Bool = backward ? { $0 > $1 } : { $0 < $1 }
                var found: [CaseRow] = [], casesRead = 0, keysRead = 0, batch: [Int64] = []
                var key = try keys.next()
                if key != nil { keysRead += 1 }
                func flush() throws {
                    guard !batch.isEmpty else { return }
                    found += try fetch(CaseListSQL(domainID: domainID, customers: customers, query: rest, sort: .updated, after: nil,
                                                   backward: backward, limit: batch.count, now: now, reader: reader, keywords: .none,
                                                   only: batch))
                    batch = []
                }
                while found.count <= limit, key != nil, let row = try cases.next() {
                    let caseKey: Int64 = row[0]
                    casesRead += 1
                    // Past the matches walked before this case's key; it is one of them when the next is its own.
                    while let m = key, beyond(caseKey, m) {
                        key = try keys.next()
                        if key != nil { keysRead += 1 }
                    }
                    if key == caseKey {
                        batch.append(row[1])
                        if found.count + batch.count > limit { try flush() }
                    }
                }
                try flush()
                if let log {
                    // The baseline steps the same keys: each stream with what this read consumed as its limit.
                    log.statements.append((casesSQL + " LIMIT \(casesRead)", casesValues))
                    log.statements.append((matchSQL + " LIMIT \(keysRead)", matchValues))
                }
                return Array(found.prefix(limit + 1))
            }
            let narrow = customers != nil
            // A keyword on a few customers' list: how many cases they have, for the plan (`KeywordPlan.probeToGather`).
            var narrowCases: Int?
            if let customers, !unreadDrives, FTS.positiveMatch(query) != nil {
                narrowCases = try CustomerPlan.cases(db, of: customers, domainID: domainID, log: log)
            }
            // The reader's few unread cases are read and sorted, whatever the keywords (tested on each of them).
            var plan = unreadDrives ? .testedPerRow
                : try forced?.plan ?? KeywordPlan.choose(db, query, sort: sort, narrow: narrow, after: cursor, backward: backward,
                                                         domainID: domainID, narrowCases: narrowCases, log: log)
            // No backward walk by creation, and no walk at all by whose turn (the search index is in update order).
            if backward && sort == .created || sort == .waiting, plan == .searchOrder { plan = forced?.fallback ?? .testedPerRow }
            let rows: [CaseRow]
            if plan == .searchOrder, FTS.positiveMatch(query) != nil {
                rows = try (sort == .created ? walkByCreation() : walk())
                    ?? read(forced?.fallback ?? KeywordPlan.choose(db, query, sort: sort, narrow: narrow, after: cursor, backward: backward,
                                                                   searchOrder: false, log: log))
            } else {
                rows = try read(plan)
            }
            let page = Array(rows.prefix(limit))
            return CasePage(rows: backward ? page.reversed() : page, hasMore: rows.count > limit)
        }
    }

    /// The walks a search-order page takes: sorted by update time, one; by severity or status, one per level
    /// from the cursor's on (skipping levels a term of the query rules out), each with its level as a term and
    /// the cursor only within the cursor's own level. `backward`: from the last level (or the cursor's) back to the first.
    static func levels(_ query: CaseQuery, sort: CaseSort, after cursor: CaseRow?, backward: Bool = false) -> [(CaseQuery, CaseRow?)] {
        let levels: [(term: FilterPredicate, code: Int)]
        switch sort {
        case .updated, .created, .waiting: return [(query, cursor)]
        case .severity: levels = Severity.allCases.map { (.severity([$0]), $0.level) }
        case .status: levels = CaseStatus.allCases.map { (.status([$0]), $0.code) }
        }
        let from = cursor.map { sort == .severity ? $0.severity.level : $0.status.code } ?? (backward ? Int.max : Int.min)
        return (backward ? levels.reversed() : levels).filter { level in
            (backward ? level.code <= from : level.code >= from) && query.terms.allSatisfy { term in
                Self.admits(term.predicate, level.term).map { $0 != term.negated } ?? true
            }
        }.map { level in
            var q = query
            q.terms.append(FilterTerm(level.term))
            return (q, level.code == from ? cursor : nil)
        }
    }

    /// Whether a severity or status term admits a level's cases (nil: the term says nothing about levels).
    private static func admits(_ predicate: FilterPredicate, _ level: FilterPredicate) -> Bool? {
        switch (predicate, level) {
        case (.severity(let list), .severity(let l)): list.contains(l[0])
        case (.status(let list), .status(let l)): list.contains(l[0])
        case (.isOpen, .status(let l)): l[0] != .closed
        case (.isClosed, .status(let l)): l[0] == .closed
        default: nil
        }
    }

    /// The customers a list is limited to (its scope's, or those a `customer:` term narrows it to), and the query
    /// left to apply.
    static func narrowed(_ db: Database, domainID: Int64, customerID: Int64?, query: CaseQuery, sort: CaseSort, log: StatementLog?,
                         plan: Bool = true) throws -> (customers: [Int64]?, query: CaseQuery) {
        if let customerID { return ([customerID], try CustomerPlan.withCustomerWords(db, [customerID], query, log: log)) }
        guard plan, let n = try CustomerPlan.choose(db, query, domainID: domainID, sort: sort, log: log) else { return (nil, query) }
        return (n.customers, try CustomerPlan.withCustomerWords(db, n.customers, n.rest, log: log))
    }

    /// The cases of several signed-in users (one per domain) merged in `sort` order: the unified inbox.
    /// Each domain's page is read through its own user, so a domain without a session never appears.
    public func cases(asEach users: [User], query: CaseQuery = .all, sort: CaseSort = .updated,
                      after cursor: CaseRow? = nil, limit: Int = 50, cancellation: Cancellation? = nil) throws(StoreError) -> CasePage {
        try cases(asEach: users, query: query, sort: sort, page: .after(cursor), limit: limit, cancellation: cancellation)
    }

    /// The unified inbox a page at a time from either end: read backward, each domain's page before the row, the
    /// merge's last `limit`.
    public func cases(asEach users: [User], query: CaseQuery = .all, sort: CaseSort = .updated,
                      page anchor: PageAnchor, limit: Int = 50, cancellation: Cancellation? = nil) throws(StoreError) -> CasePage {
        var pages: [CasePage] = []
        // A support engineer's queue runs the other way (the longest waiting first): it is no part of All domains.
        for user in users where user.kind != .supportEngineer {
            pages.append(try cases(as: user, scope: Rules.homeScope(for: user), query: query, sort: sort, page: anchor, limit: limit,
                                   cancellation: cancellation))
        }
        return CasePage.merging(pages, sort: sort, anchor: anchor, limit: limit)
    }

    /// The Support queue: every domain's cases waiting on support, the longest waiting first. That is each domain's
    /// list in update order read from its other end (the oldest update first), merged like All domains.
    func supportQueue(as engineer: User, query: CaseQuery, sort: CaseSort, page anchor: PageAnchor, limit: Int,
                      cancellation: Cancellation?) throws(StoreError) -> CasePage {
        var waiting = query.withoutRepeatedTerms
        waiting.terms.append(FilterTerm(.status(CaseStatus.waitingOnSupport)))
        let flipped: PageAnchor = anchor.isBackward ? .after(anchor.cursor) : .before(anchor.cursor)
        let now = self.now
        let domains = try read { db in try Int64.fetchAll(db, sql: "SELECT id FROM domain ORDER BY id") }
        var merged: [CaseRow] = []
        var more = false
        for domainID in domains {
            let page = try singleStatementRead(cancellation: cancellation) { db in
                try Self.flaggingUnread(db, Self.casePage(db, domainID: domainID, customerID: nil, query: waiting, sort: sort,
                                                          after: flipped.cursor, backward: flipped.isBackward, limit: limit, now: now,
                                                          reader: ListReader(userID: engineer.id, targets: responseTargets),
                                                          cancellation: cancellation), reader: engineer.id)
            }
            merged += page.rows
            more = more || page.hasMore
        }
        merged.sort { $0.precedes($1, in: sort) }
        let rows = flipped.isBackward ? Array(merged.suffix(limit)) : Array(merged.prefix(limit))
        return CasePage(rows: rows.reversed(), hasMore: more || merged.count > limit)
    }

    /// Counts matching cases up to `cap` (then the screen shows "cap+").
    /// Its two statements (narrowing, then counting) need no transaction: a count is a moment's estimate anyway.
    public func countCases(as user: User, scope: CaseScope, query: CaseQuery = .all, cap: Int = 10_000,
                           cancellation: Cancellation? = nil) throws(StoreError) -> Int {
        try Rules.listCases(by: user, scope: scope).enforce()
        let customer: Int64?
        switch scope {
        case .domain: customer = nil
        case .customer(let c, _): customer = c
        case .supportQueue: return try supportQueueCount(as: user, query: query, cap: cap, cancellation: cancellation)
        }
        let now = self.now, query = query.withoutRepeatedTerms
        return try singleStatementRead(cancellation: cancellation) { db in
            if let tally = CaseTallySQL(domainID: user.domainID, customers: customer.map { [$0] }, query: query, now: now) {
                return try tally.count(db, cap: cap)
            }
            return try FTS.withExpansions(db, query) {
                let (customers, query) = try Self.narrowed(db, domainID: user.domainID, customerID: customer, query: query, sort: .updated,
                                                           log: nil)
                // A search-order walk is not bounded here: it stops at the cap, and counts run off the keystroke path.
                let unreadDrives = try UnreadSQL.drives(db, query, reader: user.id, log: nil)
                let plan = try unreadDrives ? .testedPerRow : KeywordPlan.choose(db, query, sort: .updated, narrow: customers != nil, after: nil)
                let q = CaseListSQL(domainID: user.domainID, customers: customers, query: query, sort: .updated,
                                    after: nil, limit: cap + 1, now: now, reader: ListReader(userID: user.id, targets: responseTargets),
                                    unreadDrives: unreadDrives, keywords: plan)
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(q.sql))", arguments: q.arguments) ?? 0
            }
        }
    }

    func supportQueueCount(as engineer: User, query: CaseQuery, cap: Int, cancellation: Cancellation?) throws(StoreError) -> Int {
        var waiting = query.withoutRepeatedTerms
        waiting.terms.append(FilterTerm(.status(CaseStatus.waitingOnSupport)))
        let now = self.now
        return try singleStatementRead(cancellation: cancellation) { db in
            if let tally = CaseTallySQL(domainID: nil, customers: nil, query: waiting, now: now) {
                return try tally.count(db, cap: cap)
            }
            return try FTS.withExpansions(db, waiting) {
                var total = 0
                let unreadDrives = try UnreadSQL.drives(db, waiting, reader: engineer.id, log: nil)
                for domainID in try Int64.fetchAll(db, sql: "SELECT id FROM domain ORDER BY id") where total <= cap {
                    let plan = try unreadDrives ? .testedPerRow : KeywordPlan.choose(db, waiting, sort: .updated, narrow: false, after: nil)
                    let q = CaseListSQL(domainID: domainID, customers: nil, query: waiting, sort: .updated, after: nil,
                                        limit: cap + 1 - total, now: now, reader: ListReader(userID: engineer.id, targets: responseTargets),
                                        unreadDrives: unreadDrives, keywords: plan)
                    total += try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(q.sql))", arguments: q.arguments) ?? 0
                }
                return total
            }
        }
    }

    /// My Customers: the customers currently assigned to the user's domain, with open-case counts.
    public func customers(as user: User) throws(StoreError) -> [CustomerRow] {
        try Rules.listCustomers(by: user).enforce()
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: Self.customersSQL), arguments: [user.domainID]).map {
                CustomerRow(customer: Map.customer($0), access: Map.access($0, offset: 4), openCases: $0["open_cases"])
            }
        }
    }

    /// My Customers, open cases counted from the partial index of open cases alone (schema v6).
    package static let customersSQL = """
        SELECT \(Map.customerColumns), \(Map.accessColumns),
          (SELECT COUNT(*) FROM support_case c INDEXED BY case_customer_open
           WHERE c.customer_id = cu.id AND c.domain_id = a.domain_id AND c.\(StatusSQL.open)) AS open_cases
        FROM customer_access a JOIN customer cu ON cu.id = a.customer_id
        WHERE a.domain_id = ? AND a.until IS NULL
        ORDER BY cu.name COLLATE NOCASE, cu.id
        """

    /// A case with its history (oldest first), attachments and sharing addresses, if the user may see it.
    public func caseDetail(as actor: Actor, number: Int) throws(StoreError) -> CaseDetail {
        try read { db in try Self.detail(db, actor: actor, number: number) }
    }

    static func visibleCase(_ db: Database, actor: Actor, number: Int) throws -> (SupportCase, CustomerAccess?) {
        try Rules.portalAccess(actor.user).enforce()
        guard let c = try caseByNumber(db, number) else {
            throw StoreError.refused(.notFound("case", "no case \(number)"))
        }
        let access = try currentAccess(db, customerID: c.customerID, domainID: c.domainID)
        if !Rules.canSee(c, by: actor.user, access: access) {
            // Same answer as a missing case: a reseller must not learn that another domain's case exists.
            throw StoreError.refused(.notFound("case", "no case \(number)"))
        }
        return (c, access)
    }

    static func detail(_ db: Database, actor: Actor, number: Int) throws -> CaseDetail {
        let (c, access) = try visibleCase(db, actor: actor, number: number)
        let customer = try Self.customer(db, id: c.customerID)!
        let domainName = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM domain WHERE id = ?"), arguments: [c.domainID]) ?? ""
        let creator = try c.creatorID.flatMap { try String.fetchOne(db.cachedStatement(sql: "SELECT email FROM user WHERE id = ?"), arguments: [$0]) } ?? "customer"
        let history = try Row.fetchAll(db.cachedStatement(sql: DetailSQL.history), arguments: [c.id]).map {
            HistoryEvent(id: $0[0], caseID: $0[1], at: Date(millis: $0[2]), author: $0[3],
                         kind: HistoryKind(rawValue: $0[4]) ?? .message, text: $0[5])
        }
        let attachments = try Row.fetchAll(db.cachedStatement(sql: DetailSQL.attachments), arguments: [c.id]).map {
            AttachmentInfo(id: $0[0], name: $0[1], size: $0[2], sha256: $0[3], addedAt: Date(millis: $0[4]), addedBy: $0[5])
        }
        let sharing = try String.fetchAll(db.cachedStatement(sql: DetailSQL.sharing), arguments: [c.id])
        return CaseDetail(supportCase: c, customer: customer, access: access, domainName: domainName, creator: creator,
                          history: history, attachments: attachments, sharing: sharing,
                          unread: try isUnread(db, caseID: c.id, reader: actor.user.id))
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
    /// `keywords` forces a keyword plan instead of the one the data would choose.
    /// `backward`: the query that reads the list from its end (the last page, or the page before the cursor).
    public func explainCases(domainID: Int64, customerID: Int64? = nil, query: CaseQuery, sort: CaseSort, withCursor: Bool,
                             backward: Bool = false) throws(StoreError) -> [String] {
        try explainCases(domainID: domainID, customerID: customerID, query: query, sort: sort, withCursor: withCursor, backward: backward,
                         keywords: nil)
    }

    func explainCases(domainID: Int64, customerID: Int64? = nil, query: CaseQuery, sort: CaseSort, withCursor: Bool,
                      backward: Bool = false, keywords: KeywordPlan?) throws(StoreError) -> [String] {
        let cursor = withCursor ? CaseRow(id: 1, number: 10000000, title: "", customerName: "", domainID: domainID, domainName: "",
                                          status: .new, severity: .p3, escalated: false, createdAt: now, updatedAt: now) : nil
        let now = self.now
        return try read { db in
            try FTS.withExpansions(db, query) {
                let (customers, query) = try Self.narrowed(db, domainID: domainID, customerID: customerID, query: query, sort: sort, log: nil)
                let plan = try keywords ?? KeywordPlan.choose(db, query, sort: sort, narrow: customers != nil, after: cursor, backward: backward)
                let q = CaseListSQL(domainID: domainID, customers: customers, query: query, sort: sort, after: cursor, backward: backward,
                                    limit: 51, now: now, reader: ListReader(userID: 0), keywords: plan)
                return try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + q.sql, arguments: q.arguments).map { $0["detail"] as String }
            }
        }
    }
}

extension PortalStore {
    /// One customer of the user's domain, by name, primary domain or a unique fragment of either.
    public func customer(as user: User, matching text: String) throws(StoreError) -> CustomerRow {
        try Rules.listCustomers(by: user).enforce()
        let (customer, access) = try read { db in
            do { return try Self.resolveCustomer(db, text, domainID: user.domainID) } catch let e { throw e as Error }
        }
        return CustomerRow(customer: customer, access: access, openCases: 0)
    }
}

/// The statements of the case screen, shared with the benchmark's raw-SQLite baseline.
package enum DetailSQL {
    package static let caseByNumber = "SELECT \(Map.caseColumns) FROM support_case c WHERE c.number = ?"
    package static let history = "SELECT id, case_id, at, author, kind, text FROM history WHERE case_id = ? ORDER BY at, id"
    package static let attachments = "SELECT id, name, size, sha256, added_at, added_by FROM attachment WHERE case_id = ? AND removed_at IS NULL ORDER BY id"
    package static let sharing = "SELECT email FROM sharing WHERE case_id = ? ORDER BY added_at, email"
}
