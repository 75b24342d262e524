import Domain
import Foundation

/// `POST /v1/admin/domains`: a new reseller domain and its first super administrator.
public struct AdminDomainBody: Codable, Sendable {
    public static let defaultAdminName = "Super Admin"
    public var name: String
    public var kind: DomainKind?
    public var adminEmail: String
    public var adminName: String?
    public var password: String
    public init(name: String, kind: DomainKind?, adminEmail: String, adminName: String?, password: String) {
        self.name = name; self.kind = kind; self.adminEmail = adminEmail; self.adminName = adminName; self.password = password
    }
}

public struct AdminDomainReply: Codable, Sendable {
    public var domain: ResellerDomain
    public var superAdmin: User
    public init(domain: ResellerDomain, superAdmin: User) { self.domain = domain; self.superAdmin = superAdmin }
}

/// `POST /v1/admin/secondary-domains`.
public struct AdminNameBody: Codable, Sendable {
    public var name: String
    public init(name: String) { self.name = name }
}

/// `POST /v1/admin/users`: `orgUnit` places the user in that organisational unit; `acceptWorkspaceLicence` lets the
/// placement go ahead when the unit's auto-licensing gives a Google Workspace licence too.
public struct AdminUserBody: Codable, Sendable {
    public var email: String
    public var name: String
    public var password: String
    public var licensed: Bool?
    public var roles: [String]?
    public var superAdmin: Bool?
    public var orgUnit: String?
    public var acceptWorkspaceLicence: Bool?
    public init(email: String, name: String, password: String, licensed: Bool, roles: [String], superAdmin: Bool,
                orgUnit: UnitPlacement? = nil) {
        self.email = email; self.name = name; self.password = password; self.licensed = licensed; self.roles = roles
        self.superAdmin = superAdmin; self.orgUnit = orgUnit?.unit; self.acceptWorkspaceLicence = orgUnit?.acceptWorkspaceLicence
    }

}

/// `PUT /v1/admin/users/{email}/org-unit`: the unit to move the user to.
public struct AdminMoveBody: Codable, Sendable {
    public var orgUnit: String
    public var acceptWorkspaceLicence: Bool?
    public init(_ placement: UnitPlacement) { orgUnit = placement.unit; acceptWorkspaceLicence = placement.acceptWorkspaceLicence }
    public var placement: UnitPlacement { UnitPlacement(unit: orgUnit, acceptWorkspaceLicence: acceptWorkspaceLicence ?? false) }
}

/// `PUT /v1/admin/org-units/{name}/auto-licensing`.
public struct AdminSwitchBody: Codable, Sendable {
    public var on: Bool
    public init(on: Bool) { self.on = on }
}

/// `PUT /v1/admin/users/{email}/alert-address` (null: alerts go to the user's own address).
public struct AdminAlertAddressBody: Codable, Sendable {
    public var address: String?
    public init(address: String?) { self.address = address }
}

/// `POST /v1/admin/licence-requests`.
public struct AdminCountBody: Codable, Sendable {
    public var count: Int
    public init(count: Int) { self.count = count }
}

/// `POST /v1/admin/roles`.
public struct AdminRoleBody: Codable, Sendable {
    public var name: String
    public var privileges: [Privilege]
    public init(name: String, privileges: [Privilege]) { self.name = name; self.privileges = privileges }
}

/// `POST /v1/admin/org-units`.
public struct AdminOrgUnitBody: Codable, Sendable {
    public var name: String
    public var autoLicensing: Bool?
    public init(name: String, autoLicensing: Bool) { self.name = name; self.autoLicensing = autoLicensing }
}

/// The warning to show when the unit assigns Workspace licences too: the reply of `POST /v1/admin/org-units` and of
/// `PUT /v1/admin/org-units/{name}/auto-licensing`.
public struct AdminOrgUnitReply: Codable, Sendable {
    /// null when there is nothing to warn of (written all the same, so the reply always has its one key).
    public var warning: String?
    public init(warning: String?) { self.warning = warning }
    enum CodingKeys: String, CodingKey { case warning }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(warning, forKey: .warning)
    }
}

/// `POST /v1/admin/customers`.
public struct AdminCustomerBody: Codable, Sendable {
    public var name: String
    public var primaryDomain: String
    public var tier: SupportTier?
    public var kind: AccessKind?
    public var granted: Bool?
    public init(name: String, primaryDomain: String, tier: SupportTier, kind: AccessKind, granted: Bool) {
        self.name = name; self.primaryDomain = primaryDomain; self.tier = tier; self.kind = kind; self.granted = granted
    }
}

/// `PUT /v1/admin/customers/{customer}/tier`.
public struct AdminTierBody: Codable, Sendable {
    public var tier: SupportTier
    public init(tier: SupportTier) { self.tier = tier }
}

/// `POST /v1/admin/customers/{customer}/transfer`.
public struct AdminTransferBody: Codable, Sendable {
    public var to: String
    public var granted: Bool?
    public init(to: String, granted: Bool) { self.to = to; self.granted = granted }
}
