import Domain
import ScreenKit

/// The super administrator's screen (`A`): the Domain decides who may open it; the Store checks every change again.
extension AppState {
    mutating func openAdmin() -> [Effect] {
        let user = tabs[active].session.user
        if case .refused(let refusal) = Rules.administer(by: user, domainID: user.domainID) {
            status = .error("A (admin): \(refusal.description)")
            return []
        }
        overlay = .admin(AdminPanel())
        return reloadAdmin()
    }

    /// Loads the overview and the customers again (after a change, or `r`).
    mutating func reloadAdmin() -> [Effect] {
        guard case .admin(var panel) = overlay else { return [] }
        let overview = requests.next(), customers = requests.next()
        panel.overviewRequest = overview
        panel.customersRequest = customers
        overlay = .admin(panel)
        return [.loadAdmin(request: overview, session: active), .loadCustomers(request: customers, session: active)]
    }

    mutating func adminLoaded(_ request: Int, overview: AdminOverview) {
        guard case .admin(var panel) = overlay, panel.overviewRequest == request else { return }
        panel.overviewRequest = nil
        panel.overview = overview
        panel.userCursor = min(panel.userCursor, max(0, overview.users.count - 1))
        overlay = .admin(panel)
    }

    mutating func adminCustomersLoaded(_ request: Int, rows: [CustomerRow]) -> Bool {
        guard case .admin(var panel) = overlay, panel.customersRequest == request else { return false }
        panel.customersRequest = nil
        panel.customers = rows
        panel.customerCursor = min(panel.customerCursor, max(0, rows.count - 1))
        overlay = .admin(panel)
        return true
    }

    mutating func adminLoadFailed(_ request: Int, message: String) -> Bool {
        guard case .admin(var panel) = overlay, panel.overviewRequest == request || panel.customersRequest == request else { return false }
        if panel.overviewRequest == request { panel.overviewRequest = nil } else { panel.customersRequest = nil }
        panel.error = message
        overlay = .admin(panel)
        return true
    }

    mutating func adminChangeFailed(_ request: Int, message: String) -> Bool {
        guard case .admin(var panel) = overlay, panel.sending == request else { return false }
        panel.sending = nil
        panel.error = message
        overlay = .admin(panel)
        return true
    }

    mutating func adminKey(_ key: Key, panel: AdminPanel) -> [Effect] {
        var panel = panel
        defer { if case .admin = overlay { overlay = .admin(panel) } }
        if let change = panel.confirming {
            panel.confirming = nil
            guard key == .char("y") || key == .char("Y") else {
                status = .info("Nothing changed.")
                return []
            }
            return send(change, &panel)
        }
        if panel.sending != nil, Keymap.binding(for: key, in: Keymap.admin)?.command != .close {
            status = .info("The change is being saved…")
            return []
        }
        switch Keymap.binding(for: key, in: Keymap.admin)?.command {
        case .close?:
            overlay = .none
            return []
        case .switchSection?:
            panel.section = panel.section == .users ? .customers : .users
        case .up?:
            if panel.section == .users { panel.userCursor = max(0, panel.userCursor - 1) } else { panel.customerCursor = max(0, panel.customerCursor - 1) }
        case .down?:
            if panel.section == .users {
                panel.userCursor = min(max(0, (panel.overview?.users.count ?? 0) - 1), panel.userCursor + 1)
            } else {
                panel.customerCursor = min(max(0, (panel.customers?.count ?? 0) - 1), panel.customerCursor + 1)
            }
        case .refresh?:
            overlay = .admin(panel)
            return reloadAdmin()
        case .licence?:
            guard panel.section == .users, let row = panel.selectedUser else { return wrongSection(key, "a user", &panel) }
            return send(.licence(email: row.user.email, assigned: !row.user.licensed), &panel)
        case .suspend?:
            guard panel.section == .users, let row = panel.selectedUser else { return wrongSection(key, "a user", &panel) }
            if case .refused(let refusal) = Rules.setSuspended(by: tabs[active].session.user, row.user) {
                panel.error = "suspend: \(refusal.description)"
                return []
            }
            panel.confirming = .suspended(email: row.user.email, suspended: !row.user.suspended)
        case .grant?:
            guard panel.section == .customers, let row = panel.selectedCustomer else { return wrongSection(key, "a customer", &panel) }
            return send(.grant(customer: row.customer.primaryDomain, granted: !row.access.granted), &panel)
        case nil:
            status = .info("\(key.name) does nothing here. Press ? for the keys.")
        }
        return []
    }

    private mutating func wrongSection(_ key: Key, _ what: String, _ panel: inout AdminPanel) -> [Effect] {
        status = .info("\(key.name): select \(what) first (Tab switches between users and customers).")
        return []
    }

    private mutating func send(_ change: AdminChange, _ panel: inout AdminPanel) -> [Effect] {
        let request = requests.next()
        let (what, success) = Self.describe(change)
        pendingCommands.append(PendingCommand(request: request, target: CaseRef(domainID: tabs[active].session.user.domainID, number: 0),
                                              success: success, what: what, isMessage: false))
        panel.sending = request
        panel.error = nil
        overlay = .admin(panel)
        return [.adminChange(request: request, session: active, change: change)]
    }

    static func describe(_ change: AdminChange) -> (what: String, success: String) {
        switch change {
        case .licence(let email, true): ("assign a licence to \(email)", "Licence assigned to \(email).")
        case .licence(let email, false): ("unassign the licence of \(email)", "Licence of \(email) unassigned.")
        case .suspended(let email, true): ("suspend \(email)", "\(email) suspended.")
        case .suspended(let email, false): ("unsuspend \(email)", "\(email) unsuspended.")
        case .grant(let customer, true): ("grant access for \(customer)", "Access granted for \(customer).")
        case .grant(let customer, false): ("revoke access for \(customer)", "Access revoked for \(customer).")
        }
    }
}
