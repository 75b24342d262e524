/// The top-level screens, reached with `1`, `2`, `3`.
enum Root: Int, CaseIterable, Equatable, Sendable {
    case myCases = 1, customers, allDomains

    var title: String {
        switch self {
        case .myCases: "My Cases"
        case .customers: "My Customers"
        case .allDomains: "All domains"
        }
    }
}

/// One signed-in domain. Each root screen keeps its own filter, sort and cursor while
/// another is shown; screens opened from them (a customer's cases, a case) stack on top.
struct Tab: Equatable, Sendable {
    var session: SessionInfo
    var root: Root = .myCases
    var myCases = CaseList(kind: .myCases)
    var customers = CustomerList()
    var allDomains = CaseList(kind: .allDomains)
    var pushed: [Screen] = []

    init(session: SessionInfo) { self.session = session }

    var isAtRoot: Bool { pushed.isEmpty }

    /// The screen on top.
    var current: Screen {
        get { pushed.last ?? rootScreen }
        set {
            if pushed.isEmpty { rootScreen = newValue } else { pushed[pushed.count - 1] = newValue }
        }
    }

    var rootScreen: Screen {
        get {
            switch root {
            case .myCases: .cases(myCases)
            case .customers: .customers(customers)
            case .allDomains: .cases(allDomains)
            }
        }
        set {
            switch (root, newValue) {
            case (.myCases, .cases(let list)): myCases = list
            case (.customers, .customers(let list)): customers = list
            case (.allDomains, .cases(let list)): allDomains = list
            default: assertionFailure("root \(root) can't hold \(newValue.context)")
            }
        }
    }

    /// Offers `body` every screen of the tab until it returns true (it took the screen's result).
    mutating func updateScreens(_ body: (inout Screen) -> Bool) -> Bool {
        var screen = Screen.cases(myCases)
        var taken = body(&screen)
        if case .cases(let list) = screen { myCases = list }
        if taken { return true }
        screen = .customers(customers)
        taken = body(&screen)
        if case .customers(let list) = screen { customers = list }
        if taken { return true }
        screen = .cases(allDomains)
        taken = body(&screen)
        if case .cases(let list) = screen { allDomains = list }
        if taken { return true }
        for i in pushed.indices where body(&pushed[i]) { return true }
        return false
    }

    /// Every screen of the tab, for marking them stale.
    mutating func forEachScreen(_ body: (inout Screen) -> Void) {
        _ = updateScreens { body(&$0); return false }
    }
}
