import Domain
import Foundation
import GRDB

/// What `careportal demo` created: the accounts to sign in with and how many cases each domain sees.
public struct DemoReport: Sendable {
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
    /// The support engineers whose names the demo history uses.
    public var engineers: [Account]
    /// Users of two of the first domain's customers, with the customer's name.
    public var customerUsers: [(account: Account, customer: String)]
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
    /// The provider's support engineers: their names are those of the demo history's replies.
    static let demoEngineers = [("priya", "Priya"), ("tomas", "Tomás"), ("mei", "Mei")]
    static let demoProvider = "support.example"
    /// The first domain's user placed in its auto-licensing unit (Sales), with a Google Workspace licence.
    static let demoWorkspaceUser = "bruno"
    /// Customer users: (local part, name, customer index), customers of the first domain.
    static let demoCustomerUsers = [("kim", "Kim Lee", 0), ("ravi", "Ravi Shah", 1)]
    /// Customer index that never granted access (a customer of the first domain).
    static let demoUngranted = 7
    /// Customer index that moved from the first domain to the second, 6 months ago.
    static let demoTransferred = 3

    public func isEmpty() throws(StoreError) -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM domain")! == 0 }
    }

    /// Creates the demo organisation with `caseCount` cases at `path`. Same seed, same data (relative to now,
    /// password salts aside). The database is built beside `path` without a journal, its list indexes are
    /// created after the bulk load, and it is moved into place when complete: a million cases fit in the budget.
    /// `customers` (default: the 40 named ones) beyond the 40 named ones (the benchmark uses 20,000) get generated names and are shared
    /// out among the three domains; their cases are drawn from all customers alike.
    public static func createDemo(at path: String, cases caseCount: Int, seed: UInt64, customers: Int? = nil,
                                  clock: any Clock = SystemClock(),
                                  passwordHasher: PasswordHasher = .standard) throws(StoreError) -> DemoReport {
        let customers = customers ?? DemoText.customers.count
        guard customers >= DemoText.customers.count else {
            throw .refused(.invalid("customers", "the demo has at least \(DemoText.customers.count) customers"))
        }
        if FileManager.default.fileExists(atPath: path) {
            let existing = try PortalStore(path: path, clock: clock, passwordHasher: passwordHasher)
            guard try existing.isEmpty() else {
                throw .refused(.invalid("database", "\(path) already holds an organisation; give a new --db path"))
            }
        } else {
            _ = try PortalStore(path: path, create: true, clock: clock, passwordHasher: passwordHasher) // checks the directory is writable
        }
        let building = path + ".building"
        for p in [building, building + "-journal"] { try? FileManager.default.removeItem(atPath: p) }
        try DatabaseFiles.createEmpty(building)  // private from the start: it becomes the database
        var config = Configuration()
        // Foreign keys are checked once at the end: per-row checks would scan history for each case (its index
        // is built after the load).
        config.foreignKeysEnabled = false
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144")
        }
        let report: DemoReport
        do {
            let queue = try DatabaseQueue(path: building, configuration: config)
            try Schema.migrator.migrate(queue)
            report = try queue.write { db in
                try DemoBuilder(db: db, now: clock.now, seed: seed, hasher: passwordHasher).build(cases: caseCount, customers: customers)
            }
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try queue.close()
        } catch {
            try? FileManager.default.removeItem(atPath: building)
            throw StoreError.from(error, path: path)
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        guard rename(building, path) == 0 else {
            throw .cannotOpen(path: path, reason: "can't move the new database into place")
        }
        return report
    }
}

/// Writes the demo organisation into one database connection.
struct DemoBuilder {
    let db: Database
    let now: Date
    let seed: UInt64
    let hasher: PasswordHasher

