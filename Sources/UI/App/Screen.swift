import Domain

/// A screen of a tab.
enum Screen: Equatable, Sendable {
    case cases(CaseList)
    case customers(CustomerList)
    case detail(CaseScreen)

    var context: KeyContext {
        switch self {
        case .cases: .caseList
        case .customers: .customers
        case .detail: .caseDetail
        }
    }

    var showsFilterBar: Bool {
        if case .cases(let list) = self { return list.filter.isVisible }
        return false
    }

    var freshness: Freshness {
        get {
            switch self {
            case .cases(let l): l.freshness
            case .customers(let l): l.freshness
            case .detail(let v): v.freshness
            }
        }
        set {
            switch self {
            case .cases(var l): l.freshness = newValue; self = .cases(l)
            case .customers(var l): l.freshness = newValue; self = .customers(l)
            case .detail(var v): v.freshness = newValue; self = .detail(v)
            }
        }
    }

    /// Takes the answer to one of its requests.
    mutating func receive(_ reply: Reply, request: Int, viewport: Int) -> Receipt {
        switch self {
        case .cases(var l): defer { self = .cases(l) }; return l.receive(reply, request: request, viewport: viewport)
        case .customers(var l): defer { self = .customers(l) }; return l.receive(reply, request: request, viewport: viewport)
        case .detail(var v): defer { self = .detail(v) }; return v.receive(reply, request: request)
        }
    }

    /// The screen's name in feedback and messages.
    var name: String {
        switch self {
        case .cases(let l): l.title
        case .customers: Root.customers.title
        case .detail(let v): "Case \(v.number)"
        }
    }
}

/// Whether a screen shows what the portal holds now, or must reload when next shown.
enum Freshness: Equatable, Sendable { case fresh, stale }

/// What a screen did with an answer.
enum Receipt: Equatable, Sendable {
    /// Not the request it waits for now (a superseded load).
    case stale
    case taken
    /// A load it was waiting for failed: what it was loading, and why.
    case failed(what: String, message: String)
}

/// Where a case list's rows come from, resolved from the tab at the time of loading
/// (session indexes shift when a tab is signed out, so lists don't store them).
enum CaseSource: Equatable, Sendable {
    case session(SessionScope)
    /// Every signed-in session; counted per session and summed.
    case merged([SessionScope])

    /// Each session's part, for counting.
    var parts: [SessionScope] {
        switch self {
        case .session(let part): [part]
        case .merged(let parts): parts
        }
    }
}

struct SessionScope: Equatable, Sendable {
    var session: Int
    var scope: CaseScope
}
