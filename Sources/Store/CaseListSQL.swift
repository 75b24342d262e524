import Domain
import Foundation
import GRDB

/// How a keyword search is driven:
/// - in the default order (update time), from the search index in its own order: search rows are keyed by
///   their place in `(updated_at, id)` order (SearchKey), so the newest matches come first and a page stops after a page of matches.
///   The walk is bounded (`walkBound` matches after the cursor); when the other terms are so selective that the
///   bounded walk does not fill the page, the page is read again by one of the plans below. Sorted by severity
///   or status, the list is each level's cases in update order: one walk per level; sorted by creation, the walk
///   stops once it is below the page's oldest creation time (a case is created before it is updated)
///   (`PortalStore.casePage`);
/// - few matches: from the FTS index, sorting the matches (no list index);
/// - a middling number: the matches are gathered once and the list index is walked in display order;
/// - very many: the list index is walked and each row tested against the FTS index, which stops after a page.
/// The last three are chosen from capped counts of matches (first capped at `fewMatches`, then `manyMatches`).
enum KeywordPlan: Equatable {
    case none
    case searchOrder
    /// The cases of a rare term with its own index (`drivenByTerm`) walked in update order, beside the keyword's
    /// matches walked in the same order (search keys): the two streams merged, no probe of the search index per case.
    case termWalk
    case fromSearchIndex
    case matchesGathered
    case testedPerRow

    static let fewMatches = 2_000
    static let manyMatches = 50_000
    /// Matches the search-order walk reads at most before giving up on filling the page that way.
    static let walkBound = 10_000

    /// `narrow`: the list is a customer's (or a few customers'): their cases are few next to a common word's
    /// matches, so they are walked rather than the matches.
    /// `backward`: the list read from its end. Sorted by creation, that has no search-order walk (an old case may have
    /// been updated last, so no update time bounds the oldest creations): one of the other plans reads it.
    /// `domainID`: the domain whose list it is, for the estimate of `drivenByTerm` (nil: none). `narrowCases`: for a
    /// list narrowed to a few customers, how many cases they have (counted up to `CustomerPlan.fewCases`).
    static func choose(_ db: Database, _ query: CaseQuery, sort: CaseSort, narrow: Bool, after cursor: CaseRow?,
                       backward: Bool = false, searchOrder: Bool = true, domainID: Int64? = nil, narrowCases: Int? = nil,
                       log: StatementLog? = nil) throws -> KeywordPlan {
        guard let match = FTS.positiveMatch(query) else { return .none }
        let walkable = !backward || sort != .created
        // The search index's order is update time's: sorted by whose turn, the matches are read another way.
        if searchOrder, !narrow, walkable, sort != .waiting, try keysOrdered(db, log: log) {
            return try drivenByTerm(db, query, match, domainID: domainID, sort: sort, log: log) ? .termWalk : .searchOrder
        }
        if try cappedCount(db, match, fewMatches, log: log) < fewMatches { return .fromSearchIndex }
        let m = try cappedCount(db, match, manyMatches, log: log)
        // A few customers' few cases each tested against the search index cost less than gathering many matches.
        let tested = narrowCases.map { $0 * probeToGather < m } ?? false
        // A count that reached its cap says only "at least": the merge may read many more match keys than the cap
        // (`mail customer:acme` at 10,000,000 cases, 497 cases against 1.8 million matches: 124 ms merged).
        if let cases = narrowCases, sort == .updated,
           try mergeCosts(db, cases: cases, matches: m < manyMatches ? m : Int.max, log: log) < Double(tested ? cases * probeToGather : m),
           try keysOrdered(db, log: log) {
            return .termWalk
        }
        if tested { return .testedPerRow }
        return m < manyMatches ? .matchesGathered : .testedPerRow
    }

    /// What merging the customers' case keys with the keyword's match keys (`termWalk`) costs, in matches gathered
    /// (about 1 µs each at 1,000,000 cases): `mail customer:acme` at 100,000 cases, 2,554 of Acme's cases against
    /// 18,118 matches, reads about 280 case keys and 2,000 match keys where gathering read all 18,118 (17 ms).
    static func mergeCosts(_ db: Database, cases q: Int, matches m: Int, limit: Int = 51, log: StatementLog?) throws -> Double {
        let n = max(1, try log.fetchInt(db, "SELECT coalesce(max(id), 0) FROM support_case", []) ?? 1)
        return mergeCost(cases: q, matches: m, all: n, limit: limit)
    }

