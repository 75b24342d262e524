import Domain

/// A history event's kind as stored in `history_event.kind` (schema v17): its place in `kinds`. Part of migration v17
/// and of the stored data: a new kind goes at the end, and none moves.
enum HistoryCode {
    static let kinds: [HistoryKind] = [
        .created, .message, .supportReply, .severityChange, .statusChange, .escalation, .attachment, .attachmentRemoved,
        .sharingChange,
    ]

    static func code(_ kind: HistoryKind) -> Int { kinds.firstIndex(of: kind)! }

    /// The code of the kind named by the SQL expression `name` (NULL for a name that is no kind: the insert fails).
    static func codeSQL(_ name: String) -> String {
        "(CASE \(name) " + kinds.enumerated().map { "WHEN '\($1.rawValue)' THEN \($0)" }.joined(separator: " ") + " END)"
    }

    /// The name of the kind whose code is the SQL expression `code`.
    static func kindSQL(_ code: String) -> String {
        "(CASE \(code) " + kinds.enumerated().map { "WHEN \($0) THEN '\($1.rawValue)'" }.joined(separator: " ") + " END)"
    }
}
