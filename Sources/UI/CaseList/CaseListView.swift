import Domain
import Foundation
import ScreenKit

/// My Cases, a customer's cases, All domains: a header row and the loaded rows around the cursor.
enum CaseListView {
    static func render(_ list: CaseList, state: AppState, layout: Layout, into buffer: inout ScreenBuffer) {
        let viewport = layout.viewport(for: .caseList)
        let cursor = list.cursor.visible(count: list.rows.count, viewport: viewport)
        buffer.putSides(left: titleLine(list, state: state), right: summary(list, cursor: cursor, viewport: viewport), in: layout.title)

        let columns = CaseColumn.layout(width: layout.pane.width, kind: list.kind, sort: list.sort)
        let inner = layout.pane.inset(left: Layout.margin, right: Layout.margin)
        buffer.put(cells(columns.map { $0.headerCell(sortedBy: list.sort, reversed: list.reversed, glyphs: buffer.glyphs) }),
                   x: inner.x, y: inner.y, clip: inner)

        let rowsArea = inner.inset(top: 1)
        if list.rows.isEmpty {
            buffer.putFitted(emptyText(list, state.keys), x: rowsArea.x, y: rowsArea.y, style: Theme.dim, clip: rowsArea)
            return
        }
        let drafted = state.draftedCases, places = state.domainPlaces
        for (offset, i) in (cursor.top..<min(list.rows.count, cursor.top + viewport)).enumerated() {
            let y = rowsArea.y + offset
            let row = list.rows[i]
            var line = cells(columns.map { $0.cell(row, now: state.now, drafted: drafted.contains(row.number), place: places[row.domainID],
                                                    glyphs: buffer.glyphs, targets: state.responseTargets) })
            if row.unread { line = line.map { Span($0.text, $0.style.bolded(), width: $0.width) } }
            if i == cursor.index {
                buffer.fill(Rect(x: layout.pane.x, y: y, width: layout.pane.width, height: 1), style: Theme.cursorRow)
                buffer.put(line, x: rowsArea.x, y: y, clip: rowsArea, restyle: Theme.onCursorRow)
            } else {
                buffer.put(line, x: rowsArea.x, y: y, clip: rowsArea)
            }
            // A marked row: its mark in the margin, left of the case number; else an unread row's ●.
            if !list.marks.isEmpty, list.marks.contains(CaseRef(domainID: row.domainID, number: row.number)) {
                buffer.put([Span(buffer.glyphs.marked, Theme.marked)], x: layout.pane.x, y: y, clip: layout.pane)
            } else if row.unread {
                let style = i == cursor.index ? Theme.onCursorRow(Theme.unreadMark) : Theme.unreadMark
                buffer.put([Span(buffer.glyphs.unread, style)], x: layout.pane.x, y: y, clip: layout.pane)
            }
        }
    }

    private static let gap = Span(String(repeating: " ", count: CaseColumn.gap), .plain, width: CaseColumn.gap)

    private static func cells(_ spans: [Span]) -> StyledLine {
        var line: StyledLine = []
        line.reserveCapacity(spans.count * 2)
        for (i, span) in spans.enumerated() {
            if i > 0 { line.append(Self.gap) }
            line.append(span)
        }
        return line
    }

    private static func titleLine(_ list: CaseList, state: AppState) -> StyledLine {
        var line = [Span(list.title, Theme.title)]
        switch list.kind {
        case .customer(let customer): line.append(Span("  \(customer.primaryDomain) · \(customer.tier.label) support", Theme.dim))
        case .allDomains: line.append(Span("  \(state.tabs.count) signed-in domain\(state.tabs.count == 1 ? "" : "s")", Theme.dim))
        case .myCases: break
        }
        return line
    }

    /// "1–20 of 10,000+ · updated, newest first"; read from the end, "1,824–1,859 of 1,859", or when the total isn't
    /// known exactly, the rows counted from the end: "20–1 from the end of 10,000+".
    static func summary(_ list: CaseList, cursor: ListCursor, viewport: Int) -> StyledLine {
        var parts: [String] = []
        if !list.rows.isEmpty {
            let last = min(cursor.top + viewport, list.rows.count)
            let total: String
            if let count = list.count {
                total = NumberFormat.grouped(count.total) + (count.capped ? "+" : "")
            } else {
                total = NumberFormat.grouped(list.rows.count) + (list.hasMore || list.hasBefore ? "+" : "")
            }
            if let first = list.firstPosition {
                parts.append("\(NumberFormat.grouped(first + cursor.top + 1))–\(NumberFormat.grouped(first + last)) of \(total)")
            } else {
                let n = list.rows.count
                parts.append("\(NumberFormat.grouped(n - cursor.top))–\(NumberFormat.grouped(n - last + 1)) from the end of \(total)")
            }
        }
        if case .loading = list.phase, !list.rows.isEmpty { parts.append("loading…") }
        parts.append(list.sort.label(reversed: list.reversed))
        return [Span(parts.joined(separator: " · "), Theme.dim)]
    }

    private static func emptyText(_ list: CaseList, _ keys: Keymap) -> String {
        switch list.phase {
        case .unloaded, .loading: "Loading cases…"
        case .failed(let message): "Couldn't load the cases: \(message). Press \(keys.name(of: .refresh)) to retry."
        case .ready: list.filter.query.isEmpty ? "No cases yet." : "No cases match this filter. Press \(keys.name(of: .editFilter)) to change it."
        }
    }
}
