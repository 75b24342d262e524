import Foundation

public enum DomainKind: String, CaseIterable, Sendable, Codable {
    case reseller
    case supportPartner = "support-partner"
}

/// A reseller domain: the unit a portal account belongs to.
public struct ResellerDomain: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    public var kind: DomainKind
    /// Cloud Identity Free licences the domain holds.
    public var licencePool: Int
    public init(id: Int64, name: String, kind: DomainKind, licencePool: Int = Licences.defaultPool) {
        self.id = id; self.name = name; self.kind = kind; self.licencePool = licencePool
    }
}

public enum Licences {
    public static let defaultPool = 50
    public static let product = "Cloud Identity Free"
}

/// Admin console privileges that matter to the portal.
public enum Privilege: String, CaseIterable, Sendable, Codable {
    case support
    case viewCustomers = "view-customers"
    case accessCustomersSupportCases = "access-customers-support-cases"
    case legacyResoldEnterpriseSupport = "legacy-resold-enterprise-support"
    case legacyEnterprise = "legacy-enterprise"

    public var label: String {
        switch self {
        case .support: "Support"
        case .viewCustomers: "Reseller Tools › Customers › View Customers"
        case .accessCustomersSupportCases: "Reseller Tools › Customers › Access Customers Support Cases"
        case .legacyResoldEnterpriseSupport: "Legacy Resold Enterprise Support"
        case .legacyEnterprise: "Legacy Enterprise"
        }
    }

    /// The privilege's own name, without its place in the Admin console's tree.
    public var name: String {
        switch self {
        case .viewCustomers: "View Customers"
        case .accessCustomersSupportCases: "Access Customers Support Cases"
        default: label
        }
    }

    public var isLegacy: Bool { self == .legacyResoldEnterpriseSupport || self == .legacyEnterprise }
}

/// One thing that keeps a user out of the portal (`Rules.portalAccessGaps`).
public enum AccessGap: Sendable, Equatable, Hashable, CustomStringConvertible {
    case suspended
    case noLicence
    case missingPrivilege(Privilege)
    public var description: String {
        switch self {
        case .suspended: "suspended"
        case .noLicence: "no \(Licences.product) licence"
        case .missingPrivilege(let p): "missing privilege: \(p.name)"
        }
    }
}

/// Where an admin puts a user: an organisational unit, and whether a Google Workspace licence from the unit's
/// auto-licensing is wanted.
public struct UnitPlacement: Sendable, Equatable, Codable {
    public var unit: String
    public var acceptWorkspaceLicence: Bool
    public init(unit: String, acceptWorkspaceLicence: Bool = false) { self.unit = unit; self.acceptWorkspaceLicence = acceptWorkspaceLicence }
}

public struct Role: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var privileges: Set<Privilege>
    public init(id: Int64, name: String, privileges: Set<Privilege>) {
        self.id = id; self.name = name; self.privileges = privileges
    }
    public static let resellerAdminName = "Reseller Admin"
    public static let resellerAdminPrivileges: Set<Privilege> = [.support, .viewCustomers, .accessCustomersSupportCases]
}

public struct OrgUnit: Sendable, Equatable {
    public var id: Int64
    public var domainID: Int64
    public var name: String
    public var autoLicensing: Bool
    public init(id: Int64, domainID: Int64, name: String, autoLicensing: Bool) {
        self.id = id; self.domainID = domainID; self.name = name; self.autoLicensing = autoLicensing
    }
}

/// The three kinds of portal account (DESIGN §1).
public enum AccountKind: String, Sendable, Codable, CaseIterable {
    /// A reseller agent or super administrator: one account in exactly one reseller domain.
    case reseller
    /// A support engineer of the provider: belongs to no reseller domain and answers every domain's cases.
    case supportEngineer = "support-engineer"
    /// A user of a customer organisation with portal access: sees the cases its current reseller filed for it.
    case customer
}

/// A portal account. Most are reseller users (one account in exactly one reseller domain); support engineers and
/// customer users sign in the same way (`kind`).
public struct User: Sendable, Equatable, Codable {
    public var id: Int64
    /// The reseller domain. A customer user's is the domain that manages their organisation now (0: none), read at
    /// every sign-in and resume; a support engineer's is 0 (the provider is no reseller domain).
    public var domainID: Int64
    public var email: String
    public var name: String
    public var superAdmin: Bool
    public var suspended: Bool
    public var licensed: Bool
    /// Union of the privileges of the user's roles.
    public var privileges: Set<Privilege>
    /// Where email alerts go instead of `email`, if set.
    public var alertAddress: String?
    public var language: String
    public var timeZone: String
    public var kind: AccountKind
    /// A customer user's organisation.
    public var customerID: Int64?

    public init(id: Int64, domainID: Int64, email: String, name: String, superAdmin: Bool = false,
                suspended: Bool = false, licensed: Bool, privileges: Set<Privilege>,
                alertAddress: String? = nil, language: String = "en", timeZone: String = "UTC",
                kind: AccountKind = .reseller, customerID: Int64? = nil) {
        self.id = id; self.domainID = domainID; self.email = email; self.name = name
        self.superAdmin = superAdmin; self.suspended = suspended; self.licensed = licensed
        self.privileges = privileges; self.alertAddress = alertAddress; self.language = language
        self.timeZone = timeZone; self.kind = kind; self.customerID = customerID
    }

    public var isReseller: Bool { kind == .reseller }
}

public enum SupportTier: String, CaseIterable, Sendable, Codable {
    case standard, enhanced, premium
    public var label: String { rawValue.capitalized }
}

public struct Customer: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    public var primaryDomain: String
    public var tier: SupportTier
    public init(id: Int64, name: String, primaryDomain: String, tier: SupportTier) {
        self.id = id; self.name = name; self.primaryDomain = primaryDomain; self.tier = tier
    }
}

public enum AccessKind: String, Sendable, Codable, CaseIterable {
    /// The domain resells the customer's subscription.
    case resold
    /// A Support Partner the customer gave support-only access.
    case supportOnly = "support-only"
}

/// A reseller domain's relationship with a customer over a period of time.
public struct CustomerAccess: Sendable, Equatable, Codable {
    public var customerID: Int64
    public var domainID: Int64
    public var kind: AccessKind
    /// Whether the customer has granted the domain access to file and manage support cases.
    public var granted: Bool
    public var since: Date
    /// Set when the customer moved to another reseller.
    public var until: Date?
    public init(customerID: Int64, domainID: Int64, kind: AccessKind, granted: Bool, since: Date, until: Date? = nil) {
        self.customerID = customerID; self.domainID = domainID; self.kind = kind
        self.granted = granted; self.since = since; self.until = until
    }
    public var isCurrent: Bool { until == nil }

    /// The access column of My Customers. Raw values are the JSON tokens.
    public enum Display: String, Sendable, Codable { case granted, supportOnly = "support-only", notGranted = "not-granted" }
    public var display: Display {
        if !granted { return .notGranted }
        return kind == .supportOnly ? .supportOnly : .granted
    }
}

/// Whose feedback a user may read (`Rules.feedbackScope`).
public enum FeedbackScope: Sendable, Equatable {
    case own(userID: Int64)
    case domain(Int64)
}

public struct Feedback: Sendable, Equatable {
    public var id: Int64
    public var userEmail: String?
    public var at: Date
    public var screen: String
    public var message: String
    public init(id: Int64, userEmail: String?, at: Date, screen: String, message: String) {
        self.id = id; self.userEmail = userEmail; self.at = at; self.screen = screen; self.message = message
    }
}
