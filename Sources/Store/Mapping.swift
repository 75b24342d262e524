import Domain
import Foundation
import GRDB

/// Row → Domain entity conversions. Column lists are written next to each mapper so they stay in step.
package enum Map {
    static let userColumns = """
        u.id, u.domain_id, u.email, u.name, u.super_admin, u.suspended, u.licensed, u.alert_address, u.language, u.time_zone,
        u.kind, u.customer_id
        """

    /// A customer user's domain is read separately (`PortalStore.user`): here it is 0, like a support engineer's.
    static func user(_ row: Row, privileges: Set<Privilege>) -> User {
        User(id: row[0], domainID: row[1] ?? 0, email: row[2], name: row[3], superAdmin: row[4], suspended: row[5],
             licensed: row[6], privileges: privileges, alertAddress: row[7], language: row[8], timeZone: row[9],
             kind: AccountKind(rawValue: row[10]) ?? .reseller, customerID: row[11])
    }

    package static func privileges(_ text: String) -> Set<Privilege> {
        Set(text.split(separator: ",").compactMap { Privilege(rawValue: String($0)) })
    }
    package static func privilegesText(_ set: Set<Privilege>) -> String {
        Privilege.allCases.filter(set.contains).map(\.rawValue).joined(separator: ",")
    }

    static let caseColumns = """
        c.id, c.number, c.customer_id, c.domain_id, c.creator_id, c.product, c.title, c.category, c.description,
        c.severity, c.status, c.escalated, c.language, c.time_zone, c.created_at, c.updated_at, c.closed_at, c.waiting_since
        """

    static func supportCase(_ row: Row) -> SupportCase {
        SupportCase(id: row[0], number: row[1], customerID: row[2], domainID: row[3], creatorID: row[4],
                    productType: row[5], title: row[6], category: row[7], description: row[8],
                    severity: Severity(level: row[9]) ?? .p3, status: CaseStatus(code: row[10]) ?? .new,
                    escalated: row[11], language: row[12], timeZone: row[13],
                    createdAt: Date(millis: row[14]), updatedAt: Date(millis: row[15]),
                    closedAt: (row[16] as Int64?).map(Date.init(millis:)), waitingSince: Date(millis: row[17]))
    }

    static let caseRowColumns = """
        c.id, c.number, c.title, cu.name, c.domain_id, d.name, c.status, c.severity, c.escalated, c.created_at, c.updated_at,
        c.waiting_since, cu.tier
        """

    static func caseRow(_ row: Row) -> CaseRow {
        CaseRow(id: row[0], number: row[1], title: row[2], customerName: row[3], domainID: row[4], domainName: row[5],
                status: CaseStatus(code: row[6]) ?? .new, severity: Severity(level: row[7]) ?? .p3, escalated: row[8],
                createdAt: Date(millis: row[9]), updatedAt: Date(millis: row[10]), waitingSince: Date(millis: row[11]),
                customerTier: SupportTier(rawValue: row[12]) ?? .standard)
    }

    static let customerColumns = "cu.id, cu.name, cu.primary_domain, cu.tier"
    static func customer(_ row: Row, offset: Int = 0) -> Customer {
        Customer(id: row[offset], name: row[offset + 1], primaryDomain: row[offset + 2],
                 tier: SupportTier(rawValue: row[offset + 3]) ?? .standard)
    }

    static let accessColumns = "a.customer_id, a.domain_id, a.kind, a.granted, a.since, a.until"
    static func access(_ row: Row, offset: Int = 0) -> CustomerAccess {
        CustomerAccess(customerID: row[offset], domainID: row[offset + 1],
                       kind: AccessKind(rawValue: row[offset + 2]) ?? .resold, granted: row[offset + 3],
                       since: Date(millis: row[offset + 4]),
                       until: (row[offset + 5] as Int64?).map(Date.init(millis:)))
    }

    static func domain(_ row: Row) -> ResellerDomain {
        ResellerDomain(id: row["id"], name: row["name"], kind: DomainKind(rawValue: row["kind"]) ?? .reseller,
                       licencePool: row["licence_pool"])
    }
}
