import Domain
import Foundation
import GRDB

extension PortalStore {
    /// The super administrator's view of their domain: licence pool, users with their roles and units (by email),
    /// secondary domains, organisational units and roles with how many users each holds.
    public func adminOverview(as admin: User) throws(StoreError) -> AdminOverview {
        try Rules.administer(by: admin, domainID: admin.domainID).enforce()
        return try read { db in
            guard let domain = try Self.domain(db, id: admin.domainID) else {
                throw StoreError.refused(.notFound("domain", "your reseller domain no longer exists"))
            }
            let placed = try Row.fetchAll(db, sql: """
                SELECT u.id, o.name, u.workspace_licence FROM user u LEFT JOIN org_unit o ON o.id = u.org_unit_id
                WHERE u.domain_id = ? ORDER BY u.email
                """, arguments: [admin.domainID])
            let users = try placed.compactMap { row -> DomainUserRow? in
                guard let user = try Self.userByID(db, row[0]) else { return nil }
                let roles = try String.fetchAll(db, sql: """
                    SELECT r.name FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = ? ORDER BY r.name
                    """, arguments: [user.id])
                return DomainUserRow(user: user, roles: roles, orgUnit: row[1], workspaceLicence: row[2])
            }
            let used = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user WHERE domain_id = ? AND licensed = 1", arguments: [admin.domainID]) ?? 0
            let secondary = try String.fetchAll(db, sql: "SELECT name FROM secondary_domain WHERE domain_id = ? ORDER BY name",
                                                arguments: [admin.domainID])
            let units = try Row.fetchAll(db, sql: """
                SELECT o.name, o.auto_licensing, (SELECT COUNT(*) FROM user u WHERE u.org_unit_id = o.id)
                FROM org_unit o WHERE o.domain_id = ? ORDER BY o.name
                """, arguments: [admin.domainID]).map { OrgUnitRow(name: $0[0], autoLicensing: $0[1], users: $0[2]) }
            let roles = try Row.fetchAll(db, sql: """
                SELECT r.name, r.privileges, r.domain_id IS NULL OR r.name = ?, (SELECT COUNT(*) FROM user_role ur WHERE ur.role_id = r.id)
                FROM role r WHERE r.domain_id = ? OR r.domain_id IS NULL ORDER BY r.name
                """, arguments: [Role.resellerAdminName, admin.domainID]).map { row in
                let privileges = Map.privileges(row[1] as String)
                return RoleRow(name: row[0], privileges: Privilege.allCases.filter(privileges.contains), builtIn: row[2], users: row[3])
            }
            return AdminOverview(domainName: domain.name, licencesUsed: used, licencePool: domain.licencePool, users: users,
                                 secondaryDomains: secondary, orgUnits: units, roles: roles)
        }
    }
}
