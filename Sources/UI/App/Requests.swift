/// A tab's identity: indexes shift when a tab is signed out, ids don't.
typealias TabID = Int
/// An open form's identity, kept while it is parked with Esc.
typealias FormID = Int

/// A screen of a tab: a root list, or a screen pushed on top of it (by its serial number).
enum ScreenID: Hashable, Sendable {
    case root(Root)
    case pushed(Int)
}

struct ScreenRef: Hashable, Sendable {
    var tab: TabID
    var screen: ScreenID
}

/// Who waits for a request's answer. The answer is looked up by its request id, never offered around.
enum Requester: Equatable, Sendable {
    /// A list or a case screen: its load, page or count.
    case screen(ScreenRef)
    /// An open (or parked) form: its own loads, completions, and the like.
    case form(FormID)
    /// A command: what to say when it ends, and the form that sent it (which takes the answer if still there).
    case command(CommandNote)
    /// A tab's list of drafts, for the count in the status line and the marks in the case lists.
    case drafts(TabID)
    /// One case of a change made to every marked case.
    case bulk(Int)
    /// A case marked read or unread (by `u`, or by opening it).
    case readState(ReadNote)
    /// A tab's count of unread cases, for the tab bar.
    case unreadCount(TabID)
}

/// A case being marked read or unread.
struct ReadNote: Equatable, Sendable {
    var target: CaseRef
    var read: Bool
    /// Said when it fails (`u` is asked for; reading on opening fails quietly: the case stays bold).
    var asked: Bool
}

/// A command in flight.
struct CommandNote: Equatable, Sendable {
    var form: FormID?
    /// For "Couldn't close case 10007919: …".
    var what: String
    /// The status message when it succeeds.
    var success: String
    /// Whether what is on screen reloads when it succeeds (a case changed; not for feedback or a draft save).
    var refreshes = true
}

/// Request ids and who waits for each; serial numbers for tabs, pushed screens and forms.
struct Requests: Equatable, Sendable {
    private(set) var last = 0
    private(set) var waiting: [Int: Requester] = [:]

    /// A fresh request id whose answer goes to `requester`.
    mutating func issue(for requester: Requester) -> Int {
        last += 1
        waiting[last] = requester
        return last
    }

    /// Who waits for `request`; nil when nobody does any more (a superseded load, a closed form's answer).
    mutating func answer(_ request: Int) -> Requester? { waiting.removeValue(forKey: request) }

    /// A superseded request: its answer, if it comes, is dropped.
    mutating func forget(_ request: Int?) {
        if let request { waiting[request] = nil }
    }

    /// A serial number for a tab, a pushed screen or a form (from the same counter, so never reused).
    mutating func serial() -> Int {
        last += 1
        return last
    }
}
