import Domain
import ScreenKit

/// The admin screen's drawing: the licence pool, the tabs, the current tab's list, the question or error, the keys.
extension AdminPanel {
    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let rect = context.bounds.inset(top: 1, bottom: 1)
        buffer.drawBox(rect, title: "Admin · \(context.activeSession?.domainName ?? "")")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard inner.height >= 8 else { return }
        if let o = overview {
            let full = o.licencesUsed >= o.licencePool
            buffer.put([Span("Cloud Identity Free licences  ", Theme.dim),
                        Span("\(o.licencesUsed) of \(o.licencePool) used", full ? Theme.warning : Theme.bold),
                        Span(full ? "  the pool is used up: request more in Licences (n)" : "", Theme.dim),
                        Span(setup.map { r in "  ·  setup: \(r.steps.filter(\.done).count) of \(r.steps.count) steps done" } ?? "", Theme.dim)],
                       x: inner.x, y: inner.y, clip: inner)
        } else {
            buffer.put("Loading…", x: inner.x, y: inner.y, style: Theme.dim, clip: inner)
        }
        var tabs: StyledLine = []
        for s in AdminSection.allCases {
            tabs.append(Span(" \(s.title) ", s == section ? Theme.tabActive : Theme.tabInactive))
            tabs.append(Span(" "))
        }
        buffer.put(tabs, x: inner.x, y: inner.y + 2, clip: inner)
        // The list ends above the message and hint rows, which it never reaches (a question drawn over a list row
        // read "…while suspended. y/nted").
        // The Setup tab keeps three rows under its list for the selected row whole: a step's detail may be longer than
        // its row (who is missing, how many licences to request).
        let whole = section == .setup ? selectedSetupText : nil
        let listArea = Rect(x: inner.x, y: inner.y + 4, width: inner.width, height: inner.height - 7 - (whole == nil ? 0 : 4))
        Self.drawList(lines(width: inner.width - 2, glyphs: buffer.glyphs), cursor: cursor, area: listArea, into: &buffer)
        if let whole {
            for (i, line) in DialogText(whole, width: inner.width - 2, glyphs: buffer.glyphs).fitting(3, glyphs: buffer.glyphs).enumerated() {
                buffer.put(line, x: inner.x + 2, y: listArea.maxY + 1 + i, style: Theme.dim, clip: inner)
            }
        }