    /// The merge's cost, as `drivenByTerm` counts it: `limit × n / m` of the `q` case keys (0.5 µs each) before a page
    /// of the keyword's matches is among them, and `limit × n / q` of the `m` match keys (0.25 µs each).
    static func mergeCost(cases q: Int, matches m: Int, all n: Int, limit: Int = 51) -> Double {
        0.5 * Double(min(q, limit * n / max(m, 1))) + 0.25 * Double(min(m, limit * n / max(q, 1)))
    }

    /// What testing one case against the search index costs, in matches gathered into a set (about 170 µs against
    /// 1 µs at 1,000,000 cases: `vault customer:acme`, one customer's 50 cases against 35,588 matches, 40.7 → 11.6 ms).
    static let probeToGather = 170

    /// How many of the named customers' cases a walk of their keys may sort (`TermStream`).
    static let customersCases = 20_000

    /// Whether walking the cases of a rare term and merging the keyword's matches in (`termWalk`) costs less than
    /// walking the matches newest first and testing the term on each (`searchOrder`). The term is one with an index of
    /// its own (`CaseListSQL.indexableEquality`: escalated, a status, a severity, open), or else a `customer:` term
    /// (its customers' cases, from `case_customer_updated`, sorted). Walking the matches, a share `q / n` of them is the
    /// domain's with the term (`q` its cases, `n` all cases), so a page takes about `W = limit × n / q` of them (at most
    /// `m`, the matches), each a case row joined and tested: about 7 µs on the reference machine. The merge reads the
    /// term's keys from its index (0.3-0.5 µs each: `limit × n / m` of them in update order, or all `q` when they are
    /// sorted first) and the same `W` matches' keys (0.25 µs each). The matches are counted up to a cap; a term with an
    /// index of its own is counted from the domain's tally (a few rows), the customers' cases up to `customersCases`.
    static func drivenByTerm(_ db: Database, _ query: CaseQuery, _ match: String, domainID: Int64?, sort: CaseSort,
                             limit: Int = 51, log: StatementLog?) throws -> Bool {
        guard let domainID, sort == .updated, let stream = TermStream(query) else { return false }
        let q: Int
        if !stream.sorted, let term = stream.term {
            // A term on the tally's columns: its cases in the domain summed from the domain's tally (schema v19),
            // however many. (Counted from its index up to 5,000, a domain's 23,316 escalated cases were taken to be
            // common, and `mail is:escalated` walked the matches: 23 ms p95 at 10,000,000 cases, merged now 7-10.)
            let (sql, values) = CaseTallySQL.everyCustomer(domainID, query: CaseQuery(terms: [term]), now: Date())
            q = try log.fetchInt(db, sql, values) ?? 0
        } else {
            let (keys, values) = stream.keys(domainID: domainID, customers: nil, after: nil, backward: false)
            q = try log.fetchInt(db, "SELECT COUNT(*) FROM (\(keys) LIMIT \(customersCases))", values) ?? 0
            guard q < customersCases else { return false }
        }
        let n = max(1, try log.fetchInt(db, "SELECT coalesce(max(id), 0) FROM support_case", []) ?? 1)
        // The matches are counted no further than ten walks' worth (a count reads a match in about a 70th of a walk's
        // time): a common term's walk is short, and counting all of a middling word's 36,000 matches to know it cost
        // more than the walk (`vault is:open` at 1,000,000 cases, 2.6 → 6.4 ms).
        let walk = limit * n / max(q, 1)
        let m = try cappedCount(db, match, min(manyMatches, 10 * walk + 1), log: log)
        let walkingMatches = Double(min(m, walk))
        // Sorted first, all `q` of the term's keys are read.
        let merge = stream.sorted ? 0.5 * Double(q) + 0.25 * walkingMatches : mergeCost(cases: q, matches: m, all: n, limit: limit)
        return merge < 7 * walkingMatches
    }

    /// The search keys of the domain's cases with the query's term (`TermStream`; none: every case), from an index
    /// alone, in update order after `cursor` (`backward`: from the oldest).
    static func termKeys(_ query: CaseQuery, domainID: Int64, customers: [Int64]?, after cursor: CaseRow?,
                         backward: Bool) -> (String, [DatabaseValue]) {
        (TermStream(query) ?? TermStream.everyCase).keys(domainID: domainID, customers: customers, after: cursor, backward: backward)
    }

    /// Whether every search row is keyed in update order (no case keyed `-id`, SearchKey).
    static func keysOrdered(_ db: Database, log: StatementLog?) throws -> Bool {
        let lowest = try log.fetchInt(db, "SELECT min(search_key) FROM support_case", [])
        return lowest.map { $0 > 0 } ?? true
    }

