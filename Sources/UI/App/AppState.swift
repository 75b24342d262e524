import Domain
import Foundation
import ScreenKit

/// The whole app: one tab per signed-in domain, the form on top (if any), forms parked with Esc, the
/// status line, and the requests waiting for their answers.
public struct AppState: Equatable, Sendable {
    public var size: Size
    /// Updated by `.tick`; the reference for relative times, the reopen window and the filter debounce.
    public var now: Date
    public var shouldQuit: Bool = false
    /// What the terminal can draw (ASCII frames and `...` where it can't draw UTF-8); set once by the runtime.
    public var glyphs: Glyphs = .unicode
    /// When support's answer is due, per tier and severity (the config file's, or careportal's defaults).
    public var responseTargets: ResponseTargets = .defaults
    /// The saved views (the config file's `[[views]]`), shown as sections above the case lists.
    public var views: [SavedView] = []
    /// Ring the terminal's bell when someone else's change arrives (`bell = true` in the config file).
    public var bell = false

    /// The keys in effect: careportal's, with the config file's `[keys]` applied.
    var keys = Keymap.standard

    /// The config file's settings; returns what of its `[keys]` couldn't be applied (said at start).
    @discardableResult
    public mutating func apply(_ preferences: Preferences) -> [String] {
        views = preferences.views
        bell = preferences.bell
        responseTargets = preferences.responseTargets
        let (remapped, problems) = Keymap.standard.remapped(by: preferences.keys)
        keys = remapped
        return problems
    }

    /// One tab per session, in sign-in order; tab `i` acts as session `i`.
    var tabs: [Tab]
    var active: Int = 0
    var overlay: Overlay?
    /// Forms left with Esc that keep what was typed (message editors, wizards), by domain and draft.
    var parked: [ParkKey: Parked] = [:]
    /// The last message; a new key press clears it.
    var status: StatusMessage?
    /// Where the app was opened (a database file or a server); "" when not said (the first tab's place then).
    var home: String
    /// Why the portal isn't answering, while it isn't: the status line says it is reconnecting.
    var connectionLost: String?
    var requests = Requests()
    /// A change to every marked case, while its answers come in.
    var bulk: BulkRun?
    /// The preview pane beside case lists (`P`), shown from 160 columns.
    var previewEnabled = true

    /// Empty `sessions` opens the sign-in screen.
    /// `active`: the tab to open on (the one used last, or the one `--as` names).
    /// `settings`: each tab's My Cases filter and order from the last run (by tab; missing ones start fresh).
    /// `home`: where the app was opened (a database file or a server), where a first sign-in goes.
    public init(sessions: [SessionInfo], size: Size, now: Date, active: Int = 0, settings: [ListSettings?] = [], home: String = "") {
        self.size = size
        self.now = now
        self.home = home
        self.tabs = []
        for (i, session) in sessions.enumerated() {
            var tab = Tab(id: requests.serial(), session: session)
            if settings.indices.contains(i), let kept = settings[i] { tab.myCases.apply(kept) }
            tabs.append(tab)
        }
        self.active = sessions.indices.contains(active) ? active : 0
        if sessions.isEmpty { overlay = Overlay(id: requests.serial(), form: SignInForm(location: home)) }
    }

    /// The signed-in sessions, in tab order.
    public var sessions: [SessionInfo] { tabs.map(\.session) }
    /// The index of the session the user acts as, nil before the first sign-in.
    public var activeSession: Int? { tabs.isEmpty ? nil : active }

    /// When the runtime should send a `.tick` sooner than its regular one (the filter debounce, a draft
    /// save), if ever.
    public var wakeAt: Date? { [currentCaseList?.filter.wakeAt, draftDue, previewWakeAt].compactMap { $0 }.min() }

    /// Said after the full screen is gone when the app quits with unsent text: what was kept, and where.
    public var farewell: String? {
        guard shouldQuit else { return nil }
        let kept = keptDrafts
        if !kept.isEmpty {
            return "Kept as drafts: \(kept.joined(separator: "; ")). `careportal drafts` lists them; the app brings them back."
        }
        // Nothing typed since the last save, but drafts from before are still waiting.
        let saved = tabs.reduce(0) { $0 + ($1.drafts?.count ?? 0) }
        guard saved > 0 else { return nil }
        return "\(saved) draft\(saved == 1 ? "" : "s") saved (D in the app or `careportal drafts` lists them)."
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

    /// The app's own place: where it was opened, else the first tab's. Tabs and rows of other places name theirs.
    var homeLocation: String { home.isEmpty ? tabs.first?.session.location ?? "" : home }

    /// The places of the domains not at the app's own place, by domain ID: what the All domains list marks rows with.
    var domainPlaces: [Int64: String] {
        let home = homeLocation
        return Dictionary(tabs.map(\.session).filter { $0.location != home }.map { ($0.user.domainID, $0.shortPlace) },
                          uniquingKeysWith: { a, _ in a })
    }

    /// The session whose domain filed a case: a case opened from All domains acts as its own domain's user.
    func sessionIndex(domainID: Int64) -> Int? {
        tabs.firstIndex { $0.session.user.domainID == domainID }
    }

    /// Whoever acts on what is on screen, as the header names them: an open form's domain's session (a form on a
    /// case from All domains acts as that case's domain), else the shown case's domain's, else the tab's.
    var actingSession: SessionInfo? {
        let domain: Int64? = if let form = overlay?.form.actingDomain { form }
            else if case .detail(let screen)? = currentScreen { screen.ref.domainID } else { nil }
        if let domain, let i = sessionIndex(domainID: domain) { return tabs[i].session }
        return session
    }

    /// The user who acts on a case: the session of the domain that filed it.
    func actingUser(for target: CaseRef) -> User {
        tabs[sessionIndex(domainID: target.domainID) ?? active].session.user
    }

    /// Rows a list screen shows at once at the current size.
    /// The rows of a screen: a case list has its sections line when there are saved views.
    func layout(for screen: Screen, size: Size) -> Layout {
        var sections = false
        if case .cases = screen { sections = !views.isEmpty }
        return Layout(size: size, filterBar: screen.showsFilterBar, sections: sections)
    }

    func viewport(for screen: Screen) -> Int {
        layout(for: screen, size: size).viewport(for: screen.context)
    }

    /// Whether the case list on screen shows its current query's rows, all of them loaded (true on any other
    /// screen): what a filter or a page key waits for; the read-ahead it may start is not.
    public var screenComplete: Bool {
        guard let screen = currentScreen, case .cases(let list) = screen else { return true }
        return !list.phase.isLoading && list.showsLoadedRows(viewport: viewport(for: screen))
    }

    /// Rows fetched per page: two screens' worth, at least 50.
    func pageLimit(for screen: Screen) -> Int { max(50, viewport(for: screen) * 2) }

    var viewContext: ViewContext { ViewContext(size: size, now: now, sessions: sessions, active: active, keys: keys) }
}
