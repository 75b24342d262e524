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
}
