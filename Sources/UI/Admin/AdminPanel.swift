import Domain
import ScreenKit

/// The tabs of the admin screen, in Tab order: the seed's setup parts between the checklist and the customers.
enum AdminSection: CaseIterable, Equatable, Sendable {
    case setup, users, units, roles, licences, alerts, customers
    var title: String {
        switch self {
        case .setup: "Setup"
        case .users: "Users"
        case .units: "Units"
        case .roles: "Roles"
        case .licences: "Licences"
        case .alerts: "Alerts"
        case .customers: "Customers"
        }
    }
    /// The commands that act in this tab (the hint line shows only these).
    var commands: Set<AdminCommand> {
        switch self {
        case .setup: [.add]
        case .users: [.add, .licence, .suspend, .move]
        case .units: [.add, .autoLicensing]
        case .roles: [.add, .assign, .remove]
        case .licences: [.add, .licence]
        case .alerts: [.redirect, .remove]
        case .customers: [.grant]
        }
    }
}

/// A change waiting for a y/n answer, with the question asked.
struct PendingChange: Equatable, Sendable {
    var change: AdminChange
    var question: String
}

/// The super administrator's screen (`A`): the setup checklist, users, organisational units, roles, licences, alert
/// redirects and customers' access, one tab each. The Domain decides who may open it and what each change needs;
/// the portal checks every change again.
struct AdminPanel: OverlayForm, Equatable {
    var section: AdminSection = .users
    var overview: AdminOverview? {
        didSet {
            userWidths = ColumnFit.widest(overview?.users ?? [], [\.user.email, \.user.name])
            setup = overview.map(SetupChecklist.report)
        }
    }
    /// The checklist of the loaded overview (the Domain computes it).
    private(set) var setup: SetupReport?
    var customers: [CustomerRow]? {
        didSet { customerWidths = ColumnFit.widest(customers ?? [], [\.customer.name, \.customer.primaryDomain]) }
    }
    /// The widest address and name of the users, and name and primary domain of the customers, for the columns.
    private(set) var userWidths = [0, 0]
    private(set) var customerWidths = [0, 0]
    var overviewRequest: Int?
    var customersRequest: Int?
    var cursors: [AdminSection: Int] = [:]
    /// A change waiting for a y/n answer: every change that takes something away asks first; any key but y is "no".
    var confirming: PendingChange?
    /// A form being filled in (a new user, unit, role…): what is typed stays until the change is saved.
    var prompt: AdminPrompt?
    /// A choice from a list (the unit to move a user to, the user to give a role).
    var pick: AdminPick?
    /// The change sent and not yet answered.
    var sending: Int?
    var error: String?

    var cursor: Int { cursors[section] ?? 0 }

    /// How many rows a tab lists.
    func rowCount(of section: AdminSection) -> Int {
        switch section {
        case .setup: (setup?.steps.count ?? 0) + (setup?.users.count ?? 0)
        case .users, .licences, .alerts: overview?.users.count ?? 0
        case .units: overview?.orgUnits.count ?? 0
        case .roles: overview?.roles.count ?? 0
        case .customers: customers?.count ?? 0
        }
    }

