import Domain
import Foundation
import Portal
import API

/// The super administrators' commands over `/v1/admin` (the server checks each for the admin's session), and alert
/// delivery, which runs where the database is.
extension RemotePortal {
    /// A signed-in super administrator's new domain. The first domain of a database has no creator: it is created
    /// where the database is (`--db`), never over a server.
    public func createDomain(as creator: User?, name: String, kind: DomainKind, superAdminEmail: String, superAdminName: String,
                             password: String) throws(PortalError) -> (ResellerDomain, User) {
        guard let creator else {
            throw .refused(Refusal("Over a server, a signed-in super administrator creates domains: give --as EMAIL. "
                                   + "The first domain of a database is created on the server's machine with --db PATH."))
        }
        let body = AdminDomainBody(name: name, kind: kind, adminEmail: superAdminEmail, adminName: superAdminName, password: password)
        let reply: AdminDomainReply = try call("POST", "/v1/admin/domains", body: body, as: creator)
        return (reply.domain, reply.superAdmin)
    }

    public func adminOverview(as admin: User) throws(PortalError) -> AdminOverview { try call("GET", "/v1/admin/overview", as: admin) }

    public func addSecondaryDomain(as admin: User, name: String) throws(PortalError) {
        try send("POST", "/v1/admin/secondary-domains", body: AdminNameBody(name: name), as: admin)
    }

    public func createUser(as admin: User, email: String, name: String, password: String, licensed: Bool, roles: [String],
                           superAdmin: Bool, orgUnit: UnitPlacement?) throws(PortalError) -> User {
        try call("POST", "/v1/admin/users", body: AdminUserBody(email: email, name: name, password: password, licensed: licensed,
                                                                 roles: roles, superAdmin: superAdmin, orgUnit: orgUnit), as: admin)
    }

    public func moveUser(as admin: User, email: String, to placement: UnitPlacement) throws(PortalError) {
        try send("PUT", "/v1/admin/users/\(Self.segment(email))/org-unit", body: AdminMoveBody(placement), as: admin)
    }

    public func setLicence(as admin: User, email: String, assigned: Bool) throws(PortalError) {
        try send(assigned ? "PUT" : "DELETE", "/v1/admin/users/\(Self.segment(email))/licence", as: admin)
    }

    public func requestLicences(as admin: User, count: Int) throws(PortalError) {
        try send("POST", "/v1/admin/licence-requests", body: AdminCountBody(count: count), as: admin)
    }

    public func createRole(as admin: User, name: String, privileges: Set<Privilege>) throws(PortalError) {
        let sorted = privileges.sorted { $0.rawValue < $1.rawValue }
        try send("POST", "/v1/admin/roles", body: AdminRoleBody(name: name, privileges: sorted), as: admin)
    }

    public func setRole(as admin: User, email: String, role: String, assigned: Bool) throws(PortalError) {
        try send(assigned ? "PUT" : "DELETE", "/v1/admin/users/\(Self.segment(email))/roles/\(Self.segment(role))", as: admin)
    }

    public func setSuspended(as admin: User, email: String, suspended: Bool) throws(PortalError) {
        try send(suspended ? "PUT" : "DELETE", "/v1/admin/users/\(Self.segment(email))/suspension", as: admin)
    }

    public func setAlertAddress(as admin: User, email: String, alertAddress: String?) throws(PortalError) {
        let path = "/v1/admin/users/\(Self.segment(email))/alert-address"
        if let alertAddress {
            try send("PUT", path, body: AdminAlertAddressBody(address: alertAddress), as: admin)
        } else {
            try send("DELETE", path, as: admin)
        }
    }

    public func addCustomer(as admin: User, name: String, primaryDomain: String, tier: SupportTier, kind: AccessKind,
                            granted: Bool) throws(PortalError) -> Customer {
        try call("POST", "/v1/admin/customers", body: AdminCustomerBody(name: name, primaryDomain: primaryDomain, tier: tier, kind: kind,
                                                                         granted: granted), as: admin)
    }

    public func setGrant(as admin: User, customer: String, granted: Bool) throws(PortalError) {
        try send(granted ? "PUT" : "DELETE", "/v1/admin/customers/\(Self.segment(customer))/grant", as: admin)
    }

    public func setTier(as admin: User, customer: String, tier: SupportTier) throws(PortalError) {
        try send("PUT", "/v1/admin/customers/\(Self.segment(customer))/tier", body: AdminTierBody(tier: tier), as: admin)
    }

    public func transferCustomer(as admin: User, customer: String, to domainName: String, granted: Bool) throws(PortalError) {
        try send("POST", "/v1/admin/customers/\(Self.segment(customer))/transfer", body: AdminTransferBody(to: domainName, granted: granted),
                 as: admin)
    }

    public func createOrgUnit(as admin: User, name: String, autoLicensing: Bool) throws(PortalError) -> String? {
        let reply: AdminOrgUnitReply = try call("POST", "/v1/admin/org-units", body: AdminOrgUnitBody(name: name, autoLicensing: autoLicensing),
                                                as: admin)
        return reply.warning
    }

    public func setAutoLicensing(as admin: User, unit: String, on: Bool) throws(PortalError) -> String? {
        let reply: AdminOrgUnitReply = try call("PUT", "/v1/admin/org-units/\(Self.segment(unit))/auto-licensing", body: AdminSwitchBody(on: on),
                                                as: admin)
        return reply.warning
    }

    public func auditLog(as admin: User) throws(PortalError) -> [AuditEntry] { try call("GET", "/v1/admin/audit", as: admin) }

    /// Alerts are delivered by the machine that holds the database (its Maildir or sendmail), not by a client.
    public func deliverAlerts(to destination: AlertDestination) throws(PortalError) -> DeliveryReport {
        throw .refused(.invalid("server", "alerts are delivered where the database is: run `careportal alerts deliver --db PATH` "
                                + "on the machine that runs careportal serve (from cron, say)"))
    }
}
