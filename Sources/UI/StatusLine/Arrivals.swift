import Domain

/// The status line's note of changes others made while the app is open: "New: message on 12345678 by Kim Lee".
enum Arrivals {
    static func text(_ notices: [ChangeNotice]) -> String? {
        guard let last = notices.last else { return nil }
        let who = last.author.split(separator: "<").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? last.author
        let what = "\(label(last.kind)) on \(last.caseNumber) by \(who)"
        let cases = Set(notices.map(\.caseNumber)).count
        return notices.count == 1 ? "New: \(what)" : "\(notices.count) new changes on \(cases == 1 ? "1 case" : "\(cases) cases"), the latest: \(what)"
    }

    static func label(_ kind: HistoryKind) -> String {
        switch kind {
        case .created: "new case"
        case .message: "message"
        case .supportReply: "reply from support"
        case .severityChange: "severity change"
        case .statusChange: "status change"
        case .escalation: "escalation"
        case .attachment: "attachment"
        case .attachmentRemoved: "attachment removed"
        case .sharingChange: "sharing change"
        }
    }
}
