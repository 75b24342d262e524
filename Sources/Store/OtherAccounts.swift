import Domain
import Foundation
import GRDB

/// The accounts outside reseller domains: support engineers (the provider side) and customer users.
extension PortalStore {
    /// Adds a support engineer: the first one of a database with no account (`creator` nil), later ones by an engineer.
    @discardableResult
    public func createEngineer(as creator: User?, email rawEmail: String, name rawName: String, password: String) throws(StoreError) -> User {
        let email = try Validate.email(rawEmail).get()
        let name = try Validate.name(rawName, field: "name").get()
        let hash = passwordHasher.hash(try Validate.password(password).get())
        let now = self.now
        let id: Int64 = try write { db in
            let existing = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user WHERE kind = ?", arguments: [AccountKind.supportEngineer.rawValue]) ?? 0
            try Rules.addEngineer(by: creator, existingEngineers: existing).enforce()
            if try Self.userByEmail(db, email) != nil { throw StoreError.refused(.conflict("email", "\(email) already has an account")) }
            let id = try UserRecord(kind: AccountKind.supportEngineer.rawValue, domainID: nil, email: email, name: name, passwordHash: hash,
                                    superAdmin: false, suspended: false, licensed: false, language: "en", timeZone: "UTC",
                                    createdAt: now.millis).inserted(db).id!
            try Audit.record(db, at: now, domainID: nil, actor: creator?.email ?? "(first engineer)", action: "engineer.add", target: email, outcome: .ok)
            return id
        }
        return try user(id: id)!
    }

    /// Gives a user of a customer the admin's domain manages portal access: they see the cases filed for it.
    @discardableResult
    public func createCustomerUser(as admin: User, email rawEmail: String, name rawName: String, password: String,
                                   customer: String) throws(StoreError) -> User {
        let email = try Validate.email(rawEmail).get()
        let name = try Validate.name(rawName, field: "name").get()
        let hash = passwordHasher.hash(try Validate.password(password).get())
        let now = self.now
        let id: Int64 = try adminWrite(admin, action: "customer-user.add", target: email) { db in
            let (found, access) = try Self.resolveCustomer(db, customer, domainID: admin.domainID)
            try Rules.addCustomerUser(by: admin, access: access).enforce()
            if try Self.userByEmail(db, email) != nil { throw StoreError.refused(.conflict("email", "\(email) already has an account")) }
            return try UserRecord(kind: AccountKind.customer.rawValue, domainID: nil, customerID: found.id, email: email, name: name,
                                  passwordHash: hash, superAdmin: false, suspended: false, licensed: false, language: "en",
                                  timeZone: "UTC", createdAt: now.millis).inserted(db).id!
        }
        return try user(id: id)!
    }
}