    var selectedUser: DomainUserRow? {
        guard let users = overview?.users, users.indices.contains(cursor), [.users, .licences, .alerts].contains(section) else { return nil }
        return users[cursor]
    }
    var selectedUnit: OrgUnitRow? {
        guard section == .units, let units = overview?.orgUnits, units.indices.contains(cursor) else { return nil }
        return units[cursor]
    }
    var selectedRole: RoleRow? {
        guard section == .roles, let roles = overview?.roles, roles.indices.contains(cursor) else { return nil }
        return roles[cursor]
    }
    var selectedCustomer: CustomerRow? {
        guard section == .customers, let customers, customers.indices.contains(cursor) else { return nil }
        return customers[cursor]
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
        if let pending = confirming {
            confirming = nil
            guard key == .char("y") || key == .char("Y") else {
                env.status = .info("Nothing changed.")
                return []
            }
            return send(pending.change, &env)
        }
        let command = Keymap.binding(for: key, in: env.keys.admin)?.command
        // While a change is saved only closing the screen acts (not in a form, where the key would cancel it).
        if sending != nil, command != .close || prompt != nil || pick != nil {
            env.status = .info("The change is being saved…")
            return []
        }
        if prompt != nil { return promptKey(key, &env) }
        if pick != nil { return pickKey(key, &env) }
        if let command, ![.up, .down, .nextSection, .previousSection, .refresh, .close].contains(command), !section.commands.contains(command) {
            env.status = .info("\(key.name) does nothing in \(section.title). \(Self.where(command))")
            return []
        }
        switch command {
        case .close?:
            env.close()
        case .nextSection?, .previousSection?:
            let all = AdminSection.allCases
            section = all[(all.firstIndex(of: section)! + (command == .nextSection ? 1 : all.count - 1)) % all.count]
            error = nil
        case .up?:
            cursors[section] = max(0, cursor - 1)
        case .down?:
            cursors[section] = min(max(0, rowCount(of: section) - 1), cursor + 1)
        case .refresh?:
            return reload(&env)
        case .add?:
            prompt = AdminPrompt.for(section, overview: overview)
        case .licence?:
            guard let row = selectedUser else { return nothingSelected(key, "a user", &env) }
            ask(.licence(email: row.user.email, assigned: !row.user.licensed))
        case .suspend?:
            guard let row = selectedUser else { return nothingSelected(key, "a user", &env) }
            if let admin = env.user, case .refused(let refusal) = Rules.setSuspended(by: admin, row.user) {
                error = "suspend: \(refusal.description)"
                return []
            }
            ask(.suspended(email: row.user.email, suspended: !row.user.suspended))
        case .move?:
            guard let row = selectedUser else { return nothingSelected(key, "a user", &env) }
            let units = overview?.orgUnits ?? []
            guard !units.isEmpty else {
                error = "org-unit: your domain has no organisational units yet: add one in the Units tab"
                return []
            }
            pick = AdminPick(purpose: .moveUser(email: row.user.email), title: "Move \(row.user.email) to which unit?",
                             options: units.map { "\($0.name)\($0.autoLicensing ? "  (auto-licensing on)" : "")" }, values: units.map(\.name))
        case .autoLicensing?:
            guard let unit = selectedUnit else { return nothingSelected(key, "a unit", &env) }
            ask(.autoLicensing(unit: unit.name, on: !unit.autoLicensing))
        case .assign?:
            return pickHolder(of: key, assigning: true, &env)
        case .remove? where section == .roles:
            return pickHolder(of: key, assigning: false, &env)
        case .remove?:
            guard let row = selectedUser else { return nothingSelected(key, "a user", &env) }
            guard row.user.alertAddress != nil else {
                env.status = .info("\(row.user.email)'s alerts are not redirected.")
                return []
            }
            ask(.alerts(email: row.user.email, address: nil))
        case .redirect?:
            guard let row = selectedUser else { return nothingSelected(key, "a user", &env) }
            prompt = AdminPrompt(purpose: .alerts(email: row.user.email), title: "Redirect the alerts of \(row.user.email)",
                                 fields: [.init("Send to", row.user.alertAddress ?? "")])
        case .grant?:
            guard let row = selectedCustomer else { return nothingSelected(key, "a customer", &env) }
            ask(.grant(customer: row.customer.primaryDomain, granted: !row.access.granted))
        case nil:
            env.status = .info("\(key.name) does nothing here. Press \(env.keys.name(of: .help)) for the keys.")
        }
        return []
    }

    /// `+` and `x` in Roles: the users to give the selected role, or to take it from.
    private mutating func pickHolder(of key: Key, assigning: Bool, _ env: inout Env) -> [Effect] {
        guard let role = selectedRole else { return nothingSelected(key, "a role", &env) }
        let users = (overview?.users ?? []).filter { $0.roles.contains(role.name) != assigning }
        guard !users.isEmpty else {
            env.status = .info(assigning ? "Every user already holds \(role.name)." : "No user holds \(role.name).")
            return []
        }
        pick = AdminPick(purpose: assigning ? .assignRole(role.name) : .revokeRole(role.name),
                         title: assigning ? "Give \(role.name) to which user?" : "Revoke \(role.name) from which user?",
                         options: users.map { "\($0.user.email)  \($0.user.name)" }, values: users.map(\.user.email))
        return []
    }