    static func cappedCount(_ db: Database, _ match: String, _ cap: Int, log: StatementLog?) throws -> Int {
        try log.fetchInt(db, "SELECT COUNT(*) FROM (SELECT 1 FROM case_search WHERE case_search MATCH ? LIMIT \(cap))",
                         [match.databaseValue]) ?? 0
    }

    /// Where a search-order walk stops: the key of its `walkBound`-th match, or nil when the matches end before it.
    /// Read once before the walk: a walk that does not fill its page was cut short by the bound (then the page needs
    /// another plan) exactly when there is such a key; else the matches simply ran out and the page is complete.
    static func walkStop(_ db: Database, _ query: CaseQuery, domainID: Int64, after cursor: CaseRow?, backward: Bool = false,
                         walkBound: Int = walkBound, now: Date, log: StatementLog?) throws -> Int64? {
        guard let match = FTS.positiveMatch(query) else { return nil }
        let (sql, values) = boundProbe(match, domainID: domainID, after: cursor, backward: backward, walkBound: walkBound,
                                       keys: SearchKey.range(of: query, now: now))
        return try log.fetchInt(db, sql, values).map(Int64.init)
    }

    /// The key of the `walkBound`-th match after the cursor (`backward`: before it, from the oldest) within `keys`, if
    /// there are that many.
    static func boundProbe(_ match: String, domainID: Int64, after cursor: CaseRow?, backward: Bool = false, walkBound: Int,
                           keys: SearchKey.Range = .all) -> (String, [DatabaseValue]) {
        let (sql, values) = matchKeys(match, domainID: domainID, after: cursor, backward: backward, keys: keys)
        return (sql + " LIMIT 1 OFFSET \(walkBound - 1)", values)
    }

    /// The matches' search keys after the cursor within `keys`, newest first (`backward`: before it, oldest first), as
    /// far as the domain's cases tell (`SearchKey.bounds`).
    static func matchKeys(_ match: String, domainID: Int64, after cursor: CaseRow?, backward: Bool,
                          keys: SearchKey.Range) -> (String, [DatabaseValue]) {
        let (bounds, boundValues) = SearchKey.bounds("rowid", domainID: domainID, after: cursor, backward: backward, keys: keys)
        let sql = (["SELECT rowid FROM case_search WHERE case_search MATCH ?"] + bounds).joined(separator: " AND ")
        return (sql + " ORDER BY rowid \(backward ? "ASC" : "DESC")", [match.databaseValue] + boundValues)
    }
}

extension SearchKey {
    /// The update times a query's `updated:` terms leave: `updated_at` in [lower, upper).
    struct Range: Equatable {
        var lower: Int64?
        var upper: Int64?
        static let all = Range()
    }

    static func range(of query: CaseQuery, now: Date) -> Range {
        var range = Range.all
        for term in query.terms where !term.negated {
            guard case .updated(let bound) = term.predicate else { continue }
            let (lower, upper) = bound.interval(now: now)
            if let lower { range.lower = max(range.lower ?? lower.millis, lower.millis) }
            if let upper { range.upper = min(range.upper ?? upper.millis, upper.millis) }
        }
        return range
    }

    /// Conditions on a search key (`column`) that keep, of the domain's cases, those after `cursor` in update order
    /// (`backward`: before it) and updated within `keys`. Each bound is the key of one of the domain's cases, found in
    /// its list index (`boundSQL`); other domains' keys are kept or not as it falls, and their cases are turned away by
    /// the domain. Keys in update order only (`KeywordPlan.keysOrdered`).
    static func bounds(_ column: String, domainID: Int64, after cursor: CaseRow?, backward: Bool,
                       keys: Range) -> (sql: [String], values: [DatabaseValue]) {
        var sql: [String] = []
        var values: [DatabaseValue] = []
        // No case at or after a time: every key is before it (Int64.max); none at or before: every key is after (0).
        let before = "coalesce(\(boundSQL(backward: false)), \(Int64.max))"
        if let cursor {
            sql.append(backward ? "\(column) > coalesce(\(boundSQL(backward: true)), 0)" : "\(column) < \(before)")
            values += [domainID.databaseValue, cursor.updatedAt.millis.databaseValue, cursor.id.databaseValue]
        }
        if let lower = keys.lower { sql.append("\(column) >= \(before)"); values += [domainID.databaseValue, lower.databaseValue, 0.databaseValue] }
        if let upper = keys.upper { sql.append("\(column) < \(before)"); values += [domainID.databaseValue, upper.databaseValue, 0.databaseValue] }
        return (sql, values)
    }
}

