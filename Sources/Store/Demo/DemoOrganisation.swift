import Domain
import Foundation
import GRDB

/// What `careportal demo` created: the accounts to sign in with and how many cases each domain sees.
public struct DemoReport: Sendable, Equatable {
    public struct Account: Sendable, Equatable {
        public var email, password, name: String
        public var superAdmin: Bool
        /// nil when the account can use the portal; otherwise what it lacks.
        public var why: String?
    }
    public struct DomainReport: Sendable, Equatable {
        public var name: String
        public var kind: DomainKind
        public var accounts: [Account]
        /// Cases this domain sees now (filed while it managed customers it still manages).
        public var visibleCases: Int
    }
    public var domains: [DomainReport]
    public var customers: Int
    public var cases: Int
    /// The agent `make run` signs in as.
    public var demoAgent: Account
}

/// The plan of the demo organisation: three reseller domains (one a Support Partner), their users and customers.
/// Cases are spread over 18 months; one customer moved between resellers, one never granted access.
extension PortalStore {
    struct DemoUser { let local, name: String; let superAdmin, licensed, privileged: Bool }
    struct DemoDomain { let name: String; let kind: DomainKind; let users: [DemoUser]; let customers: Range<Int> }

    static let demoPlan: [DemoDomain] = [
        DemoDomain(name: "cloudpartners.example", kind: .reseller, users: [
            DemoUser(local: "admin", name: "Morgan Admin", superAdmin: true, licensed: true, privileged: true),
            DemoUser(local: "alice", name: "Alice Moreau", superAdmin: false, licensed: true, privileged: true),
            DemoUser(local: "bruno", name: "Bruno Silva", superAdmin: false, licensed: false, privileged: true),
        ], customers: 0..<16),
        DemoDomain(name: "skyline-it.example", kind: .reseller, users: [
            DemoUser(local: "admin", name: "Sam Admin", superAdmin: true, licensed: true, privileged: true),
            DemoUser(local: "carol", name: "Carol Nguyen", superAdmin: false, licensed: true, privileged: true),
            DemoUser(local: "dmitri", name: "Dmitri Volkov", superAdmin: false, licensed: true, privileged: false),
        ], customers: 16..<30),
        DemoDomain(name: "helpdesk-partners.example", kind: .supportPartner, users: [
            DemoUser(local: "admin", name: "Jo Admin", superAdmin: true, licensed: true, privileged: true),
            DemoUser(local: "erin", name: "Erin Okafor", superAdmin: false, licensed: true, privileged: true),
        ], customers: 30..<40),
    ]
    /// Customer index that never granted access (a customer of the first domain).
    static let demoUngranted = 7
    /// Customer index that moved from the first domain to the second, 6 months ago.
    static let demoTransferred = 3

