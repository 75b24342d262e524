import Domain
import Foundation
import Portal
import Store
import Runtime

/// The documented JSON shapes (README "JSON"). Fields may be added; none are renamed.
struct CaseJSON: Encodable {
    var number: Int
    var title, customer, domain, status, severity: String
    var escalated: Bool
    var createdAt, updatedAt: Date
    /// For the signed-in user: someone else added an event since they last opened the case.
    var unread: Bool
    /// Whose turn (`you`, `support`, `nobody`) since when; when support's answer is due (null unless it waits on
    /// support), and whether that is past.
    var waitingOn: String
    var waitingSince: Date
    var responseDue: Date?
    var breached: Bool

    init(_ r: CaseRow, targets: ResponseTargets, now: Date) {
        number = r.number; title = r.title; customer = r.customerName; domain = r.domainName
        status = r.status.rawValue; severity = r.severity.rawValue; escalated = r.escalated
        createdAt = r.createdAt; updatedAt = r.updatedAt; unread = r.unread
        waitingOn = r.waitingOn.rawValue; waitingSince = r.waitingSince; responseDue = r.responseDue(targets)
        breached = r.breached(targets, now: now)
    }

    enum CodingKeys: String, CodingKey {
        case number, title, customer, domain, status, severity, escalated, createdAt, updatedAt, unread, waitingOn, waitingSince,
             responseDue, breached
    }

    /// As synthesised, but `responseDue` is written as null when there is none (a documented field is always there).
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number); try c.encode(title, forKey: .title); try c.encode(customer, forKey: .customer)
        try c.encode(domain, forKey: .domain); try c.encode(status, forKey: .status); try c.encode(severity, forKey: .severity)
        try c.encode(escalated, forKey: .escalated); try c.encode(createdAt, forKey: .createdAt); try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(unread, forKey: .unread); try c.encode(waitingOn, forKey: .waitingOn); try c.encode(waitingSince, forKey: .waitingSince)
        try c.encode(responseDue, forKey: .responseDue); try c.encode(breached, forKey: .breached)
    }
}

struct CaseDetailJSON: Encodable {
    struct Attachment: Encodable { var id: Int64; var name: String; var size: Int; var sha256: String }
    struct Event: Encodable { var at: Date; var author, kind, text: String }
    var number: Int
    var title, customer, domain, status, severity: String
    var escalated: Bool
    var createdAt, updatedAt: Date
    var closedAt: Date?
    var description, category, product, language, timeZone, creator: String
    var sharing: [String]
    var attachments: [Attachment]
    var history: [Event]
    /// Days left to reopen, when closed.
    var reopenDaysLeft: Int?
    /// Whether it was unread before this read (which reads it).
    var unread: Bool

    init(_ d: CaseDetail, now: Date) {
        let c = d.supportCase
        number = c.number; title = c.title; customer = d.customer.name; domain = d.domainName
        status = c.status.rawValue; severity = c.severity.rawValue; escalated = c.escalated
        createdAt = c.createdAt; updatedAt = c.updatedAt; closedAt = c.closedAt
        description = c.description; category = c.category; product = c.productType
        language = c.language; timeZone = c.timeZone; creator = d.creator; sharing = d.sharing
        attachments = d.attachments.map { Attachment(id: $0.id, name: $0.name, size: $0.size, sha256: $0.sha256) }
        history = d.history.map { Event(at: $0.at, author: $0.author, kind: $0.kind.rawValue, text: $0.text) }
        reopenDaysLeft = Rules.reopenDaysLeft(c, now: now)
        unread = d.unread
    }
}

struct CustomerJSON: Encodable {
    var name, primaryDomain, tier, access: String
    var openCases: Int
    init(_ r: CustomerRow) {
        name = r.customer.name; primaryDomain = r.customer.primaryDomain; tier = r.customer.tier.rawValue
        access = r.access.display.rawValue; openCases = r.openCases
    }
}

struct DemoJSON: Encodable {
    struct Domain: Encodable { var name, kind: String; var users: [User]; var visibleCases: Int }
    struct User: Encodable {
        var email, password, name: String
        var superAdmin, canUsePortal: Bool
        var why: String?
    }
    struct Account: Encodable { var email, password, name: String; var customer: String? }
    var database: String
    var domains: [Domain]
    var engineers: [Account]
    var customerUsers: [Account]
    var customers, cases: Int
    var seconds: Double

    init(_ r: DemoReport, database: String, seconds: Double) {
        self.database = database; customers = r.customers; cases = r.cases; self.seconds = seconds
        domains = r.domains.map { d in
            Domain(name: d.name, kind: d.kind.rawValue, users: d.accounts.map {
                User(email: $0.email, password: $0.password, name: $0.name, superAdmin: $0.superAdmin, canUsePortal: $0.why == nil, why: $0.why)
            }, visibleCases: d.visibleCases)
        }
        engineers = r.engineers.map { Account(email: $0.email, password: $0.password, name: $0.name) }
        customerUsers = r.customerUsers.map { Account(email: $0.account.email, password: $0.account.password, name: $0.account.name, customer: $0.customer) }
    }
}

struct AdminOverviewJSON: Encodable {
    struct UserJSON: Encodable {
        var email, name: String
        var superAdmin, suspended, licensed: Bool
        var roles: [String]
        var alertAddress: String?
        var orgUnit: String?
        var workspaceLicence: Bool
    }
    var domain: String
    var licencesUsed, licencePool: Int
    var users: [UserJSON]

    init(_ o: AdminOverview) {
        domain = o.domainName; licencesUsed = o.licencesUsed; licencePool = o.licencePool
        users = o.users.map { UserJSON(email: $0.user.email, name: $0.user.name, superAdmin: $0.user.superAdmin,
                                       suspended: $0.user.suspended, licensed: $0.user.licensed, roles: $0.roles,
                                       alertAddress: $0.user.alertAddress, orgUnit: $0.orgUnit, workspaceLicence: $0.workspaceLicence) }
    }
}