extension StatementArguments {
    /// Positional arguments without GRDB's generic initialiser, whose key path Swift builds at run time on every call
    /// (the library is not specialised across modules): a tenth of a keyword page's time.
    static func of(_ values: [DatabaseValue]) -> StatementArguments {
        StatementArguments(values.map { $0 as (any DatabaseValueConvertible)? })
    }
}

/// The statements a page read ran, in order: the benchmark replays them through SQLite's C API.
final class StatementLog {
    var statements: [(sql: String, values: [DatabaseValue])] = []
}

extension Optional where Wrapped == StatementLog {
    /// Runs a one-value query from a cached statement, noting it in the log.
    func fetchInt(_ db: Database, _ sql: String, _ values: [DatabaseValue]) throws -> Int? {
        self?.statements.append((sql, values))
        return try Int.fetchOne(db.cachedStatement(sql: sql), arguments: .of(values))
    }

    func fetchString(_ db: Database, _ sql: String, _ values: [DatabaseValue]) throws -> String? {
        self?.statements.append((sql, values))
        return try String.fetchOne(db.cachedStatement(sql: sql), arguments: .of(values))
    }

    func fetchInts(_ db: Database, _ sql: String, _ values: [DatabaseValue]) throws -> [Int64] {
        self?.statements.append((sql, values))
        return try Int64.fetchAll(db.cachedStatement(sql: sql), arguments: .of(values))
    }
}

/// How a positive `customer:` term is served. With 20,000 customers one customer's cases are about 1 in 7,000 of
/// a domain's list, so filtering the walk of the list reads all of it. The names are first resolved to the
/// customers the domain manages now (the only ones whose cases it sees, Rules.canSee), then:
/// - one customer, in update order: its own index (`case_customer_updated`), exactly as a customer's list;
/// - otherwise, up to `fewCustomers` with under `fewCases` cases between them: read through that index and sorted;
/// - otherwise the term filters the walk of the domain's list, where their cases are dense enough.
enum CustomerPlan {
    static let fewCustomers = 64
    static let fewCases = 2_000

    /// The customers to list instead of the whole domain, with the query left once their term is taken out;
    /// nil when the term (if any) stays a filter.
    static func choose(_ db: Database, _ query: CaseQuery, domainID: Int64, sort: CaseSort, log: StatementLog?) throws
        -> (customers: [Int64], rest: CaseQuery)? {
        guard let i = query.terms.firstIndex(where: { term in
            if case .customer = term.predicate { return !term.negated } else { return false }
        }), case .customer(let names) = query.terms[i].predicate else { return nil }
        let (managed, arguments) = CustomerNames.managed(names)
        let ids = try log.fetchInts(db, "\(managed) LIMIT \(fewCustomers + 1)",
                                    arguments.map(\.databaseValue) + [domainID.databaseValue])
        if ids.count > fewCustomers { return nil }
        if ids.count != 1 || sort != .updated {
            if try cases(db, of: ids, domainID: domainID, log: log) >= fewCases { return nil }
        }
        var rest = query
        rest.terms.remove(at: i)
        return (ids, rest)
    }

    /// A keyword on one customer's cases: every one of its cases' search rows holds the customer's primary domain (the
    /// `customer` column, SearchSource), so the domain joins the keywords as a phrase, and the search index's own
    /// intersection narrows a common word's matches to about the customer's cases, where each of them was tested
    /// against the word's matches (a probe of the index each: `mail customer:acme` at 1,000,000 cases, Acme's 50 cases
    /// against 200,000 matches). Only the domain's first label: what follows is shared by many (`example`, `com`: in the
    /// phrase, a rare word beside `customer:acme` read `example`'s list of every case, 0.9 → 3.1 ms at 10,000,000).
    /// Rows of other customers holding the same words are outside the list's scope.
    static func withCustomerWords(_ db: Database, _ customers: [Int64], _ query: CaseQuery, log: StatementLog?) throws -> CaseQuery {
        guard customers.count == 1, FTS.positiveMatch(query) != nil,
              let domain = try log.fetchString(db, "SELECT primary_domain FROM customer WHERE id = ?", [customers[0].databaseValue]),
              let label = domain.split(separator: ".").first, label.contains(where: { $0.isLetter || $0.isNumber }) else { return query }
        var narrowed = query
        narrowed.terms.append(FilterTerm(.keyword(.phrase(String(label)))))
        return narrowed
    }

    /// How many cases these customers have in the domain, counted up to `fewCases`.
    static func cases(_ db: Database, of ids: [Int64], domainID: Int64, log: StatementLog?) throws -> Int {
        try log.fetchInt(db, """
            SELECT COUNT(*) FROM (SELECT 1 FROM support_case INDEXED BY case_customer_updated
              WHERE customer_id IN (\(CaseListSQL.placeholders(ids.count))) AND domain_id = ? LIMIT \(fewCases))
            """, ids.map(\.databaseValue) + [domainID.databaseValue]) ?? 0
    }
}

