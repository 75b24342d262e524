import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// Keyword lists read by every plan, page after page, against a brute-force filter of the same small database.
@Suite struct KeywordPlanTests {
    /// Cases of both domains with overlapping words, ties on update time, a clock that goes back, updates that move
    /// search rows, closed cases, severity changes, and a customer transferred away (its old cases hidden).
    static func fixture() throws -> StoreFixture {
        let f = try StoreFixture()
        let me = Actor.reseller(f.agent1)
        try f.store.addCustomer(as: f.admin1, name: "Moving Mail Co", primaryDomain: "moving.example", tier: .standard,
                                kind: .resold, granted: true)
        let titles = ["Mail bounces on send", "Drive sync broken", "Calendar invites vanish", "Mail delayed to Drive users",
                      "Bounce reports from mail gateway", "Shared drive missing", "Boundary rules block mail", "Vault export stuck"]
        let customers = ["acme.example", "basic.example", "moving.example"]
        var numbers: [Int] = []
        for i in 0..<48 {
            f.clock.advance(i % 5 == 0 ? 0 : (i == 22 ? -600 : 45))  // ties, and a clock set back ten minutes
            let c = try f.store.fileCase(as: f.agent1, NewCase(
                customer: customers[i % 3], title: titles[i % titles.count], category: "Gmail > Delivery > Outgoing messages bounced",
                description: i % 4 == 0 ? "Mail to partners fails." : "Details \(i).", severity: Severity(level: 1 + i % 4)!))
            numbers.append(c.number)
        }
        for (k, n) in numbers.enumerated() where k % 3 == 1 {
            f.clock.advance(k % 2 == 0 ? 0 : 30)
            try f.store.postMessage(as: me, number: n, message: k % 2 == 0 ? "More mail bounced overnight." : "Still stuck.")
            if k % 4 == 1 { try f.store.changeSeverity(as: me, number: n, to: .p1) }
            if k % 5 == 1 { try f.store.closeCase(as: me, number: n) }
        }
        // Some of Acme's (Premium) open cases escalated, so `is:escalated` has its index to walk.
        for (k, n) in numbers.enumerated() where k % 3 == 0 && k % 2 == 0 && k % 5 != 1 {
            f.clock.advance(k % 4 == 0 ? 0 : 15)
            try f.store.escalate(as: me, number: n, reason: .businessImpact, justification: "Blocking the whole team.")
        }
        for i in 0..<6 {
            f.clock.advance(20)
            _ = try f.file("zed.example", title: i % 2 == 0 ? "Mail bounces at Zed" : "Zed drive sync", as: f.agent2)
        }
        try f.store.transferCustomer(as: f.admin1, customer: "moving.example", to: "two.example", granted: true)
        f.clock.advance(60)
        _ = try f.file("moving.example", title: "Mail after the move", as: f.agent2)
        return f
    }

    struct Visible { let row: CaseRow; let customer: String; let customerDomain: String }