    private mutating func promptKey(_ key: Key, _ env: inout Env) -> [Effect] {
        switch prompt!.key(key, env.keys) {
        case .cancel:
            prompt = nil
            env.status = .info("Nothing changed.")
        case .edited:
            break
        case .submit:
            switch prompt!.change() {
            case .failure(let refusal):
                prompt!.error = refusal.description
            case .success(let change):
                prompt!.error = nil
                if case .addUser(let email, let name, let password, let placement?) = change,
                   let unit = overview?.orgUnits.first(where: { $0.name == placement.unit }),
                   case .refused(let why) = Rules.placeInUnit(autoLicensing: unit.autoLicensing, acceptWorkspaceLicence: false) {
                    var accepted = placement
                    accepted.acceptWorkspaceLicence = true
                    confirming = PendingChange(change: .addUser(email: email, name: name, password: password, placement: accepted),
                                               question: "\(unit.name): \(why.reason) Add \(email) there anyway?")
                    return []
                }
                return send(change, &env)
            }
        }
        return []
    }

    private mutating func pickKey(_ key: Key, _ env: inout Env) -> [Effect] {
        switch Keymap.binding(for: key, in: env.keys.choice)?.command {
        case .close?:
            pick = nil
            env.status = .info("Nothing changed.")
        case .down?:
            pick!.cursor = min(pick!.values.count - 1, pick!.cursor + 1)
        case .up?:
            pick!.cursor = max(0, pick!.cursor - 1)
        case .choose?:
            let chosen = pick!.values[pick!.cursor]
            let purpose = pick!.purpose
            pick = nil
            switch purpose {
            case .moveUser(let email):
                let unit = overview?.orgUnits.first { $0.name == chosen }
                if let unit, case .refused(let why) = Rules.placeInUnit(autoLicensing: unit.autoLicensing, acceptWorkspaceLicence: false) {
                    confirming = PendingChange(change: .moveUser(email: email, UnitPlacement(unit: chosen, acceptWorkspaceLicence: true)),
                                               question: "\(chosen): \(why.reason) Move \(email) there anyway?")
                    return []
                }
                return send(.moveUser(email: email, UnitPlacement(unit: chosen)), &env)
            case .assignRole(let role):
                return send(.role(email: chosen, role: role, assigned: true), &env)
            case .revokeRole(let role):
                ask(.role(email: chosen, role: role, assigned: false))
            }
        case nil:
            env.status = .info("\(key.name) does nothing here: choose with Enter, Esc cancels.")
        }
        return []
    }

    mutating func receive(_ reply: Reply, request: Int, _ env: inout Env) -> [Effect] {
        switch (request as Int?, reply) {
        case (overviewRequest, .admin(let loaded)):
            overviewRequest = nil
            overview = loaded
            for s in AdminSection.allCases { cursors[s] = min(cursors[s] ?? 0, max(0, rowCount(of: s) - 1)) }
        case (customersRequest, .customers(let rows)):
            customersRequest = nil
            customers = rows
            cursors[.customers] = min(cursors[.customers] ?? 0, max(0, rows.count - 1))
        case (overviewRequest, .failed(let message)):
            overviewRequest = nil
            error = message
        case (customersRequest, .failed(let message)):
            customersRequest = nil
            error = message
        case (sending, .failed(let message)):
            sending = nil
            // A refused form stays open with what was typed, and says why.
            if prompt != nil { prompt!.error = message } else { error = message }
        case (sending, _):
            sending = nil
            error = nil
            prompt = nil
            return reload(&env)
        default:
            break
        }
        return []
    }

    private mutating func ask(_ change: AdminChange) {
        confirming = PendingChange(change: change, question: Self.question(change))
    }

    private func nothingSelected(_ key: Key, _ what: String, _ env: inout Env) -> [Effect] {
        env.status = .info("\(key.name): select \(what) first.")
        return []
    }

