import Domain
import Foundation
import Store

/// Rows → Domain entities, each column list beside its mapper (the SQLite store's `Map`, in PostgreSQL's types:
/// booleans are boolean, status and severity smallint, times bigint milliseconds).
enum Rows {
    static let userColumns = """
        u.id, u.domain_id, u.email, u.name, u.super_admin, u.suspended, u.licensed, u.alert_address, u.language, u.time_zone,
        u.kind, u.customer_id
        """

    static func user(_ row: SQLRow, privileges: Set<Privilege>) throws -> User {
        User(id: try row[0], domainID: try row[1] as Int64? ?? 0, email: try row[2], name: try row[3], superAdmin: try row[4],
             suspended: try row[5], licensed: try row[6], privileges: privileges, alertAddress: try row[7], language: try row[8],
             timeZone: try row[9], kind: AccountKind(rawValue: try row[10]) ?? .reseller, customerID: try row[11])
    }

    static let caseColumns = """
        c.id, c.number, c.customer_id, c.domain_id, c.creator_id, c.product, c.title, c.category, c.description,
        c.severity, c.status, c.escalated, c.language, c.time_zone, c.created_at, c.updated_at, c.closed_at, c.waiting_since
        """

    static func supportCase(_ row: SQLRow) throws -> SupportCase {
        SupportCase(id: try row[0], number: try row[1], customerID: try row[2], domainID: try row[3], creatorID: try row[4],
                    productType: try row[5], title: try row[6], category: try row[7], description: try row[8],
                    severity: Severity(level: try row[9]) ?? .p3, status: CaseStatus(code: try row[10]) ?? .new,
                    escalated: try row[11], language: try row[12], timeZone: try row[13],
                    createdAt: Date(millis: try row[14]), updatedAt: Date(millis: try row[15]),
                    closedAt: (try row[16] as Int64?).map(Date.init(millis:)), waitingSince: Date(millis: try row[17]))
    }

    /// A row of `CaseListQuery.columns`.
    static func caseRow(_ row: SQLRow) throws -> CaseRow {
        CaseRow(id: try row[0], number: try row[1], title: try row[2], customerName: try row[3], domainID: try row[4],
                domainName: try row[5], status: CaseStatus(code: try row[6]) ?? .new, severity: Severity(level: try row[7]) ?? .p3,
                escalated: try row[8], createdAt: Date(millis: try row[9]), updatedAt: Date(millis: try row[10]), unread: try row[11],
                waitingSince: Date(millis: try row[12]), customerTier: SupportTier(rawValue: try row[13]) ?? .standard)
    }

    static let customerColumns = "cu.id, cu.name, cu.primary_domain, cu.tier"
    static func customer(_ row: SQLRow, offset: Int = 0) throws -> Customer {
        Customer(id: try row[offset], name: try row[offset + 1], primaryDomain: try row[offset + 2],
                 tier: SupportTier(rawValue: try row[offset + 3]) ?? .standard)
    }

    static let accessColumns = "a.customer_id, a.domain_id, a.kind, a.granted, a.since, a.until"
    static func access(_ row: SQLRow, offset: Int = 0) throws -> CustomerAccess {
        CustomerAccess(customerID: try row[offset], domainID: try row[offset + 1],
                       kind: AccessKind(rawValue: try row[offset + 2]) ?? .resold, granted: try row[offset + 3],
                       since: Date(millis: try row[offset + 4]), until: (try row[offset + 5] as Int64?).map(Date.init(millis:)))
    }

    static let domainColumns = "id, name, kind, licence_pool"
    static func domain(_ row: SQLRow) throws -> ResellerDomain {
        ResellerDomain(id: try row[0], name: try row[1], kind: DomainKind(rawValue: try row[2]) ?? .reseller, licencePool: try row[3])
    }
}
