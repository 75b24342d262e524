import Domain
import ScreenKit

/// The escalation and sharing forms of an open case.
extension AppState {
    // MARK: Escalate

    mutating func escalateKey(_ key: Key, form: EscalationForm) -> [Effect] {
        var form = form
        let reasons = EscalationReason.allCases
        switch Keymap.binding(for: key, in: Keymap.escalate)?.command {
        case .close?:
            overlay = .none
            status = .info(form.sending == nil ? "Case \(form.target.number) not escalated; nothing was sent." : "The escalation is being sent…")
            return []
        case .switchFocus?:
            form.editingText.toggle()
        case .send?:
            if form.sending != nil {
                status = .info("The escalation is being sent…")
                break
            }
            switch Validate.justification(form.field.text) {
            case .failure(let refusal):
                form.error = refusal.description
                form.editingText = true
            case .success(let text):
                form.error = nil
                let number = form.target.number, reason = form.reason
                let effects = issue(form.target, what: "escalate case \(number)", success: "Case \(number) escalated.",
                                    isMessage: false) { request, session in
                    .escalate(request: request, session: session, number: number, reason: reason, justification: text)
                }
                form.sending = pendingCommands.last?.request
                overlay = .escalate(form)
                status = .info("Escalating case \(number)…")
                return effects
            }
        default:
            if form.sending != nil {
                status = .info("The escalation is being sent…")
                break
            }
            if form.editingText {
                if form.field.handleMultiline(key) == .changed { form.error = nil }
            } else {
                switch Keymap.binding(for: key, in: Keymap.formList)?.command {
                case .up?: form.cursor = max(0, form.cursor - 1)
                case .down?: form.cursor = min(reasons.count - 1, form.cursor + 1)
                default:
                    if key == .enter { form.editingText = true; break }
                    status = .info("\(key.name): choose the reason with j k, Tab to write the justification, Ctrl-S to escalate.")
                }
            }
        }
        overlay = .escalate(form)
        return []
    }

    // MARK: Sharing

    mutating func sharingKey(_ key: Key, form: SharingForm) -> [Effect] {
        var form = form
        switch Keymap.binding(for: key, in: Keymap.sharing)?.command {
        case .close?:
            overlay = .none
            status = .info(form.sending == nil ? "Sharing unchanged." : "The sharing changes are being saved…")
            return []
        case .switchFocus?:
            form.inList.toggle()
            if form.inList, form.entries.isEmpty { form.inList = false }
        case .add?:
            guard form.sending == nil else { status = .info("The sharing changes are being saved…"); break }
            addAddress(&form)
        case .send?:
            guard form.sending == nil else { status = .info("The sharing changes are being saved…"); break }
            if !form.field.text.trimmingCharacters(in: .whitespaces).isEmpty {
                addAddress(&form)
                if form.error != nil { break }
            }
            guard form.changed else {
                form.error = "Nothing changed: type an address and press Enter, or mark one for removal."
                break
            }
            if case .failure(let refusal) = Validate.sharing(current: form.current, add: form.add, remove: form.remove) {
                form.error = refusal.description
                break
            }
            form.error = nil
            let number = form.target.number, add = form.add, remove = form.remove
            let effects = issue(form.target, what: "update the sharing of case \(number)", success: "Sharing updated.",
                                isMessage: false) { request, session in
                .shareCase(request: request, session: session, number: number, add: add, remove: remove)
            }
            form.sending = pendingCommands.last?.request
            overlay = .sharing(form)
            status = .info("Saving the sharing of case \(number)…")
            return effects
        default:
            guard form.sending == nil else { status = .info("The sharing changes are being saved…"); break }
            if form.inList {
                let count = form.entries.count
                switch Keymap.binding(for: key, in: Keymap.formList)?.command {
                case .up?: form.cursor = max(0, form.cursor - 1)
                case .down?: form.cursor = min(max(0, count - 1), form.cursor + 1)
                case .toggleRemove?: toggleRemoval(&form)
                default:
                    status = .info("\(key.name): j k select, x or d marks for removal, Tab to type an address.")
                }
            } else if form.field.handle(key) == .changed {
                form.error = nil
            }
        }
        overlay = .sharing(form)
        return []
    }

    /// The typed address joins the addresses to add, when the Domain accepts the result.
    private func addAddress(_ form: inout SharingForm) {
        let address: String
        switch Validate.email(form.field.text) {
        case .failure(let refusal):
            form.error = refusal.description
            return
        case .success(let e): address = e
        }
        if form.add.contains(address) || (form.current.contains(address) && !form.remove.contains(address)) {
            form.error = "\(address) is already on the list."
            return
        }
        if let i = form.remove.firstIndex(of: address) {  // typed again: keep it after all
            form.remove.remove(at: i)
        } else {
            if case .failure(let refusal) = Validate.sharing(current: form.current, add: form.add + [address], remove: form.remove) {
                form.error = refusal.description
                return
            }
            form.add.append(address)
        }
        form.field = TextField()
        form.error = nil
    }

    /// A current address is marked (or unmarked) for removal; an address to add is dropped.
    private func toggleRemoval(_ form: inout SharingForm) {
        let entries = form.entries
        guard entries.indices.contains(form.cursor) else { return }
        let address = entries[form.cursor]
        if form.cursor >= form.current.count {
            form.add.removeAll { $0 == address }
            form.cursor = min(form.cursor, max(0, form.entries.count - 1))
        } else if let i = form.remove.firstIndex(of: address) {
            // Unmarking must not take the list over the limit.
            if case .failure(let refusal) = Validate.sharing(current: form.current, add: form.add,
                                                             remove: form.remove.filter { $0 != address }) {
                form.error = refusal.description
                return
            }
            form.remove.remove(at: i)
        } else {
            form.remove.append(address)
        }
        form.error = nil
        if form.entries.isEmpty { form.inList = false }
    }
}
