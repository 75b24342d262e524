import Domain
import ScreenKit

/// The case a form acts on: the domain that filed it (its session acts) and its number.
struct CaseRef: Hashable, Sendable {
    var domainID: Int64
    var number: Int
}

/// An open case: its detail (kept on screen while it reloads) and how far its body is scrolled.
struct CaseScreen: Equatable, Sendable {
    var ref: CaseRef
    /// From the list row, shown until the detail arrives.
    var title: String
    var detail: CaseDetail?
    var phase = Loadable.unloaded
    /// First body line on screen.
    var scroll = 0
    var freshness: Freshness = .fresh
    /// After an action on this case: the next detail opens at its end, where the action's history event is.
    var revealLatest = false
    /// An action key pressed before the detail arrived (a slow server): carried out when it does, not dropped.
    var waiting: WaitingAction?
    /// The text `/` searches for, highlighted in the body; nil when there is no search.
    var search: String?

    init(ref: CaseRef, title: String = "") { self.ref = ref; self.title = title }

    var number: Int { ref.number }

    mutating func reload(session: Int, requests: inout Requests, as requester: Requester) -> [Effect] {
        requests.forget(phase.request)
        let id = requests.issue(for: requester)
        phase = .loading(request: id)
        freshness = .fresh
        return [.loadCase(request: id, session: session, number: number)]
    }

    mutating func receive(_ reply: Reply, request: Int) -> Receipt {
        guard phase.request == request else { return .stale }
        switch reply {
        case .caseDetail(let detail):
            self.detail = detail
            title = detail.supportCase.title
            phase = .ready
            if revealLatest {
                scroll = .max  // the view and the next movement clamp it to the last screenful
                revealLatest = false
            }
            return .taken
        case .failed(let message):
            phase = .failed(message)
            waiting = nil
            return .failed(what: "case \(number)", message: message)
        default:
            return .stale
        }
    }

    /// Scrolls the body of `lines` lines shown `viewport` at a time.
    mutating func scroll(_ movement: ListCursor.Movement, lines: Int, viewport: Int) {
        let last = max(0, lines - viewport)
        switch movement {
        case .up: scroll -= 1
        case .down: scroll += 1
        case .pageUp: scroll -= max(1, viewport - 1)
        case .pageDown: scroll += max(1, viewport - 1)
        case .top: scroll = 0
        case .bottom: scroll = last
        }
        scroll = max(0, min(scroll, last))
    }
}

/// A case action waiting for its case's detail, with the key that asked (named in what the status line says).
struct WaitingAction: Equatable, Sendable {
    var action: CaseAction
    var key: Key
}
