import Domain
import Foundation
import ScreenKit

/// The scrolling part of the case screen, as lines: fields, description, then the history oldest first.
/// Reduce counts these lines to bound scrolling, so it is a pure function of the case, width, time and glyphs.
enum CaseDetailBody {
    static let labelWidth = 13

    static func lines(for detail: CaseDetail, user: User, width: Int, now: Date, glyphs: Glyphs) -> [StyledLine] {
        let c = detail.supportCase
        var lines: [StyledLine] = []
        let fields: [(String, StyledLine)] = [
            ("Customer", [Span("\(detail.customer.name) (\(detail.customer.tier.label) support)")]),
            ("Domain", [Span(detail.domainName)]),
            ("Status", [Span(c.status.label, Theme.status(c.status))]),
            ("Severity", [Span(c.severity.label, Theme.severity(c.severity))]),
            ("Escalated", c.escalated ? [Span("yes " + glyphs.escalated, Theme.escalated)] : [Span("no")]),
            ("Category", [Span(c.category)]),
            ("Product", [Span(c.productType)]),
            ("Language", [Span("\(c.language) · \(c.timeZone)")]),
            ("Created by", [Span(detail.creator), Span(" · \(RelativeTime.ago(c.createdAt, now: now))", Theme.dim)]),
            ("Updated", [Span(RelativeTime.ago(c.updatedAt, now: now))]),
        ]
        if width >= 108 {
            // Two fields a row on wide terminals.
            let half = (width - 2) / 2
            for pair in stride(from: 0, to: fields.count, by: 2) {
                var line = field(fields[pair].0, fields[pair].1, width: half, glyphs: glyphs)
                if pair + 1 < fields.count {
                    line.append(Span(String(repeating: " ", count: half - line.displayWidth + 2)))
                    line += field(fields[pair + 1].0, fields[pair + 1].1, width: half, glyphs: glyphs)
                }
                lines.append(line)
            }
        } else {
            lines += fields.map { field($0.0, $0.1, width: width, glyphs: glyphs) }
        }
        lines += list("Sharing", detail.sharing.isEmpty ? ["none"] : detail.sharing, width: width, glyphs: glyphs)
        lines += list("Attachments", detail.attachments.isEmpty ? ["none"]
                      : detail.attachments.map { "\($0.name) (\(ByteCount.format($0.size)))" }, width: width, glyphs: glyphs)
        if let reopen = reopenLine(c, user: user, detail: detail, now: now) {
            lines += wrapped(label: "Reopen", glyphs.drawable(reopen), style: Theme.plain, width: width)
        }

        lines.append([])
        lines.append([Span("Description", Theme.heading)])
        lines += wrap(glyphs.drawable(c.description), width: max(1, width - 2)).map { [Span("  " + $0)] }

        lines.append([])
        lines.append([Span("History", Theme.heading), Span(" · \(detail.history.count) event\(detail.history.count == 1 ? "" : "s"), oldest first", Theme.dim)])
        for event in detail.history.sorted(by: { ($0.at, $0.id) < ($1.at, $1.id) }) {
            let author = event.kind == .supportReply ? Theme.supportAuthor : Theme.bold
            // The exact time in the user's zone beside the relative one, for "when exactly did support answer?".
            let when = "\(RelativeTime.ago(event.at, now: now)) · \(ZoneClock.dateTime(event.at, in: user.timeZone))"
            lines.append([Span("  "), Span(event.author, author), Span(" · \(kindLabel(event.kind)) · \(when)", Theme.dim)])
            lines += wrap(glyphs.drawable(event.text), width: max(1, width - 4)).map { [Span("    " + $0)] }
        }
        return lines
    }

    /// For a closed case: the days left to reopen it, or the Domain's reason it can't be.
    private static func reopenLine(_ c: SupportCase, user: User, detail: CaseDetail, now: Date) -> String? {
        guard let days = Rules.reopenDaysLeft(c, now: now) else { return nil }
        if case .refused(let refusal) = Rules.reopenCase(by: .reseller(user), c, access: detail.access, now: now) {
            return refusal.description
        }
        return "\(days) day\(days == 1 ? "" : "s") left to reopen (O)"
    }

    private static func field(_ label: String, _ value: StyledLine, width: Int, glyphs: Glyphs) -> StyledLine {
        ([Span(label.padded(toWidth: labelWidth), Theme.label)] + value).truncated(toWidth: width, glyphs: glyphs)
    }

    private static func list(_ label: String, _ items: [String], width: Int, glyphs: Glyphs) -> [StyledLine] {
        items.enumerated().map { i, item in
            field(i == 0 ? label : "", [Span(item)], width: width, glyphs: glyphs)
        }
    }

    private static func wrapped(label: String, _ text: String, style: Style, width: Int) -> [StyledLine] {
        wrap(text, width: max(1, width - labelWidth)).enumerated().map { i, part in
            [Span((i == 0 ? label : "").padded(toWidth: labelWidth), Theme.label), Span(part, style)]
        }
    }

    static func kindLabel(_ kind: HistoryKind) -> String {
        switch kind {
        case .created: "opened the case"
        case .message: "message"
        case .supportReply: "support reply"
        case .severityChange: "severity changed"
        case .statusChange: "status changed"
        case .escalation: "escalated"
        case .attachment: "attachment added"
        case .attachmentRemoved: "attachment removed"
        case .sharingChange: "sharing changed"
        }
    }
}
