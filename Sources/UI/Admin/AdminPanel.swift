import Domain
import ScreenKit

/// The super administrator's screen (`A`): the licence pool, users (licence, suspension) and customers
/// (access). The Domain decides who may open it; the portal checks every change again.
struct AdminPanel: OverlayForm, Equatable {
    enum Section: Equatable, Sendable { case users, customers }
    var section: Section = .users
    var overview: AdminOverview? {
        didSet { userWidths = ColumnFit.widest(overview?.users ?? [], [\.user.email, \.user.name]) }
    }
    var customers: [CustomerRow]? {
        didSet { customerWidths = ColumnFit.widest(customers ?? [], [\.customer.name, \.customer.primaryDomain]) }
    }
    /// The widest address and name of the users, and name and primary domain of the customers, for the columns.
    private(set) var userWidths = [0, 0]
    private(set) var customerWidths = [0, 0]
    var overviewRequest: Int?
    var customersRequest: Int?
    var userCursor = 0
    var customerCursor = 0
    /// A change waiting for a y/n answer: every change here asks first, and any key but y is "no".
    var confirming: AdminChange?
    /// The change sent and not yet answered.
    var sending: Int?
    var error: String?

    var selectedUser: DomainUserRow? {
        guard let users = overview?.users, users.indices.contains(userCursor) else { return nil }
        return users[userCursor]
    }
    var selectedCustomer: CustomerRow? {
        guard let customers, customers.indices.contains(customerCursor) else { return nil }
        return customers[customerCursor]
    }

    /// Loads the overview and the customers again (on opening, after a change, or `r`).
    mutating func reload(_ env: inout Env) -> [Effect] {
        guard let session = env.session else { return [] }
        let overview = env.issue { .loadAdmin(request: $0, session: session) }
        let customers = env.issue { .loadCustomers(request: $0, session: session) }
        overviewRequest = overview.request
        customersRequest = customers.request
        return [overview, customers]
    }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        if let change = confirming {
            confirming = nil
            guard key == .char("y") || key == .char("Y") else {
                env.status = .info("Nothing changed.")
                return []
            }
            return send(change, &env)
        }
        let command = Keymap.binding(for: key, in: env.keys.admin)?.command
        if sending != nil, command != .close {
            env.status = .info("The change is being saved…")
            return []
        }
        switch command {
        case .close?:
            env.close()
        case .switchSection?:
            section = section == .users ? .customers : .users
        case .up?:
            if section == .users { userCursor = max(0, userCursor - 1) } else { customerCursor = max(0, customerCursor - 1) }
        case .down?:
            if section == .users {
                userCursor = min(max(0, (overview?.users.count ?? 0) - 1), userCursor + 1)
            } else {
                customerCursor = min(max(0, (customers?.count ?? 0) - 1), customerCursor + 1)
            }
        case .refresh?:
            return reload(&env)
        case .licence?:
            guard section == .users, let row = selectedUser else { return wrongSection(key, "a user", &env) }
            confirming = .licence(email: row.user.email, assigned: !row.user.licensed)
        case .suspend?:
            guard section == .users, let row = selectedUser else { return wrongSection(key, "a user", &env) }
            if let admin = env.user, case .refused(let refusal) = Rules.setSuspended(by: admin, row.user) {
                error = "suspend: \(refusal.description)"
                return []
            }
            confirming = .suspended(email: row.user.email, suspended: !row.user.suspended)
        case .grant?:
            guard section == .customers, let row = selectedCustomer else { return wrongSection(key, "a customer", &env) }
            confirming = .grant(customer: row.customer.primaryDomain, granted: !row.access.granted)
        case nil:
            env.status = .info("\(key.name) does nothing here. Press \(env.keys.name(of: .help)) for the keys.")
        }
        return []
    }

    mutating func receive(_ reply: Reply, request: Int, _ env: inout Env) -> [Effect] {
        switch (request as Int?, reply) {
        case (overviewRequest, .admin(let loaded)):
            overviewRequest = nil
            overview = loaded
            userCursor = min(userCursor, max(0, loaded.users.count - 1))
        case (customersRequest, .customers(let rows)):
            customersRequest = nil
            customers = rows
            customerCursor = min(customerCursor, max(0, rows.count - 1))
        case (overviewRequest, .failed(let message)):
            overviewRequest = nil
            error = message
        case (customersRequest, .failed(let message)):
            customersRequest = nil
            error = message
        case (sending, .failed(let message)):
            sending = nil
            error = message
        case (sending, _):
            sending = nil
            error = nil
            return reload(&env)
        default:
            break
        }
        return []
    }

    private func wrongSection(_ key: Key, _ what: String, _ env: inout Env) -> [Effect] {
        env.status = .info("\(key.name): select \(what) first (Tab switches between users and customers).")
        return []
    }

    private mutating func send(_ change: AdminChange, _ env: inout Env) -> [Effect] {
        guard let session = env.session else { return [] }
        let (what, success) = Self.describe(change)
        let sent = env.command(what, success: success) { .adminChange(request: $0, session: session, change) }
        sending = sent.request
        error = nil
        return [sent.effect]
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

extension AppState {
    /// `A`: only for a super administrator of the active domain (the Domain's rule).
    mutating func openAdmin() -> [Effect] {
        let user = tabs[active].session.user
        if case .refused(let refusal) = Rules.administer(by: user, domainID: user.domainID) {
            status = .error("\(keys.name(of: .admin)) (admin): \(refusal.description)")
            return []
        }
        let id = requests.serial()
        var env = makeEnv(form: id, actingDomain: nil)
        var panel = AdminPanel()
        let effects = panel.reload(&env)
        overlay = Overlay(id: id, form: panel)
        return effects + apply(env)
    }
}
