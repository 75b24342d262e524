import Domain
import ScreenKit

/// My Customers: name, primary domain, tier, access, open cases; a note about the selected customer below.
enum CustomersView {
    static func render(_ list: CustomerList, state: AppState, layout: Layout, into buffer: inout ScreenBuffer) {
        let rows = list.rows
        let filter = list.search.isEmpty || list.searching ? "" : "filter \(list.search.text) · "
        let count = list.phase == .ready ? "\(filter)\(NumberFormat.grouped(list.total)) customer\(list.total == 1 ? "" : "s")" : ""
        buffer.putSides(left: [Span(Root.customers.title, Theme.title)], right: [Span(count, Theme.dim)], in: layout.title)

        let inner = layout.pane.inset(left: Layout.margin, right: Layout.margin)
        let wide = layout.pane.width >= 120
        let g = buffer.glyphs
        let openWidth = wide ? 10 : 6
        // The names take what the other columns leave; a domain longer than its usual column widens it as far as the
        // names allow, so neither is cut while the row has room.
        let shared = inner.width - 8 - 12 - openWidth - 4
        let (longestName, longestDomain) = (list.widest[0], list.widest[1])
        let domainWidth = max(wide ? 30 : 20, min(longestDomain, shared - max(8, longestName)))
        let nameWidth = max(8, shared - domainWidth)
        func row(_ name: String, _ domain: String, _ tier: String, _ access: String, _ open: String) -> String {
            g.pad(name, toWidth: nameWidth) + " " + g.pad(domain, toWidth: domainWidth) + " " + tier.padded(toWidth: 8) + " "
                + access.padded(toWidth: 12) + " " + String(repeating: " ", count: max(0, openWidth - open.count)) + open
        }
        buffer.put(row("Customer", "Primary domain", "Tier", "Access", wide ? "Open cases" : "Open"),
                   x: inner.x, y: inner.y, style: Theme.columnHeader, clip: inner)

        let viewport = layout.viewport(for: .customers)
        let rowsArea = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: viewport)
        let note = Rect(x: inner.x, y: layout.pane.maxY - 1, width: inner.width, height: 1)
        if list.searching {
            // The search in the note's row: what is typed, and the keys while it has them.
            var line: StyledLine = [Span("Filter ", Theme.label)]
            line.append(Span(list.search.text, list.searching ? Theme.field : Theme.bold))
            if list.searching { line.append(Span("   Enter keep  Esc clear", Theme.dim)) }
            buffer.put(line, x: note.x, y: note.y, clip: note)
        }
        guard !rows.isEmpty else {
            let text = list.search.isEmpty || list.phase != .ready ? emptyText(list.phase, state.keys)
                : "No customer matches \"\(list.search.text)\"; Esc clears the filter."
            buffer.putFitted(text, x: rowsArea.x, y: rowsArea.y, style: Theme.dim, clip: rowsArea)
            return
        }
        let cursor = list.cursor.visible(count: rows.count, viewport: viewport)
        for (offset, i) in (cursor.top..<min(rows.count, cursor.top + viewport)).enumerated() {
            let r = rows[i], y = rowsArea.y + offset
            let text = row(r.customer.name, r.customer.primaryDomain, r.customer.tier.label, r.access.display.label,
                           NumberFormat.grouped(r.openCases))
            let style = r.access.display == .notGranted ? Theme.dim : Theme.plain
            if i == cursor.index {
                buffer.fill(Rect(x: layout.pane.x, y: y, width: layout.pane.width, height: 1), style: Theme.cursorRow)
                buffer.put(text, x: rowsArea.x, y: y, style: Theme.onCursorRow(style), clip: rowsArea)
            } else {
                buffer.put(text, x: rowsArea.x, y: y, style: style, clip: rowsArea)
            }
        }
        if let selected = list.selected, !list.searching {
            buffer.put(self.note(selected), x: note.x, y: note.y, clip: note)
        }
    }

    /// What the access means for the selected customer; the reason comes from the Domain.
    static func note(_ row: CustomerRow) -> StyledLine {
        let name = row.customer.name
        switch row.access.display {
        case .notGranted:
            return [Span("\(name): ", Theme.bold), Span(Rules.accessNotGranted, Theme.warning)]
        case .supportOnly:
            return [Span("\(name): ", Theme.bold), Span("support-only access (Support Partner); you file and manage its cases the same way.", Theme.dim)]
        case .granted:
            return [Span("\(name): ", Theme.bold), Span("access granted · Enter shows its cases", Theme.dim)]
        }
    }

    private static func emptyText(_ phase: Loadable, _ keys: Keymap) -> String {
        switch phase {
        case .unloaded, .loading: "Loading customers…"
        case .failed(let message): "Couldn't load your customers: \(message). Press \(keys.name(of: .refresh)) to retry."
        case .ready: "No customers are assigned to this domain."
        }
    }
}
