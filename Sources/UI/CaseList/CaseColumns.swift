import Domain
import Foundation
import ScreenKit

/// The columns of a case list for a given width: the essentials at 80 columns, more title
/// and extra columns (created, domain) when wide. The title takes what is left.
struct CaseColumn: Equatable {
    enum Field: Equatable { case number, escalated, severity, status, customer, domain, title, created, waiting, updated }
    var field: Field
    var header: String
    var width: Int
    var alignRight = false

    static let gap = 1

    /// `sort`: sorted by whose turn, the Waiting column shows at every width (in the Updated column's place when narrow).
    static func layout(width: Int, kind: CaseList.Kind, sort: CaseSort = .updated) -> [CaseColumn] {
        let medium = width >= 100, wide = width >= 120, wider = width >= 140
        let compactStatus = !medium
        var columns = [
            CaseColumn(field: .number, header: "Case", width: 8),
            CaseColumn(field: .escalated, header: "", width: 1),
            CaseColumn(field: .severity, header: "Sev", width: 3),
            CaseColumn(field: .status, header: "Status", width: compactStatus ? 13 : 17),
        ]
        // Only All domains mixes domains; elsewhere every row has the tab's domain, and a column of it says nothing.
        let showsDomain = kind == .allDomains
        if case .customer = kind {} else {
            columns.append(CaseColumn(field: .customer, header: "Customer", width: wide ? 24 : medium ? 20 : showsDomain ? 13 : 16))
        }
        if showsDomain {
            // The domain's first label tells the tabs' domains apart ("cloudpartners"); the title gets the rest.
            columns.append(CaseColumn(field: .domain, header: "Domain", width: wide ? 16 : medium ? 14 : 12))
        }
        columns.append(CaseColumn(field: .title, header: "Title", width: 0))
        // Whose turn and for how long from 120 columns (and at every width when the list is sorted by it, in the Updated
        // column's place when narrower than 100); the creation time from 140 (it decides less in triage), or from 120
        // when the list is sorted by it.
        if wider || wide && sort == .created { columns.append(CaseColumn(field: .created, header: "Created", width: 7, alignRight: true)) }
        if wide || sort == .waiting { columns.append(CaseColumn(field: .waiting, header: "Waiting", width: 13)) }
        if medium || sort != .waiting { columns.append(CaseColumn(field: .updated, header: "Updated", width: 7, alignRight: true)) }
        // Narrower than the title needs (60 columns): the status abbreviates first, then the customer and domain
        // narrow. The title takes what is left and never more, so no column is pushed off the edge with its
        // header still shown.
        let room = Layout.contentWidth(width)
        func fixed() -> Int { columns.reduce(0) { $0 + ($1.field == .title ? 0 : $1.width) } + gap * (columns.count - 1) }
        for (field, narrower) in [(Field.status, tinyStatusWidth), (.customer, 10), (.domain, 10), (.customer, 8), (.domain, 8)] where room - fixed() < minimumTitle {
            if let i = columns.firstIndex(where: { $0.field == field }) { columns[i].width = min(columns[i].width, narrower) }
        }
        let title = columns.firstIndex { $0.field == .title }!
        columns[title].width = max(1, room - fixed())
        return columns
    }

    /// The title's width below which other columns give up room.
    static let minimumTitle = 16
    static let tinyStatusWidth = 7