/// Turns a scope, a filter and a sort into one keyset-paged SELECT that an index serves in order.
struct CaseListSQL {
    var sql: String
    var values: [DatabaseValue]
    var arguments: StatementArguments { .of(values) }

    /// One domain's cases (or those of some of its customers: one, a customer's list, or a few, CustomerPlan),
    /// visible to that domain, after `cursor` in `sort` order.
    /// `backward`: the same list read from its other end: the order reversed and the keyset comparisons flipped, so
    /// the rows come back last first, those before `cursor` (nil: from the last row). The same index serves it,
    /// walked the other way. (Sorted by creation, a search-order walk is forward only: KeywordPlan.choose.)
    /// `stopKey`: a search-order walk stops at this key, which `KeywordPlan.walkStop` probed before it (nil: at the end
    /// of the matches, for counts and for walks with fewer matches than the bound).
    /// `reader`: the user whose unread cases `is:unread` means, and the response targets `is:breached` holds cases to; `unreadDrives`: their few unread cases are the ones read
    /// (UnreadSQL.drives), sorted, instead of a walk of the list index.
    init(domainID: Int64, customers: [Int64]?, query: CaseQuery, sort: CaseSort, after cursor: CaseRow?, backward: Bool = false,
         limit: Int, now: Date, reader: ListReader, unreadDrives: Bool = false, keywords: KeywordPlan = .matchesGathered,
         stopKey: Int64? = nil, only ids: [Int64]? = nil) {
        if keywords == .searchOrder, !unreadDrives, sort == .updated || sort == .created && !backward, let match = FTS.positiveMatch(query) {
            self.init(searchOrder: match, domainID: domainID, customers: customers, query: query, sort: sort, after: cursor,
                      backward: backward, limit: limit, now: now, reader: reader, stopKey: stopKey)
        } else {
            self.init(listIndex: domainID, customers: customers, query: query, sort: sort, after: cursor, backward: backward, limit: limit,
                      now: now, reader: reader, unreadDrives: unreadDrives, keywords: unreadDrives ? .testedPerRow : keywords, only: ids)
        }
    }

    /// Walks the list index that serves `sort` (or, for `.fromSearchIndex`, sorts the few matches; for a few
    /// customers, sorts their few cases; for `ids`, those cases, found by id and tested).
    private init(listIndex domainID: Int64, customers: [Int64]?, query: CaseQuery, sort: CaseSort, after cursor: CaseRow?,
                 backward: Bool, limit: Int, now: Date, reader: ListReader, unreadDrives: Bool, keywords: KeywordPlan, only ids: [Int64]?) {
        var whereSQL: [String] = []
        var args: [any DatabaseValueConvertible] = []
        // Driven from the search index, the reader's unread rows or given cases, the scope must not offer an index of its
        // own (unary +).
        let driven = keywords == .fromSearchIndex || unreadDrives || ids != nil
        if let ids {
            whereSQL.append("c.id IN (\(Self.placeholders(ids.count)))")
            args += ids
        }
        Self.appendScope(domainID, customers, plus: driven ? "+" : "", to: &whereSQL, &args)
        whereSQL.append(Self.visible)

        // A single positive status or severity term uses its index; `is:open` uses the partial index
        // (which only applies when its condition appears literally, StatusSQL). Other terms filter during the walk,
        // with unary + so SQLite keeps the index that matches the sort.
        let sortColumnEquality = Self.indexableEquality(query, sort: sort)
        if let match = FTS.positiveMatch(query) {
            whereSQL.append(keywords == .testedPerRow
                ? "EXISTS (SELECT 1 FROM case_search WHERE case_search MATCH ? AND rowid = c.search_key)"
                : "c.search_key IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)")
            args.append(match)
        }
        Self.appendTerms(query, now: now, reader: reader, indexable: driven ? nil : sortColumnEquality, unreadDrives: unreadDrives,
                         to: &whereSQL, &args)

        // Backward, every direction flips: DESC and ASC, < and >, >= and <=.
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
            // Every key ascending: the side's rank, then the longest waiting (the oldest clock) first.
            let rank = WaitingSQL.rank("c.status")
            order = "\(rank)\(asc), c.waiting_since\(asc), c.id\(asc)"
            if let cursor {
                let key = cursor.waitingOn.rank
                whereSQL.append("\(rank) \(above)= ? AND (\(rank) \(above) ? OR (c.waiting_since, c.id) \(above) (?, ?))")
                args += [key, key, cursor.waitingSince.millis, cursor.id]
            }
        }
        // Name the index that serves this order, so the plan never depends on table statistics; a search
        // driven from the FTS index sorts its few matches instead.
        let index = driven ? nil : Self.index(customers: customers?.count, sort: sort, equality: sortColumnEquality?.predicate)
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

