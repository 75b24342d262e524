import Domain

extension AppState {
    /// Loads the visible screen if it never loaded or another process changed the data since.
    mutating func showCurrent() -> [Effect] {
        switch currentScreen {
        case .cases(let list)? where list.phase == .unloaded || list.freshness == .stale:
            return reloadCurrentList(recount: true, coverCursor: true)
        case .customers(let list)? where list.phase == .unloaded || list.freshness == .stale:
            return reloadCustomers()
        case .detail(let view)? where view.freshness == .stale:
            return reloadCase()
        default:
            return []
        }
    }

    mutating func show(_ root: Root) -> [Effect] {
        tabs[active].pushed = []
        tabs[active].root = root
        return showCurrent()
    }

    /// `[` and `]`: the tabs wrap around; each keeps its own screens.
    mutating func switchSession(by step: Int) -> [Effect] {
        guard tabs.count > 1 else {
            status = .info("Only \(tabs[active].session.domainName) is signed in. Press S to sign in to another domain.")
            return []
        }
        active = (active + step + tabs.count) % tabs.count
        return showCurrent()
    }

    mutating func back(quitAtTop: Bool) -> [Effect] {
        if !tabs[active].pushed.isEmpty {
            tabs[active].pushed.removeLast()
            return showCurrent()
        }
        if quitAtTop { return quit() }
        status = .info("This is the top screen. Press q to quit.")
        return []
    }

    mutating func refresh() -> [Effect] {
        switch currentScreen {
        case .cases?: reloadCurrentList(recount: true, coverCursor: true)
        case .customers?: reloadCustomers()
        case .detail?: reloadCase()
        case nil: []
        }
    }

    mutating func move(_ movement: ListCursor.Movement) -> [Effect] {
        guard let screen = currentScreen else { return [] }
        let viewport = viewport(for: screen)
        switch screen {
        case .cases(var list):
            list.cursor.move(movement, count: list.rows.count, viewport: viewport)
            tabs[active].current = .cases(list)
            return loadMoreIfNeeded()
        case .customers(var list):
            list.cursor.move(movement, count: list.rows.count, viewport: viewport)
            tabs[active].current = .customers(list)
        case .detail(var view):
            view.scroll(movement, lines: caseBodyLineCount(view), viewport: viewport)
            tabs[active].current = .detail(view)
        }
        return []
    }

    /// Enter: a case opens its detail, a customer its cases.
    mutating func openSelected() -> [Effect] {
        switch currentScreen {
        case .cases(let list)?:
            guard let row = list.selected else {
                status = .info("There is no case to open.")
                return []
            }
            var view = CaseView(number: row.number, domainID: row.domainID, title: row.title, detail: nil, phase: .loading(request: 0))
            let effects = view.reload(session: sessionIndex(domainID: row.domainID) ?? active, requests: &requests)
            tabs[active].pushed.append(.detail(view))
            return effects
        case .customers(let list)?:
            guard let row = list.selected else {
                status = .info("There is no customer to open.")
                return []
            }
            tabs[active].pushed.append(.cases(CaseList(kind: .customer(row.customer))))
            return showCurrent()
        default:
            return []
        }
    }
}
