import Domain
import Foundation
import ScreenKit

/// The whole app: one tab per signed-in domain, an optional overlay, and the status line.
public struct AppState: Equatable, Sendable {
    public var size: Size
    /// Updated by `.tick`; the reference for relative times, the reopen window and the filter debounce.
    public var now: Date
    public var shouldQuit: Bool = false

    /// One tab per session, in sign-in order; tab `i` acts as session `i`.
    var tabs: [Tab]
    var active: Int = 0
    var overlay: Overlay
    /// The last message; a new key press clears it.
    var status: StatusMessage?
    var requests = RequestIDs()
    /// The case commands waiting for their answers; an answer with any other request id is stale.
    var pendingCommands: [PendingCommand] = []
    /// Message editors closed with Esc, by case number: their text is kept and saved as a draft.
    var parkedMessages: [Int: MessageForm] = [:]
    /// Create-case wizards left with Esc, by domain id: reopened as they were with `n`.
    var parkedNewCases: [Int64: NewCaseForm] = [:]

    /// Empty `sessions` opens the sign-in screen.
    public init(sessions: [SessionInfo], size: Size, now: Date) {
        self.size = size
        self.now = now
        self.tabs = sessions.map { Tab(session: $0) }
        self.overlay = sessions.isEmpty ? .signIn(SignInForm()) : .none
    }

    /// The signed-in sessions, in tab order.
    public var sessions: [SessionInfo] { tabs.map(\.session) }
    /// The index of the session the user acts as, nil before the first sign-in.
    public var activeSession: Int? { tabs.isEmpty ? nil : active }

    /// When the runtime should send a `.tick` sooner than its regular one (the filter debounce), if ever.
    public var wakeAt: Date? {
        guard let list = currentCaseList, case .editing(let editing) = list.filter.editor,
              case .waiting(let since) = editing.debounce else { return nil }
        return since.addingTimeInterval(CaseFilter.debounce)
    }

    /// Below this the app shows "terminal too small" instead of its screens.
    public static let minimumSize = Size(width: 60, height: 15)
    var isTooSmall: Bool { size.width < Self.minimumSize.width || size.height < Self.minimumSize.height }
}

extension AppState {
    var currentScreen: Screen? { tabs.isEmpty ? nil : tabs[active].current }
    var currentCaseList: CaseList? {
        if case .cases(let list)? = currentScreen { return list }
        return nil
    }
    var session: SessionInfo? { tabs.isEmpty ? nil : tabs[active].session }

    /// The session whose domain filed a case: a case opened from All domains acts as its own domain's user.
    func sessionIndex(domainID: Int64) -> Int? {
        tabs.firstIndex { $0.session.user.domainID == domainID }
    }

    /// Rows a list screen shows at once at the current size.
    func viewport(for screen: Screen) -> Int {
        Layout(size: size, filterBar: screen.showsFilterBar).viewport(for: screen.context)
    }

    /// Rows fetched per page: two screens' worth, at least 50.
    func pageLimit(for screen: Screen) -> Int { max(50, viewport(for: screen) * 2) }
}
