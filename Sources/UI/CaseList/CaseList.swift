import Domain

/// A virtual case list: only the pages loaded so far are kept, fetched by keyset (`after` the last row). `G` reads
/// the last page instead (a reverse keyset read from the list's end), and from there the pages `before` the first row.
struct CaseList: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case myCases
        /// One customer's cases, opened from My Customers.
        case customer(Customer)
        /// The unified inbox of every signed-in domain.
        case allDomains
    }

    struct Count: Equatable, Sendable {
        var total: Int
        /// The total reached the cap: show "10,000+".
        var capped: Bool
    }

    /// Counts in flight, one per session for All domains, summed as they arrive.
    struct Counting: Equatable, Sendable {
        var pending: Set<Int>
        var sum = Count(total: 0, capped: false)
    }

    static let countCap = 10_000
    /// What the first list is called for the tab's account: My Cases, the Support queue, Our cases.
    var homeTitle = Root.myCases.title

    /// An end of the list: where a load reads from, and where `g` and `G` go.
    enum End: Equatable, Sendable { case first, last }

    var kind: Kind
    var sort: CaseSort = .updated
    /// The order reversed (`I`): the store's list read from its other end, each page turned over, so every plan
    /// and index serves it unchanged.
    var reversed = false
    var filter = CaseFilter()
    /// A window of the list: from its first row on, or (after `G`) up to its last row.
    var rows: [CaseRow] = []
    /// More rows follow the last one loaded.
    var hasMore = false
    /// More rows precede the first one loaded: the rows were read from the list's end.
    var hasBefore = false
    var cursor = ListCursor()
    var phase = Loadable.unloaded
    /// The end the load in `phase` reads from, and whether the cursor goes to that end's row when it comes (`g`, `G`).
    var loadingFrom = End.first
    var landing = false
    /// The next page in flight, if any: after the last row, or before the first (`pageBefore`).
    var pageRequest: Int?
    var pageBefore = false
    /// The last finished count for the current query.
    var count: Count?
    var counting: Counting?
    var freshness: Freshness = .fresh
    /// The marked cases, in the order they were marked; kept while the list reloads (the refused ones of a bulk
    /// change stay marked), cleared by Esc.
    var marks: [CaseRef] = []
    /// The preview pane's case (from 160 columns).
    var preview = CasePreview()
    /// Each saved view's count for this list (by name), those in flight, and whether they were asked since the data
    /// last changed.
    var viewCounts: [String: Count] = [:]
    var viewCounting: [String: Counting] = [:]
    var viewsCounted = false

    init(kind: Kind) { self.kind = kind }

    var selected: CaseRow? { rows.indices.contains(cursor.index) ? rows[cursor.index] : nil }

    /// The list position (from 0) of the first loaded row, when it is known: 0 when nothing precedes it; read from the
    /// end, the total less the rows loaded (when the total is exact).
    var firstPosition: Int? {
        guard hasBefore else { return 0 }
        guard let count, !count.capped, !hasMore else { return nil }
        return max(0, count.total - rows.count)
    }

    /// Whether the rows loaded reach this end of the list.
    func reaches(_ end: End) -> Bool { end == .first ? !hasBefore : !hasMore }

    var title: String {
        switch kind {
        case .myCases: homeTitle
        case .customer(let c): "\(c.name) · cases"
        case .allDomains: Root.allDomains.title
        }
    }

    // MARK: Loading

    /// Loads the first `limit` rows again with the current query and sort (`end` `.last`: the last `limit` rows); the
    /// cursor stays on the same case if it comes back, or with `landing` goes to that end's row. `recount` also asks
    /// for a new total.
    mutating func reload(from source: CaseSource, end: End = .first, landing: Bool = false, limit: Int, recount: Bool,
                         requests: inout Requests, as requester: Requester) -> [Effect] {
        requests.forget(phase.request)
        requests.forget(pageRequest)
        let id = requests.issue(for: requester)
        phase = .loading(request: id)
        loadingFrom = end
        self.landing = landing
        pageRequest = nil
        freshness = .fresh
        var effects = [load(from: source, request: id, page: end == .first ? .first : .last, limit: limit)]
        if recount {
            counting?.pending.forEach { requests.forget($0) }
            var pending = Set<Int>()
            for part in source.parts {
                let countID = requests.issue(for: requester)
                pending.insert(countID)
                effects.append(.countCases(request: countID, session: part.session, scope: part.scope,
                                           query: filter.query, cap: Self.countCap))
            }
            counting = Counting(pending: pending)
        }
        return effects
    }

    /// Asks for the next page once the screen after one more page down would pass the end of what is loaded (or the
    /// cursor is within a screen of it), so a page key never shows rows still being read, over a server either; read
    /// from the list's end, for the page before once one more page up would pass the start.
    mutating func loadMoreIfNeeded(from source: CaseSource, viewport: Int, limit: Int, requests: inout Requests, as requester: Requester) -> [Effect] {
        guard phase == .ready, pageRequest == nil else { return [] }
        let page: PageAnchor
        if hasMore, let last = rows.last, cursor.index >= rows.count - viewport || cursor.top + 2 * viewport > rows.count {
            page = .after(last)
        } else if hasBefore, let first = rows.first, cursor.index < viewport || cursor.top < viewport {
            page = .before(first)
        } else {
            return []
        }
        let id = requests.issue(for: requester)
        pageRequest = id
        pageBefore = page.isBackward
        return [load(from: source, request: id, page: page, limit: limit)]
    }

    private func load(from source: CaseSource, request: Int, page shown: PageAnchor, limit: Int) -> Effect {
        // Reversed, the rows after a row on screen are the store's rows before it.
        let page: PageAnchor = switch (reversed, shown) {
        case (false, _): shown
        case (true, .after(let row)): .before(row)
        case (true, .before(let row)): .after(row)
        }
        return switch source {
        case .session(let part):
            .loadCases(request: request, session: part.session, scope: part.scope, query: filter.query,
                       sort: sort, page: page, limit: limit)
        case .merged(let parts):
            .loadMergedCases(request: request, sessions: parts.map(\.session), query: filter.query,
                             sort: sort, page: page, limit: limit)
        }
    }

    // MARK: Answers

    /// Whether every row the screen shows is loaded (or there is none left to load after them). Rows before the
    /// first loaded one never show: the cursor stops at the first.
    func showsLoadedRows(viewport: Int) -> Bool {
        !hasMore || cursor.top + viewport <= rows.count
    }

    mutating func receive(_ reply: Reply, request: Int, viewport: Int) -> Receipt {
        if receivePreview(reply, request: request) { return .taken }
        var reply = reply
        if reversed, case .cases(let page) = reply { reply = .cases(CasePage(rows: page.rows.reversed(), hasMore: page.hasMore)) }
        switch reply {
        case .cases(let page) where phase.request == request:
            replaceRows(with: page, viewport: viewport)
            return .taken
        case .cases(let page) where pageRequest == request:
            let known = Set(rows.map(\.id))  // a row may move between pages if another process wrote
            let new = page.rows.filter { !known.contains($0.id) }
            if pageBefore {
                // Rows above: the cursor and the screen stay on the same cases.
                rows.insert(contentsOf: new, at: 0)
                cursor.index += new.count
                cursor.top += new.count
                hasBefore = page.hasMore
            } else {
                rows += new
                hasMore = page.hasMore
            }
            pageRequest = nil
            return .taken
        case .counted(let total, let capped):
            guard var c = counting, c.pending.remove(request) != nil else {
                return receiveViewCount(total, capped: capped, request: request) ? .taken : .stale
            }
            c.sum.total += total
            c.sum.capped = c.sum.capped || capped
            if c.pending.isEmpty { count = c.sum; counting = nil } else { counting = c }
            return .taken
        case .failed(let message) where phase.request == request:
            phase = .failed(message)
            return .failed(what: "the cases", message: message)
        case .failed(let message) where pageRequest == request:
            pageRequest = nil
            return .failed(what: "more cases", message: message)
        case .failed where counting?.pending.contains(request) == true:
            counting = nil  // the list works without a total
            return .taken
        default:
            return .stale
        }
    }

    private mutating func replaceRows(with page: CasePage, viewport: Int) {
        let selectedID = selected?.id
        let old = (count: rows.count, cursor: cursor)
        rows = page.rows
        phase = .ready
        switch loadingFrom {
        case .first: (hasMore, hasBefore) = (page.hasMore, false)
        case .last: (hasMore, hasBefore) = (false, page.hasMore)
        }
        if landing {
            cursor = ListCursor(index: loadingFrom == .first ? 0 : rows.count - 1, top: loadingFrom == .first ? 0 : rows.count)
        } else if let selectedID, let i = rows.firstIndex(where: { $0.id == selectedID }) {
            // Read from the end, the case's index moves with the rows above it: the screen moves with it.
            if loadingFrom == .last { cursor.top += i - cursor.index }
            cursor.index = i
        } else if loadingFrom == .last {
            // Read from the end, the same distance from the end.
            cursor = ListCursor(index: rows.count - (old.count - old.cursor.index), top: rows.count - (old.count - old.cursor.top))
        }
        landing = false
        cursor.clamp(count: rows.count, viewport: viewport)
    }
}
