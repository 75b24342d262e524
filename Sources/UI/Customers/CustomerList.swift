import Domain
import ScreenKit

/// My Customers of one domain, a page at a time: the rows read so far in name order, more read by keyset as the
/// cursor nears their end, narrowed by the store as you type after `/` (a domain may manage thousands).
struct CustomerList: Equatable, Sendable {
    /// The rows read so far, each matching `search` as it was when they were read.
    private(set) var rows: [CustomerRow] = [] {
        didSet { widest = ColumnFit.widest(rows, [\.customer.name, \.customer.primaryDomain]) }
    }
    /// More matching customers follow the last row read.
    private(set) var hasMore = false
    /// How many of the domain's customers match, from the last page read.
    private(set) var total = 0
    var cursor = ListCursor()
    /// The first page's load (the list is read again from its start: a search, a refresh).
    var phase = Loadable.unloaded
    /// The next page in flight, if any.
    private(set) var pageRequest: Int?
    /// `G` was pressed before the last rows were read: each page that comes puts the cursor on its last row and the
    /// next is read, until the list's end.
    private var landing = false
    var freshness: Freshness = .fresh
    /// The words typed after `/`; every one must be found in a customer's name, primary domain, tier or access.
    var search = TextField()
    /// The search field has the keys (between `/` and Enter or Esc).
    var searching = false
    /// The widest name and primary domain among `rows`, for the columns.
    private(set) var widest = [0, 0]

    var selected: CustomerRow? { rows.indices.contains(cursor.index) ? rows[cursor.index] : nil }

    /// A key while the search has them: Enter keeps the search and gives the keys back, Esc clears it, the rest edit.
    /// A changed search reads the list again from its start.
    mutating func searchKey(_ key: Key, session: Int, limit: Int, keys: Keymap, requests: inout Requests, as requester: Requester) -> [Effect] {
        switch Keymap.binding(for: key, in: keys.filterBar)?.command {
        case .submit?:
            searching = false
            return []
        case .cancel?:
            searching = false
            guard !search.isEmpty else { return [] }
            search = TextField()
        default:
            guard search.handle(key, keys) == .changed else { return [] }
        }
        cursor = ListCursor()
        return reload(session: session, limit: limit, requests: &requests, as: requester)
    }

    /// The first page again, at least down to the cursor's screen so a refresh keeps it on the same customer.
    mutating func reload(session: Int, limit: Int, requests: inout Requests, as requester: Requester) -> [Effect] {
        requests.forget(phase.request)
        requests.forget(pageRequest)
        pageRequest = nil
        landing = false
        let id = requests.issue(for: requester)
        phase = .loading(request: id)
        freshness = .fresh
        return [.loadCustomerPage(request: id, session: session, search: CustomerSearch(search.text), after: nil, limit: cursor.top + limit)]
    }

    /// The next page, when the cursor is within a screen of the last row read (on its way to the end after `G`, the
    /// largest page a read may ask for).
    mutating func loadMoreIfNeeded(session: Int, viewport: Int, limit: Int, requests: inout Requests, as requester: Requester) -> [Effect] {
        guard phase == .ready, pageRequest == nil, hasMore, let last = rows.last, cursor.index >= rows.count - viewport else {
            if !hasMore { landing = false }
            return []
        }
        let size = landing ? min(Limits.pageRows.upperBound, max(limit, total - rows.count)) : limit
        return readAfter(last, session: session, limit: size, requests: &requests, as: requester)
    }

    /// The cursor moved by a key or a click: a `G` on its way stops there.
    mutating func move(_ movement: ListCursor.Movement, viewport: Int) {
        landing = false
        cursor.move(movement, count: rows.count, viewport: viewport)
    }

    mutating func select(_ index: Int, viewport: Int) {
        landing = false
        cursor.index = index
        cursor.clamp(count: rows.count, viewport: viewport)
    }

    /// `G`: the last row; when more follow those read, the cursor goes on to the list's end as they come.
    mutating func jumpToEnd(session: Int, viewport: Int, limit: Int, requests: inout Requests, as requester: Requester) -> [Effect] {
        cursor.move(.bottom, count: rows.count, viewport: viewport)
        guard phase == .ready, hasMore else { return [] }
        landing = true
        guard pageRequest == nil else { return [] }  // the page on its way lands, and the rest follows it
        return loadMoreIfNeeded(session: session, viewport: viewport, limit: limit, requests: &requests, as: requester)
    }

    private mutating func readAfter(_ last: CustomerRow, session: Int, limit: Int, requests: inout Requests, as requester: Requester) -> [Effect] {
        let id = requests.issue(for: requester)
        pageRequest = id
        return [.loadCustomerPage(request: id, session: session, search: CustomerSearch(search.text), after: CustomerAfter(last), limit: limit)]
    }

    mutating func receive(_ reply: Reply, request: Int, viewport: Int) -> Receipt {
        switch reply {
        case .customerPage(let page) where phase.request == request:
            let selectedID = selected?.id
            rows = page.rows
            hasMore = page.hasMore
            total = page.total
            phase = .ready
            if let selectedID, let i = rows.firstIndex(where: { $0.id == selectedID }) { cursor.index = i }
            cursor.clamp(count: rows.count, viewport: viewport)
            return .taken
        case .customerPage(let page) where pageRequest == request:
            let known = Set(rows.map(\.id))  // a customer renamed meanwhile may come again
            rows += page.rows.filter { !known.contains($0.id) }
            hasMore = page.hasMore
            total = page.total
            pageRequest = nil
            if landing { cursor.move(.bottom, count: rows.count, viewport: viewport) }
            if !hasMore { landing = false }
            return .taken
        case .failed(let message) where phase.request == request:
            phase = .failed(message)
            return .failed(what: "your customers", message: message)
        case .failed(let message) where pageRequest == request:
            pageRequest = nil
            landing = false
            return .failed(what: "more customers", message: message)
        default:
            return .stale
        }
    }
}