    /// Driven by the search index in key order (KeywordPlan.searchOrder): `ORDER BY s.rowid DESC` is the list's
    /// `updated_at DESC, id DESC` (SearchKey), each match is joined to its case by its key, and the scope, visibility
    /// and other terms filter the walk. Keyset: `(updated_at, id) < cursor` is `rowid <` the key of the domain's first
    /// case at or after the cursor (`SearchKey.bounds`).
    /// Sorted by creation (`.created`), the walk is the same from the top, the cursor a filter on creation; the
    /// caller stops reading once no case left can enter the page.
    /// Backward (sorted by update time only), the walk starts from the oldest match: `ORDER BY s.rowid`, `rowid > key(cursor)`.
    private init(searchOrder match: String, domainID: Int64, customers: [Int64]?, query: CaseQuery, sort: CaseSort,
                 after cursor: CaseRow?, backward: Bool, limit: Int, now: Date, reader: ListReader, stopKey: Int64?) {
        var whereSQL = ["case_search MATCH ?"]
        var args: [any DatabaseValueConvertible] = [match]
        let keyCursor = sort == .updated ? cursor : nil
        // The cursor and an `updated:` term bound the keys: the walk stops where no later match can be in the page.
        let (bounds, boundValues) = SearchKey.bounds("s.rowid", domainID: domainID, after: keyCursor, backward: backward,
                                                     keys: SearchKey.range(of: query, now: now))
        whereSQL += bounds
        args += boundValues
        if keyCursor == nil, let cursor {
            whereSQL.append("(+c.created_at, c.id) < (?, ?)"); args += [cursor.createdAt.millis, cursor.id]
        }
        if let stopKey { whereSQL.append(backward ? "s.rowid <= ?" : "s.rowid >= ?"); args.append(stopKey) }
        if customers == nil {
            // Most matches are other domains' cases: the key finds the case in the domain's list index (small and
            // mostly cached), which turns them away before their row is read.
            whereSQL.append("""
                EXISTS (SELECT 1 FROM support_case x INDEXED BY case_search_key WHERE x.search_key = s.rowid AND x.domain_id = ?)
                """)
            args.append(domainID)
        }
        Self.appendScope(domainID, customers, plus: "+", to: &whereSQL, &args)
        whereSQL.append(Self.visible)
        Self.appendTerms(query, now: now, reader: reader, indexable: nil, to: &whereSQL, &args)
        sql = """
            SELECT \(Map.caseRowColumns) FROM case_search s
            CROSS JOIN support_case c INDEXED BY case_search_key ON c.search_key = s.rowid
            JOIN customer cu ON cu.id = c.customer_id
            JOIN domain d ON d.id = c.domain_id
            WHERE \(whereSQL.joined(separator: "\n  AND "))
            ORDER BY s.rowid\(backward ? "" : " DESC")
            LIMIT \(limit)
            """
        values = args.map { $0.databaseValue }
    }

    /// Visibility (Rules.canSee): only while the domain manages the customer.
    static let visible = """
        EXISTS (SELECT 1 FROM customer_access a WHERE a.customer_id = c.customer_id
                AND a.domain_id = c.domain_id AND a.until IS NULL)
        """

    static func appendScope(_ domainID: Int64, _ customers: [Int64]?, plus: String, to whereSQL: inout [String],
                            _ args: inout [any DatabaseValueConvertible]) {
        if let customers {
            let customer = customers.count == 1 ? "\(plus)c.customer_id = ?" : "\(plus)c.customer_id IN (\(placeholders(customers.count)))"
            whereSQL.append("\(customer) AND \(plus)c.domain_id = ?"); args += customers + [domainID]
        } else {
            whereSQL.append("\(plus)c.domain_id = ?"); args.append(domainID)
        }
    }

