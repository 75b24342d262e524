import Foundation

/// A form saved as a draft while it is typed into (the message editor, the create-case wizard).
protocol DraftedForm {
    /// The domain whose session saves it.
    var draftDomainID: Int64 { get }
    var draftName: String { get }
    /// What to save; nil when nothing is left to keep (the draft is discarded).
    var draftText: String? { get }
    /// Changed since the last save.
    var unsaved: Bool { get set }
    var savedAt: Date? { get set }
}

extension MessageForm: DraftedForm {
    var draftDomainID: Int64 { target.domainID }
    var draftText: String? { field.isEmpty ? nil : field.text }
}

extension NewCaseForm: DraftedForm {
    var draftDomainID: Int64 { domainID }
    var draftName: String { Self.draftName }
    var draftText: String? { isEmpty ? nil : draftContent }
}

extension AppState {
    /// Drafts are saved at most this often while typing (on `.tick`).
    static let draftSaveInterval: TimeInterval = 0.9

    /// The save (or discard) of `form`'s draft when it changed and, unless `force`d, the last save is old enough;
    /// the form is marked saved.
    func draftEffect<F: DraftedForm>(_ form: inout F, force: Bool) -> Effect? {
        guard form.unsaved, let session = sessionIndex(domainID: form.draftDomainID) else { return nil }
        if !force, let savedAt = form.savedAt, now.timeIntervalSince(savedAt) < Self.draftSaveInterval { return nil }
        form.unsaved = false
        form.savedAt = now
        return form.draftText.map { .saveDraft(session: session, form: form.draftName, content: $0) }
            ?? .discardDraft(session: session, form: form.draftName)
    }
}
