import Domain
import ScreenKit

/// The admin screen's drawing: the licence pool, the users, the customers and their access.
extension AdminPanel {
    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let panel = self
        let rect = context.bounds.inset(top: 1, bottom: 1)
        buffer.drawBox(rect, title: "Admin · \(context.activeSession?.domainName ?? "")")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard inner.height >= 8 else { return }
        if let o = panel.overview {
            let full = o.licencesUsed >= o.licencePool
            buffer.put([Span("Cloud Identity Free licences  ", Theme.dim),
                        Span("\(o.licencesUsed) of \(o.licencePool) used", full ? Theme.warning : Theme.bold),
                        Span(full ? "  the pool is used up: careportal admin licence request --count N" : "", Theme.dim)],
                       x: inner.x, y: inner.y, clip: inner)
        } else {
            buffer.put("Loading…", x: inner.x, y: inner.y, style: Theme.dim, clip: inner)
        }
        // Two lists with their titles, a gap and the pool line above them, and the message and hint rows below,
        // which the lists never reach (a question drawn over a list row read "…while suspended. y/nted").
        let listHeight = (inner.height - 7) / 2
        let usersArea = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: listHeight + 1)
        let customersArea = Rect(x: inner.x, y: usersArea.maxY + 1, width: inner.width, height: listHeight + 1)
        Self.drawSection("Users", focused: panel.section == .users, area: usersArea, into: &buffer)
        let users = panel.overview?.users ?? []
        let g = buffer.glyphs
        // Addresses, names and domains as wide as the longest, narrowed (with the ellipsis) only when the row is full;
        // the flags and at least the start of the roles keep their room.
        let rowWidth = inner.width - 2
        let userWidths = ColumnFit.widths(panel.userWidths, room: rowWidth - 2 - 12 - 14, minimum: 12)
        Self.drawList(users.map { row in
            let u = row.user
            var flags: [Span] = [Span(u.licensed ? "licensed    " : "no licence  ", u.licensed ? Theme.plain : Theme.warning)]
            if u.suspended { flags.append(Span("suspended  ", Theme.error)) }
            if u.superAdmin { flags.append(Span("super admin  ", Theme.bold)) }
            return [Span(g.pad(u.email, toWidth: userWidths[0]) + " "), Span(g.pad(u.name, toWidth: userWidths[1]) + " ", Theme.dim)]
                + flags + [Span(row.roles.joined(separator: ", "), Theme.dim)]
        }, cursor: panel.userCursor, focused: panel.section == .users, area: usersArea.inset(top: 1), into: &buffer)

        Self.drawSection("Customers", focused: panel.section == .customers, area: customersArea, into: &buffer)
        let customers = panel.customers ?? []
        let customerWidths = ColumnFit.widths(panel.customerWidths, room: rowWidth - 2 - 10 - 12, minimum: 8)
        Self.drawList(customers.map { row in
            let access = row.access.display.rawValue.replacingOccurrences(of: "-", with: " ")
            return [Span(g.pad(row.customer.name, toWidth: customerWidths[0]) + " "),
                    Span(g.pad(row.customer.primaryDomain, toWidth: customerWidths[1]) + " ", Theme.dim),
                    Span(row.customer.tier.rawValue.padded(toWidth: 10), Theme.dim),
                    Span(access, row.access.granted ? Theme.plain : Theme.warning)]
        }, cursor: panel.customerCursor, focused: panel.section == .customers, area: customersArea.inset(top: 1), into: &buffer)

        let messageRow = Rect(x: inner.x, y: inner.maxY - 2, width: inner.width, height: 1)
        buffer.fill(messageRow)
        if let change = panel.confirming {
            let question = switch change {
            case .suspended(let email, true): "Suspend \(email)? They can't sign in while suspended."
            case .suspended(let email, false): "Unsuspend \(email)?"
            case .licence(let email, true): "Assign a licence to \(email)? It takes one from the pool."
            case .licence(let email, false): "Unassign the licence of \(email)? They lose portal access."
            case .grant(let customer, true): "Grant access for \(customer)?"
            case .grant(let customer, false): "Revoke access for \(customer)? Your domain can't file its cases then."
            }
            // The keys always show: a long question is cut before them, never they.
            buffer.put(buffer.glyphs.fit(question, toWidth: messageRow.width - 4) + " y/n", x: messageRow.x, y: messageRow.y, style: Theme.warning,
                       clip: messageRow)
        } else if panel.sending != nil {
            buffer.put("Saving…", x: messageRow.x, y: messageRow.y, style: Theme.dim, clip: messageRow)
        } else if let error = panel.error {
            buffer.putFitted(error, x: messageRow.x, y: messageRow.y, style: Theme.error, clip: messageRow)
        }
        let hints = context.keys.admin.compactMap { b -> (String, String)? in
            guard let hint = b.hint else { return nil }
            if panel.section == .users && b.command == .grant { return nil }
            if panel.section == .customers && (b.command == .licence || b.command == .suspend) { return nil }
            return (b.keys[0].name, hint)
        }
        buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }

    private static func drawSection(_ title: String, focused: Bool, area: Rect, into buffer: inout ScreenBuffer) {
        buffer.put([Span(focused ? "› " : "  ", Theme.key), Span(title, focused ? Theme.bold : Theme.dim)], x: area.x, y: area.y, clip: area)
    }

    private static func drawList(_ lines: [StyledLine], cursor: Int, focused: Bool, area: Rect, into buffer: inout ScreenBuffer) {
        guard area.height > 0 else { return }
        let first = max(0, min(cursor - area.height / 2, lines.count - area.height))
        for (i, line) in lines.enumerated().dropFirst(first).prefix(area.height) {
            let row = Rect(x: area.x + 2, y: area.y + i - first, width: area.width - 2, height: 1)
            buffer.putRow(line, in: row, selected: i == cursor && focused)
        }
    }
}