    /// Every case the domain sees, with what the brute-force filter needs.
    static func visibleCases(_ f: StoreFixture, domainID: Int64) throws -> [Visible] {
        try f.store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(Map.caseRowColumns), cu.primary_domain,
                  (SELECT COUNT(*) FROM customer_access a WHERE a.customer_id = c.customer_id AND a.domain_id = c.domain_id
                     AND a.until IS NULL) AS managed
                FROM support_case c JOIN customer cu ON cu.id = c.customer_id JOIN domain d ON d.id = c.domain_id
                WHERE c.domain_id = ?
                """, arguments: [domainID])
            .filter { ($0["managed"] as Int) > 0 }
            .map { Visible(row: Map.caseRow($0), customer: $0[3], customerDomain: $0["primary_domain"]) }
        }
    }

    /// The case ids a MATCH expression finds, straight from the search table.
    static func matching(_ f: StoreFixture, _ match: String) throws -> Set<Int64> {
        try f.store.read { db in
            Set(try Int64.fetchAll(db, sql: "SELECT id FROM support_case WHERE search_key IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)",
                                   arguments: [match]))
        }
    }

    /// The list a query should show, filtered and sorted here.
    static func bruteForce(_ f: StoreFixture, domainID: Int64, _ q: CaseQuery, sort: CaseSort) throws -> [Int64] {
        var rows = try visibleCases(f, domainID: domainID)
        for term in q.terms {
            let keep: (Visible) throws -> Bool
            switch term.predicate {
            case .keyword(let k):
                let ids = try matching(f, FTS.expression(k))
                keep = { ids.contains($0.row.id) }
            case .severity(let list): keep = { list.contains($0.row.severity) }
            case .status(let list): keep = { list.contains($0.row.status) }
            case .isOpen: keep = { $0.row.status != .closed }
            case .isClosed: keep = { $0.row.status == .closed }
            case .isEscalated: keep = { $0.row.escalated }
            case .updated(let bound):
                let (lower, upper) = bound.interval(now: f.store.now)
                keep = { v in lower.map { v.row.updatedAt >= $0 } ?? true && upper.map { v.row.updatedAt < $0 } ?? true }
            case .domain(let names): keep = { v in names.contains { $0.caseInsensitiveCompare(v.row.domainName) == .orderedSame } }
            case .customer(let names):
                keep = { v in names.contains { v.customer.localizedCaseInsensitiveContains($0) || v.customerDomain.lowercased().hasPrefix($0.lowercased()) } }
            default: Issue.record("no brute force for \(term)"); keep = { _ in true }
            }
            rows = try rows.filter { try keep($0) != term.negated }
        }
        return rows.map(\.row).sorted { $0.precedes($1, in: sort) }.map(\.id)
    }

    /// Walks every page with the given plan (nil: the plan the store chooses).
    static func paged(_ f: StoreFixture, domainID: Int64, _ q: CaseQuery, sort: CaseSort, limit: Int = 4,
                      keywords: (KeywordPlan, KeywordPlan)? = nil, walkBound: Int = KeywordPlan.walkBound,
                      customerPlan: Bool = true) throws -> [Int64] {
        var seen: [Int64] = []
        var cursor: CaseRow?
        let now = f.store.now
        repeat {
            let page = try f.store.read { db in
                try PortalStore.casePage(db, domainID: domainID, customerID: nil, query: q, sort: sort, after: cursor, limit: limit,
                                         now: now, reader: ListReader(userID: 0), keywords: keywords.map { (plan: $0.0, fallback: $0.1) }, walkBound: walkBound,
                                         customerPlan: customerPlan)
            }
            seen += page.rows.map(\.id)
            #expect(page.rows.count == limit || !page.hasMore)
            cursor = page.hasMore ? page.rows.last : nil
        } while cursor != nil && seen.count < 500
        return seen
    }

    /// Walks every page backward from the end with the given plan: the last page's ids, and every id in list order.
    static func pagedBackward(_ f: StoreFixture, domainID: Int64, _ q: CaseQuery, sort: CaseSort, limit: Int = 4,
                              keywords: (KeywordPlan, KeywordPlan)? = nil, walkBound: Int = KeywordPlan.walkBound,
                              customerPlan: Bool = true) throws -> (last: [Int64], all: [Int64]) {
        var seen: [Int64] = []
        var last: [Int64]?
        var cursor: CaseRow?
        let now = f.store.now
        repeat {
            let page = try f.store.read { db in
                try PortalStore.casePage(db, domainID: domainID, customerID: nil, query: q, sort: sort, after: cursor, backward: true,
                                         limit: limit, now: now, reader: ListReader(userID: 0), keywords: keywords.map { (plan: $0.0, fallback: $0.1) },
                                         walkBound: walkBound, customerPlan: customerPlan)
            }
            last = last ?? page.rows.map(\.id)
            seen = page.rows.map(\.id) + seen
            #expect(page.rows.count == limit || !page.hasMore)
            cursor = page.hasMore ? page.rows.first : nil
        } while cursor != nil && seen.count < 500
        return (last ?? [], seen)
    }

    static let queries = ["mail", "bou*", "mail sev:p1", "mail sev:p1,p3", "mail -sev:p2 -status:closed", "mail is:closed", "mail -drive", "drive sync", "\"invites vanish\"", "mail customer:acme",
                          "mail is:open", "zzzz", "mail status:new,closed", "mail bounce*", "customer:acme", "customer:c",
                          "customer:moving", "customer:nobody", "mail customer:a", "customer:acme,basic sev:p2", "-customer:acme",
                          "mail is:escalated", "bou* is:escalated -status:closed", "is:escalated", "drive is:escalated is:open",
                          "mail -is:escalated sev:p1", "mail updated:<20min", "bou* updated:<1h -status:closed", "drive updated:>1h"]
    static let indexPlans: [KeywordPlan] = [.fromSearchIndex, .matchesGathered, .testedPerRow, .termWalk]

    @Test func everyPlanListsWhatABruteForceFilterFinds() throws {
        let f = try Self.fixture()
        // The fixture gives the common word several pages, hidden and closed cases, and ties.
        let mail = try Self.bruteForce(f, domainID: f.agent1.domainID, CaseQuery(parsing: "mail"), sort: .updated)
        let all = try Self.visibleCases(f, domainID: f.agent1.domainID).count
        #expect(mail.count > 12 && mail.count < all, "\(mail.count) of \(all)")
        for domain in [f.agent1.domainID, f.agent2.domainID] {
            for text in Self.queries {
                let q = try CaseQuery(parsing: text)
                for sort in CaseSort.allCases {
                    let expected = try Self.bruteForce(f, domainID: domain, q, sort: sort)
                    #expect(try Self.paged(f, domainID: domain, q, sort: sort) == expected, "\(text) \(sort) chosen")
                    #expect(try Self.paged(f, domainID: domain, q, sort: sort, customerPlan: false) == expected, "\(text) \(sort) customer filter")
                    for plan in Self.indexPlans {
                        #expect(try Self.paged(f, domainID: domain, q, sort: sort, keywords: (plan, plan)) == expected,
                                "\(text) \(sort) \(plan)")
                    }
                    #expect(try Self.paged(f, domainID: domain, q, sort: sort, keywords: (.searchOrder, .testedPerRow)) == expected,
                            "\(text) search order")
                    // The merge with a customer term's cases (not narrowed to the customers first): sorted keys.
                    #expect(try Self.paged(f, domainID: domain, q, sort: sort, keywords: (.termWalk, .termWalk), customerPlan: false) == expected,
                            "\(text) \(sort) term walk, customer filter")
                    // A bound of 2 matches cuts most walks short: the page is read again by the fallback plan.
                    for fallback in Self.indexPlans {
                        #expect(try Self.paged(f, domainID: domain, q, sort: sort, keywords: (.searchOrder, fallback), walkBound: 2) == expected,
                                "\(text) search order cut, then \(fallback)")
                    }
                    for limit in [1, 7] {
                        #expect(try Self.paged(f, domainID: domain, q, sort: sort, limit: limit, keywords: (.searchOrder, .fromSearchIndex),
                                               walkBound: 3) == expected, "\(text) search order, pages of \(limit)")
                    }
                }
                #expect(try f.store.countCases(as: domain == f.agent1.domainID ? f.agent1 : f.agent2, scope: .domain(domain), query: q)
                        == Self.bruteForce(f, domainID: domain, q, sort: .updated).count, "count \(text)")
            }
        }
    }

    /// Read from the end (`G`, then up page by page): the last page is the brute force's last rows, and walking back
    /// to the start finds the whole list, for every plan, sort, and filter.
    @Test func everyPlanReadsBackwardWhatABruteForceFilterFinds() throws {
        let f = try Self.fixture()
        let plain = ["", "sev:p1", "sev:p2,p4", "status:new", "status:closed,new", "is:open", "is:closed", "-status:closed sev:p1",
                     "is:open customer:basic"]
        for domain in [f.agent1.domainID, f.agent2.domainID] {
            for text in plain + Self.queries {
                let q = try CaseQuery(parsing: text)
                for sort in CaseSort.allCases {
                    let expected = try Self.bruteForce(f, domainID: domain, q, sort: sort)
                    func check(_ read: (last: [Int64], all: [Int64]), limit: Int = 4, _ what: String) {
                        #expect(read.last == Array(expected.suffix(limit)), "\(text) \(sort) \(what): last page")
                        #expect(read.all == expected, "\(text) \(sort) \(what): back to the start")
                    }
                    check(try Self.pagedBackward(f, domainID: domain, q, sort: sort), "chosen")
                    check(try Self.pagedBackward(f, domainID: domain, q, sort: sort, customerPlan: false), "customer filter")
                    guard FTS.positiveMatch(q) != nil else { continue }
                    for plan in Self.indexPlans {
                        check(try Self.pagedBackward(f, domainID: domain, q, sort: sort, keywords: (plan, plan)), "\(plan)")
                    }
                    check(try Self.pagedBackward(f, domainID: domain, q, sort: sort, keywords: (.searchOrder, .testedPerRow)), "search order")
                    check(try Self.pagedBackward(f, domainID: domain, q, sort: sort, keywords: (.termWalk, .termWalk), customerPlan: false),
                          "term walk, customer filter")
                    for fallback in Self.indexPlans {
                        check(try Self.pagedBackward(f, domainID: domain, q, sort: sort, keywords: (.searchOrder, fallback), walkBound: 2),
                              "search order cut, then \(fallback)")
                    }
                    for limit in [1, 7] {
                        check(try Self.pagedBackward(f, domainID: domain, q, sort: sort, limit: limit,
                                                     keywords: (.searchOrder, .fromSearchIndex), walkBound: 3),
                              limit: limit, "search order, pages of \(limit)")
                    }
                }
            }
        }
    }

    /// Through the store's entry points: a user's list and All domains (both domains merged), last page and backward.
    @Test func theLastPageAndThePagesBeforeItThroughTheStore() throws {
        let f = try Self.fixture()
        for text in ["", "mail", "bou* -status:closed", "customer:acme"] {
            let q = try CaseQuery(parsing: text)
            for sort in CaseSort.allCases {
                let mine = try Self.bruteForce(f, domainID: f.agent1.domainID, q, sort: sort)
                let last = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), query: q, sort: sort, page: .last, limit: 5)
                #expect(last.rows.map(\.id) == Array(mine.suffix(5)) && last.hasMore == (mine.count > 5), "\(text) \(sort)")
                let before = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), query: q, sort: sort,
                                               page: .before(last.rows.first), limit: 5)
                #expect(before.rows.map(\.id) == Array(mine.dropLast(5).suffix(5)), "\(text) \(sort) before")

                // All domains: each domain's rows merged, read from the end.
                let both = try (Self.visibleRows(f, domainID: f.agent1.domainID, q, sort: sort)
                                + Self.visibleRows(f, domainID: f.agent2.domainID, q, sort: sort)).sorted { $0.precedes($1, in: sort) }.map(\.id)
                var seen: [Int64] = []
                var page = try f.store.cases(asEach: [f.agent1, f.agent2], query: q, sort: sort, page: .last, limit: 3)
                #expect(page.rows.map(\.id) == Array(both.suffix(3)), "all domains \(text) \(sort)")
                seen = page.rows.map(\.id)
                while page.hasMore, seen.count < 500 {
                    page = try f.store.cases(asEach: [f.agent1, f.agent2], query: q, sort: sort, page: .before(page.rows.first), limit: 3)
                    seen = page.rows.map(\.id) + seen
                }
                #expect(seen == both, "all domains \(text) \(sort) back to the start")
            }
        }
    }

    /// A search-order walk reads at most `walkBound` matches past its cursor: the newest first forward, the oldest backward.
    @Test func theWalkIsBoundedFromEitherEnd() throws {
        let f = try Self.fixture()
        let match = FTS.expression(.word("mail"))
        let keys = try f.store.read { db in
            try Int64.fetchAll(db, sql: "SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid", arguments: [match])
        }
        #expect(keys.count > 12)
        let rows = try Self.visibleCases(f, domainID: f.agent1.domainID).map(\.row)
        let keyOf = try f.store.read { db in
            try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, search_key FROM support_case").map { ($0[0] as Int64, $0[1] as Int64) })
        }
        let i = try #require((3..<keys.count - 3).first { i in rows.contains { keyOf[$0.id] == keys[i] } })
        let cursor = try #require(rows.first { keyOf[$0.id] == keys[i] })
        func probe(_ cursor: CaseRow?, backward: Bool) throws -> Int64? {
            let (sql, values) = KeywordPlan.boundProbe(match, domainID: f.agent1.domainID, after: cursor, backward: backward, walkBound: 3)
            return try f.store.read { db in try Int64.fetchOne(db, sql: sql, arguments: StatementArguments(values)) }
        }
        #expect(try probe(nil, backward: false) == keys[keys.count - 3])
        #expect(try probe(nil, backward: true) == keys[2])
        #expect(try probe(cursor, backward: false) == keys[i - 3])
        #expect(try probe(cursor, backward: true) == keys[i + 3])
    }

    static func visibleRows(_ f: StoreFixture, domainID: Int64, _ q: CaseQuery, sort: CaseSort) throws -> [CaseRow] {
        let ids = try bruteForce(f, domainID: domainID, q, sort: sort)
        let rows = Dictionary(uniqueKeysWithValues: try visibleCases(f, domainID: domainID).map { ($0.row.id, $0.row) })
        return ids.compactMap { rows[$0] }
    }

    @Test func theDefaultOrderIsServedByTheSearchIndex() throws {
        let f = try Self.fixture()
        let plan = try f.store.read { db in
            try KeywordPlan.choose(db, CaseQuery(parsing: "mail"), sort: .updated, narrow: false, after: nil)
        }
        #expect(plan == .searchOrder)
        let other = try f.store.read { db in
            try KeywordPlan.choose(db, CaseQuery(parsing: "mail"), sort: .created, narrow: true, after: nil)
        }
        #expect(other == .fromSearchIndex, "a customer's list walks the customer's cases")
        for withCursor in [false, true] {
            for backward in [false, true] {
                let explained = try f.store.explainCases(domainID: f.agent1.domainID, query: CaseQuery(parsing: "mail sev:p1"), sort: .updated,
                                                         withCursor: withCursor, backward: backward, keywords: .searchOrder)
                #expect(!explained.contains { $0.contains("TEMP B-TREE") }, "\(explained)")
                #expect(explained.first?.contains("VIRTUAL TABLE") == true, "\(explained)")
                #expect(explained.contains { $0.contains("SEARCH c USING INDEX case_search_key (search_key=?)") }, "\(explained)")
            }
        }
        // The plans that walk the list index walk it either way without sorting.
        for plan in [KeywordPlan.matchesGathered, .testedPerRow] {
            for sort in CaseSort.allCases {
                for backward in [false, true] {
                    let explained = try f.store.explainCases(domainID: f.agent1.domainID, query: CaseQuery(parsing: "mail -sev:p4"), sort: sort,
                                                             withCursor: true, backward: backward, keywords: plan)
                    #expect(!explained.contains { $0.contains("TEMP B-TREE") }, "\(plan) \(sort) backward=\(backward): \(explained)")
                }
            }
        }
    }

    /// Each search row's rowid is its case's key, whatever command last touched the case.
    @Test func searchRowsFollowTheirCases() throws {
        let f = try Self.fixture()
        let me = Actor.reseller(f.agent1)
        let c = try f.file()
        func check(_ step: String) throws {
            let (cases, rows, keyed) = try f.store.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM support_case")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM case_search")!,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM support_case c JOIN case_search s ON s.rowid = c.search_key")!)
            }
            #expect(cases == rows && rows == keyed, "\(step): \(cases) cases, \(rows) search rows, \(keyed) keyed")
            #expect(try Self.keysAgainstUpdateOrder(f) == 0, "\(step)")
            let top = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), query: CaseQuery(parsing: "sync"), limit: 1)
            #expect(top.rows.first?.number == c.number, "\(step): the case just touched leads its search")
        }
        try check("filed")
        f.clock.advance(1)
        try f.store.postMessage(as: me, number: c.number, message: "Still failing this morning.")
        try check("message")
        #expect(try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), query: CaseQuery(parsing: "morning")).rows.map(\.number)
                == [c.number])
        try f.store.changeSeverity(as: me, number: c.number, to: .p1)
        try check("severity")
        try f.store.attach(as: me, number: c.number, files: [NewAttachment(name: "h.txt", data: Data("x".utf8))])
        try check("attach")
        try f.store.shareCase(as: me, number: c.number, add: ["it@acme.example"], remove: [])
        try check("share")
        try f.store.escalate(as: me, number: c.number, reason: .businessImpact, justification: "Payroll is blocked.")
        try check("escalate")
        try f.store.supportReply(as: f.engineer, number: c.number, message: "Looking at it.", status: .actionRequired)
        try check("support reply")
        try f.store.closeCase(as: me, number: c.number)
        try check("close")
        f.clock.advance(-7_200)  // the clock set back: the update time still moves forward by 1 ms
        try f.store.reopenCase(as: me, number: c.number)
        try check("reopen")
        let d = try f.store.caseDetail(as: me, number: c.number)
        #expect(d.history.count == 10)
    }

    /// Adjacent cases (in key order) whose `(updated_at, id)` do not follow it: none while the keys are in order.
    static func keysAgainstUpdateOrder(_ f: StoreFixture) throws -> Int {
        try f.store.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (SELECT updated_at AS u, id AS i, search_key AS k,
                  lag(updated_at) OVER (ORDER BY search_key) AS pu, lag(id) OVER (ORDER BY search_key) AS pi FROM support_case)
                WHERE k <= 0 OR (pu IS NOT NULL AND (pu, pi) >= (u, i))
                """)!
        }
    }

    /// An update time set from outside the commands, before the last case's, keys the case -id: the search-order plan
    /// is then never chosen, and lists stay right. Its next command keys it in order again.
    @Test func anUnorderedKeyTurnsTheSearchOrderPlanOff() throws {
        let f = try Self.fixture()
        let q = try CaseQuery(parsing: "mail")
        let (id, number) = try f.store.read { db in
            try Row.fetchOne(db, sql: "SELECT id, number FROM support_case WHERE status < 4 AND title LIKE '%mail%' ORDER BY id LIMIT 1")
                .map { ($0[0] as Int64, $0[1] as Int) }!
        }
        try f.store.write { db in try db.execute(sql: "UPDATE support_case SET updated_at = 0 WHERE id = ?", arguments: [id]) }
        let lowest = try f.store.read { db in try Int64.fetchOne(db, sql: "SELECT MIN(rowid) FROM case_search") }
        #expect(lowest == -id)
        let plan = try f.store.read { db in try KeywordPlan.choose(db, q, sort: .updated, narrow: false, after: nil) }
        #expect(plan != .searchOrder)
        #expect(try Self.paged(f, domainID: f.agent1.domainID, q, sort: .updated) == Self.bruteForce(f, domainID: f.agent1.domainID, q, sort: .updated))
        try f.store.postMessage(as: .reseller(f.agent1), number: number, message: "Back in order.")
        #expect(try Self.keysAgainstUpdateOrder(f) == 0)
        #expect(try f.store.read { db in try KeywordPlan.choose(db, q, sort: .updated, narrow: false, after: nil) } == .searchOrder)
    }

    /// An update time set from outside the commands after every other case's takes the next key, in order.
    @Test func aLaterUpdateFromOutsideTakesTheNextKey() throws {
        let f = try Self.fixture()
        let (top, key) = try f.store.read { db in
            (try Int64.fetchOne(db, sql: "SELECT max(updated_at) FROM support_case")!, try Int64.fetchOne(db, sql: "SELECT max(search_key) FROM support_case")!)
        }
        try f.store.write { db in try db.execute(sql: "UPDATE support_case SET updated_at = ? WHERE id = 3", arguments: [top + 1]) }
        let (moved, row) = try f.store.read { db in
            (try Int64.fetchOne(db, sql: "SELECT search_key FROM support_case WHERE id = 3")!,
             try Int64.fetchOne(db, sql: "SELECT rowid FROM case_search WHERE rowid = (SELECT search_key FROM support_case WHERE id = 3)"))
        }
        #expect(moved == key + 1 && row == moved)
        #expect(try Self.keysAgainstUpdateOrder(f) == 0)
    }

    /// The commands keep every key in update order, whatever the clock says: a case updated at the last case's
    /// millisecond (or before it, the clock set back) takes a time just after it, and a new case one at least the last's.
    @Test func theCommandsKeepKeysInUpdateOrder() throws {
        let f = try StoreFixture()
        let me = Actor.reseller(f.agent1)
        let a = try f.file(title: "First")
        let b = try f.file(title: "Second")  // the same millisecond: a larger id
        try f.store.postMessage(as: me, number: a.number, message: "Same millisecond again.")
        f.clock.advance(-3_600)
        let c = try f.file(title: "Third, the clock set back")
        try f.store.postMessage(as: me, number: b.number, message: "Still an hour back.")
        let rows = try f.store.read { db in
            try Row.fetchAll(db, sql: "SELECT number, updated_at FROM support_case WHERE number IN (?, ?, ?) ORDER BY search_key",
                             arguments: [a.number, b.number, c.number]).map { ($0[0] as Int, $0[1] as Int64) }
        }
        #expect(rows.map(\.0) == [a.number, c.number, b.number])
        #expect(rows[0].1 == a.updatedAt.millis + 1 && rows[1].1 == rows[0].1 && rows[2].1 == rows[1].1 + 1)
        #expect(try Self.keysAgainstUpdateOrder(f) == 0)
    }

    /// Ids past 2,097,152 (where the packed keys of v6-v15 ended) are keyed in order like any other.
    @Test func idsPastTwoMillionAreKeyedInOrder() throws {
        let f = try Self.fixture()
        try f.store.write { db in
            try db.execute(sql: """
                INSERT INTO support_case (id, number, customer_id, domain_id, product, title, category, description, severity, status,
                  escalated, language, time_zone, created_at, updated_at, waiting_since)
                SELECT 9999999, 99999999, customer_id, domain_id, product, title, category, description, severity, status, escalated,
                  language, time_zone, 0, 0, 0 FROM support_case WHERE id = 1
                """)
        }
        f.clock.advance(60)
        let c = try f.file(title: "Mail at ten million")
        let id = try f.store.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM support_case WHERE number = ?", arguments: [c.number])! }
        #expect(id == 10_000_000)
        let q = try CaseQuery(parsing: "mail")
        #expect(try f.store.read { db in try KeywordPlan.choose(db, q, sort: .updated, narrow: false, after: nil) } == .searchOrder)
        let page = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), query: q, limit: 1)
        #expect(page.rows.first?.number == c.number)
        #expect(try Self.paged(f, domainID: f.agent1.domainID, q, sort: .updated) == Self.bruteForce(f, domainID: f.agent1.domainID, q, sort: .updated))
    }
}
