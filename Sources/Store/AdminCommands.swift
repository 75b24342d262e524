import Domain
import Foundation
import GRDB

/// The super administrator's commands. Each is checked with `Rules.administer` for the admin's own domain.
extension PortalStore {
    /// Creates a reseller domain with its built-in Reseller Admin role and its first super administrator.
    /// The first domain of a database is how an organisation starts, so it needs no `creator`; any later one is
    /// created by a signed-in super administrator (`Rules.createDomain`).
    @discardableResult
    public func createDomain(as creator: User? = nil, name rawName: String, kind: DomainKind, superAdminEmail: String,
                             superAdminName: String, password: String) throws(StoreError) -> (ResellerDomain, User) {
        let new = try NewDomain.validate(name: rawName, adminEmail: superAdminEmail, password: password).get()
        let (name, email) = (new.name, new.adminEmail)
        _ = try Validate.name(superAdminName, field: "admin-name").get()
        let hash = passwordHasher.hash(password)
        let now = self.now
        let userID: Int64 = try write { db in
            let existing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM domain") ?? 0
            try Rules.createDomain(by: creator, existingDomains: existing).enforce()
            if try Self.domain(db, name: name) != nil { throw StoreError.refused(.conflict("domain", "\(name) already exists")) }
            let domain = try DomainRecord(name: name, kind: kind.rawValue, licencePool: Licences.defaultPool, createdAt: now.millis)
                .inserted(db)
            let domainID = domain.id!
            let roleID = try RoleRecord(domainID: domainID, name: Role.resellerAdminName,
                                        privileges: Map.privilegesText(Role.resellerAdminPrivileges)).inserted(db).id!
            return try Self.insertUser(db, domainID: domainID, email: email, name: superAdminName, hash: hash,
                                       superAdmin: true, licensed: true, roleIDs: [roleID], now: now)
        }
        let user = try self.user(id: userID)!
        return (try domain(id: user.domainID)!, user)
    }

