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
            let layout = state.layout(for: screen, size: buffer.size)
            TabBarView.render(state, into: &buffer, area: layout.tabBar)
            switch screen {
            case .cases(let list) where state.showsPreview:
                // The list on the left, the pane on the right (45 % of the width).
                let listWidth = buffer.size.width - max(60, buffer.size.width * 45 / 100)
                let listLayout = state.layout(for: screen, size: Size(width: listWidth, height: buffer.size.height))
                CaseListView.render(list, state: state, layout: listLayout, into: &buffer)
                let area = Rect(x: listWidth, y: layout.title.y, width: buffer.size.width - listWidth, height: layout.pane.maxY - layout.title.y)
                CasePreviewView.render(list.preview, row: list.selected, state: state, area: area, into: &buffer)
            case .cases(let list): CaseListView.render(list, state: state, layout: layout, into: &buffer)
            case .customers(let list): CustomersView.render(list, state: state, layout: layout, into: &buffer)
            case .detail(let view): CaseDetailView.render(view, state: state, layout: layout, into: &buffer)
            }
            if let bar = layout.filterBar, case .cases(let list) = screen {
                FilterBarView.render(list.filter, editKey: state.keys.name(of: .editFilter), into: &buffer, area: bar)
            }
            if let line = layout.sections, case .cases(let list) = screen {
                SectionsView.render(list, state: state, into: &buffer, area: line)
            }
            StatusLineView.render(state, screen: screen, into: &buffer, area: layout.status)
        }
        // With no session, the sign-in form is the whole screen.
        state.overlay?.form.render(state.viewContext, into: &buffer)
    }
}
