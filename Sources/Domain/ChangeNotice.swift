import Foundation

/// One case change, as the live event stream (`GET /v1/events`) tells it: the history event's id (the stream's
/// event id, to resume from), the case, what happened, when and by whom. Never the text of a message.
public struct ChangeNotice: Sendable, Equatable, Codable {
    public var id: Int64
    public var caseNumber: Int
    public var kind: HistoryKind
    public var at: Date
    public var author: String
    public init(id: Int64, caseNumber: Int, kind: HistoryKind, at: Date, author: String) {
        self.id = id; self.caseNumber = caseNumber; self.kind = kind; self.at = at; self.author = author
    }
}

/// Where a portal's data is now, as the app compares it between two looks: a different token means someone wrote.
public struct ChangeToken: Sendable, Equatable {
    /// The latest history event (every case change appends one): arrivals are read after it.
    public var lastEvent: Int64
    /// Commits that append no event (admin changes, access grants, sessions): a count of the times the store saw its
    /// database change, where it can tell (SQLite's `data_version`); 0 where changes come only as events.
    public var commits: Int64

    public init(lastEvent: Int64, commits: Int64 = 0) { self.lastEvent = lastEvent; self.commits = commits }
}

/// The changes a user may see after an event id, and the last event id looked at (seen or not), to go on from.
public struct ChangeBatch: Sendable, Equatable {
    public var notices: [ChangeNotice]
    public var through: Int64
    public init(notices: [ChangeNotice], through: Int64) { self.notices = notices; self.through = through }
}
