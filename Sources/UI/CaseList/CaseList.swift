import Domain

/// A virtual case list: only the pages loaded so far are kept, fetched by keyset (`after` the last row).
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

    var kind: Kind
    var sort: CaseSort = .updated
    var filter = CaseFilter()
    var rows: [CaseRow] = []
    var hasMore = false
    var cursor = ListCursor()
    var phase = Loadable.unloaded
    /// The next page in flight, if any.
    var pageRequest: Int?
    /// The last finished count for the current query.
    var count: Count?
    var counting: Counting?
    var freshness: Freshness = .fresh

    init(kind: Kind) { self.kind = kind }

    var selected: CaseRow? { rows.indices.contains(cursor.index) ? rows[cursor.index] : nil }

    var title: String {
        switch kind {
        case .myCases: Root.myCases.title
        case .customer(let c): "\(c.name) · cases"
        case .allDomains: Root.allDomains.title
        }
    }

    // MARK: Loading

    /// Loads the first `limit` rows again with the current query and sort; the cursor stays on
    /// the same case if it comes back. `recount` also asks for a new total.
    mutating func reload(from source: CaseSource, limit: Int, recount: Bool, requests: inout Requests, as requester: Requester) -> [Effect] {
        requests.forget(phase.request)
        requests.forget(pageRequest)
        let id = requests.issue(for: requester)
        phase = .loading(request: id)
        pageRequest = nil
        freshness = .fresh
        var effects = [load(from: source, request: id, after: nil, limit: limit)]
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

    /// Asks for the next page once the cursor is within a screen of the end of what is loaded.
    mutating func loadMoreIfNeeded(from source: CaseSource, viewport: Int, limit: Int, requests: inout Requests, as requester: Requester) -> [Effect] {
        guard hasMore, phase == .ready, pageRequest == nil, let last = rows.last,
              cursor.index >= rows.count - viewport else { return [] }
        let id = requests.issue(for: requester)
        pageRequest = id
        return [load(from: source, request: id, after: last, limit: limit)]
    }

    private func load(from source: CaseSource, request: Int, after: CaseRow?, limit: Int) -> Effect {
        switch source {
        case .session(let part):
            .loadCases(request: request, session: part.session, scope: part.scope, query: filter.query,
                       sort: sort, after: after, limit: limit)
        case .merged(let parts):
            .loadMergedCases(request: request, sessions: parts.map(\.session), query: filter.query,
                             sort: sort, after: after, limit: limit)
        }
    }

    // MARK: Answers

    mutating func receive(_ reply: Reply, request: Int, viewport: Int) -> Receipt {
        switch reply {
        case .cases(let page) where phase.request == request:
            replaceRows(with: page, viewport: viewport)
            return .taken
        case .cases(let page) where pageRequest == request:
            let known = Set(rows.map(\.id))  // a row may move between pages if another process wrote
            rows += page.rows.filter { !known.contains($0.id) }
            hasMore = page.hasMore
            pageRequest = nil
            return .taken
        case .counted(let total, let capped):
            guard var c = counting, c.pending.remove(request) != nil else { return .stale }
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
        rows = page.rows
        hasMore = page.hasMore
        phase = .ready
        if let selectedID, let i = rows.firstIndex(where: { $0.id == selectedID }) {
            cursor.index = i
        }
        cursor.clamp(count: rows.count, viewport: viewport)
    }
}