    /// Every term but the positive keywords (which the plan places). `unreadDrives`: a positive `is:unread` is the
    /// set the read starts from rather than a test of each row.
    static func appendTerms(_ query: CaseQuery, now: Date, reader: ListReader, indexable: FilterTerm?, unreadDrives: Bool = false,
                            to whereSQL: inout [String], _ args: inout [any DatabaseValueConvertible]) {
        for term in query.terms {
            if case .keyword = term.predicate, !term.negated { continue }
            if unreadDrives, term.predicate == .isUnread, !term.negated {
                whereSQL.append(UnreadSQL.drive); args.append(reader.userID)
                continue
            }
            let (clause, termArgs) = clause(for: term.predicate, now: now, reader: reader, indexable: indexable.map { $0 == term } ?? false)
            whereSQL.append(term.negated ? "NOT (\(clause))" : clause)
            args += termArgs
        }
    }

    /// `customers`: how many customers the list is limited to (nil: the whole domain).
    static func index(customers: Int?, sort: CaseSort, equality: FilterPredicate?) -> String? {
        if let customers { return sort == .updated || customers != 1 ? "case_customer_updated" : nil }
        switch (sort, equality) {
        case (.updated, .isOpen?): return "case_domain_open"
        case (.updated, .isEscalated?): return "case_domain_escalated"
        case (.updated, .status(let s)?) where s.count > 1: return "case_waiting_on_support"
        case (.updated, .status?): return "case_domain_status"
        case (.updated, .severity?): return "case_domain_severity"
        case (.updated, _): return "case_domain_updated"
        case (.created, _): return "case_domain_created"
        case (.severity, _): return "case_domain_severity"
        case (.status, _): return "case_domain_status"
        case (.waiting, _): return "case_domain_waiting"
        }
    }

    /// The term that can be served by the sort's own index column, if any.
    static func indexableEquality(_ query: CaseQuery, sort: CaseSort) -> FilterTerm? {
        // Escalated cases are the fewest (under 1 %): their index first, whatever else is asked.
        if sort == .updated, let escalated = query.terms.first(where: { $0.predicate == .isEscalated && !$0.negated }) { return escalated }
        return query.terms.first { term in
            guard !term.negated else { return false }
            switch term.predicate {
            case .isOpen: return sort == .updated
            case .status(let s): return s.count == 1 && (sort == .updated || sort == .status) || (sort == .updated && isWaitingOnSupport(s))
            case .severity(let s): return s.count == 1 && (sort == .updated || sort == .severity)
            default: return false
            }
        }
    }

    static func clause(for predicate: FilterPredicate, now: Date, reader: ListReader, indexable: Bool) -> (String, [any DatabaseValueConvertible]) {
        let plus = indexable ? "" : "+"
        switch predicate {
        case .keyword(let k):
            return ("c.search_key IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)", [FTS.expression(k)])
        case .isOpen:
            return ("\(plus)c.\(StatusSQL.open)", [])
        case .isClosed:
            return ("+c.\(StatusSQL.closed)", [])
        case .isEscalated:
            return ("c.escalated = 1", [])
        case .isUnread:
            return (UnreadSQL.test, [reader.userID])
        case .isBreached:
            let (sql, args) = WaitingSQL.breached(tier: "(SELECT cu3.tier FROM customer cu3 WHERE cu3.id = c.customer_id)",
                                                  status: "+c.status", placeholder: "?", targets: reader.targets, now: now)
            return (sql, args)
        case .waiting(let sides):
            let codes = sides.flatMap(\.statuses).map(\.code)
            return ("+c.status IN (\(placeholders(codes.count)))", codes)
        case .waitingFor(let bound):
            let (time, args) = timeClause("c.waiting_since", bound, now)
            return ("+c.\(StatusSQL.open) AND \(time)", args)
        case .status(let list) where indexable && isWaitingOnSupport(list):
            return ("c.status < \(CaseStatus.waitingOnSupport.count)", [])  // the partial index's own condition
        case .status(let list):
            return ("\(plus)c.status IN (\(placeholders(list.count)))", list.map(\.code))
        case .severity(let list):
            return ("\(plus)c.severity IN (\(placeholders(list.count)))", list.map(\.level))
        case .customer(let names):
            let (ids, args) = CustomerNames.ids(names)
            return ("c.customer_id IN (\(ids))", args)
        case .domain(let names):
            return ("c.domain_id IN (SELECT id FROM domain WHERE name IN (\(placeholders(names.count))) COLLATE NOCASE)", names)
        case .updated(let bound):
            return timeClause("c.updated_at", bound, now)
        case .created(let bound):
            return timeClause("c.created_at", bound, now)
        }
    }

