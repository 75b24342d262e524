import Domain

/// An open case. The detail stays on screen while it reloads.
struct CaseView: Equatable, Sendable {
    enum Phase: Equatable, Sendable {
        case loading(request: Int)
        case ready
        case failed(String)
    }

    var number: Int
    /// The domain that filed the case: its session acts on it.
    var domainID: Int64
    /// From the list row, shown until the detail arrives.
    var title: String
    var detail: CaseDetail?
    var phase: Phase
    /// First body line on screen.
    var scroll = 0
    var freshness: Freshness = .fresh

    mutating func reload(session: Int, requests: inout RequestIDs) -> [Effect] {
        let id = requests.next()
        phase = .loading(request: id)
        freshness = .fresh
        return [.loadCase(request: id, session: session, number: number)]
    }

    mutating func receive(_ action: Action) -> Receipt {
        switch action {
        case .caseLoaded(let request, let detail) where phase == .loading(request: request):
            self.detail = detail
            title = detail.supportCase.title
            phase = .ready
            return .taken
        case .loadFailed(let request, let message) where phase == .loading(request: request):
            phase = .failed(message)
            return .failed(what: "case \(number)", message: message)
        default:
            return .notMine
        }
    }
}
