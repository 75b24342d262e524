import Domain
import Foundation
import Store

/// Organisational units: where the seed puts the Cloud Identity users, with auto-licensing off (as the SQLite store's).
extension PostgresPortalStore {
    /// Turns a unit's auto-licensing on or off; the warning when it is now on.
    public func setAutoLicensing(as admin: User, unit name: String, on: Bool) throws(StoreError) -> String? {
        try adminWrite(admin, action: "org-unit.auto-licensing", target: "\(name) \(on ? "on" : "off")") { db in
            let unit = try Self.orgUnit(db, name, domainID: admin.domainID)
            try db.execute("UPDATE org_unit SET auto_licensing = ? WHERE id = ?", [on, unit.id])
        }
        return on ? Rules.autoLicensingWarning : nil
    }

    /// Moves a user of the admin's domain into a unit (`Rules.placeInUnit`).
    public func moveUser(as admin: User, email: String, to placement: UnitPlacement) throws(StoreError) {
        try adminWrite(admin, action: "user.move", target: "\(email) → \(placement.unit)",
                       detail: { db, id in try Self.workspaceLicenceNote(db, userID: id) }) { db in
            let user = try Self.domainUser(db, email, admin: admin)
            let unit = try Self.placement(db, placement, domainID: admin.domainID)
            try Self.place(db, userID: user.id, in: unit)
            return user.id
        }
    }

    /// The unit named (exactly, as the admin console names it) in the domain, checked against the placement rule.
    static func placement(_ db: SQLSession, _ placement: UnitPlacement, domainID: Int64) throws -> OrgUnit {
        let unit = try orgUnit(db, placement.unit, domainID: domainID)
        try Rules.placeInUnit(autoLicensing: unit.autoLicensing, acceptWorkspaceLicence: placement.acceptWorkspaceLicence).enforce()
        return unit
    }

    /// Puts the user in the unit; a unit with auto-licensing on gives a Google Workspace licence, which stays.
    static func place(_ db: SQLSession, userID: Int64, in unit: OrgUnit) throws {
        try db.execute("UPDATE account SET org_unit_id = ?, workspace_licence = workspace_licence OR ? WHERE id = ?",
                       [unit.id, unit.autoLicensing, userID])
    }

    /// What the audit log adds when a placement gave the user a Workspace licence.
    static func workspaceLicenceNote(_ db: SQLSession, userID: Int64) throws -> String? {
        guard let row = try db.row("""
            SELECT o.name, o.auto_licensing FROM account u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = ?
            """, [userID]), try row[1] as Bool else { return nil }
        return "Google Workspace licence assigned by auto-licensing in \(try row[0] as String)"
    }

    static func orgUnit(_ db: SQLSession, _ name: String, domainID: Int64) throws -> OrgUnit {
        guard let row = try db.row("SELECT id, name, auto_licensing FROM org_unit WHERE domain_id = ? AND name = ?", [domainID, name]) else {
            let names = try db.values("SELECT name FROM org_unit WHERE domain_id = ? ORDER BY name COLLATE \"C\"", [domainID], as: String.self)
            throw StoreError.refused(.notFound("org-unit", names.isEmpty ? "no organisational unit \(name): your domain has none yet"
                                               : "no organisational unit \(name); units are: \(names.joined(separator: ", "))"))
        }
        return OrgUnit(id: try row[0], domainID: domainID, name: try row[1], autoLicensing: try row[2])
    }
}
