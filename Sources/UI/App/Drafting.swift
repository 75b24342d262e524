import Domain
import Foundation

/// A form saved as a draft while it is typed into (the message editor, the create-case wizard).
protocol DraftedForm: OverlayForm {
    /// The domain whose session saves it.
    var draftDomain: Int64 { get }
    var draft: DraftForm { get }
    /// What to save; nil when nothing is left to keep (the draft is discarded).
    var draftText: String? { get }
    /// Changed since the last save.
    var unsaved: Bool { get set }
    var savedAt: Date? { get set }
    /// Whether it saves now (the wizard doesn't while the case is being filed: the draft goes once it is).
    var savesDraft: Bool { get }
    /// Whether a parked copy is still worth keeping after its draft is saved.
    var keepsWhenParked: Bool { get }
}

extension DraftedForm {
    var savesDraft: Bool { true }
    var keepsWhenParked: Bool { true }
}

/// Where a parked form is kept: one per domain and draft.
struct ParkKey: Hashable, Sendable {
    var domainID: Int64
    var draft: DraftForm
}

/// A form left with Esc, with its identity (answers to what it sent still reach it).
struct Parked: Equatable, Sendable {
    var id: FormID
    var form: any DraftedForm

    static func == (a: Parked, b: Parked) -> Bool { a.id == b.id && a.form.isEqual(to: b.form) }
}

extension AppState {
    /// Drafts are saved at most this often while typing (on `.tick`).
    static let draftSaveInterval: TimeInterval = 0.9

    /// On `.tick` (and forced before quitting or listing drafts): the open form's draft and the parked
    /// ones are saved when they changed and the last save is old enough.
    mutating func saveDrafts(force: Bool = false) -> [Effect] {
        var effects: [Effect] = []
        if var top = overlay, var form = top.form as? any DraftedForm, let effect = draftEffect(&form, force: force) {
            effects.append(effect)
            top.form = form
            overlay = top
        }
        for key in parked.keys.sorted(by: { ($0.domainID, $0.draft.stored) < ($1.domainID, $1.draft.stored) }) {
            guard var kept = parked[key] else { continue }
            if let effect = draftEffect(&kept.form, force: force) { effects.append(effect) }
            parked[key] = kept.form.keepsWhenParked ? kept : nil
        }
        return effects
    }

    /// The save (or discard) of `form`'s draft when it changed and, unless `force`d, the last save is old
    /// enough; the form is marked saved. A failed save is said in the status line.
    private mutating func draftEffect(_ form: inout any DraftedForm, force: Bool) -> Effect? {
        guard form.savesDraft, form.unsaved, let session = sessionIndex(domainID: form.draftDomain) else { return nil }
        if !force, let savedAt = form.savedAt, now.timeIntervalSince(savedAt) < Self.draftSaveInterval { return nil }
        form.unsaved = false
        form.savedAt = now
        let draft = form.draft
        let note = Requester.command(CommandNote(form: nil, what: "save the draft (\(draft.stored))", success: "", refreshes: false))
        let request = requests.issue(for: note)
        return form.draftText.map { .saveDraft(request: request, session: session, form: draft, content: $0) }
            ?? .discardDraft(request: request, session: session, form: draft)
    }
}