    /// Where a command acts, for a key pressed in the wrong tab.
    private static func `where`(_ command: AdminCommand) -> String {
        let tabs = AdminSection.allCases.filter { $0.commands.contains(command) }.map(\.title)
        return tabs.isEmpty ? "" : "It acts in \(tabs.joined(separator: ", ")) (Tab switches tabs)."
    }

    private mutating func send(_ change: AdminChange, _ env: inout Env) -> [Effect] {
        guard let session = env.session else { return [] }
        let (what, success) = Self.describe(change)
        let sent = env.command(what, success: success) { .adminChange(request: $0, session: session, change) }
        sending = sent.request
        error = nil
        return [sent.effect]
    }

    static func question(_ change: AdminChange) -> String {
        switch change {
        case .suspended(let email, true): "Suspend \(email)? They can't sign in while suspended."
        case .suspended(let email, false): "Unsuspend \(email)?"
        case .licence(let email, true): "Assign a licence to \(email)? It takes one from the pool."
        case .licence(let email, false): "Unassign the licence of \(email)? They lose portal access."
        case .grant(let customer, true): "Grant access for \(customer)?"
        case .grant(let customer, false): "Revoke access for \(customer)? Your domain can't file its cases then."
        case .autoLicensing(let unit, true): "Turn auto-licensing on for \(unit)? New users there get a Google Workspace licence too."
        case .autoLicensing(let unit, false): "Turn auto-licensing off for \(unit)?"
        case .role(let email, let role, false): "Revoke \(role) from \(email)? They may lose portal access."
        case .alerts(let email, nil): "Clear the redirect of \(email)? Alerts go to their own address again."
        default: "\(describe(change).what)?"
        }
    }

    static func describe(_ change: AdminChange) -> (what: String, success: String) {
        switch change {
        case .licence(let email, true): ("assign a licence to \(email)", "Licence assigned to \(email).")
        case .licence(let email, false): ("unassign the licence of \(email)", "Licence of \(email) unassigned.")
        case .suspended(let email, true): ("suspend \(email)", "\(email) suspended.")
        case .suspended(let email, false): ("unsuspend \(email)", "\(email) unsuspended.")
        case .grant(let customer, true): ("grant access for \(customer)", "Access granted for \(customer).")
        case .grant(let customer, false): ("revoke access for \(customer)", "Access revoked for \(customer).")
        case .addSecondaryDomain(let name): ("add the secondary domain \(name)", "Secondary domain \(name) added.")
        case .createOrgUnit(let name, _): ("create the unit \(name)", "Unit \(name) created, auto-licensing off.")
        case .autoLicensing(let unit, let on): ("turn auto-licensing \(on ? "on" : "off") for \(unit)", "Auto-licensing is \(on ? "on" : "off") for \(unit).")
        case .addUser(let email, _, _, let placement):
            ("add \(email)", "\(email) added\(placement.map { " to \($0.unit)" } ?? "")\(placement?.acceptWorkspaceLicence == true ? " with a Google Workspace licence" : "").")
        case .moveUser(let email, let placement):
            ("move \(email) to \(placement.unit)", "\(email) moved to \(placement.unit)\(placement.acceptWorkspaceLicence ? " with a Google Workspace licence" : "").")
        case .createRole(let name, _): ("create the role \(name)", "Role \(name) created.")
        case .role(let email, let role, true): ("give \(role) to \(email)", "\(role) given to \(email).")
        case .role(let email, let role, false): ("revoke \(role) from \(email)", "\(role) revoked from \(email).")
        case .requestLicences(let count): ("request \(count) more licences", "\(count) more licences added to the pool.")
        case .alerts(let email, let address?): ("redirect the alerts of \(email)", "Alerts of \(email) now go to \(address).")
        case .alerts(let email, nil): ("clear the alert redirect of \(email)", "Alerts of \(email) go to \(email) again.")
        }
    }
}

/// A choice from a list inside the admin screen.
struct AdminPick: Equatable, Sendable {
    enum Purpose: Equatable, Sendable { case moveUser(email: String), assignRole(String), revokeRole(String) }
    var purpose: Purpose
    var title: String
    var options: [String]
    /// What each option stands for (a unit's name, a user's address).
    var values: [String]
    var cursor = 0
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
