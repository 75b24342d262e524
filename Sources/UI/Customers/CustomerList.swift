import Domain
import Foundation
import ScreenKit

/// My Customers of one domain: a short list, loaded whole, and narrowed as you type after `/`.
struct CustomerList: Equatable, Sendable {
    private(set) var rows: [CustomerRow] = []
    var cursor = ListCursor()
    var phase = Loadable.unloaded
    var freshness: Freshness = .fresh
    /// The words typed after `/`; every one must be found in a customer's name, primary domain, tier or access.
    var search = TextField()
    /// The search field has the keys (between `/` and Enter or Esc).
    var searching = false

    /// The rows the search leaves, in the list's order; the cursor moves among these. Kept in step with `rows` and
    /// `search` when either changes, not worked out again on every frame and cursor move (thousands of customers).
    private(set) var visible: [CustomerRow] = [] {
        didSet { widest = ColumnFit.widest(visible, [\.customer.name, \.customer.primaryDomain]) }
    }
    /// The widest name and primary domain among `visible`, for the columns.
    private(set) var widest = [0, 0]

    var selected: CustomerRow? { visible.indices.contains(cursor.index) ? visible[cursor.index] : nil }

    /// A key while the search has them: Enter keeps the search and gives the keys back, Esc clears it, the rest edit.
    mutating func searchKey(_ key: Key, viewport: Int, _ keys: Keymap) {
        switch Keymap.binding(for: key, in: keys.filterBar)?.command {
        case .submit?: searching = false
        case .cancel?: search = TextField(); searching = false; refilter()
        default:
            if search.handle(key, keys) == .changed {
                cursor = ListCursor()
                refilter()
            }
        }
        cursor.clamp(count: visible.count, viewport: viewport)
    }

    /// Every word typed must be found in a customer's name, primary domain, tier or access.
    private mutating func refilter() {
        let words = search.text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { visible = rows; return }
        visible = rows.filter { row in
            let haystack = [row.customer.name, row.customer.primaryDomain, row.customer.tier.label, row.access.display.label]
                .joined(separator: " ")
            return words.allSatisfy { haystack.range(of: $0, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
        }
    }

    mutating func reload(session: Int, requests: inout Requests, as requester: Requester) -> [Effect] {
        requests.forget(phase.request)
        let id = requests.issue(for: requester)
        phase = .loading(request: id)
        freshness = .fresh
        return [.loadCustomers(request: id, session: session)]
    }

    mutating func receive(_ reply: Reply, request: Int, viewport: Int) -> Receipt {
        guard phase.request == request else { return .stale }
        switch reply {
        case .customers(let rows):
            let selectedID = selected?.id
            self.rows = rows
            refilter()
            phase = .ready
            if let selectedID, let i = visible.firstIndex(where: { $0.id == selectedID }) { cursor.index = i }
            cursor.clamp(count: visible.count, viewport: viewport)
            return .taken
        case .failed(let message):
            phase = .failed(message)
            return .failed(what: "your customers", message: message)
        default:
            return .stale
        }
    }
}

extension CustomerAccess.Display {
    /// "granted", "support-only", "not granted": as My Customers shows it and its filter finds it.
    var label: String {
        switch self {
        case .granted: "granted"
        case .supportOnly: "support-only"
        case .notGranted: "not granted"
        }
    }
}
