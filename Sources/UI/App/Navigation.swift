import Domain

/// Moving between tabs and screens, and loading what becomes visible.
extension AppState {
    /// The requester of the screen on top of the active tab.
    var currentScreenRef: Requester { .screen(ScreenRef(tab: tabs[active].id, screen: tabs[active].currentID)) }

    /// Loads the visible screen if it never loaded or the data changed since.
    mutating func showCurrent() -> [Effect] {
        showCurrentScreen() + loadDraftsIfNeeded() + countUnreadIfNeeded() + countViewsIfNeeded()
    }

    /// The active tab's drafts, once (and again after a change): the status line counts them.
    private mutating func loadDraftsIfNeeded() -> [Effect] {
        guard !tabs.isEmpty, !tabs[active].draftsRequested else { return [] }
        tabs[active].draftsRequested = true
        return [.loadDrafts(request: requests.issue(for: .drafts(tabs[active].id)), session: active)]
    }

    private mutating func showCurrentScreen() -> [Effect] {
        switch currentScreen {
        case .cases(let list)? where list.phase == .unloaded || list.freshness == .stale:
            return reloadCurrentList(recount: true, coverCursor: true)
        case .customers(let list)? where list.phase == .unloaded || list.freshness == .stale:
            return reloadCustomers()
        case .detail(let view)? where view.freshness == .stale || view.phase == .unloaded:
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

    /// Opens a screen on top of the active tab and loads it.
    mutating func push(_ screen: Screen) -> [Effect] {
        tabs[active].pushed.append(PushedScreen(id: requests.serial(), screen: screen))
        return showCurrent()
    }

    /// `[` and `]`: the tabs wrap around; each keeps its own screens.
    mutating func switchSession(by step: Int) -> [Effect] {
        guard tabs.count > 1 else {
            status = .info("Only \(tabs[active].session.domainName) is signed in. Press \(keys.name(of: .sessions)) to sign in to another domain.")
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
        status = .info("This is the top screen. Press \(keys.name(of: .backOrQuit)) to quit.")
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
            if movement == .top || movement == .bottom { return jump(to: movement == .top ? .first : .last) }
            list.cursor.move(movement, count: list.rows.count, viewport: viewport)
            tabs[active].current = .cases(list)
            return loadMoreIfNeeded()
        case .customers(var list):
            if movement == .bottom {
                let effects = list.jumpToEnd(session: active, viewport: viewport, limit: pageLimit(for: screen), requests: &requests,
                                             as: currentScreenRef)
                tabs[active].current = .customers(list)
                return effects
            }
            list.move(movement, viewport: viewport)
            tabs[active].current = .customers(list)
            return loadMoreCustomersIfNeeded()
        case .detail(var view):
            let lines = view.detail.map {
                CaseDetailBody.lines(for: $0, user: actingUser(for: view.ref), width: Layout.contentWidth(size.width), now: now,
                                     glyphs: glyphs).count
            } ?? 0
            view.scroll(movement, lines: lines, viewport: viewport)
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
            return push(.detail(CaseScreen(ref: CaseRef(domainID: row.domainID, number: row.number), title: row.title)))
        case .customers(let list)?:
            guard let row = list.selected else {
                status = .info("There is no customer to open.")
                return []
            }
            return push(.cases(CaseList(kind: .customer(row.customer))))
        default:
            return []
        }
    }

    mutating func reloadCase() -> [Effect] {
        guard case .detail(var view)? = currentScreen else { return [] }
        let effects = view.reload(session: sessionIndex(domainID: view.ref.domainID) ?? active, requests: &requests, as: currentScreenRef)
        tabs[active].current = .detail(view)
        return effects
    }

    mutating func reloadCustomers() -> [Effect] {
        guard let screen = currentScreen, case .customers(var list) = screen else { return [] }
        let effects = list.reload(session: active, limit: pageLimit(for: screen), requests: &requests, as: currentScreenRef)
        tabs[active].current = .customers(list)
        return effects
    }

    /// My Customers' next page, when the cursor is within a screen of the last row read.
    mutating func loadMoreCustomersIfNeeded() -> [Effect] {
        guard let screen = currentScreen, case .customers(var list) = screen else { return [] }
        let effects = list.loadMoreIfNeeded(session: active, viewport: viewport(for: screen), limit: pageLimit(for: screen),
                                            requests: &requests, as: currentScreenRef)
        if !effects.isEmpty { tabs[active].current = .customers(list) }
        return effects
    }
}
