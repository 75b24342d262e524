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
    /// Where its last save went, when `draft` can change (the wizard's customer): a save under another key
    /// discards the old one.
    var savedUnder: DraftForm? { get set }
    /// Whether it saves now (the wizard doesn't while the case is being filed: the draft goes once it is).
    var savesDraft: Bool { get }
    /// Whether a parked copy is still worth keeping after its draft is saved.
    var keepsWhenParked: Bool { get }
    /// "a message to case 10007919", "a new case for Acme Corp".
    var draftDescription: String { get }
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
    /// A change is saved within this long of the keystroke (the runtime ticks when one is due), and no
    /// more often than this while typing goes on: what was typed survives a crash or `kill -9`.
    static let draftSaveInterval: TimeInterval = 0.2

    /// When the next draft save is due, if a form has unsaved changes.
    var draftDue: Date? {
        let forms = ([overlay?.form as? any DraftedForm] + parked.values.map { Optional($0.form) }).compactMap { $0 }
        return forms.filter { $0.unsaved && $0.savesDraft }
            .map { $0.savedAt.map { $0.addingTimeInterval(Self.draftSaveInterval) } ?? now }
            .min()
    }

    /// The cases with a message saved as a draft, in any signed-in domain (case numbers are unique).
    var draftedCases: Set<Int> {
        Set(tabs.flatMap { $0.drafts ?? [] }.compactMap { if case .message(let number) = $0 { number } else { nil } })
    }

    /// What quitting keeps, for the line printed after the full screen is gone.
    var keptDrafts: [String] {
        let forms = ([overlay?.form as? any DraftedForm] + parked.values.map { Optional($0.form) }).compactMap { $0 }
        return forms.filter { $0.draftText != nil }.map(\.draftDescription).sorted()
    }

    /// On `.tick` (and forced before quitting or listing drafts): the open form's draft and the parked
    /// ones are saved when they changed and the last save is old enough.
    mutating func saveDrafts(force: Bool = false) -> [Effect] {
        var effects: [Effect] = []
        if var top = overlay, var form = top.form as? any DraftedForm {
            effects += draftEffects(&form, force: force)
            top.form = form
            overlay = top
        }
        for key in parked.keys.sorted(by: { ($0.domainID, $0.draft.stored) < ($1.domainID, $1.draft.stored) }) {
            guard var kept = parked[key] else { continue }
            effects += draftEffects(&kept.form, force: force)
            parked[key] = kept.form.keepsWhenParked ? kept : nil
        }
        return effects
    }

    /// The save (or discard) of `form`'s draft, and the discard of where it was saved before, when it changed and, unless `force`d, the last save is old
    /// enough; the form is marked saved. A failed save is said in the status line.
    private mutating func draftEffects(_ form: inout any DraftedForm, force: Bool) -> [Effect] {
        guard form.savesDraft, form.unsaved, let session = sessionIndex(domainID: form.draftDomain) else { return [] }
        if !force, let savedAt = form.savedAt, now.timeIntervalSince(savedAt) < Self.draftSaveInterval { return [] }
        form.unsaved = false
        form.savedAt = now
        let draft = form.draft
        var effects: [Effect] = []
        if let moved = form.savedUnder, moved != draft {
            effects.append(.discardDraft(request: backgroundRequest("discard the draft (\(moved.stored))"), session: session, form: moved))
            tabs[session].drafts?.removeAll { $0 == moved }
            parked[ParkKey(domainID: form.draftDomain, draft: moved)] = nil
        }
        let request = backgroundRequest("save the draft (\(draft.stored))")
        // The count and the marks follow at once (a failed save says so in the status line).
        if var known = tabs[session].drafts {
            known.removeAll { $0 == draft }
            if form.draftText != nil { known.append(draft) }
            tabs[session].drafts = known
        }
        form.savedUnder = form.draftText == nil ? nil : draft
        effects.append(form.draftText.map { .saveDraft(request: request, session: session, form: draft, content: $0) }
            ?? .discardDraft(request: request, session: session, form: draft))
        return effects
    }

    /// A request whose success needs no word; a failure reaches the status line.
    mutating func backgroundRequest(_ what: String) -> Int {
        requests.issue(for: .command(CommandNote(form: nil, what: what, success: "", refreshes: false)))
    }
}