        let messageRow = Rect(x: inner.x, y: inner.maxY - 2, width: inner.width, height: 1)
        buffer.fill(messageRow)
        if let pending = confirming {
            // The keys always show: a long question is cut before them, never they.
            buffer.put(buffer.glyphs.fit(pending.question, toWidth: messageRow.width - 4) + " y/n", x: messageRow.x, y: messageRow.y,
                       style: Theme.warning, clip: messageRow)
        } else if sending != nil {
            buffer.put("Saving…", x: messageRow.x, y: messageRow.y, style: Theme.dim, clip: messageRow)
        } else if let error {
            buffer.putFitted(error, x: messageRow.x, y: messageRow.y, style: Theme.error, clip: messageRow)
        }
        let hints = context.keys.admin.compactMap { b -> (String, String)? in
            guard let hint = b.hint else { return nil }
            guard [.nextSection, .close].contains(b.command) || section.commands.contains(b.command) else { return nil }
            return (b.keys[0].name, hint)
        }
        buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)

        if let pick { Self.drawPick(pick, in: rect, into: &buffer) }
        // A question about a form's change is drawn below the form, which stays in view.
        if let prompt { prompt.render(in: rect.inset(bottom: 3), keys: context.keys, into: &buffer) }
    }

    /// The Setup tab's selected row as a sentence: a step and its detail, or a user and what they lack.
    var selectedSetupText: String? {
        guard let setup else { return nil }
        if setup.steps.indices.contains(cursor) {
            let step = setup.steps[cursor]
            return "\(step.name) (\(step.done ? "done" : "to do")): \(step.detail)"
        }
        let i = cursor - setup.steps.count
        guard setup.users.indices.contains(i) else { return nil }
        let u = setup.users[i]
        return u.canUsePortal ? "\(u.email) can use the portal." : "\(u.email) can't use the portal yet: \(u.missing.joined(separator: ", "))."
    }

    /// The current tab's rows.
    func lines(width: Int, glyphs: Glyphs) -> [StyledLine] {
        let g = glyphs
        let users = overview?.users ?? []
        switch section {
        case .setup:
            guard let setup else { return [] }
            var lines: [StyledLine] = setup.steps.map { step in
                [Span(step.done ? "[x] " : "[ ] ", step.done ? Theme.success : Theme.warning), Span(step.name + "  ", Theme.bold),
                 Span(step.detail, Theme.dim)]
            }
            lines += setup.users.map { u in
                [Span(u.canUsePortal ? "    ready    " : "    blocked  ", u.canUsePortal ? Theme.success : Theme.warning),
                 Span(u.email), Span(u.missing.isEmpty ? "" : "  " + u.missing.joined(separator: ", "), Theme.dim)]
            }
            return lines
        case .users:
            let widths = ColumnFit.widths(userWidths, room: width - 2 - 12 - 14, minimum: 12)
            return users.map { row in
                let u = row.user
                var flags: [Span] = [Span(u.licensed ? "licensed    " : "no licence  ", u.licensed ? Theme.plain : Theme.warning)]
                if row.workspaceLicence { flags.append(Span("Workspace  ", Theme.warning)) }
                if u.suspended { flags.append(Span("suspended  ", Theme.error)) }
                if u.superAdmin { flags.append(Span("super admin  ", Theme.bold)) }
                flags.append(Span(row.orgUnit.map { "unit: \($0)  " } ?? "no unit  ", Theme.dim))
                return [Span(g.pad(u.email, toWidth: widths[0]) + " "), Span(g.pad(u.name, toWidth: widths[1]) + " ", Theme.dim)]
                    + flags + [Span(row.roles.joined(separator: ", "), Theme.dim)]
            }
        case .units:
            let units = overview?.orgUnits ?? []
            let nameWidth = min(40, units.map { $0.name.displayWidth }.max() ?? 0)
            return units.map { unit in
                [Span(g.pad(unit.name, toWidth: nameWidth) + "  "),
                 Span(unit.autoLicensing ? "auto-licensing on   " : "auto-licensing off  ", unit.autoLicensing ? Theme.warning : Theme.plain),
                 Span("\(unit.users) user\(unit.users == 1 ? "" : "s")", Theme.dim)]
            }
        case .roles:
            let roles = overview?.roles ?? []
            let nameWidth = min(30, roles.map { $0.name.displayWidth }.max() ?? 0)
            return roles.map { role in
                let portal = Rules.hasPortalPrivileges(Set(role.privileges))
                return [Span(g.pad(role.name, toWidth: nameWidth) + "  "),
                        Span(role.builtIn ? "built-in  " : "custom    ", Theme.dim),
                        Span(portal ? "opens the portal  " : "not enough        ", portal ? Theme.plain : Theme.warning),
                        Span("\(role.users) user\(role.users == 1 ? "" : "s")  ", Theme.dim),
                        Span(role.privileges.map { $0.isLegacy ? "\($0.name) (legacy)" : $0.name }.joined(separator: ", "), Theme.dim)]
            }
        case .licences:
            let widths = ColumnFit.widths(userWidths, room: width - 14, minimum: 12)
            return users.map { row in
                [Span(g.pad(row.user.email, toWidth: widths[0]) + " "),
                 Span(row.user.licensed ? "licensed    " : "no licence  ", row.user.licensed ? Theme.plain : Theme.warning),
                 Span(row.workspaceLicence ? "and a Google Workspace licence" : "", Theme.dim)]
            }
        case .alerts:
            let widths = ColumnFit.widths(userWidths, room: width - 14, minimum: 12)
            return users.map { row in
                let to: Span = if let address = row.user.alertAddress { Span("→ \(address)") }
                    else if SetupChecklist.alertsReachAMailbox(row) { Span("to their own mailbox", Theme.dim) }
                    else { Span("to their Cloud Identity address (no mailbox)", Theme.warning) }
                return [Span(g.pad(row.user.email, toWidth: widths[0]) + "  "), to]
            }
        case .customers:
            let customers = customers ?? []
            let widths = ColumnFit.widths(customerWidths, room: width - 2 - 10 - 12, minimum: 8)
            return customers.map { row in
                let access = row.access.display.rawValue.replacingOccurrences(of: "-", with: " ")
                return [Span(g.pad(row.customer.name, toWidth: widths[0]) + " "),
                        Span(g.pad(row.customer.primaryDomain, toWidth: widths[1]) + " ", Theme.dim),
                        Span(row.customer.tier.rawValue.padded(toWidth: 10), Theme.dim),
                        Span(access, row.access.granted ? Theme.plain : Theme.warning)]
            }
        }
    }

    private static func drawList(_ lines: [StyledLine], cursor: Int, area: Rect, into buffer: inout ScreenBuffer) {
        guard area.height > 0 else { return }
        let first = max(0, min(cursor - area.height / 2, lines.count - area.height))
        for (i, line) in lines.enumerated().dropFirst(first).prefix(area.height) {
            let row = Rect(x: area.x + 2, y: area.y + i - first, width: area.width - 2, height: 1)
            buffer.putRow(line, in: row, selected: i == cursor)
        }
    }

    private static func drawPick(_ pick: AdminPick, in bounds: Rect, into buffer: inout ScreenBuffer) {
        let rect = bounds.centered(width: min(64, bounds.width - 4), height: min(pick.options.count + 4, bounds.height - 2))
        buffer.fill(rect)
        buffer.drawBox(rect, title: pick.title)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        let list = Rect(x: inner.x - 2, y: inner.y, width: inner.width + 2, height: inner.height - 1)
        drawList(pick.options.map { [Span($0)] }, cursor: pick.cursor, area: list, into: &buffer)
        buffer.put("Enter chooses · Esc cancels", x: inner.x, y: inner.maxY - 1, style: Theme.dim, clip: inner)
    }
}