    /// The statuses of a case waiting on support (the Support queue's), which have their own index.
    static func isWaitingOnSupport(_ list: [CaseStatus]) -> Bool {
        Set(list) == Set(CaseStatus.waitingOnSupport) && CaseStatus.waitingOnSupport.allSatisfy { $0.code < CaseStatus.waitingOnSupport.count }
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
package enum FTS {
    /// The long prefixes of the query being read, as ORs of the words they stand for (SearchVocabulary), set around a
    /// read by `withExpansions`: every MATCH text of that read (plans, probes, counts) then says the same thing.
    @TaskLocal static var expansions: [String: String] = [:]

    /// Runs `read` with the query's long prefixes expanded.
    static func withExpansions<T>(_ db: Database, _ query: CaseQuery, _ read: () throws -> T) throws -> T {
        let expansions = try SearchVocabulary.expansions(db, query)
        return try expansions.isEmpty ? read() : $expansions.withValue(expansions, operation: read)
    }

    /// A string for FTS5, its quotes doubled (in the standard library: Foundation's replacing costs microseconds a page).
    static func quoted(_ s: String) -> String {
        "\"" + s.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// Every positive keyword ANDed into one MATCH expression, or nil when there is none.
    package static func positiveMatch(_ query: CaseQuery) -> String? {
        let words = query.terms.compactMap { term -> String? in
            guard !term.negated, case .keyword(let k) = term.predicate else { return nil }
            return expression(k)
        }
        return words.isEmpty ? nil : words.joined(separator: " AND ")
    }

    /// Whether a word is a number, which matches as a prefix: `4617` finds case 46171234 (numbers are whole words).
    static func isNumberPrefix(_ w: String) -> Bool {
        w.count >= CaseQuery.minPrefixLength && w.allSatisfy({ $0.isASCII && $0.isNumber })
    }

    static func expression(_ k: Keyword) -> String {
        switch k {
        case .word(let w) where isNumberPrefix(w): expansions[w] ?? quoted(w) + "*"
        case .word(let w): quoted(w)
        case .phrase(let p): quoted(p)
        case .prefix(let p): expansions[p] ?? quoted(p) + "*"
        }
    }
}

/// The cases `termWalk` merges with a keyword's matches: those of a term with an index of its own, in that index's
/// update order; or those of the customers a `customer:` term names (in the domain, now), sorted by update time.
struct TermStream {
    let term: FilterTerm?
    /// The keys are sorted after they are read (a customer term: several customers' ranges of their index).
    let sorted: Bool

    static let everyCase = TermStream(term: nil, sorted: false)
    private init(term: FilterTerm?, sorted: Bool) { self.term = term; self.sorted = sorted }

    init?(_ query: CaseQuery) {
        if let term = CaseListSQL.indexableEquality(query, sort: .updated) {
            self.init(term: term, sorted: false)
        } else if let term = query.terms.first(where: { if case .customer = $0.predicate { !$0.negated } else { false } }) {
            self.init(term: term, sorted: true)
        } else {
            return nil
        }
    }

    func keys(domainID: Int64, customers: [Int64]?, after cursor: CaseRow?, backward: Bool) -> (String, [DatabaseValue]) {
        var whereSQL: [String] = []
        var args: [any DatabaseValueConvertible] = []
        var index = CaseListSQL.index(customers: customers?.count, sort: .updated, equality: nil) ?? "case_domain_updated"
        switch term?.predicate {
        case .customer(let names)? where customers == nil:
            // The customers the term names among the domain's now; their cases come in several ranges, sorted after.
            let (managed, managedArgs) = CustomerNames.managed(names)
            whereSQL.append("c.customer_id IN (\(managed))")
            args += managedArgs
            args.append(domainID)
            whereSQL.append("c.domain_id = ?")
            args.append(domainID)
            index = "case_customer_updated"
        case .customer?, nil:
            // Already narrowed to the customers (the scope says which), or every case of the domain.
            CaseListSQL.appendScope(domainID, customers, plus: "", to: &whereSQL, &args)
        case let predicate?:
            CaseListSQL.appendScope(domainID, customers, plus: "", to: &whereSQL, &args)
            let (clause, termArgs) = CaseListSQL.clause(for: predicate, now: Date(), reader: ListReader(userID: 0), indexable: true)
            whereSQL.append(clause)
            args += termArgs
            index = CaseListSQL.index(customers: customers?.count, sort: .updated, equality: predicate) ?? index
        }
        let (desc, below) = backward ? ("", ">") : (" DESC", "<")
        if let cursor {
            whereSQL.append("(c.updated_at, c.id) \(below) (?, ?)")
            args += [cursor.updatedAt.millis, cursor.id]
        }
        let sql = """
            SELECT c.search_key, c.id FROM support_case c INDEXED BY \(index)
            WHERE \(whereSQL.joined(separator: " AND "))
            ORDER BY c.updated_at\(desc), c.id\(desc)
            """
        return (sql, args.map(\.databaseValue))
    }
}
