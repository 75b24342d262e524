import Domain

/// The top-level screens, reached with `1`, `2`, `3`.
enum Root: Int, CaseIterable, Hashable, Sendable {
    case myCases = 1, customers, allDomains

    var title: String {
        switch self {
        case .myCases: "My Cases"
        case .customers: "My Customers"
        case .allDomains: "All domains"
        }
    }

    /// The first list of an account (`Rules.homeScope`): a reseller's My Cases, an engineer's Support queue, a
    /// customer user's Our cases.
    static func homeTitle(for kind: AccountKind) -> String {
        switch kind {
        case .reseller: Root.myCases.title
        case .supportEngineer: "Support queue"
        case .customer: "Our cases"
        }
    }
}

/// A screen opened on top of a root (a customer's cases, a case), with its identity for answers.
struct PushedScreen: Equatable, Sendable {
    var id: Int
    var screen: Screen
}

/// One signed-in domain. Each root screen keeps its own filter, sort and cursor while
/// another is shown; screens opened from them stack on top.
struct Tab: Equatable, Sendable {
    let id: TabID
    var session: SessionInfo
    var root: Root = .myCases
    var myCases = CaseList(kind: .myCases)
    var customers = CustomerList()
    var allDomains = CaseList(kind: .allDomains)
    var pushed: [PushedScreen] = []
    /// The session's saved drafts (nil until loaded): counted in the status line, marked in the case lists.
    var drafts: [DraftForm]?
    var draftsRequested = false
    /// How many of the tab's home list's cases are unread (nil until counted), shown on the tab.
    var unread: UnreadCount?
    var unreadRequested = false

    init(id: TabID, session: SessionInfo) {
        self.id = id; self.session = session
        myCases.homeTitle = Root.homeTitle(for: session.user.kind)
    }

    var isAtRoot: Bool { pushed.isEmpty }

    /// Which screen is on top, for the requests it issues.
    var currentID: ScreenID { pushed.last.map { .pushed($0.id) } ?? .root(root) }

    /// The screen on top.
    var current: Screen {
        get { self[currentID] ?? .cases(myCases) }
        set { self[currentID] = newValue }
    }

    /// A screen by its identity; nil once it is gone (popped).
    subscript(id: ScreenID) -> Screen? {
        get {
            switch id {
            case .root(.myCases): .cases(myCases)
            case .root(.customers): .customers(customers)
            case .root(.allDomains): .cases(allDomains)
            case .pushed(let serial): pushed.first { $0.id == serial }?.screen
            }
        }
        set {
            guard let newValue else { return }
            switch (id, newValue) {
            case (.root(.myCases), .cases(let list)): myCases = list
            case (.root(.customers), .customers(let list)): customers = list
            case (.root(.allDomains), .cases(let list)): allDomains = list
            case (.pushed(let serial), _):
                if let i = pushed.firstIndex(where: { $0.id == serial }) { pushed[i].screen = newValue }
            default: assertionFailure("\(id) can't hold \(newValue.context)")
            }
        }
    }

    /// Every screen of the tab, for marking them stale.
    mutating func forEachScreen(_ body: (inout Screen) -> Void) {
        for id in [ScreenID.root(.myCases), .root(.customers), .root(.allDomains)] + pushed.map({ .pushed($0.id) }) {
            guard var screen = self[id] else { continue }
            body(&screen)
            self[id] = screen
        }
    }
}
