import ScreenKit

extension AppState {
    /// A key goes to the overlay, else to the open filter bar, else to the keymap.
    mutating func handle(_ key: Key) -> [Effect] {
        if key == .resize { return [] }  // the runtime sends .resized with the new size
        if Keymap.binding(for: key, in: Keymap.main)?.command == .quit { return quit() }
        if isTooSmall {
            // Nothing else can be seen, so only the way out works.
            return key == .char("q") ? quit() : []
        }
        status = nil
        switch overlay {
        case .none: break
        case .help: return helpKey(key)
        case .sessions(let cursor): return sessionsKey(key, cursor: cursor)
        case .signIn(let form): return signInKey(key, form: form)
        case .feedback(let form): return feedbackKey(key, form: form)
        case .message(let form): return messageKey(key, form: form)
        case .severity(let choice): return severityKey(key, choice: choice)
        case .confirm(let confirmation): return confirmKey(key, confirmation)
        case .escalate(let form): return escalateKey(key, form: form)
        case .sharing(let form): return sharingKey(key, form: form)
        case .newCase(let form): return newCaseKey(key, form: form)
        case .attach(let form): return attachKey(key, form: form)
        case .drafts(let list): return draftsKey(key, list: list)
        case .admin(let panel): return adminKey(key, panel: panel)
        }
        guard let screen = currentScreen else { return [] }
        if currentCaseList?.filter.editing != nil { return filterKey(key) }
        guard let binding = Keymap.binding(for: key, in: Keymap.main) else {
            status = .info("\(key.name) does nothing here. Press ? for the keys of this screen.")
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
        case .sessions: overlay = .sessions(cursor: active)
        case .editFilter: openFilter()
        case .cycleSort: return cycleSort()
        case .refresh: return refresh()
        case .newCase: return openNewCase()
        case .drafts: return openDrafts()
        case .admin: return openAdmin()
        case .feedback: overlay = .feedback(FeedbackForm(screen: currentScreen?.name ?? "Sign in"))
        case .help: overlay = .help(scroll: 0)
        case .back: return back(quitAtTop: false)
        case .backOrQuit: return back(quitAtTop: true)
        case .quit: return quit()
        case .move(let movement): return move(movement)
        case .open: return openSelected()
        case .caseAction(let action): return caseAction(action, key: key)
        }
        return []
    }

    /// Quits; what was typed since the last draft save is saved first (the runtime finishes writes before exiting).
    mutating func quit() -> [Effect] {
        shouldQuit = true
        return saveDrafts(force: true) + saveNewCaseDrafts(force: true) + [.quit]
    }
}
