import Domain
import Foundation
import ScreenKit

/// The Drafts list (`D`): every form saved as it was typed, for the active domain's user.
extension AppState {
    mutating func openDrafts() -> [Effect] {
        let id = requests.next()
        overlay = .drafts(DraftsList(request: id))
        // What was typed in the last second is saved before the list is read (same queue, in order).
        return saveDrafts(force: true) + saveNewCaseDrafts(force: true) + [.loadDrafts(request: id, session: active)]
    }

    mutating func draftsLoaded(_ request: Int, drafts: [DraftSummary]) {
        guard case .drafts(var list) = overlay, list.request == request else { return }
        list.request = nil
        list.drafts = drafts
        list.cursor = min(list.cursor, max(0, drafts.count - 1))
        overlay = .drafts(list)
    }

    mutating func draftsKey(_ key: Key, list: DraftsList) -> [Effect] {
        var list = list
        if let form = list.discarding {
            list.discarding = nil
            guard key == .char("y") || key == .char("Y") else {
                overlay = .drafts(list)
                status = .info("The draft is kept.")
                return []
            }
            list.drafts.removeAll { $0.form == form }
            list.cursor = min(list.cursor, max(0, list.drafts.count - 1))
            overlay = .drafts(list)
            forgetParkedForm(form)
            status = .success("Draft \"\(form)\" discarded.")
            return [.discardDraft(session: active, form: form)]
        }
        switch Keymap.binding(for: key, in: Keymap.drafts)?.command {
        case .up?: list.cursor = max(0, list.cursor - 1)
        case .down?: list.cursor = min(max(0, list.drafts.count - 1), list.cursor + 1)
        case .close?:
            overlay = .none
            return []
        case .discard?:
            list.discarding = list.selected?.form
        case .open?:
            guard let draft = list.selected else { break }
            overlay = .none
            return openDraft(draft.form)
        case nil:
            status = .info("\(key.name): Enter opens a draft, x discards it, Esc closes.")
        }
        overlay = .drafts(list)
        return []
    }

    /// "new case" opens the wizard; "message N" opens case N, where m brings the message back.
    private mutating func openDraft(_ form: String) -> [Effect] {
        if form == NewCaseForm.draftName { return openNewCase() }
        guard form.hasPrefix("message "), let number = Int(form.dropFirst("message ".count)) else {
            status = .error("\"\(form)\" isn't a form of this version; discard it with x.")
            return []
        }
        var view = CaseView(number: number, domainID: tabs[active].session.user.domainID, title: "", detail: nil,
                            phase: .loading(request: 0))
        let effects = view.reload(session: active, requests: &requests)
        tabs[active].pushed.append(.detail(view))
        status = .info("Press m to go on with your message to case \(number).")
        return effects
    }

    /// A discarded draft must not come back from a form kept in memory.
    private mutating func forgetParkedForm(_ form: String) {
        if form == NewCaseForm.draftName { parkedNewCases[tabs[active].session.user.domainID] = nil }
        if form.hasPrefix("message "), let number = Int(form.dropFirst("message ".count)) { parkedMessages[number] = nil }
    }
}
