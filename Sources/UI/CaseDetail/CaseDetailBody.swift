import Domain
import Foundation
import ScreenKit

/// The scrolling part of the case screen, as lines: fields, description, then the history oldest first.
/// Reduce counts these lines to bound scrolling, so it is a pure function of the case, width, time and glyphs.
enum CaseDetailBody {
    static let labelWidth = 13
    /// From this content width (an 80-column terminal) the fields go two to a row, so at 80×24 the description and
    /// the history start on the first screen.
    static let twoColumnWidth = 78
    static let columnGap = 2

    /// `limit`: the lines wanted (the preview pane's height); the history stops once they are there.
    static func lines(for detail: CaseDetail, user: User, width: Int, now: Date, glyphs: Glyphs, limit: Int = .max) -> [StyledLine] {
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
        lines += grid(fields.map { field($0.0, $0.1, glyphs: glyphs) }, width: width, glyphs: glyphs)
        let sharing = list("Sharing", detail.sharing.isEmpty ? ["none"] : detail.sharing, glyphs: glyphs)
        let attachments = list("Attachments", detail.attachments.isEmpty ? ["none"]
                               : detail.attachments.map { "\($0.name) (\(ByteCount.format($0.size)))" }, glyphs: glyphs)
        lines += sideBySide(sharing, attachments, width: width, glyphs: glyphs)
        if let reopen = reopenLine(c, user: user, detail: detail, now: now) {
            lines += wrapped(label: "Reopen", glyphs.drawable(reopen), style: Theme.plain, width: width)
        }

        lines.append([])
        lines.append([Span("Description", Theme.heading)])
        lines += wrap(glyphs.drawable(c.description), width: max(1, width - 2)).map { [Span("  " + $0)] }

        lines.append([])
        lines.append([Span("History", Theme.heading), Span(" · \(detail.history.count) event\(detail.history.count == 1 ? "" : "s"), oldest first", Theme.dim)])
        for event in detail.history.sorted(by: { ($0.at, $0.id) < ($1.at, $1.id) }) where lines.count < limit {
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
        if case .refused(let refusal) = Rules.reopenCase(by: Actor(user), c, access: detail.access, now: now) {
            return refusal.description
        }
        return "\(days) day\(days == 1 ? "" : "s") left to reopen (O)"
    }

    /// A label and its value, whole (`grid` fits it to the room it gets).
    private static func field(_ label: String, _ value: StyledLine, glyphs: Glyphs) -> StyledLine {
        ([Span(label.padded(toWidth: labelWidth), Theme.label)] + value).drawable(glyphs)
    }

    /// One field a row below `twoColumnWidth`; from it, two a row in order, except that a field too long for half
    /// the width gets the whole row rather than being cut. Cut (with the ellipsis) only where the row is too short.
    private static func grid(_ cells: [StyledLine], width: Int, glyphs: Glyphs) -> [StyledLine] {
        guard width >= twoColumnWidth else { return cells.map { $0.truncated(toWidth: width, glyphs: glyphs) } }
        let half = (width - columnGap) / 2
        var rows: [StyledLine] = []
        var i = 0
        while i < cells.count {
            if i + 1 < cells.count, cells[i].displayWidth <= half, cells[i + 1].displayWidth <= half {
                rows.append(pair(cells[i], cells[i + 1], half: half))
                i += 2
            } else {
                rows.append(cells[i].truncated(toWidth: width, glyphs: glyphs))
                i += 1
            }
        }
        return rows
    }

    /// Two lists (sharing, attachments) in two columns when every line fits half the width, else one after the other.
    private static func sideBySide(_ left: [StyledLine], _ right: [StyledLine], width: Int, glyphs: Glyphs) -> [StyledLine] {
        let half = (width - columnGap) / 2
        guard width >= twoColumnWidth, (left + right).allSatisfy({ $0.displayWidth <= half }) else {
            return (left + right).map { $0.truncated(toWidth: width, glyphs: glyphs) }
        }
        return (0..<max(left.count, right.count)).map { i in
            pair(i < left.count ? left[i] : [], i < right.count ? right[i] : [], half: half)
        }
    }

    private static func pair(_ left: StyledLine, _ right: StyledLine, half: Int) -> StyledLine {
        left + [Span(String(repeating: " ", count: half - left.displayWidth + columnGap))] + right
    }

    private static func list(_ label: String, _ items: [String], glyphs: Glyphs) -> [StyledLine] {
        items.enumerated().map { i, item in
            field(i == 0 ? label : "", [Span(item)], glyphs: glyphs)
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
