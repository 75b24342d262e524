import Domain

/// My Customers of one domain: a short list, loaded whole.
struct CustomerList: Equatable, Sendable {
    enum Phase: Equatable, Sendable {
        case unloaded
        case loading(request: Int)
        case ready
        case failed(String)
    }

    var rows: [CustomerRow] = []
    var cursor = ListCursor()
    var phase: Phase = .unloaded
    var freshness: Freshness = .fresh

    var selected: CustomerRow? { rows.indices.contains(cursor.index) ? rows[cursor.index] : nil }

    mutating func reload(session: Int, requests: inout RequestIDs) -> [Effect] {
        let id = requests.next()
        phase = .loading(request: id)
        freshness = .fresh
        return [.loadCustomers(request: id, session: session)]
    }

    mutating func receive(_ action: Action, viewport: Int) -> Receipt {
        switch action {
        case .customersLoaded(let request, let rows) where phase == .loading(request: request):
            let selectedID = selected?.id
            self.rows = rows
            phase = .ready
            if let selectedID, let i = rows.firstIndex(where: { $0.id == selectedID }) { cursor.index = i }
            cursor.clamp(count: rows.count, viewport: viewport)
            return .taken
        case .loadFailed(let request, let message) where phase == .loading(request: request):
            phase = .failed(message)
            return .failed(what: "your customers", message: message)
        default:
            return .notMine
        }
    }
}
