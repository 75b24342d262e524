import Domain
import Foundation
import Store

/// The accounts outside reseller domains: support engineers (the provider side) and customer users.
extension PostgresPortalStore {
    /// Adds a support engineer: the first one of a database with none (`creator` nil), later ones by an engineer.
    public func createEngineer(as creator: User?, email rawEmail: String, name rawName: String, password: String) throws(StoreError) -> User {
        let email = try Validate.email(rawEmail).get()
        let name = try Validate.name(rawName, field: "name").get()
        let hash = passwordHasher.hash(try Validate.password(password).get())
        let now = self.now
        return try write(.system) { db in
            try db.execute("LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE")  // two first engineers at once: one waits
            let existing = try db.value("SELECT COUNT(*) FROM account WHERE kind = ?", [AccountKind.supportEngineer.rawValue], as: Int.self) ?? 0
            try Rules.addEngineer(by: creator, existingEngineers: existing).enforce()
            if try Self.userByEmail(db, email) != nil { throw StoreError.refused(.conflict("email", "\(email) already has an account")) }
            let id = try db.value("""
                INSERT INTO account (kind, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id
                """, [AccountKind.supportEngineer.rawValue, email, name, hash, now.millis], as: Int64.self)!
            try Self.recordAudit(db, at: now, domainID: nil, actor: creator?.email ?? "(first engineer)", action: "engineer.add", target: email,
                                 outcome: .ok)
            return try Self.userByID(db, id)!
        }
    }

    /// Gives a user of a customer the admin's domain manages portal access: they see the cases filed for it.
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
            return try db.value("""
                INSERT INTO account (kind, customer_id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                """, [AccountKind.customer.rawValue, found.id, email, name, hash, now.millis], as: Int64.self)!
        }
        return try user(id: id)!
    }
}
