import Domain
import Foundation
import Portal
import UI

/// The tabs the app opens with: the sessions kept for the location it opens on, then those signed in from it at other
/// places, each checked again by its place. A session that expired or lost its licence is left out (the sign-in screen
/// covers it); so are a place's sessions when it can't be reached, kept on disk for next time and named in `trouble`.
public struct SavedTabs {
    public var places: [any Portal]
    public var sessions: [RunnerSession]
    public var infos: [SessionInfo]
    /// The tab to open on: the one `--as` names, else the one used last.
    public var active: Int
    /// Each tab's My Cases filter and order from the last run.
    public var settings: [ListSettings?]
    /// What to tell about places out of reach, if any.
    public var trouble: String?

    public static func restore(home: any Portal, asUser: String?, open: PlaceOpener?) -> SavedTabs {
        var tabs = SavedTabs(places: [home], sessions: [], infos: [], active: 0, settings: [], trouble: nil)
        var kept: [SavedSession] = []
        var unreachable: [String: String] = [:]
        for saved in SessionFile.tabs(openedOn: home.location) {
            guard unreachable[saved.database] == nil, let place = tabs.place(saved.database, open: open, unreachable: &unreachable) else {
                continue
            }
            let user: User
            do throws(PortalError) { user = try tabs.places[place].resume(token: saved.token) } catch {
                if case .unavailable(let why) = error { unreachable[saved.database] = why }
                continue
            }
            tabs.sessions.append(RunnerSession(user: user, token: saved.token, place: place))
            tabs.infos.append(SessionInfo(user: PlaceIDs.shown(user, place: place), domainName: saved.domain, location: saved.database))
            tabs.settings.append(saved.list)
            kept.append(saved)
        }
        // A place whose sessions all failed has no tab: it isn't kept open (nor watched).
        let used = tabs.places.indices.filter { i in i == 0 || tabs.sessions.contains { $0.place == i } }
        tabs.places = used.map { tabs.places[$0] }
        for i in tabs.sessions.indices { tabs.sessions[i].place = used.firstIndex(of: tabs.sessions[i].place)! }
        tabs.active = SessionFile.lastUsed(kept)
        if let asUser, let i = tabs.sessions.firstIndex(where: { $0.place == 0 && $0.user.email.caseInsensitiveCompare(asUser) == .orderedSame }) {
            tabs.active = i
        }
        if !unreachable.isEmpty {
            // Each reason names its place ("server: can't reach https://…").
            tabs.trouble = "Tabs left out (kept for next time): " + unreachable.sorted { $0.key < $1.key }.map(\.value).joined(separator: "; ")
        }
        return tabs
    }

    /// The index of the place at `location`, opened when new; nil (and why, in `unreachable`) when it can't be.
    private mutating func place(_ location: String, open: PlaceOpener?, unreachable: inout [String: String]) -> Int? {
        if let i = places.firstIndex(where: { $0.location == location }) { return i }
        guard let open else { return nil }
        do throws(PortalError) { places.append(try open(location)) } catch {
            unreachable[location] = error.description
            return nil
        }
        return places.count - 1
    }
}
