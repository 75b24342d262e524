import Domain
import Foundation
import ScreenKit

/// The forms of an open case: the message editor, the severity choice, the close and reopen questions,
/// and the answers to the commands they send.
extension AppState {
    /// The session that acts on a case: the one of the domain that filed it.
    func session(for target: CaseRef) -> Int {
        sessionIndex(domainID: target.domainID) ?? active
    }

    // MARK: Message editor

    /// Opens the editor with the text kept from the last time (Esc), and asks for the saved draft.
    mutating func openMessageEditor(_ target: CaseRef) -> [Effect] {
        var form = parkedMessages.removeValue(forKey: target.number) ?? MessageForm(target: target)
        let id = requests.next()
        form.draftRequest = id
        overlay = .message(form)
        return [.loadDraft(request: id, session: session(for: target), form: form.draftName)]
    }

    mutating func messageKey(_ key: Key, form: MessageForm) -> [Effect] {
        var form = form
        if form.editing != nil { return [] }
        switch Keymap.binding(for: key, in: Keymap.messageEditor)?.command {
        case .externalEditor?:
            guard form.sending == nil else { status = .info("The message is being sent…"); break }
            let id = requests.next()
            form.editing = id
            overlay = .message(form)
            return [.editExternally(request: id, text: form.field.text)]
        case .send?:
            if form.sending != nil {
                status = .info("The message is being sent…")
                break
            }
            switch Validate.message(form.field.text) {
            case .failure(let refusal):
                form.error = refusal.description
            case .success(let text):
                form.error = nil
                let effects = issue(form.target, what: "send the message to case \(form.target.number)",
                                    success: "Message sent.", isMessage: true) { request, session in
                    .postMessage(request: request, session: session, number: form.target.number, text: text)
                }
                form.sending = pendingCommands.last?.request
                overlay = .message(form)
                return effects
            }
        case .close?:
            overlay = .none
            if !form.field.isEmpty || form.unsaved || form.sending != nil { parkedMessages[form.target.number] = form }
            status = .info(form.field.isEmpty
                           ? "Message closed; nothing was sent."
                           : "Message kept as a draft; nothing was sent. Press m to go on.")
            return []
        case .newline?, nil:
            if form.sending != nil {
                status = .info("The message is being sent…")
                break
            }
            if form.field.handleMultiline(key) == .changed {
                form.unsaved = true
                form.error = nil
            }
        }
        overlay = .message(form)
        return []
    }

    /// On `.tick`: saves the drafts of the open editor and of those closed with Esc, if they changed.
    mutating func saveDrafts(force: Bool = false) -> [Effect] {
        var effects: [Effect] = []
        if case .message(var form) = overlay, let effect = draftEffect(&form, force: force) {
            effects.append(effect)
            overlay = .message(form)
        }
        for number in parkedMessages.keys.sorted() {
            guard var form = parkedMessages[number] else { continue }
            if let effect = draftEffect(&form, force: force) { effects.append(effect) }
            parkedMessages[number] = form.field.isEmpty && form.sending == nil ? nil : form
        }
        return effects
    }

    /// The saved draft fills the editor if nothing was typed yet.
    mutating func draftLoaded(_ request: Int, content: String?) {
        guard case .message(var form) = overlay, form.draftRequest == request else { return }
        form.draftRequest = nil
        if form.field.isEmpty, let content, !content.isEmpty {
            form.field = TextField(content)
            form.unsaved = false
        }
        overlay = .message(form)
    }

    /// The message text came back from `$EDITOR`.
    mutating func messageEdited(_ request: Int, result: ExternalEdit) -> Bool {
        guard case .message(var form) = overlay, form.editing == request else { return false }
        form.editing = nil
        switch result {
        case .edited(let text):
            if text != form.field.text {
                form.field = TextField(text)
                form.unsaved = true
                form.error = nil
            }
        case .failed(let why):
            status = .error("Ctrl-E: \(why); the built-in editor is still here.")
        }
        overlay = .message(form)
        return true
    }

    // MARK: Severity and yes/no questions

    mutating func severityKey(_ key: Key, choice: SeverityChoice) -> [Effect] {
        var choice = choice
        let levels = Severity.allCases
        switch Keymap.binding(for: key, in: Keymap.choice)?.command {
        case .up?: choice.cursor = max(0, choice.cursor - 1)
        case .down?: choice.cursor = min(levels.count - 1, choice.cursor + 1)
        case .close?:
            overlay = .none
            status = .info("Severity unchanged.")
            return []
        case .choose?:
            let severity = levels[choice.cursor]
            if case .refused(let refusal) = decision(for: choice.target, { actor, c, access in
                Rules.changeSeverity(by: actor, c, to: severity, access: access)
            }) {
                status = .error(refusal.description)
                break
            }
            overlay = .none
            status = .info("Changing the severity of case \(choice.target.number) to \(severity.rawValue)…")
            return issue(choice.target, what: "change the severity of case \(choice.target.number)",
                         success: "Severity changed to \(severity.label).", isMessage: false) { request, session in
                .changeSeverity(request: request, session: session, number: choice.target.number, severity: severity)
            }
        case nil:
            status = .info("\(key.name): choose with j k and Enter, or Esc to cancel.")
        }
        overlay = .severity(choice)
        return []
    }

