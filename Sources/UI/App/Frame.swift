import ScreenKit

/// Composes the frame: tab bar, the current screen, filter bar, status line, then the form on top.
enum Frame {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        buffer.clear()
        buffer.glyphs = state.glyphs
        if state.isTooSmall {
            TooSmallView.render(state.size, into: &buffer)
            return
        }
        if let screen = state.currentScreen {
            let layout = Layout(size: buffer.size, filterBar: screen.showsFilterBar)
            TabBarView.render(state, into: &buffer, area: layout.tabBar)
            switch screen {
            case .cases(let list): CaseListView.render(list, state: state, layout: layout, into: &buffer)
            case .customers(let list): CustomersView.render(list, state: state, layout: layout, into: &buffer)
            case .detail(let view): CaseDetailView.render(view, state: state, layout: layout, into: &buffer)
            }
            if let bar = layout.filterBar, case .cases(let list) = screen {
                FilterBarView.render(list.filter, into: &buffer, area: bar)
            }
            StatusLineView.render(state, screen: screen, into: &buffer, area: layout.status)
        }
        // With no session, the sign-in form is the whole screen.
        state.overlay?.form.render(state.viewContext, into: &buffer)
    }
}
