import Domain
import Foundation

/// Unread cases in the app: a case someone else changed since you last opened it is bold with ● in its list; opening
/// it reads it; `u` reads or unreads the cursor row's case (or every marked case); each tab counts its unread cases.
extension AppState {
    /// The most unread cases a tab counts ("99+" past it): a count is a glance, not a report.
    static let unreadCap = 99

    /// `u`: the cursor row's case read if it is unread, else unread; with marks, after one question naming the count,
    /// every marked case read if any of them is unread, else every one unread. The rows change at once; the portal is
    /// told each case on its own.
    mutating func toggleRead() -> [Effect] {
        guard case .cases(let list)? = currentScreen else { return [] }
        if !list.marks.isEmpty {
            let read = markedTargets(list).contains { $0.row?.unread ?? false }
            open(BulkReadConfirmation(count: list.marks.count, read: read))
            return []
        }
        guard let row = list.selected else {
            status = .info("There is no case to mark read or unread.")
            return []
        }
        return mark([(CaseRef(domainID: row.domainID, number: row.number), row)], read: row.unread)
    }

    /// The confirmed `u` on the marked cases.
    mutating func markMarked(read: Bool) -> [Effect] {
        guard let list = currentCaseList, !list.marks.isEmpty else { return [] }
        return mark(markedTargets(list), read: read)
    }

    private func markedTargets(_ list: CaseList) -> [(ref: CaseRef, row: CaseRow?)] {
        list.marks.map { ref in (ref, list.rows.first { $0.domainID == ref.domainID && $0.number == ref.number }) }
    }

    private mutating func mark(_ targets: [(ref: CaseRef, row: CaseRow?)], read: Bool) -> [Effect] {
        var effects: [Effect] = []
        for target in targets {
            // As of the update time the row shows: a case changed since stays unread.
            effects += markRead(target.ref, read: read, seen: read ? target.row?.updatedAt : nil, asked: true)
        }
        let what = targets.count == 1 ? "Case \(targets[0].ref.number)" : "\(targets.count) marked cases"
        status = .success("\(what) marked \(read ? "read" : "unread").")
        return effects
    }

    /// The open case on top of the active tab is read when it arrives unread: the portal is told as of the update
    /// time shown (a change since stays unread), and the case's rows lose their bold at once.
    mutating func readShownCase() -> [Effect] {
        guard !tabs.isEmpty, case .detail(var view) = tabs[active].current, let detail = view.detail, detail.unread else { return [] }
        view.detail?.unread = false
        tabs[active].current = .detail(view)
        return markRead(view.ref, read: true, seen: detail.supportCase.updatedAt, asked: false)
    }

    private mutating func markRead(_ target: CaseRef, read: Bool, seen: Date?, asked: Bool) -> [Effect] {
        setUnreadFlag(target, unread: !read)
        let note = ReadNote(target: target, read: read, asked: asked)
        return [.setRead(request: requests.issue(for: .readState(note)), session: sessionIndex(domainID: target.domainID) ?? active,
                         number: target.number, read: read, seen: seen)]
    }

    /// Done: the tabs count again. Refused: the rows go back as they were and, for `u`, the status line says why.
    mutating func readStateAnswered(_ note: ReadNote, reply: Reply) -> [Effect] {
        if case .failed(let message) = reply {
            setUnreadFlag(note.target, unread: note.read)
            if note.asked { status = .error("Couldn't mark case \(note.target.number) \(note.read ? "read" : "unread"): \(message)") }
            return []
        }
        for t in tabs.indices { tabs[t].unreadRequested = false }
        return countUnreadIfNeeded()
    }

    /// The flag of every loaded row of the case, in every list of every tab.
    private mutating func setUnreadFlag(_ target: CaseRef, unread: Bool) {
        for t in tabs.indices {
            tabs[t].forEachScreen { screen in
                guard case .cases(var list) = screen else { return }
                var changed = false
                for i in list.rows.indices where list.rows[i].number == target.number && list.rows[i].domainID == target.domainID {
                    list.rows[i].unread = unread
                    changed = true
                }
                if changed { screen = .cases(list) }
            }
        }
    }

    /// Each tab's unread cases, counted once and again after a change (off the keystroke path, capped).
    mutating func countUnreadIfNeeded() -> [Effect] {
        var effects: [Effect] = []
        for t in tabs.indices where !tabs[t].unreadRequested {
            tabs[t].unreadRequested = true
            let user = tabs[t].session.user
            effects.append(.countAside(request: requests.issue(for: .unreadCount(tabs[t].id)), session: t,
                                       scope: Rules.homeScope(for: user), query: CaseQuery(terms: [FilterTerm(.isUnread)]),
                                       cap: Self.unreadCap))
        }
        return effects
    }

    mutating func unreadCounted(_ tab: TabID, reply: Reply) {
        guard let t = tabs.firstIndex(where: { $0.id == tab }), case .counted(let n, let capped) = reply else { return }
        tabs[t].unread = UnreadCount(count: n, capped: capped)
    }
}

/// A tab's unread cases: "●3", "●99+".
struct UnreadCount: Equatable, Sendable {
    var count: Int
    var capped: Bool

    var label: String { "\(count)\(capped ? "+" : "")" }
}
