import Domain
import ScreenKit

/// The mouse (`mouse = false` in the config file turns it off): a click on a list row puts the cursor there, a click on
/// the cursor row or a double-click opens it, the wheel scrolls three rows, a click on a tab switches to it and a click
/// on a saved view's section applies it. An open form keeps the keyboard's: the mouse does nothing under it.
extension AppState {
    static let wheelRows = 3

    mutating func mouse(_ event: MouseEvent) -> [Effect] {
        guard overlay == nil, let screen = currentScreen else { return [] }
        switch event.kind {
        case .wheelUp, .wheelDown:
            var effects: [Effect] = []
            for _ in 0..<Self.wheelRows { effects += move(event.kind == .wheelUp ? .up : .down) }
            return effects
        case .click, .doubleClick:
            break
        }
        if event.y == 0, let tab = TabBarView.tab(at: event.x, in: self, width: size.width), tab != active {
            active = tab
            return showCurrent()
        }
        let layout = layout(for: screen, size: size)
        if let line = layout.sections, event.y == line.y, case .cases = screen,
           let section = SectionsView.section(at: event.x, in: self, area: line) {
            return apply(section: section)
        }
        let firstRow = layout.pane.y + 1  // under the column headers
        guard event.y >= firstRow else { return [] }
        switch screen {
        case .cases(var list):
            let viewport = viewport(for: screen)
            let top = list.cursor.visible(count: list.rows.count, viewport: viewport).top
            let index = top + event.y - firstRow
            guard event.y < firstRow + viewport, list.rows.indices.contains(index) else { return [] }
            if index == list.cursor.index || event.kind == .doubleClick {
                list.cursor.index = index
                tabs[active].current = .cases(list)
                return openSelected()
            }
            list.cursor.index = index
            list.cursor.clamp(count: list.rows.count, viewport: viewport)
            tabs[active].current = .cases(list)
            return loadMoreIfNeeded()
        case .customers(var list):
            let viewport = viewport(for: screen)
            let top = list.cursor.visible(count: list.rows.count, viewport: viewport).top
            let index = top + event.y - firstRow
            guard event.y < firstRow + viewport, list.rows.indices.contains(index) else { return [] }
            let open = index == list.cursor.index || event.kind == .doubleClick
            list.select(index, viewport: viewport)
            tabs[active].current = .customers(list)
            return open ? openSelected() : loadMoreCustomersIfNeeded()
        case .detail:
            return []
        }
    }
}
