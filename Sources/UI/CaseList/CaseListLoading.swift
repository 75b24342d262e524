import Domain

extension AppState {
    /// Where a list of tab `t` loads from; resolved at load time since tab indexes shift on sign-out.
    func caseSource(for kind: CaseList.Kind, tab t: Int) -> CaseSource {
        let domainID = tabs[t].session.user.domainID
        switch kind {
        case .myCases:
            return .session(SessionScope(session: t, scope: .domain(domainID)))
        case .customer(let customer):
            return .session(SessionScope(session: t, scope: .customer(customerID: customer.id, domainID: domainID)))
        case .allDomains:
            return .merged(tabs.indices.map { SessionScope(session: $0, scope: .domain(tabs[$0].session.user.domainID)) })
        }
    }

    /// Reloads the visible case list. `coverCursor` loads at least down to the cursor's screen,
    /// so a refresh keeps the cursor on the same case.
    mutating func reloadCurrentList(recount: Bool, coverCursor: Bool) -> [Effect] {
        guard let screen = currentScreen, case .cases(var list) = screen else { return [] }
        var limit = pageLimit(for: screen)
        if coverCursor { limit = max(limit, list.cursor.top + viewport(for: screen) * 2) }
        let effects = list.reload(from: caseSource(for: list.kind, tab: active), limit: limit, recount: recount, requests: &requests, as: currentScreenRef)
        tabs[active].current = .cases(list)
        return effects
    }

    /// The next page, when the cursor is within a screen of the end of what is loaded.
    mutating func loadMoreIfNeeded() -> [Effect] {
        guard let screen = currentScreen, case .cases(var list) = screen else { return [] }
        let effects = list.loadMoreIfNeeded(from: caseSource(for: list.kind, tab: active), viewport: viewport(for: screen),
                                            limit: pageLimit(for: screen), requests: &requests, as: currentScreenRef)
        if !effects.isEmpty { tabs[active].current = .cases(list) }
        return effects
    }

    /// `o`: the next order; the total doesn't change, so no recount.
    mutating func cycleSort() -> [Effect] {
        guard case .cases(var list)? = currentScreen else { return [] }
        list.sort = list.sort.next
        tabs[active].current = .cases(list)
        status = .info("Sorted by \(list.sort.label).")
        return reloadCurrentList(recount: false, coverCursor: false)
    }
}
