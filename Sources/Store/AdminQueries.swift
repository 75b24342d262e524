import Domain
import Foundation
import GRDB

extension PortalStore {
    /// The super administrator's view of their domain: licence pool and users with their roles, by email.
    public func adminOverview(as admin: User) throws(StoreError) -> AdminOverview {
        try Rules.administer(by: admin, domainID: admin.domainID).enforce()
        return try read { db in
            guard let domain = try Self.domain(db, id: admin.domainID) else {
                throw StoreError.refused(.notFound("domain", "your reseller domain no longer exists"))
            }
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM user WHERE domain_id = ? ORDER BY email", arguments: [admin.domainID])
            let users = try ids.compactMap { id -> DomainUserRow? in
                guard let user = try Self.userByID(db, id) else { return nil }
                let roles = try String.fetchAll(db, sql: """
                    SELECT r.name FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = ? ORDER BY r.name
                    """, arguments: [id])
                return DomainUserRow(user: user, roles: roles)
            }
            let used = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM user WHERE domain_id = ? AND licensed = 1", arguments: [admin.domainID]) ?? 0
            let pool = try Int.fetchOne(db, sql: "SELECT licence_pool FROM domain WHERE id = ?", arguments: [admin.domainID]) ?? 0
            return AdminOverview(domainName: domain.name, licencesUsed: used, licencePool: pool, users: users)
        }
    }
}