    func build(cases caseCount: Int, customers customerCount: Int = DemoText.customers.count) throws -> DemoReport {
        var rng = SeededRandom(seed: seed)
        let month: TimeInterval = 30 * .day
        let transferAt = now.addingTimeInterval(-6 * month)
        var reports: [DemoReport.DomainReport] = []
        var domainIDs: [Int64] = []
        var agents: [[Int64]] = []
        let plan = PortalStore.demoPlan

        // Every demo account's password, hashed up front on every core (each hash is deliberately slow).
        let password = { (local: String) in "\(local)-\(seed % 10_000)-portal" }
        let locals = plan.flatMap { $0.users.map(\.local) } + PortalStore.demoEngineers.map(\.0) + PortalStore.demoCustomerUsers.map(\.0)
        var hashes = hasher.hashEach(locals.map(password))[...]

        // Organisation: domains, roles, users.
        for d in plan {
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
            let cloudUnit = db.lastInsertedRowID
            // The first domain still has a unit with auto-licensing on, and a user in it: the setup checklist flags both.
            var workspaceUnit: Int64?
            if d.name == plan[0].name {
                try db.execute(sql: "INSERT INTO org_unit (domain_id, name, auto_licensing) VALUES (?, 'Sales', 1)", arguments: [domainID])
                workspaceUnit = db.lastInsertedRowID
            }
            var accounts: [DemoReport.Account] = []
            var ids: [Int64] = []
            for u in d.users {
                let email = "\(u.local)@\(d.name)"
                let password = password(u.local)
                let id = try PortalStore.insertUser(db, domainID: domainID, email: email, name: u.name, hash: hashes.removeFirst(),
                                                    superAdmin: u.superAdmin, licensed: u.licensed,
                                                    roleIDs: [u.privileged ? adminRole : viewerRole], now: now.addingTimeInterval(-20 * month))
                if !u.superAdmin {
                    let inSales = workspaceUnit != nil && u.local == PortalStore.demoWorkspaceUser
                    try db.execute(sql: "UPDATE user SET org_unit_id = ?, workspace_licence = ? WHERE id = ?",
                                   arguments: [inSales ? workspaceUnit : cloudUnit, inSales, id])
                }
                let user = User(id: id, domainID: domainID, email: email, name: u.name, superAdmin: u.superAdmin, licensed: u.licensed,
                                privileges: u.privileged ? Role.resellerAdminPrivileges : [.support])
                accounts.append(.init(email: email, password: password, name: u.name, superAdmin: u.superAdmin,
                                      why: Rules.whyNoPortalAccess(user)))
                if Rules.portalAccess(user).isAllowed { ids.append(id) }
            }
            agents.append(ids)
            reports.append(.init(name: d.name, kind: d.kind, accounts: accounts, visibleCases: 0))
        }

        // Customers and their access periods. `holders[i]` lists (domain index, since, until) per customer.
        var holders: [[(domain: Int, since: Date, until: Date?)]] = []
        var premium = Set<Int>()
        let tiers: [SupportTier] = [.standard, .standard, .enhanced, .premium]
        let start = now.addingTimeInterval(-18 * month)
        let insertCustomer = try db.makeStatement(sql: "INSERT INTO customer (id, name, primary_domain, tier) VALUES (?, ?, ?, ?)")
        for i in 0..<customerCount {
            let c = i < DemoText.customers.count ? DemoText.customers[i] : DemoText.generatedCustomer(i)
            let tier = i % 5 == 0 ? SupportTier.premium : rng.pick(tiers)
            if tier == .premium { premium.insert(i) }
            try insertCustomer.execute(arguments: [i + 1, c.name, c.domain, tier.rawValue])
            // Named customers follow the plan; generated ones are dealt out to the domains in turn.
            let di = plan.firstIndex { $0.customers.contains(i) } ?? (i % plan.count)
            let kind: AccessKind = plan[di].kind == .supportPartner ? .supportOnly : .resold
            let since = start.addingTimeInterval(-month)
            if i == PortalStore.demoTransferred {
                try PortalStore.insertAccess(db, customer: i + 1, domain: domainIDs[0], kind: .resold, granted: true, since: since, until: transferAt)
                try PortalStore.insertAccess(db, customer: i + 1, domain: domainIDs[1], kind: .resold, granted: true, since: transferAt, until: nil)
                holders.append([(0, since, transferAt), (1, transferAt, nil)])
            } else {
                try PortalStore.insertAccess(db, customer: i + 1, domain: domainIDs[di], kind: kind, granted: i != PortalStore.demoUngranted,
                                             since: since, until: nil)
                holders.append([(di, since, nil)])
            }
        }

        // The provider's engineers and two customers' users.
        func insertAccount(_ kind: AccountKind, _ local: String, _ name: String, at host: String, customer: Int? = nil) throws -> DemoReport.Account {
            let email = "\(local)@\(host)", password = password(local)
            _ = try UserRecord(kind: kind.rawValue, domainID: nil, customerID: customer.map { Int64($0 + 1) }, email: email, name: name,
                               passwordHash: hashes.removeFirst(), superAdmin: false, suspended: false, licensed: false,
                               language: "en", timeZone: "UTC", createdAt: now.addingTimeInterval(-20 * month).millis).inserted(db)
            return .init(email: email, password: password, name: name, superAdmin: false, why: nil)
        }
        let engineers = try PortalStore.demoEngineers.map { try insertAccount(.supportEngineer, $0.0, $0.1, at: PortalStore.demoProvider) }
        let customerUsers = try PortalStore.demoCustomerUsers.compactMap { u -> (DemoReport.Account, String)? in
            guard u.2 < customerCount else { _ = hashes.removeFirst(); return nil }
            let c = u.2 < DemoText.customers.count ? DemoText.customers[u.2] : DemoText.generatedCustomer(u.2)
            return (try insertAccount(.customer, u.0, u.1, at: c.domain, customer: u.2), c.name)
        }

        // Cases: list indexes are dropped during the bulk load and rebuilt once, sorted, afterwards.
        let indexes = try Row.fetchAll(db, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('support_case', 'history_event')
            """).map { ($0[0] as String, $0[1] as String) }
        for (name, _) in indexes { try db.execute(sql: "DROP INDEX \(name)") }
        // The case tally too is counted once afterwards rather than by a trigger per case.
        try db.execute(sql: "DROP TRIGGER case_tally_insert; DROP TRIGGER case_tally_delete; DROP TRIGGER case_tally_update")
        let categories = DemoText.problems.map { p in
            CategoryCatalogue.category(path: p.category) ?? CategoryCatalogue.search(p.category, limit: 1).first ?? CategoryCatalogue.all[0]
        }
        var visible = Array(repeating: 0, count: domainIDs.count)
        var cases = DemoCases(db: db, rng: rng, now: now, start: start, customers: holders, domainIDs: domainIDs, agents: agents,
                              categories: categories, premium: premium, count: caseCount)
        try cases.generate(visible: &visible)
        for (_, sql) in indexes { try db.execute(sql: sql) }
        try db.execute(sql: "DELETE FROM case_tally; \(Schema.tallyFill) \(Schema.tallyTriggers)")
        // The last two days' answers are unread: support's for the domain's users (a case waiting on them), the
        // resellers' for the engineers (a case waiting on support), so the demo opens with something new in bold.
        let waitingOnYou = [CaseStatus.actionRequired, .solutionProvided].map { String($0.code) }.joined(separator: ",")
        let waitingOnSupport = CaseStatus.waitingOnSupport.map { String($0.code) }.joined(separator: ",")
        try db.execute(sql: """
            INSERT INTO case_unread (user_id, case_id)
              SELECT u.id, c.id FROM support_case c JOIN user u ON u.domain_id = c.domain_id
              WHERE c.updated_at >= ?1 AND c.status IN (\(waitingOnYou))
              UNION ALL
              SELECT u.id, c.id FROM support_case c JOIN user u ON u.kind = 'support-engineer'
              WHERE c.updated_at >= ?1 AND c.status IN (\(waitingOnSupport));
            """, arguments: [now.addingTimeInterval(-2 * 86_400).millis])
        if let violation = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
            throw StoreError.storage(code: 787, message: "demo data breaks a foreign key: \(violation)")
        }
        for i in reports.indices { reports[i].visibleCases = visible[i] }
        return DemoReport(domains: reports, engineers: engineers, customerUsers: customerUsers, customers: customerCount, cases: caseCount,
                          demoAgent: reports[0].accounts[1])
    }
}

extension PortalStore {
    static func insertAccess(_ db: Database, customer: Int, domain: Int64, kind: AccessKind, granted: Bool, since: Date, until: Date?) throws {
        try db.execute(sql: "INSERT INTO customer_access (customer_id, domain_id, kind, granted, since, until) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [customer, domain, kind.rawValue, granted, since.millis, until?.millis])
    }
}
