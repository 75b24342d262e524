import Domain
import Foundation

extension AppState {
    /// The top of the update: keys go to the form on top or the screen, answers to whoever asked.
    mutating func update(_ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return handle(key)
        case .resized(let newSize):
            size = newSize
            return loadMoreIfNeeded()  // a taller screen may show past what is loaded
        case .tick(let date):
            now = date
            return debounceFilter() + saveDrafts() + settlePreview()
        case .dataChanged:
            return dataChanged()
        case .connection(let lost):
            let wasLost = connectionLost != nil
            connectionLost = lost
            guard lost == nil, wasLost else { return [] }
            status = .success("Connected again.")
            return dataChanged()
        case .trouble(let text):
            status = .error(text)
            return []
        case .arrived(let notices):
            guard let text = Arrivals.text(notices) else { return [] }
            status = .arrival(text)
            return bell ? [.ringBell] : []
        case .reply(let request, let reply):
            return route(reply, request: request)
        }
    }

    /// An answer goes to the screen, form or command that issued its request; nobody waiting means stale.
    private mutating func route(_ reply: Reply, request: Int) -> [Effect] {
        switch requests.answer(request) {
        case nil:
            return []
        case .screen(let ref)?:
            return deliver(reply, request: request, to: ref)
        case .form(let id)?:
            return serveForm(id) { form, env in form.receive(reply, request: request, &env) }
        case .command(let note)?:
            return commandEnded(note, reply: reply, request: request)
        case .bulk(let id)?:
            return bulkAnswered(id, request: request, reply: reply)
        case .readState(let note)?:
            return readStateAnswered(note, reply: reply)
        case .unreadCount(let tab)?:
            unreadCounted(tab, reply: reply)
            return []
        case .drafts(let tab)?:
            if let t = tabs.firstIndex(where: { $0.id == tab }), case .drafts(let list) = reply { tabs[t].drafts = list.map(\.form) }
            return []
        }
    }

    private mutating func deliver(_ reply: Reply, request: Int, to ref: ScreenRef) -> [Effect] {
        guard let t = tabs.firstIndex(where: { $0.id == ref.tab }), var screen = tabs[t][ref.screen] else { return [] }
        let receipt = screen.receive(reply, request: request, viewport: viewport(for: screen))
        tabs[t][ref.screen] = screen
        guard t == active, tabs[t].currentID == ref.screen else { return [] }
        let read = readShownCase()
        if case .failed(let what, let message) = receipt {
            status = .error("Couldn't load \(what): \(message)  (\(keys.name(of: .refresh)) retries)")
        }
        // A case action pressed while the case was loading goes on now that it is here.
        if case .detail(var view) = tabs[t].current, view.detail != nil, let waiting = view.waiting {
            view.waiting = nil
            tabs[t].current = .detail(view)
            return read + caseAction(waiting.action, key: waiting.key) + loadMoreIfNeeded()
        }
        return read + loadMoreIfNeeded() + loadMoreCustomersIfNeeded()
    }

    /// A command ended: its form (if still open or parked) takes the answer; then the status line says how
    /// it went, and on success what is on screen reloads.
    private mutating func commandEnded(_ note: CommandNote, reply: Reply, request: Int) -> [Effect] {
        let failure: String? = if case .failed(let message) = reply { message } else { nil }
        let succeeded = failure == nil
        if succeeded, !note.success.isEmpty { status = .success(note.success) }
        var effects: [Effect] = []
        let formThere = note.form.map(hasForm) ?? false
        if let id = note.form, formThere {
            effects += serveForm(id) { form, env in form.receive(reply, request: request, &env) }
        } else if let failure {
            status = .error("Couldn't \(note.what): \(failure)")
        }
        guard succeeded && note.refreshes else { return effects }
        if case .detail(var screen)? = currentScreen {
            screen.revealLatest = true  // the event the command added is at the end of the history
            tabs[active].current = .detail(screen)
        }
        return effects + dataChanged()
    }

    /// Another process wrote: every screen is out of date; the visible one reloads now, the others when shown.
    mutating func dataChanged() -> [Effect] {
        for t in tabs.indices {
            tabs[t].forEachScreen { screen in
                screen.freshness = .stale
                if case .cases(var list) = screen { list.preview.forget(); list.viewsCounted = false; screen = .cases(list) }
            }
            if tabs[t].drafts != nil { tabs[t].draftsRequested = false }  // a draft may have gone with a sent message
            tabs[t].unreadRequested = false
        }
        return showCurrent()
    }
}
