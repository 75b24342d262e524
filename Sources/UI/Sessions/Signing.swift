import Foundation

/// Signing in and out: a tab per session.
extension AppState {
    /// A new session becomes the last tab (the runtime appends it to its sessions too) and opens on
    /// My Cases. One account per domain: an older session of the same domain is signed out, and the new one takes
    /// its tab, where it was (the runtime moves it there too).
    mutating func signedIn(_ session: SessionInfo) -> [Effect] {
        var effects: [Effect] = []
        let tab = Tab(id: requests.serial(), session: session)
        if let old = sessionIndex(domainID: session.user.domainID) {
            let replaced = tabs[old].session.user.email
            tabs[old] = tab
            active = old
            effects.append(.replaceSession(session: old))
            status = .success("Signed in to \(session.domainName) as \(session.user.email); the session as \(replaced) there ended.")
        } else {
            tabs.append(tab)
            active = tabs.count - 1
            status = .success("Signed in to \(session.domainName) as \(session.user.email).")
        }
        markAllDomainsStale()
        overlay = nil
        return effects + showCurrent()
    }

    /// Signs out of tab `index`; with no tab left, the sign-in screen.
    mutating func signOut(_ index: Int) -> [Effect] {
        let name = tabs[index].session.domainName, location = tabs[index].session.location
        tabs.remove(at: index)
        if index < active { active -= 1 }
        active = max(0, min(active, tabs.count - 1))
        markAllDomainsStale()
        status = .info("Signed out of \(name).")
        guard !tabs.isEmpty else {
            open(SignInForm(location: location))
            return [.signOut(session: index)]
        }
        open(SessionSwitcher(cursor: active))
        return [.signOut(session: index)] + showCurrent()
    }

    /// The set of sessions changed, so every unified inbox is out of date.
    mutating func markAllDomainsStale() {
        for t in tabs.indices where tabs[t].allDomains.phase != .unloaded {
            tabs[t].allDomains.freshness = .stale
        }
    }
}
