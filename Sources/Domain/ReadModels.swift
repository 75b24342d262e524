import Foundation

/// Orders of the case lists. `o` cycles through them in this order.
public enum CaseSort: String, CaseIterable, Sendable, Codable {
    case updated, created, severity, status
    /// Whose turn, then how long: waiting on you (the longest first), then on support (the longest first), then closed.
    case waiting

    public var next: CaseSort {
        let all = CaseSort.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
    public var label: String { label(reversed: false) }

    /// The order, or the same order reversed (`I`: oldest first, P4 first).
    public func label(reversed: Bool) -> String {
        switch (self, reversed) {
        case (.updated, false): "updated, newest first"
        case (.updated, true): "updated, oldest first"
        case (.created, false): "created, newest first"
        case (.created, true): "created, oldest first"
        case (.severity, false): "severity, P1 first"
        case (.severity, true): "severity, P4 first"
        case (.status, false): "status"
        case (.status, true): "status, reversed"
        case (.waiting, false): "waiting, on you and longest first"
        case (.waiting, true): "waiting, reversed"
        }
    }
}

/// One row of a case list: just what the list shows, plus the keys keyset paging needs.
public struct CaseRow: Sendable, Equatable, Identifiable, Codable {
    public var id: Int64
    public var number: Int
    public var title: String
    public var customerName: String
    public var domainID: Int64
    public var domainName: String
    public var status: CaseStatus
    public var severity: Severity
    public var escalated: Bool
    public var createdAt: Date
    public var updatedAt: Date
    /// For the user who read the list: someone else added an event since they last opened the case.
    public var unread: Bool
    /// Since when the case waits on its side (`waitingOn`).
    public var waitingSince: Date
    /// The customer's support tier, which sets the response target.
    public var customerTier: SupportTier

    public init(id: Int64, number: Int, title: String, customerName: String, domainID: Int64, domainName: String,
                status: CaseStatus, severity: Severity, escalated: Bool, createdAt: Date, updatedAt: Date, unread: Bool = false,
                waitingSince: Date? = nil, customerTier: SupportTier = .standard) {
        self.id = id; self.number = number; self.title = title; self.customerName = customerName
        self.domainID = domainID; self.domainName = domainName; self.status = status; self.severity = severity
        self.escalated = escalated; self.createdAt = createdAt; self.updatedAt = updatedAt; self.unread = unread
        self.waitingSince = waitingSince ?? createdAt; self.customerTier = customerTier
    }

    /// Whether `self` comes before `other` in the given order (the keyset order, tie-break on id).
    public func precedes(_ other: CaseRow, in sort: CaseSort) -> Bool {
        func byTime(_ a: Date, _ b: Date) -> Bool { a != b ? a > b : id > other.id }
        switch sort {
        case .updated: return byTime(updatedAt, other.updatedAt)
        case .created: return byTime(createdAt, other.createdAt)
        case .severity:
            return severity != other.severity ? severity < other.severity : byTime(updatedAt, other.updatedAt)
        case .status:
            return status != other.status ? status < other.status : byTime(updatedAt, other.updatedAt)
        case .waiting:
            let (a, b) = (waitingOn.rank, other.waitingOn.rank)
            if a != b { return a < b }
            return waitingSince != other.waitingSince ? waitingSince < other.waitingSince : id < other.id
        }
    }
}

/// Which cases a list shows.
public enum CaseScope: Sendable, Equatable, Hashable, Codable {
    /// My Cases of one signed-in domain.
    case domain(Int64)
    /// One customer's cases, as seen by one domain (a customer user's Our cases too).
    case customer(customerID: Int64, domainID: Int64)
    /// A support engineer's Support queue: every domain's cases waiting on support, the longest waiting first.
    case supportQueue
}

/// Which page of a list to read. A list is read forward from its first row, or backward from its last (the same
/// keyset query with the order reversed), so either end is one read away; rows always come back in the list's order.
public enum PageAnchor: Sendable, Equatable, Codable {
    /// The rows after this row (nil: the first page).
    case after(CaseRow?)
    /// The rows before this row, read from the other end (nil: the last page).
    case before(CaseRow?)

    public static let first = PageAnchor.after(nil)
    public static let last = PageAnchor.before(nil)

    /// The row the page starts from, if any.
    public var cursor: CaseRow? {
        switch self { case .after(let row), .before(let row): row }
    }
    /// Read from the list's end towards its start.
    public var isBackward: Bool {
        if case .before = self { true } else { false }
    }
}

public struct CasePage: Sendable, Equatable, Codable {
    public var rows: [CaseRow]
    /// True when more rows lie beyond the page in the direction it was read: after its last row, or, for a page
    /// read `.before` a row, before its first.
    public var hasMore: Bool
    public init(rows: [CaseRow], hasMore: Bool) { self.rows = rows; self.hasMore = hasMore }

