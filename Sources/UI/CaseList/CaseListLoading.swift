import Domain

extension AppState {
    /// Where a list of tab `t` loads from; resolved at load time since tab indexes shift on sign-out.
    func caseSource(for kind: CaseList.Kind, tab t: Int) -> CaseSource {
        let domainID = tabs[t].session.user.domainID
        switch kind {
        case .myCases:
            return .session(SessionScope(session: t, scope: Rules.homeScope(for: tabs[t].session.user)))
        case .customer(let customer):
            return .session(SessionScope(session: t, scope: .customer(customerID: customer.id, domainID: domainID)))
        case .allDomains:
            return .merged(tabs.indices.map { SessionScope(session: $0, scope: Rules.homeScope(for: tabs[$0].session.user)) })
        }
    }

    /// Reloads the visible case list. `coverCursor` loads at least down to the cursor's screen (rows read from the
    /// list's end: from the end, at least up to a screen above the cursor's), so a refresh keeps the cursor on the same
    /// case; without it the list starts again from its first row.
    mutating func reloadCurrentList(recount: Bool, coverCursor: Bool) -> [Effect] {
        guard let screen = currentScreen, case .cases(var list) = screen else { return [] }
        var limit = pageLimit(for: screen)
        let end: CaseList.End = coverCursor && list.hasBefore ? .last : .first
        if coverCursor {
            let rows = end == .first ? list.cursor.top + viewport(for: screen) * 2 : list.rows.count - list.cursor.top + viewport(for: screen)
            limit = max(limit, rows)
        }
        let effects = list.reload(from: caseSource(for: list.kind, tab: active), end: end, limit: limit, recount: recount,
                                  requests: &requests, as: currentScreenRef)
        tabs[active].current = .cases(list)
        return effects
    }

    /// `g` and `G` in a case list: the first or the last row of the whole list. When the rows loaded reach that end
    /// the cursor goes there at once; otherwise that end's page is read (the last one by a reverse keyset read from
    /// the list's end), replacing the rows, and the cursor lands on its row when it comes.
    mutating func jump(to end: CaseList.End) -> [Effect] {
        guard let screen = currentScreen, case .cases(var list) = screen else { return [] }
        if case .loading(let request) = list.phase, list.landing {
            // Already on its way: a second press doesn't read it again.
            if list.loadingFrom == end { return [] }
            // The other end's page, asked for by the key before, is no longer wanted.
            if list.reaches(end) { requests.forget(request); list.phase = .ready; list.landing = false }
        }
        if list.reaches(end) {
            list.cursor.move(end == .first ? .top : .bottom, count: list.rows.count, viewport: viewport(for: screen))
            tabs[active].current = .cases(list)
            return loadMoreIfNeeded()
        }
        let effects = list.reload(from: caseSource(for: list.kind, tab: active), end: end, landing: true, limit: pageLimit(for: screen),
                                  recount: false, requests: &requests, as: currentScreenRef)
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
        status = .info("Sorted by \(list.sort.label(reversed: list.reversed)).")
        return reloadCurrentList(recount: false, coverCursor: false)
    }

    /// `I`: the same order the other way round (oldest first, P4 first); `I` again turns it back.
    mutating func reverseOrder() -> [Effect] {
        guard case .cases(var list)? = currentScreen else { return [] }
        list.reversed.toggle()
        tabs[active].current = .cases(list)
        status = .info("Sorted by \(list.sort.label(reversed: list.reversed)).")
        return reloadCurrentList(recount: false, coverCursor: false)
    }
}
