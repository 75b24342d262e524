import ScreenKit

/// Composes the frame: tab bar, the current screen, filter bar, status line, then the overlay on top.
enum Frame {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        buffer.clear()
        if state.isTooSmall {
            TooSmallView.render(state.size, into: &buffer)
            return
        }
        guard let screen = state.currentScreen else {
            if case .signIn(let form) = state.overlay { SignInView.render(form, fullScreen: true, into: &buffer) }
            return
        }
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
        switch state.overlay {
        case .none: break
        case .help(let scroll): HelpView.render(state, scroll: scroll, into: &buffer)
        case .sessions(let cursor): SessionsView.render(state, cursor: cursor, into: &buffer)
        case .signIn(let form): SignInView.render(form, fullScreen: false, into: &buffer)
        case .feedback(let form): FeedbackView.render(form, into: &buffer)
        case .message(let form): MessageEditorView.render(form, state: state, into: &buffer)
        case .severity(let choice): SeverityChoiceView.render(choice, into: &buffer)
        case .confirm(let confirmation): ConfirmView.render(confirmation, into: &buffer)
        case .escalate(let form): EscalationView.render(form, into: &buffer)
        case .sharing(let form): SharingView.render(form, into: &buffer)
        case .newCase(let form): NewCaseView.render(form, state: state, into: &buffer)
        case .attach(let form): AttachView.render(form, into: &buffer)
        case .drafts(let list): DraftsView.render(list, state: state, into: &buffer)
        case .admin(let panel): AdminView.render(panel, state: state, into: &buffer)
        }
    }
}