    /// The All domains page: each signed-in domain's page read from the same anchor, merged in `sort` order, and
    /// the `limit` rows nearest the anchor kept (the first ones read forward, the last ones read backward).
    public static func merging(_ pages: [CasePage], sort: CaseSort, anchor: PageAnchor, limit: Int) -> CasePage {
        let merged = pages.flatMap(\.rows).sorted { $0.precedes($1, in: sort) }
        let rows = anchor.isBackward ? Array(merged.suffix(limit)) : Array(merged.prefix(limit))
        return CasePage(rows: rows, hasMore: pages.contains(where: \.hasMore) || merged.count > limit)
    }
}

/// A row of My Customers.
public struct CustomerRow: Sendable, Equatable, Identifiable, Codable {
    public var customer: Customer
    public var access: CustomerAccess
    public var openCases: Int
    public var id: Int64 { customer.id }
    public init(customer: Customer, access: CustomerAccess, openCases: Int) {
        self.customer = customer; self.access = access; self.openCases = openCases
    }
}

/// Everything the case screen shows.
public struct CaseDetail: Sendable, Equatable, Codable {
    public var supportCase: SupportCase
    public var customer: Customer
    public var access: CustomerAccess?
    public var domainName: String
    public var creator: String
    public var history: [HistoryEvent]
    public var attachments: [AttachmentInfo]
    public var sharing: [String]
    /// For the reader: someone else added an event since they last opened the case (opening it then reads it).
    public var unread: Bool
    public init(supportCase: SupportCase, customer: Customer, access: CustomerAccess?, domainName: String, creator: String,
                history: [HistoryEvent], attachments: [AttachmentInfo], sharing: [String], unread: Bool = false) {
        self.supportCase = supportCase; self.customer = customer; self.access = access; self.domainName = domainName
        self.creator = creator; self.history = history; self.attachments = attachments; self.sharing = sharing
        self.unread = unread
    }
}

/// A user as the super administrator's screen lists them.
public struct DomainUserRow: Sendable, Equatable, Codable {
    public var user: User
    /// Role names, sorted.
    public var roles: [String]
    /// The organisational unit the user is in, if any.
    public var orgUnit: String?
    /// Whether the user also holds a Google Workspace licence (placed in a unit with auto-licensing on).
    public var workspaceLicence: Bool
    public init(user: User, roles: [String], orgUnit: String? = nil, workspaceLicence: Bool = false) {
        self.user = user; self.roles = roles; self.orgUnit = orgUnit; self.workspaceLicence = workspaceLicence
    }
}

/// An organisational unit of a reseller domain, with how many users it holds.
public struct OrgUnitRow: Sendable, Equatable, Codable {
    public var name: String
    /// Whether users placed in it get a Google Workspace licence too (the seed says turn it off).
    public var autoLicensing: Bool
    public var users: Int
    public init(name: String, autoLicensing: Bool, users: Int) { self.name = name; self.autoLicensing = autoLicensing; self.users = users }
}

/// A role the domain's users may hold: the built-in Reseller Admin or a custom one.
public struct RoleRow: Sendable, Equatable, Codable {
    public var name: String
    /// In `Privilege.allCases` order.
    public var privileges: [Privilege]
    public var builtIn: Bool
    public var users: Int
    public init(name: String, privileges: [Privilege], builtIn: Bool, users: Int) {
        self.name = name; self.privileges = privileges; self.builtIn = builtIn; self.users = users
    }
}

/// What a super administrator sees of their reseller domain: the licence pool, the users, the secondary domains, the
/// organisational units and the roles: everything the admin screen's tabs and the setup checklist show.
public struct AdminOverview: Sendable, Equatable, Codable {
    public var domainName: String
    public var licencesUsed: Int
    public var licencePool: Int
    public var users: [DomainUserRow]
    /// Sorted.
    public var secondaryDomains: [String]
    /// By name.
    public var orgUnits: [OrgUnitRow]
    /// By name.
    public var roles: [RoleRow]
    public init(domainName: String, licencesUsed: Int, licencePool: Int, users: [DomainUserRow], secondaryDomains: [String] = [],
                orgUnits: [OrgUnitRow] = [], roles: [RoleRow] = []) {
        self.domainName = domainName; self.licencesUsed = licencesUsed; self.licencePool = licencePool; self.users = users
        self.secondaryDomains = secondaryDomains; self.orgUnits = orgUnits; self.roles = roles
    }
}