    /// The cell of this column for `row`, exactly `width` columns wide; `drafted`: a message to the case is saved as
    /// a draft (its title starts with the draft mark, ✎); `place`: the row's place when it isn't the app's own (its
    /// domain is shown as "team/cloudpartners"); `glyphs`: what the terminal draws.
    /// `targets`: when support's answer is due, for the Waiting column's colour.
    func cell(_ row: CaseRow, now: Date, drafted: Bool = false, place: String? = nil, glyphs: Glyphs,
              targets: ResponseTargets = .defaults) -> Span {
        let (text, style): (String, Style) = switch field {
        case .number: (String(row.number), Theme.plain)
        case .escalated: (row.escalated ? glyphs.escalated : "", Theme.escalated)
        case .severity: (row.severity.rawValue, Theme.severity(row.severity))
        case .status: (width < 13 ? Self.tinyLabel(row.status) : width < 17 ? Self.compactLabel(row.status) : row.status.label,
                       Theme.status(row.status))
        case .customer: (row.customerName, Theme.plain)
        case .domain: ((place.map { $0 + "/" } ?? "") + Self.shortLabel(row.domainName), Theme.dim)
        case .title: ((drafted ? glyphs.draft + " " : "") + row.title, Theme.plain)
        case .created: (RelativeTime.short(row.createdAt, now: now), Theme.dim)
        case .updated: (RelativeTime.short(row.updatedAt, now: now), Theme.dim)
        case .waiting: Self.waiting(row, now: now, targets: targets)
        }
        return Span(aligned(text, glyphs), style, width: width)
    }

    /// Exactly the column's width: the text measured once, cut with the ellipsis or padded.
    private func aligned(_ text: String, _ glyphs: Glyphs) -> String {
        let drawn = glyphs.drawable(text)
        let measured = drawn.displayWidth
        guard measured < width else { return measured == width ? drawn : drawn.truncated(toWidth: width, ellipsis: glyphs.ellipsis) }
        let pad = String(repeating: " ", count: width - measured)
        return alignRight ? pad + drawn : drawn + pad
    }

    /// "you 3 h", "support 2 d", "—" when closed: waiting on you stands out; on support it turns amber past three
    /// quarters of its response target and red once past it.
    static func waiting(_ row: CaseRow, now: Date, targets: ResponseTargets) -> (String, Style) {
        let side = row.waitingOn
        guard side != .nobody else { return ("—", Theme.dim) }
        let text = "\(side.rawValue) \(RelativeTime.short(row.waitingSince, now: now))"
        guard side == .support, let due = row.responseDue(targets) else { return (text, Theme.waitingOnYou) }
        let target = due.timeIntervalSince(row.waitingSince)
        let waited = now.timeIntervalSince(row.waitingSince)
        return (text, waited > target ? Theme.breached : waited > target * 0.75 ? Theme.warning : Theme.dim)
    }

    /// A domain's first label ("cloudpartners" of cloudpartners.example): enough to tell signed-in domains apart.
    static func shortLabel(_ domain: String) -> String {
        String(domain.prefix { $0 != "." })
    }

    /// The header of this column, bold and underlined when the list is sorted by it (the title line says the order).
    /// ↑ when the order is reversed (ascending).
    func headerCell(sortedBy sort: CaseSort, reversed: Bool = false, glyphs: Glyphs) -> Span {
        guard sorts(sort) else { return Span(aligned(header, glyphs), Theme.columnHeader, width: width) }
        // The arrow takes the header's last letter when the column is no wider than its header ("Update↑").
        let marked = reversed ? String(header.prefix(max(0, width - 1))) + "↑" : header
        return Span(aligned(marked, glyphs), Theme.columnHeader.bolded().underlined(), width: width)
    }

    func sorts(_ sort: CaseSort) -> Bool {
        switch (field, sort) {
        case (.updated, .updated), (.created, .created), (.severity, .severity), (.status, .status), (.waiting, .waiting): true
        default: false
        }
    }

    /// Status labels that fit 7 columns, for 60-column terminals.
    static func tinyLabel(_ s: CaseStatus) -> String {
        switch s {
        case .new: "New"
        case .inProgress: "In prog"
        case .actionRequired: "Act req"
        case .solutionProvided: "Solved"
        case .closed: "Closed"
        }
    }

    /// Status labels that fit 13 columns, for 80-column terminals.
    static func compactLabel(_ s: CaseStatus) -> String {
        switch s {
        case .actionRequired: "Action req."
        case .solutionProvided: "Sol. provided"
        default: s.label
        }
    }
}
