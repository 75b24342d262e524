import Domain

/// My Customers of one domain: a short list, loaded whole.
struct CustomerList: Equatable, Sendable {
    var rows: [CustomerRow] = []
    var cursor = ListCursor()
    var phase = Loadable.unloaded
    var freshness: Freshness = .fresh

    var selected: CustomerRow? { rows.indices.contains(cursor.index) ? rows[cursor.index] : nil }

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
            phase = .ready
            if let selectedID, let i = rows.firstIndex(where: { $0.id == selectedID }) { cursor.index = i }
            cursor.clamp(count: rows.count, viewport: viewport)
            return .taken
        case .failed(let message):
            phase = .failed(message)
            return .failed(what: "your customers", message: message)
        default:
            return .stale
        }
    }
}