    /// Adds a secondary domain to the admin's reseller domain.
    public func addSecondaryDomain(as admin: User, name rawName: String) throws(StoreError) {
        let name = try AdminInput.secondaryDomain(rawName).get()
        try adminWrite(admin, action: "domain.add-secondary", target: name) { db in
            let taken = try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM domain WHERE name = ?) OR EXISTS(SELECT 1 FROM secondary_domain WHERE name = ?)",
                                          arguments: [name, name]) ?? false
            if taken { throw StoreError.refused(.conflict("domain", "\(name) is already a reseller or secondary domain")) }
            try db.execute(sql: "INSERT INTO secondary_domain (domain_id, name) VALUES (?, ?)", arguments: [admin.domainID, name])
        }
    }

    /// A user of the admin's domain or one of its secondary domains, placed in `orgUnit` if given (refused into a unit
    /// with auto-licensing on unless the Workspace licence is accepted; then the user holds it and the audit says so).
    @discardableResult
    public func createUser(as admin: User, email rawEmail: String, name: String, password: String, licensed: Bool,
                           roles: [String], superAdmin: Bool = false, orgUnit: UnitPlacement? = nil) throws(StoreError) -> User {
        try Rules.administer(by: admin, domainID: admin.domainID).enforce()
        let email = try Validate.email(rawEmail).get()
        _ = try Validate.name(name, field: "name").get()
        let hash = passwordHasher.hash(try Validate.password(password).get())
        let now = self.now
        let id: Int64 = try adminWrite(admin, action: "user.add", target: email, detail: { db, id in
            try Self.workspaceLicenceNote(db, userID: id)
        }) { db in
            let domain = try Self.domain(db, id: admin.domainID)!
            let names = try [domain.name] + String.fetchAll(db, sql: "SELECT name FROM secondary_domain WHERE domain_id = ? ORDER BY name",
                                                            arguments: [admin.domainID])
            guard names.contains(where: { email.hasSuffix("@\($0)") }) else {
                throw StoreError.refused(.invalid("email", "\(email) is not an address in \(names.joined(separator: " or "))"))
            }
            if try Self.userByEmail(db, email) != nil { throw StoreError.refused(.conflict("email", "\(email) already has an account")) }
            let unit = try orgUnit.map { try Self.placement(db, $0, domainID: admin.domainID) }
            let roleIDs = try roles.map { try Self.roleID(db, domainID: admin.domainID, name: $0) }
            if licensed { try Self.checkLicencePool(db, domainID: admin.domainID) }
            let id = try Self.insertUser(db, domainID: admin.domainID, email: email, name: name, hash: hash,
                                         superAdmin: superAdmin, licensed: licensed, roleIDs: roleIDs, now: now)
            if let unit { try Self.place(db, userID: id, in: unit) }
            return id
        }
        return try user(id: id)!
    }

    public func setLicence(as admin: User, email: String, assigned: Bool) throws(StoreError) {
        let now = self.now, action = assigned ? "licence.assign" : "licence.unassign"
        try adminWrite(admin, action: action, target: email) { db in
            let user = try Self.domainUser(db, email, admin: admin)
            if assigned && !user.licensed { try Self.checkLicencePool(db, domainID: admin.domainID) }
            try db.execute(sql: "UPDATE user SET licensed = ? WHERE id = ?", arguments: [assigned, user.id])
            try Self.checkOwnAccessKept(db, user, by: admin)
            try Self.endSessionsIfAccessEnded(db, userID: user.id, by: admin, change: action, at: now)
        }
    }

    /// Raises the domain's Cloud Identity Free pool (the seed's licence request form).
    public func requestLicences(as admin: User, count: Int) throws(StoreError) {
        guard (1...10_000).contains(count) else { throw .refused(.invalid("count", "must be between 1 and 10000")) }
        try adminWrite(admin, action: "licence.request", target: "\(count) licences") { db in
            try db.execute(sql: "UPDATE domain SET licence_pool = licence_pool + ? WHERE id = ?", arguments: [count, admin.domainID])
        }
    }

    public func licenceUsage(domainID: Int64) throws(StoreError) -> (used: Int, pool: Int) {
        try read { db in
            let used = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user WHERE domain_id = ? AND licensed = 1", arguments: [domainID]) ?? 0
            let pool = try Int.fetchOne(db, sql: "SELECT licence_pool FROM domain WHERE id = ?", arguments: [domainID]) ?? 0
            return (used, pool)
        }
    }

    public func createRole(as admin: User, name: String, privileges: Set<Privilege>) throws(StoreError) {
        let trimmed = try AdminInput.role(name: name, privileges: privileges).get()
        try adminWrite(admin, action: "role.create", target: trimmed) { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM role WHERE domain_id = ? AND name = ?", arguments: [admin.domainID, trimmed]) != nil {
                throw StoreError.refused(.conflict("name", "a role named \(trimmed) already exists"))
            }
            _ = try RoleRecord(domainID: admin.domainID, name: trimmed, privileges: Map.privilegesText(privileges)).inserted(db)
        }
    }

    public func setRole(as admin: User, email: String, role: String, assigned: Bool) throws(StoreError) {
        let now = self.now, action = assigned ? "role.assign" : "role.revoke"
        try adminWrite(admin, action: action, target: "\(email) \(role)") { db in
            let user = try Self.domainUser(db, email, admin: admin)
            let roleID = try Self.roleID(db, domainID: admin.domainID, name: role)
            if assigned {
                try db.execute(sql: "INSERT OR IGNORE INTO user_role (user_id, role_id) VALUES (?, ?)", arguments: [user.id, roleID])
            } else {
                try db.execute(sql: "DELETE FROM user_role WHERE user_id = ? AND role_id = ?", arguments: [user.id, roleID])
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
            try db.execute(sql: "UPDATE user SET suspended = ? WHERE id = ?", arguments: [suspended, user.id])
            try Self.endSessionsIfAccessEnded(db, userID: user.id, by: admin, change: action, at: now)
        }
    }

    public func setAlertAddress(as admin: User, email: String, alertAddress: String?) throws(StoreError) {
        let address = try alertAddress.map { a throws(StoreError) in try Validate.email(a, field: "alert-address").get() }
        try adminWrite(admin, action: "user.alerts", target: email) { db in
            let user = try Self.domainUser(db, email, admin: admin)
            try db.execute(sql: "UPDATE user SET alert_address = ? WHERE id = ?", arguments: [address, user.id])
        }
    }

    /// Adds a customer to the admin's domain, resold or support-only, with access granted or not. The domain gets its
    /// own customer record whether or not another domain manages a customer with that primary domain, so the answer is
    /// the same either way and discloses nothing about other domains; only the domain's own customers are refused.
    @discardableResult
    public func addCustomer(as admin: User, name: String, primaryDomain: String, tier: SupportTier,
                            kind: AccessKind, granted: Bool) throws(StoreError) -> Customer {
        let (trimmed, primary) = try AdminInput.customer(name: name, primaryDomain: primaryDomain).get()
        let now = self.now
        return try adminWrite(admin, action: "customer.add", target: primary) { db in
            let yours = try Row.fetchOne(db, sql: """
                SELECT 1 FROM customer cu JOIN customer_access a ON a.customer_id = cu.id AND a.domain_id = ? AND a.until IS NULL
                WHERE cu.primary_domain = ?
                """, arguments: [admin.domainID, primary])
            if yours != nil { throw StoreError.refused(.conflict("primary-domain", "\(primary) is already one of your customers")) }
            let id = try CustomerRecord(name: trimmed, primaryDomain: primary, tier: tier.rawValue).inserted(db).id!
            _ = try CustomerAccessRecord(customerID: id, domainID: admin.domainID, kind: kind.rawValue, granted: granted,
                                         since: now.millis).inserted(db)
            return Customer(id: id, name: trimmed, primaryDomain: primary, tier: tier)
        }
    }

    /// Records the customer's grant (or revocation) of access to file and manage support cases.
    public func setGrant(as admin: User, customer: String, granted: Bool) throws(StoreError) {
        try adminWrite(admin, action: granted ? "customer.grant" : "customer.revoke", target: customer) { db in
            let (c, _) = try Self.resolveCustomer(db, customer, domainID: admin.domainID)
            try db.execute(sql: "UPDATE customer_access SET granted = ? WHERE customer_id = ? AND domain_id = ? AND until IS NULL",
                           arguments: [granted, c.id, admin.domainID])
        }
    }

    public func setTier(as admin: User, customer: String, tier: SupportTier) throws(StoreError) {
        try adminWrite(admin, action: "customer.tier", target: "\(customer) \(tier.rawValue)") { db in
            let (c, _) = try Self.resolveCustomer(db, customer, domainID: admin.domainID)
            try db.execute(sql: "UPDATE customer SET tier = ? WHERE id = ?", arguments: [tier.rawValue, c.id])
        }
    }

    /// Moves a customer from the admin's domain to another reseller domain. The old domain loses sight
    /// of the customer and its cases; the new one sees only cases filed from now on.
    public func transferCustomer(as admin: User, customer: String, to domainName: String, granted: Bool = false) throws(StoreError) {
        let now = self.now
        try adminWrite(admin, action: "customer.transfer", target: "\(customer) → \(domainName)") { db in
            let (c, access) = try Self.resolveCustomer(db, customer, domainID: admin.domainID)
            guard let target = try Self.domain(db, name: domainName) else {
                throw StoreError.refused(.notFound("to", "no reseller domain \(domainName)"))
            }
            if target.id == admin.domainID { throw StoreError.refused(.invalid("to", "the customer is already with \(domainName)")) }
            try db.execute(sql: "UPDATE customer_access SET until = ? WHERE customer_id = ? AND domain_id = ? AND until IS NULL",
                           arguments: [now.millis, c.id, admin.domainID])
            _ = try CustomerAccessRecord(customerID: c.id, domainID: target.id, kind: access.kind.rawValue, granted: granted,
                                         since: now.millis).inserted(db)
        }
    }

    public func createOrgUnit(as admin: User, name: String, autoLicensing: Bool) throws(StoreError) -> String? {
        _ = try AdminInput.orgUnit(name: name).get()
        try adminWrite(admin, action: "org-unit.create", target: name) { db in
            let taken = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM org_unit WHERE domain_id = ? AND name = ?)",
                                          arguments: [admin.domainID, name]) ?? false
            if taken { throw StoreError.refused(.conflict("name", "an org unit named \(name) already exists")) }
            _ = try OrgUnitRecord(domainID: admin.domainID, name: name, autoLicensing: autoLicensing).inserted(db)
        }
        return autoLicensing ? Rules.autoLicensingWarning : nil
    }

    // MARK: Helpers

    /// Checks the admin, runs the change in one transaction, and records the outcome in the audit log
    /// (a refusal is recorded after its rollback, so it is never lost with it). `detail` adds to the audit entry what
    /// the change did beyond its action, read in the same transaction.
    func adminWrite<T>(_ admin: User, action: String, target: String, detail: ((Database, T) throws -> String?)? = nil,
                       _ body: @escaping (Database) throws -> T) throws(StoreError) -> T {
        do {
            try Rules.administer(by: admin, domainID: admin.domainID).enforce()
            let now = self.now
            return try write { db in
                let result = try body(db)
                try Audit.record(db, at: now, domainID: admin.domainID, actor: admin.email, action: action, target: target, outcome: .ok,
                                 detail: try detail?(db, result))
                return result
            }
        } catch {
            try? audit(domainID: admin.domainID, actor: admin.email, action: action, target: target, outcome: .refused, detail: error.description)
            throw error
        }
    }

    /// After a change to `user` in this transaction: refused (and so rolled back) when it took the admin's own access.
    static func checkOwnAccessKept(_ db: Database, _ user: User, by admin: User) throws {
        guard user.id == admin.id, let after = try userByID(db, user.id) else { return }
        try Rules.keepsOwnAccess(by: admin, after: after).enforce()
    }

    static func domainUser(_ db: Database, _ email: String, admin: User) throws -> User {
        guard let user = try userByEmail(db, email.lowercased()), user.domainID == admin.domainID else {
            throw StoreError.refused(.notFound("email", "no user \(email) in your domain"))
        }
        return user
    }

    static func roleID(_ db: Database, domainID: Int64, name: String) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM role WHERE (domain_id = ? OR domain_id IS NULL) AND name = ? COLLATE NOCASE",
                                          arguments: [domainID, name]) else {
            let names = try String.fetchAll(db, sql: "SELECT name FROM role WHERE domain_id = ? OR domain_id IS NULL ORDER BY name", arguments: [domainID])
            throw StoreError.refused(.notFound("role", "no role \"\(name)\"; roles are: \(names.joined(separator: ", "))"))
        }
        return id
    }

    static func checkLicencePool(_ db: Database, domainID: Int64) throws {
        let used = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user WHERE domain_id = ? AND licensed = 1", arguments: [domainID]) ?? 0
        let pool = try Int.fetchOne(db, sql: "SELECT licence_pool FROM domain WHERE id = ?", arguments: [domainID]) ?? 0
        try Rules.assignLicence(used: used, pool: pool).enforce()
    }

    static func insertUser(_ db: Database, domainID: Int64, email: String, name: String, hash: String, superAdmin: Bool,
                           licensed: Bool, roleIDs: [Int64], now: Date) throws -> Int64 {
        let id = try UserRecord(domainID: domainID, email: email, name: name, passwordHash: hash, superAdmin: superAdmin,
                                suspended: false, licensed: licensed, language: "en", timeZone: "UTC", createdAt: now.millis).inserted(db).id!
        for r in roleIDs { try UserRoleRecord(userID: id, roleID: r).insert(db) }
        return id
    }
}
