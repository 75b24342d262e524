import Domain
import Foundation
import ScreenKit

/// Everything that can happen to the app: keys, time, and the results of effects.
/// Results carry the request id of the effect that asked for them; a result no screen
/// is waiting for is stale and dropped.
public enum Action: Equatable, Sendable {
    case key(Key)
    case resized(Size)
    /// About every second, and at `AppState.wakeAt` when set (the filter debounce).
    case tick(Date)
    /// A page of the case list that issued `request`.
    case casesLoaded(request: Int, page: CasePage)
    case casesCounted(request: Int, count: Int, capped: Bool)
    case customersLoaded(request: Int, rows: [CustomerRow])
    case caseLoaded(request: Int, detail: CaseDetail)
    case loadFailed(request: Int, message: String)
    case signedIn(SessionInfo)
    case signInFailed(message: String)
    /// Another process wrote to the database: refresh in place.
    case dataChanged
    /// The answer to `Effect.sendFeedback`.
    case feedbackSent
    case feedbackFailed(message: String)
    /// The answer to a case command (`postMessage`, `changeSeverity`, `closeCase`, `reopenCase`) that issued `request`.
    case commandSucceeded(request: Int)
    case commandFailed(request: Int, message: String)
    /// The answer to `Effect.loadDraft`: the saved draft, nil when there is none.
    case draftLoaded(request: Int, content: String?)
    /// The answer to `Effect.fileCase`: the new case's number.
    case caseFiled(request: Int, number: Int)
    /// The answer to `Effect.completePath`: the completed text and, when several names fit, some of them.
    case pathCompleted(request: Int, text: String, candidates: [String])
    /// The answer to `Effect.inspectFile`.
    case fileInspected(request: Int, path: String, result: FileInspection)
    /// The answer to `Effect.loadAdmin`.
    case adminLoaded(request: Int, overview: AdminOverview)
    /// The answer to `Effect.loadDrafts`, most recently edited first.
    case draftsLoaded(request: Int, drafts: [DraftSummary])
    /// The answer to `Effect.editExternally`: the edited text, or why the editor couldn't run (the text is unchanged).
    case externallyEdited(request: Int, result: ExternalEdit)
}

public enum FileInspection: Equatable, Sendable {
    /// A regular file that can be read: its name (last path component) and size in bytes.
    case file(name: String, size: Int)
    case unreadable(String)
}

public enum ExternalEdit: Equatable, Sendable {
    case edited(String)
    case failed(String)
}

/// A saved draft as the Drafts list shows it.
public struct DraftSummary: Equatable, Sendable {
    /// "new case" or "message 12345678".
    public var form: String
    public var content: String
    public var updatedAt: Date
    public init(form: String, content: String, updatedAt: Date) { self.form = form; self.content = content; self.updatedAt = updatedAt }
}
