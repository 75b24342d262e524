import Domain
import Foundation
import Store

/// The super administrator's commands, each checked with `Rules.administer` for the admin's own domain, run in one
/// transaction that holds the domain's row lock (so two admins can't both take the pool's last licence), and audited.
extension PostgresPortalStore {
    public func createDomain(as creator: User?, name rawName: String, kind: DomainKind, superAdminEmail: String, superAdminName: String,
                             password: String) throws(StoreError) -> (ResellerDomain, User) {
        let new = try NewDomain.validate(name: rawName, adminEmail: superAdminEmail, password: password).get()
        _ = try Validate.name(superAdminName, field: "admin-name").get()
        let hash = passwordHasher.hash(password)
        let now = self.now
        let userID: Int64 = try write(.system) { db in
            // Two first domains created at once: the second waits here, then finds the first.
            try db.execute("LOCK TABLE domain IN SHARE ROW EXCLUSIVE MODE")
            let existing = try db.value("SELECT COUNT(*) FROM domain", as: Int.self) ?? 0
            try Rules.createDomain(by: creator, existingDomains: existing).enforce()
            if try Self.domain(db, name: new.name) != nil { throw StoreError.refused(.conflict("domain", "\(new.name) already exists")) }
            let domainID = try db.value("INSERT INTO domain (name, kind, licence_pool, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                                        [new.name, kind.rawValue, Licences.defaultPool, now.millis], as: Int64.self)!
            let roleID = try db.value("INSERT INTO role (domain_id, name, privileges) VALUES (?, ?, ?) RETURNING id",
                                      [domainID, Role.resellerAdminName, Map.privilegesText(Role.resellerAdminPrivileges)], as: Int64.self)!
            if try Self.userByEmail(db, new.adminEmail) != nil {
                throw StoreError.refused(.conflict("admin-email", "\(new.adminEmail) already has an account"))
            }
            return try Self.insertUser(db, domainID: domainID, email: new.adminEmail, name: superAdminName, hash: hash, superAdmin: true,
                                       licensed: true, roleIDs: [roleID], now: now)
        }
        return try read(.system) { db in
            let user = try Self.userByID(db, userID)!
            return (try Self.domain(db, id: user.domainID)!, user)
        }
    }

    public func addSecondaryDomain(as admin: User, name rawName: String) throws(StoreError) {
        let name = try AdminInput.secondaryDomain(rawName).get()
        try adminWrite(admin, action: "domain.add-secondary", target: name) { db in
            let taken = try db.value("""
                SELECT EXISTS (SELECT 1 FROM domain WHERE lower(name) = ?) OR EXISTS (SELECT 1 FROM secondary_domain WHERE lower(name) = ?)
                """, [name, name], as: Bool.self) ?? false
            if taken { throw StoreError.refused(.conflict("domain", "\(name) is already a reseller or secondary domain")) }
            try db.execute("INSERT INTO secondary_domain (domain_id, name) VALUES (?, ?)", [admin.domainID, name])
        }
    }

    /// A user of the admin's domain or one of its secondary domains, placed in `orgUnit` if given (refused into a unit
    /// with auto-licensing on unless the Workspace licence is accepted; then the user holds it and the audit says so).
    public func createUser(as admin: User, email rawEmail: String, name: String, password: String, licensed: Bool, roles: [String],
                           superAdmin: Bool, orgUnit: UnitPlacement?) throws(StoreError) -> User {
        try Rules.administer(by: admin, domainID: admin.domainID).enforce()
        let email = try Validate.email(rawEmail).get()
        _ = try Validate.name(name, field: "name").get()
        let hash = passwordHasher.hash(try Validate.password(password).get())
        let now = self.now
        return try adminWrite(admin, action: "user.add", target: email, detail: { db, user in
            try Self.workspaceLicenceNote(db, userID: user.id)
        }) { db in
            let domain = try Self.lockedDomain(db, admin.domainID)
            let names = try [domain.name] + db.values("SELECT name FROM secondary_domain WHERE domain_id = ? ORDER BY name COLLATE \"C\"",
                                                      [admin.domainID], as: String.self)
            guard names.contains(where: { email.hasSuffix("@\($0)") }) else {
                throw StoreError.refused(.invalid("email", "\(email) is not an address in \(names.joined(separator: " or "))"))
            }
            if try Self.userByEmail(db, email) != nil { throw StoreError.refused(.conflict("email", "\(email) already has an account")) }
            let unit = try orgUnit.map { try Self.placement(db, $0, domainID: admin.domainID) }
            let roleIDs = try roles.map { try Self.roleID(db, domainID: admin.domainID, name: $0) }
            if licensed { try Self.checkLicencePool(db, domainID: admin.domainID) }
            let id = try Self.insertUser(db, domainID: admin.domainID, email: email, name: name, hash: hash, superAdmin: superAdmin,
                                         licensed: licensed, roleIDs: roleIDs, now: now)
            if let unit { try Self.place(db, userID: id, in: unit) }
            return try Self.userByID(db, id)!
        }
    }

    public func setLicence(as admin: User, email: String, assigned: Bool) throws(StoreError) {
        let now = self.now, action = assigned ? "licence.assign" : "licence.unassign"
        try adminWrite(admin, action: action, target: email) { db in
            let user = try Self.domainUser(db, email, admin: admin)
            if assigned && !user.licensed { try Self.checkLicencePool(db, domainID: admin.domainID) }
            try db.execute("UPDATE account SET licensed = ? WHERE id = ?", [assigned, user.id])
            try Self.checkOwnAccessKept(db, user, by: admin)
            try Self.endSessionsIfAccessEnded(db, userID: user.id, by: admin, change: action, at: now)
        }
    }

    public func requestLicences(as admin: User, count: Int) throws(StoreError) {
        guard (1...10_000).contains(count) else { throw .refused(.invalid("count", "must be between 1 and 10000")) }
        try adminWrite(admin, action: "licence.request", target: "\(count) licences") { db in
            try db.execute("UPDATE domain SET licence_pool = licence_pool + ? WHERE id = ?", [count, admin.domainID])
        }
    }

    public func createRole(as admin: User, name: String, privileges: Set<Privilege>) throws(StoreError) {
        let trimmed = try AdminInput.role(name: name, privileges: privileges).get()
        try adminWrite(admin, action: "role.create", target: trimmed) { db in
            if try db.row("SELECT 1 FROM role WHERE domain_id = ? AND name = ?", [admin.domainID, trimmed]) != nil {
                throw StoreError.refused(.conflict("name", "a role named \(trimmed) already exists"))
            }
            try db.execute("INSERT INTO role (domain_id, name, privileges) VALUES (?, ?, ?)", [admin.domainID, trimmed, Map.privilegesText(privileges)])
        }
    }

    public func setRole(as admin: User, email: String, role: String, assigned: Bool) throws(StoreError) {
        let now = self.now, action = assigned ? "role.assign" : "role.revoke"
        try adminWrite(admin, action: action, target: "\(email) \(role)") { db in
            let user = try Self.domainUser(db, email, admin: admin)
            let roleID = try Self.roleID(db, domainID: admin.domainID, name: role)
            if assigned {
                try db.execute("INSERT INTO account_role (account_id, role_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [user.id, roleID])
            } else {
                try db.execute("DELETE FROM account_role WHERE account_id = ? AND role_id = ?", [user.id, roleID])
            }
            try Self.checkOwnAccessKept(db, user, by: admin)
            try Self.endSessionsIfAccessEnded(db, userID: user.id, by: admin, change: action, at: now)
        }
    }

    public func setSuspended(as admin: User, email: String, suspended: Bool) throws(StoreError) {
        let now = self.now, action = suspended ? "user.suspend" : "user.unsuspend"
        try adminWrite(admin, action: action, target: email) { db in
            let user = try Self.domainUser(db, email, admin: admin)
            try Rules.setSuspended(by: admin, user).enforce()
            try db.execute("UPDATE account SET suspended = ? WHERE id = ?", [suspended, user.id])
            try Self.endSessionsIfAccessEnded(db, userID: user.id, by: admin, change: action, at: now)
        }
    }

    public func setAlertAddress(as admin: User, email: String, alertAddress: String?) throws(StoreError) {
        let address = try alertAddress.map { a throws(StoreError) in try Validate.email(a, field: "alert-address").get() }
        try adminWrite(admin, action: "user.alerts", target: email) { db in
            let user = try Self.domainUser(db, email, admin: admin)
            try db.execute("UPDATE account SET alert_address = ? WHERE id = ?", [address, user.id])
        }
    }

    /// Adds a customer to the admin's domain: its own customer record whether or not another domain manages one with
    /// that primary domain, so the answer discloses nothing about other domains.
    public func addCustomer(as admin: User, name: String, primaryDomain: String, tier: SupportTier, kind: AccessKind,
                            granted: Bool) throws(StoreError) -> Customer {
        let (trimmed, primary) = try AdminInput.customer(name: name, primaryDomain: primaryDomain).get()
        let now = self.now
        return try adminWrite(admin, action: "customer.add", target: primary) { db in
            let yours = try db.row("""
                SELECT 1 FROM customer cu JOIN customer_access a ON a.customer_id = cu.id AND a.domain_id = ? AND a.until IS NULL
                WHERE cu.primary_domain_key = lower(?)
                """, [admin.domainID, primary])
            if yours != nil { throw StoreError.refused(.conflict("primary-domain", "\(primary) is already one of your customers")) }
            // Its id first: the new customer is the domain's (and visible to it) only once its access row exists.
            let id = try db.value("SELECT nextval(pg_get_serial_sequence('customer', 'id'))", as: Int64.self)!
            try db.execute("INSERT INTO customer (id, name, primary_domain, tier) VALUES (?, ?, ?, ?)", [id, trimmed, primary, tier.rawValue])
            try db.execute("INSERT INTO customer_access (customer_id, domain_id, kind, granted, since) VALUES (?, ?, ?, ?, ?)",
                           [id, admin.domainID, kind.rawValue, granted, now.millis])
            return Customer(id: id, name: trimmed, primaryDomain: primary, tier: tier)
        }
    }

    public func setGrant(as admin: User, customer: String, granted: Bool) throws(StoreError) {
        try adminWrite(admin, action: granted ? "customer.grant" : "customer.revoke", target: customer) { db in
            let (c, _) = try Self.resolveCustomer(db, customer, domainID: admin.domainID)
            try db.execute("UPDATE customer_access SET granted = ? WHERE customer_id = ? AND domain_id = ? AND until IS NULL",
                           [granted, c.id, admin.domainID])
        }
    }

    public func setTier(as admin: User, customer: String, tier: SupportTier) throws(StoreError) {
        try adminWrite(admin, action: "customer.tier", target: "\(customer) \(tier.rawValue)") { db in
            let (c, _) = try Self.resolveCustomer(db, customer, domainID: admin.domainID)
            try db.execute("UPDATE customer SET tier = ? WHERE id = ?", [tier.rawValue, c.id])
        }
    }

    /// Moves a customer to another reseller domain: the old domain loses sight of it and its cases; the new one sees
    /// only cases filed from now on.
    public func transferCustomer(as admin: User, customer: String, to domainName: String, granted: Bool) throws(StoreError) {
        let now = self.now
        try adminWrite(admin, action: "customer.transfer", target: "\(customer) → \(domainName)") { db in
            let (c, access) = try Self.resolveCustomer(db, customer, domainID: admin.domainID)
            guard let target = try Self.domain(db, name: domainName) else {
                throw StoreError.refused(.notFound("to", "no reseller domain \(domainName)"))
            }
            if target.id == admin.domainID { throw StoreError.refused(.invalid("to", "the customer is already with \(domainName)")) }
            try db.execute("UPDATE customer_access SET until = ? WHERE customer_id = ? AND domain_id = ? AND until IS NULL",
                           [now.millis, c.id, admin.domainID])
            try db.execute("INSERT INTO customer_access (customer_id, domain_id, kind, granted, since) VALUES (?, ?, ?, ?, ?)",
                           [c.id, target.id, access.kind.rawValue, granted, now.millis])
        }
    }

    public func createOrgUnit(as admin: User, name: String, autoLicensing: Bool) throws(StoreError) -> String? {
        _ = try AdminInput.orgUnit(name: name).get()
        try adminWrite(admin, action: "org-unit.create", target: name) { db in
            if try db.row("SELECT 1 FROM org_unit WHERE domain_id = ? AND name = ?", [admin.domainID, name]) != nil {
                throw StoreError.refused(.conflict("name", "an org unit named \(name) already exists"))
            }
            try db.execute("INSERT INTO org_unit (domain_id, name, auto_licensing) VALUES (?, ?, ?)", [admin.domainID, name, autoLicensing])
        }
        return autoLicensing ? Rules.autoLicensingWarning : nil
    }

    /// The super administrator's view of their domain: licence pool, users with their roles and units (by email),
    /// secondary domains, organisational units and roles with how many users each holds.
    public func adminOverview(as admin: User) throws(StoreError) -> AdminOverview {
        try Rules.administer(by: admin, domainID: admin.domainID).enforce()
        return try read(ActorContext(admin)) { db in
            guard let domain = try Self.domain(db, id: admin.domainID) else {
                throw StoreError.refused(.notFound("domain", "your reseller domain no longer exists"))
            }
            let placed = try db.rows("""
                SELECT u.id, o.name, u.workspace_licence FROM account u LEFT JOIN org_unit o ON o.id = u.org_unit_id
                WHERE u.domain_id = ? ORDER BY u.email COLLATE "C"
                """, [admin.domainID])
            let users = try placed.compactMap { row -> DomainUserRow? in
                guard let user = try Self.userByID(db, try row[0]) else { return nil }
                let roles = try db.values("""
                    SELECT r.name FROM account_role ur JOIN role r ON r.id = ur.role_id WHERE ur.account_id = ? ORDER BY r.name COLLATE "C"
                    """, [user.id], as: String.self)
                return DomainUserRow(user: user, roles: roles, orgUnit: try row[1], workspaceLicence: try row[2])
            }
            let used = try Self.licencesUsed(db, domainID: admin.domainID)
            let secondary = try db.values("SELECT name FROM secondary_domain WHERE domain_id = ? ORDER BY name COLLATE \"C\"",
                                          [admin.domainID], as: String.self)
            let units = try db.rows("""
                SELECT o.name, o.auto_licensing, (SELECT COUNT(*) FROM account u WHERE u.org_unit_id = o.id)
                FROM org_unit o WHERE o.domain_id = ? ORDER BY o.name COLLATE "C"
                """, [admin.domainID]).map { OrgUnitRow(name: try $0[0], autoLicensing: try $0[1], users: Int(try $0[2] as Int64)) }
            let roles = try db.rows("""
                SELECT r.name, r.privileges, r.domain_id IS NULL OR r.name = ?,
                       (SELECT COUNT(*) FROM account_role ur WHERE ur.role_id = r.id)
                FROM role r WHERE r.domain_id = ? OR r.domain_id IS NULL ORDER BY r.name COLLATE "C"
                """, [Role.resellerAdminName, admin.domainID]).map { row in
                let privileges = Map.privileges(try row[1] as String)
                return RoleRow(name: try row[0], privileges: Privilege.allCases.filter(privileges.contains), builtIn: try row[2],
                               users: Int(try row[3] as Int64))
            }
            return AdminOverview(domainName: domain.name, licencesUsed: used, licencePool: domain.licencePool, users: users,
                                 secondaryDomains: secondary, orgUnits: units, roles: roles)
        }
    }

    // MARK: Helpers

    /// Checks the admin, locks their domain's row, runs the change in one transaction and records the outcome in the
    /// audit log (a refusal after its rollback, so it is never lost with it). `detail` adds to the audit entry what the
    /// change did beyond its action, read in the same transaction.
    @discardableResult
    func adminWrite<T>(_ admin: User, action: String, target: String, detail: ((SQLSession, T) throws -> String?)? = nil,
                       _ body: (SQLSession) throws -> T) throws(StoreError) -> T {
        do {
            try Rules.administer(by: admin, domainID: admin.domainID).enforce()
            let now = self.now
            return try write(ActorContext(admin)) { db throws in
                _ = try Self.lockedDomain(db, admin.domainID)
                let result = try body(db)
                try Self.recordAudit(db, at: now, domainID: admin.domainID, actor: admin.email, action: action, target: target, outcome: .ok,
                                     detail: try detail?(db, result))
                return result
            }
        } catch {
            try? audit(domainID: admin.domainID, actor: admin.email, action: action, target: target, outcome: .refused, detail: error.description)
            throw error
        }
    }

    static func lockedDomain(_ db: SQLSession, _ id: Int64) throws -> ResellerDomain {
        guard let row = try db.row("SELECT \(Rows.domainColumns) FROM domain WHERE id = ? FOR UPDATE", [id]) else {
            throw StoreError.refused(.notFound("domain", "your reseller domain no longer exists"))
        }
        return try Rows.domain(row)
    }

    /// After a change to `user` in this transaction: refused (and so rolled back) when it took the admin's own access.
    static func checkOwnAccessKept(_ db: SQLSession, _ user: User, by admin: User) throws {
        guard user.id == admin.id, let after = try userByID(db, user.id) else { return }
        try Rules.keepsOwnAccess(by: admin, after: after).enforce()
    }

    static func domainUser(_ db: SQLSession, _ email: String, admin: User) throws -> User {
        guard let user = try userByEmail(db, email), user.domainID == admin.domainID else {
            throw StoreError.refused(.notFound("email", "no user \(email) in your domain"))
        }
        return user
    }

    static func roleID(_ db: SQLSession, domainID: Int64, name: String) throws -> Int64 {
        guard let id = try db.value("SELECT id FROM role WHERE (domain_id = ? OR domain_id IS NULL) AND lower(name) = lower(?)",
                                    [domainID, name], as: Int64.self) else {
            let names = try db.values("SELECT name FROM role WHERE domain_id = ? OR domain_id IS NULL ORDER BY name COLLATE \"C\"", [domainID],
                                      as: String.self)
            throw StoreError.refused(.notFound("role", "no role \"\(name)\"; roles are: \(names.joined(separator: ", "))"))
        }
        return id
    }

    static func licencesUsed(_ db: SQLSession, domainID: Int64) throws -> Int {
        try db.value("SELECT COUNT(*) FROM account WHERE domain_id = ? AND licensed", [domainID], as: Int.self) ?? 0
    }

    static func checkLicencePool(_ db: SQLSession, domainID: Int64) throws {
        let pool = try db.value("SELECT licence_pool FROM domain WHERE id = ?", [domainID], as: Int.self) ?? 0
        try Rules.assignLicence(used: try licencesUsed(db, domainID: domainID), pool: pool).enforce()
    }

    static func insertUser(_ db: SQLSession, domainID: Int64, email: String, name: String, hash: String, superAdmin: Bool, licensed: Bool,
                           roleIDs: [Int64], now: Date) throws -> Int64 {
        let id = try db.value("""
            INSERT INTO account (kind, domain_id, email, name, password_hash, super_admin, licensed, created_at)
            VALUES ('reseller', ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [domainID, email, name, hash, superAdmin, licensed, now.millis], as: Int64.self)!
        for r in roleIDs { try db.execute("INSERT INTO account_role (account_id, role_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [id, r]) }
        return id
    }
}
