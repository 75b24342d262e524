import Domain
import Foundation

/// Saved views (the config file's `[[views]]`): a section line above the case lists, "All" first, then each view with
/// its count; Tab and Shift-Tab apply the next or previous one (its filter and order); `s` saves the filter on screen
/// as a new view. A list shows the section whose filter and order it has, so typing a view's filter lands on it too.
extension AppState {
    /// The section the list is on: 0 "All" (no filter), i the view i - 1; nil when its filter is no view's.
    func section(of list: CaseList) -> Int? {
        if list.filter.query.isEmpty { return 0 }
        return views.firstIndex { view in
            view.query == list.filter.query && view.sort == list.sort
        }.map { $0 + 1 }
    }

    /// Tab (`step` 1) and Shift-Tab (-1): the next or previous section, wrapping; from a filter that is no view's, the
    /// first view (or, backward, the last).
    mutating func moveSection(by step: Int) -> [Effect] {
        guard case .cases(var list)? = currentScreen else { return [] }
        guard !views.isEmpty else {
            status = .info("No saved views: filter the list with / and press \(keys.name(of: .saveView)) to save it as one.")
            return []
        }
        let count = views.count + 1
        let from = section(of: list) ?? (step > 0 ? 0 : count)
        return apply(section: ((from + step) % count + count) % count)
    }

    /// Section `to` (0 All, i the view i - 1) applied to the list on screen: its filter and order, read again.
    mutating func apply(section to: Int) -> [Effect] {
        guard case .cases(var list)? = currentScreen, (0...views.count).contains(to) else { return [] }
        if to == 0 {
            list.filter = CaseFilter()
            list.sort = .updated
            status = .info("All cases.")
        } else {
            let view = views[to - 1]
            guard let query = view.query else {
                status = .error("The view \"\(view.name)\" has a filter that doesn't parse; fix it in the config file.")
                return []
            }
            list.filter = CaseFilter(text: view.filter, query: query)
            list.sort = view.sort
            status = .info("\(view.name): \(view.filter) · \(view.sort.label)")
        }
        list.reversed = false
        list.count = nil
        tabs[active].current = .cases(list)
        return reloadCurrentList(recount: true, coverCursor: false)
    }

    /// `s`: asks for a name for the list's filter and order.
    mutating func startSavingView() {
        guard let list = currentCaseList else { return }
        guard !list.filter.query.isEmpty else {
            status = .info("Filter the list first (/): a view is a filter and an order, saved by name.")
            return
        }
        if let i = section(of: list), i > 0 {
            status = .info("This is the view \"\(views[i - 1].name)\" already.")
            return
        }
        open(SaveViewForm(filter: list.filter.query.description, sort: list.sort, views: views))
    }

    /// The config file has the new view: it joins the sections.
    mutating func viewSaved(_ view: SavedView) -> [Effect] {
        views.append(view)
        status = .success("Saved the view \"\(view.name)\". Tab and Shift-Tab move between views.")
        for t in tabs.indices { tabs[t].forEachScreen { screen in
            if case .cases(var list) = screen { list.viewsCounted = false; screen = .cases(list) }
        } }
        return countViewsIfNeeded()
    }

    /// Each view's count for the list on screen, once per load of its data (off the keystroke path: counts run on a
    /// queue of their own), summed over a merged list's domains.
    mutating func countViewsIfNeeded() -> [Effect] {
        guard !views.isEmpty, case .cases(var list)? = currentScreen, !list.viewsCounted else { return [] }
        list.viewsCounted = true
        var effects: [Effect] = []
        let parts = caseSource(for: list.kind, tab: active).parts
        for view in views {
            guard let query = view.query else { continue }
            list.viewCounting[view.name]?.pending.forEach { requests.forget($0) }
            var pending = Set<Int>()
            for part in parts {
                let id = requests.issue(for: currentScreenRef)
                pending.insert(id)
                effects.append(.countAside(request: id, session: part.session, scope: part.scope, query: query, cap: CaseList.countCap))
            }
            list.viewCounting[view.name] = CaseList.Counting(pending: pending)
        }
        tabs[active].current = .cases(list)
        return effects
    }
}

extension CaseList {
    /// A view's count coming back: summed over the list's parts; false when the request was no view's.
    mutating func receiveViewCount(_ total: Int, capped: Bool, request: Int) -> Bool {
        guard let name = viewCounting.first(where: { $0.value.pending.contains(request) })?.key, var c = viewCounting[name] else { return false }
        c.pending.remove(request)
        c.sum.total += total
        c.sum.capped = c.sum.capped || capped
        if c.pending.isEmpty { viewCounts[name] = c.sum; viewCounting[name] = nil } else { viewCounting[name] = c }
        return true
    }
}