    mutating func confirmKey(_ key: Key, _ confirmation: Confirmation) -> [Effect] {
        let number = confirmation.target.number
        switch Keymap.binding(for: key, in: Keymap.confirm)?.command {
        case .yes?:
            overlay = .none
            switch confirmation.command {
            case .close:
                status = .info("Closing case \(number)…")
                return issue(confirmation.target, what: "close case \(number)", success: "Case \(number) closed.",
                             isMessage: false) { request, session in
                    .closeCase(request: request, session: session, number: number)
                }
            case .reopen:
                status = .info("Reopening case \(number)…")
                return issue(confirmation.target, what: "reopen case \(number)", success: "Case \(number) reopened.",
                             isMessage: false) { request, session in
                    .reopenCase(request: request, session: session, number: number)
                }
            case .followUp:
                return fileFollowUp(of: confirmation.target)
            }
        case .no?:
            overlay = .none
            status = .info("Nothing changed.")
        case nil:
            status = .info("Press y or n.")
        }
        return []
    }

    /// The Domain's decision on the open case `target`, when its detail is on screen.
    private func decision(for target: CaseRef, _ rule: (Actor, SupportCase, CustomerAccess?) -> Decision) -> Decision {
        guard case .detail(let view)? = currentScreen, view.number == target.number, let detail = view.detail else {
            return .allowed  // the Store checks again
        }
        return rule(.reseller(actingUser(for: view)), detail.supportCase, detail.access)
    }

    // MARK: Commands and their answers

    /// Sends a case command and remembers it until its answer comes.
    mutating func issue(_ target: CaseRef, what: String, success: String, isMessage: Bool,
                                _ effect: (_ request: Int, _ session: Int) -> Effect) -> [Effect] {
        let request = requests.next()
        pendingCommands.append(PendingCommand(request: request, target: target, success: success, what: what, isMessage: isMessage))
        return [effect(request, session(for: target))]
    }

    /// Closes the editor of a sent message, says so, and reloads what is on screen.
    mutating func commandSucceeded(_ request: Int) -> [Effect] {
        guard let index = pendingCommands.firstIndex(where: { $0.request == request }) else { return [] }
        let command = pendingCommands.remove(at: index)
        var effects: [Effect] = []
        if command.isMessage {
            let number = command.target.number
            if case .message(let form) = overlay, form.sending == request { overlay = .none }
            if parkedMessages[number]?.sending == request { parkedMessages[number] = nil }
            effects.append(.discardDraft(session: session(for: command.target), form: "message \(number)"))
        }
        if case .escalate(let form) = overlay, form.sending == request { overlay = .none }
        if case .sharing(let form) = overlay, form.sending == request { overlay = .none }
        if case .attach(let form) = overlay, form.sending == request { overlay = .none }
        if case .admin(var panel) = overlay, panel.sending == request {
            panel.sending = nil
            panel.error = nil
            overlay = .admin(panel)
            status = .success(command.success)
            return reloadAdmin() + dataChanged()
        }
        status = .success(command.success)
        return effects + dataChanged()
    }

    /// The reason, at the editor's field for a message, else in the status line.
    mutating func commandFailed(_ request: Int, message: String) {
        guard let index = pendingCommands.firstIndex(where: { $0.request == request }) else { return }
        let command = pendingCommands.remove(at: index)
        let number = command.target.number
        if newCaseFailed(request, message: message) { return }
        if adminChangeFailed(request, message: message) { return }
        if case .attach(var form) = overlay, form.sending == request {
            form.sending = nil
            form.picker.error = message
            overlay = .attach(form)
            return
        }
        if case .escalate(var form) = overlay, form.sending == request {
            form.sending = nil
            form.error = message
            overlay = .escalate(form)
            return
        }
        if case .sharing(var form) = overlay, form.sending == request {
            form.sending = nil
            form.error = message
            overlay = .sharing(form)
            return
        }
        if command.isMessage, case .message(var form) = overlay, form.sending == request {
            form.sending = nil
            form.error = message
            overlay = .message(form)
            return
        }
        if command.isMessage, var form = parkedMessages[number], form.sending == request {
            form.sending = nil
            form.error = message
            parkedMessages[number] = form
        }
        status = .error("Couldn't \(command.what): \(message)")
    }
}
