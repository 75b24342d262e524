import ScreenKit

extension AppState {
    /// A key goes to the form on top, else to the open filter bar, else to the keymap.
    mutating func handle(_ key: Key) -> [Effect] {
        if key == .resize { return [] }  // the runtime sends .resized with the new size
        if Keymap.binding(for: key, in: keys.main)?.command == .quit { return quit() }
        if isTooSmall {
            // Nothing else can be seen, so only the way out works.
            return keys.main.first { $0.command == .backOrQuit }?.keys.contains(key) == true ? quit() : []
        }
        // The mouse leaves the status line as it was (and does nothing under a form: `mouse`).
        if case .mouse(let event) = key { return mouse(event) }
        status = nil
        if let top = overlay {
            return serveForm(top.id) { form, env in form.key(key, &env) }
        }
        guard let screen = currentScreen else { return [] }
        if currentCaseList?.filter.editing != nil { return filterKey(key) }
        if case .customers(var customers) = screen, customers.searching {
            let effects = customers.searchKey(key, session: active, limit: pageLimit(for: screen), keys: keys, requests: &requests,
                                              as: currentScreenRef)
            tabs[active].current = .customers(customers)
            return effects
        }
        // Esc on a list with marks clears them before it goes back.
        if Keymap.binding(for: key, in: keys.main)?.command == .back, let list = currentCaseList, !list.marks.isEmpty {
            clearMarks()
            return []
        }
        // n and N after a search in a case go between its matches (as in less); Esc clears the search first.
        if case .detail(let view) = screen, view.search != nil, [Key.char("n"), .char("N"), .escape].contains(key) {
            return caseSearchKey(key)
        }
        guard let binding = Keymap.binding(for: key, in: keys.main, context: screen.context) else {
            status = .info("\(key.name) does nothing here. Press \(keys.name(of: .help)) for the keys of this screen.")
            return []
        }
        guard binding.contexts.contains(screen.context) else {
            status = .info(binding.unavailable(key: key, in: screen.context))
            return []
        }
        return perform(binding.command, key: key)
    }

    private mutating func perform(_ command: Command, key: Key) -> [Effect] {
        switch command {
        case .show(let root): return show(root)
        case .previousSession: return switchSession(by: -1)
        case .nextSession: return switchSession(by: 1)
        case .sessions: open(SessionSwitcher(cursor: active))
        case .editFilter: openFilter()
        case .cycleSort: return cycleSort()
        case .reverseOrder: return reverseOrder()
        case .refresh: return refresh()
        case .newCase: return openNewCase()
        case .drafts: return openDrafts()
        case .admin: return openAdmin()
        case .feedback: open(FeedbackForm(screen: currentScreen?.name ?? "Sign in"))
        case .help: open(Help(context: screen(of: currentScreen), screenName: currentScreen?.name ?? ""))
        case .back: return back(quitAtTop: false)
        case .backOrQuit: return back(quitAtTop: true)
        case .quit: return quit()
        case .move(let movement): return move(movement)
        case .open: return openSelected()
        case .caseAction(let action): return caseAction(action, key: key)
        case .jump: open(JumpForm())
        case .copy(let what): return copy(what)
        case .pageCase: return pageCase()
        case .searchCase: open(CaseSearchForm(text: currentCaseScreen?.search ?? ""))
        case .mark(let what): return mark(what)
        case .bulk(let action): startBulk(action)
        case .togglePreview: return togglePreview()
        case .toggleRead: return toggleRead()
        case .nextView: return moveSection(by: 1)
        case .previousView: return moveSection(by: -1)
        case .saveView: startSavingView()
        }
        return []
    }

    private func screen(of screen: Screen?) -> KeyContext { screen?.context ?? .caseList }

    /// Quits; what was typed since the last draft save is saved first (the runtime finishes writes before exiting).
    mutating func quit() -> [Effect] {
        shouldQuit = true
        return saveDrafts(force: true) + [.quit]
    }
}
