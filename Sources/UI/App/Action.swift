import Domain
import Foundation
import ScreenKit

/// Everything that can happen to the app: keys, time, other writers, and the answers to its effects.
public enum Action: Equatable, Sendable {
    case key(Key)
    case resized(Size)
    /// About every second, and at `AppState.wakeAt` when set (the filter debounce).
    case tick(Date)
    /// Someone (another process, or this one) wrote to the portal: refresh in place.
    case dataChanged
    /// The portal stopped answering (a server out of reach): the reason; nil once it answers again.
    case connection(lost: String?)
    /// Something the runtime couldn't do on its own account (a server with saved tabs out of reach at start): said
    /// on the status line as an error.
    case trouble(String)
    /// Case changes by someone else that the signed-in users may see, as they arrived.
    case arrived([ChangeNotice])
    /// The answer to the effect that issued `request`; an answer nobody waits for any more is dropped.
    case reply(request: Int, Reply)
}

/// What an effect answers. Every effect that can fail answers, and a failure always reaches the user.
public enum Reply: Equatable, Sendable {
    case cases(CasePage)
    /// A total, counted up to a cap: `capped` means "more than this".
    case counted(Int, capped: Bool)
    case customers([CustomerRow])
    case customerPage(CustomerPage)
    case caseDetail(CaseDetail)
    case signedIn(SessionInfo)
    /// A command was carried out: a case command, an admin change, feedback, a draft saved or discarded.
    case done
    /// A case was filed: its number.
    case filed(caseNumber: Int)
    /// A saved draft's content, nil when there is none.
    case draft(String?)
    /// The user's drafts, most recently edited first.
    case drafts([Draft])
    case admin(AdminOverview)
    /// A completed path and, when several names fit, some of them.
    case pathCompleted(text: String, candidates: [String])
    case fileInspected(path: String, FileInspection)
    case edited(ExternalEdit)
    /// The effect failed: the portal's sentence (a rule, bad input, or storage).
    case failed(String)
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