    public func isEmpty() throws(StoreError) -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM domain")! == 0 }
    }

    /// Creates the demo organisation with `caseCount` cases. Same seed, same data (but for password salts).
    public func createDemo(cases caseCount: Int, seed: UInt64) throws(StoreError) -> DemoReport {
        guard try isEmpty() else {
            throw .refused(.invalid("database", "\(path) already holds an organisation; give a new --db path"))
        }
        var rng = SeededRandom(seed: seed)
        let now = self.now
        let month: TimeInterval = 30 * .day
        let transferAt = now.addingTimeInterval(-6 * month)
        var reports: [DemoReport.DomainReport] = []
        var domainIDs: [Int64] = []
        var agents: [[Int64]] = []

        // Organisation: domains, roles, users. Password hashing is slow on purpose, so it happens before the write.
        let hashed = Self.demoPlan.map { d in d.users.map { u in (u, "\(u.local)-\(seed % 10_000)-portal", passwordHasher.hash("\(u.local)-\(seed % 10_000)-portal")) } }
        try write { db in
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            for (di, d) in Self.demoPlan.enumerated() {
                try db.execute(sql: "INSERT INTO domain (name, kind, licence_pool, created_at) VALUES (?, ?, ?, ?)",
                               arguments: [d.name, d.kind.rawValue, Licences.defaultPool, now.addingTimeInterval(-24 * month).millis])
                let domainID = db.lastInsertedRowID
                domainIDs.append(domainID)
                try db.execute(sql: "INSERT INTO role (domain_id, name, privileges) VALUES (?, ?, ?)",
                               arguments: [domainID, Role.resellerAdminName, Map.privilegesText(Role.resellerAdminPrivileges)])
                let adminRole = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO role (domain_id, name, privileges) VALUES (?, 'Helpdesk viewer', 'support')", arguments: [domainID])
                let viewerRole = db.lastInsertedRowID
                try db.execute(sql: "INSERT INTO org_unit (domain_id, name, auto_licensing) VALUES (?, 'Cloud Identity users', 0)", arguments: [domainID])
                var accounts: [DemoReport.Account] = []
                var ids: [Int64] = []
                for (u, password, hash) in hashed[di] {
                    let email = "\(u.local)@\(d.name)"
                    let id = try Self.insertUser(db, domainID: domainID, email: email, name: u.name, hash: hash, superAdmin: u.superAdmin,
                                                 licensed: u.licensed, roleIDs: [u.privileged ? adminRole : viewerRole],
                                                 now: now.addingTimeInterval(-20 * month))
                    let user = User(id: id, domainID: domainID, email: email, name: u.name, superAdmin: u.superAdmin, licensed: u.licensed,
                                    privileges: u.privileged ? Role.resellerAdminPrivileges : [.support])
                    accounts.append(.init(email: email, password: password, name: u.name, superAdmin: u.superAdmin,
                                          why: Rules.whyNoPortalAccess(user)))
                    if Rules.portalAccess(user).isAllowed { ids.append(id) }
                }
                agents.append(ids)
                reports.append(.init(name: d.name, kind: d.kind, accounts: accounts, visibleCases: 0))
            }
        }

        // Customers and their access periods. `holders[i]` lists (domain index, since, until) per customer.
        var holders: [[(domain: Int, since: Date, until: Date?)]] = []
        var premium = Set<Int>()
        let tiers: [SupportTier] = [.standard, .standard, .enhanced, .premium]
        let start = now.addingTimeInterval(-18 * month)
        try write { db in
            for (i, c) in DemoText.customers.enumerated() {
                let tier = i % 5 == 0 ? SupportTier.premium : rng.pick(tiers)
                if tier == .premium { premium.insert(i) }
                try db.execute(sql: "INSERT INTO customer (id, name, primary_domain, tier) VALUES (?, ?, ?, ?)",
                               arguments: [i + 1, c.name, c.domain, tier.rawValue])
                let di = Self.demoPlan.firstIndex { $0.customers.contains(i) }!
                let kind: AccessKind = Self.demoPlan[di].kind == .supportPartner ? .supportOnly : .resold
                let since = start.addingTimeInterval(-month)
                if i == Self.demoTransferred {
                    try Self.insertAccess(db, customer: i + 1, domain: domainIDs[0], kind: .resold, granted: true, since: since, until: transferAt)
                    try Self.insertAccess(db, customer: i + 1, domain: domainIDs[1], kind: .resold, granted: true, since: transferAt, until: nil)
                    holders.append([(0, since, transferAt), (1, transferAt, nil)])
                } else {
                    try Self.insertAccess(db, customer: i + 1, domain: domainIDs[di], kind: kind, granted: i != Self.demoUngranted,
                                          since: since, until: nil)
                    holders.append([(di, since, nil)])
                }
            }
        }

        let categories = DemoText.problems.map { p in
            CategoryCatalogue.category(path: p.category) ?? CategoryCatalogue.search(p.category, limit: 1).first ?? CategoryCatalogue.all[0]
        }
        var visible = Array(repeating: 0, count: domainIDs.count)
        try write { db in
            var cases = DemoCases(db: db, rng: rng, now: now, start: start, customers: holders, domainIDs: domainIDs, agents: agents,
                          categories: categories, premium: premium, count: caseCount)
            try cases.generate(visible: &visible)
        }
        for i in reports.indices { reports[i].visibleCases = visible[i] }
        let agent = reports[0].accounts[1]
        return DemoReport(domains: reports, customers: DemoText.customers.count, cases: caseCount, demoAgent: agent)
    }

    static func insertAccess(_ db: Database, customer: Int, domain: Int64, kind: AccessKind, granted: Bool, since: Date, until: Date?) throws {
        try db.execute(sql: "INSERT INTO customer_access (customer_id, domain_id, kind, granted, since, until) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [customer, domain, kind.rawValue, granted, since.millis, until?.millis])
    }
}
