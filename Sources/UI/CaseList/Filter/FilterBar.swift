import Domain
import ScreenKit

extension AppState {
    /// `/`: the bar opens on the applied text; Esc will restore it.
    mutating func openFilter() {
        if case .customers(var customers)? = currentScreen {
            customers.searching = true  // My Customers narrows as you type, in memory: it is loaded whole
            tabs[active].current = .customers(customers)
            return
        }
        guard case .cases(var list)? = currentScreen else { return }
        list.filter.editor = .editing(FilterEditing(field: TextField(list.filter.text), originalText: list.filter.text,
                                                    originalQuery: list.filter.query))
        tabs[active].current = .cases(list)
    }

    mutating func filterKey(_ key: Key) -> [Effect] {
        guard case .cases(var list)? = currentScreen, var editing = list.filter.editing else { return [] }
        switch Keymap.binding(for: key, in: keys.filterBar)?.command {
        case .submit?: return applyFilterText(closing: true)
        case .cancel?: return cancelFilter()
        default: break
        }
        // Typing only restarts the debounce; the tick that finds it quiet applies it.
        if editing.field.handle(key, keys) == .changed { editing.debounce = .waiting(since: now) }
        list.filter.editor = .editing(editing)
        tabs[active].current = .cases(list)
        return []
    }

    /// On a tick: applies the typed filter once the typing has paused.
    mutating func debounceFilter() -> [Effect] {
        guard let editing = currentCaseList?.filter.editing, case .waiting(let since) = editing.debounce,
              now.timeIntervalSince(since) >= CaseFilter.debounce - 0.001 else { return [] }
        return applyFilterText(closing: false)
    }

    /// Parses the bar's text. A good query becomes the list's filter (reloading if it changed);
    /// a bad one is kept with its column while the last good rows stay on screen.
    private mutating func applyFilterText(closing: Bool) -> [Effect] {
        guard case .cases(var list)? = currentScreen, var editing = list.filter.editing else { return [] }
        editing.debounce = .idle
        let text = editing.field.text
        let query: CaseQuery
        do throws(FilterError) {
            query = try CaseQuery.typed(text)  // the last word a prefix until a space follows it
        } catch {
            list.filter.error = error
            list.filter.editor = .editing(editing)  // the bar stays open on the error
            tabs[active].current = .cases(list)
            return []
        }
        let changed = query != list.filter.query
        list.filter.error = nil
        list.filter.text = query.isEmpty ? "" : text
        list.filter.query = query
        list.filter.editor = closing ? .closed : .editing(editing)
        if changed { list.count = nil }  // the old total was for another query
        tabs[active].current = .cases(list)
        return changed ? reloadCurrentList(recount: true, coverCursor: false) : []
    }

    /// Esc: closes the bar and puts back the filter it opened on.
    private mutating func cancelFilter() -> [Effect] {
        guard case .cases(var list)? = currentScreen, let editing = list.filter.editing else { return [] }
        let changed = editing.originalQuery != list.filter.query
        list.filter = CaseFilter(text: editing.originalText, query: editing.originalQuery)
        list.filter.editor = .closed
        if changed { list.count = nil }
        tabs[active].current = .cases(list)
        return changed ? reloadCurrentList(recount: true, coverCursor: false) : []
    }
}
