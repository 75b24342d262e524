import Domain
import Foundation
import GRDB

/// Generates the demo's cases with reused prepared statements, in one transaction: a million cases
/// with their history and search rows must take well under two minutes. Search rows are keyed by update
/// order (SearchKey) but cases are generated in id order, so their text is staged in a temporary table and
/// indexed in key order at the end (`indexSearchRows`): the search index takes rows in rowid order in one pass.
struct DemoCases {
    let db: Database
    var rng: SeededRandom
    let now: Date
    let start: Date
    let customers: [[(domain: Int, since: Date, until: Date?)]]
    let domainIDs: [Int64]
    let agents: [[Int64]]
    let categories: [Category]
    /// Indexes of customers on Premium support: only their cases get escalated.
    let premium: Set<Int>
    let count: Int

    mutating func generate(visible: inout [Int]) throws {
        let insertCase = try db.makeStatement(sql: """
            INSERT INTO support_case (id, number, customer_id, domain_id, creator_id, product, title, category, description,
              severity, status, escalated, language, time_zone, created_at, updated_at, closed_at, waiting_since, indexed_through)
            VALUES (?, ?, ?, ?, ?, 'Google Workspace', ?, ?, ?, ?, ?, ?, 'en', 'Europe/Paris', ?, ?, ?, ?, ?)
            """)
        let insertEvent = try db.makeStatement(sql: "INSERT INTO history_event (case_id, at, author_id, kind, text) VALUES (?, ?, ?, ?, ?)")
        try db.execute(sql: """
            CREATE TEMP TABLE demo_search (id INTEGER PRIMARY KEY, number TEXT, title TEXT, description TEXT, messages TEXT);
            CREATE TEMP TABLE demo_search_key (key INTEGER PRIMARY KEY, id INTEGER NOT NULL);
            """)
        let insertSearch = try db.makeStatement(sql: "INSERT INTO temp.demo_search (id, number, title, description, messages) VALUES (?, ?, ?, ?, ?)")
        var keys: [(updatedAt: Int64, id: Int64)] = []
        keys.reserveCapacity(count)
        // Authors by their history_author ids.
        let author = try db.makeStatement(sql: "INSERT INTO history_author (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET name = name RETURNING id")
        func authorID(_ name: String) throws -> Int64 { try Int64.fetchOne(author, arguments: [name])! }
        let authors = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, name, email FROM user").map {
            ($0[0] as Int64, try authorID("\($0[1] as String) <\($0[2] as String)>"))
        })
        let customerAuthor = try authorID("Customer")
        let engineers = try ["Priya (Google Workspace Support)", "Tomás (Google Workspace Support)", "Mei (Google Workspace Support)"]
            .map(authorID)
        let span = now.timeIntervalSince(start) - .hour
        // Customers whose cases the first domain's agent sees, for the cases closed 10 and 40 days ago.
        let firstDomainCustomers = customers.indices.filter { i in customers[i].count == 1 && customers[i][0].domain == 0 && i != PortalStore.demoUngranted }

        for i in 0..<count {
            let special = i < 6 && !firstDomainCustomers.isEmpty
            let customer = special ? firstDomainCustomers[i % firstDomainCustomers.count] : Int(rng.next() % UInt64(customers.count))
            var created = start.addingTimeInterval(rng.unit() * span)
            if special { created = now.addingTimeInterval(-(i % 2 == 0 ? 25 : 55) * .day) }
            guard let holder = customers[customer].first(where: { created >= $0.since && created < ($0.until ?? .distantFuture) })
            else { continue }
            let d = holder.domain
            if holder.until == nil { visible[d] += 1 }
            let creator = agents[d].isEmpty ? nil : agents[d][Int(rng.next() % UInt64(agents[d].count))]
            let author = creator.flatMap { authors[$0] } ?? customerAuthor
            let p = Int(rng.next() % UInt64(DemoText.problems.count))
            let category = categories[p]
            let title = DemoText.problems[p].title
            let description = "\(rng.pick(DemoText.openers)), \(rng.pick(DemoText.impacts)). \(rng.pick(DemoText.tried))\n\n"
                + category.questions.map { "\($0)\n\(rng.pick(DemoText.impacts).capitalizedFirst)." }.joined(separator: "\n\n")
            var severity = Self.severity(rng.unit())
            let id = Int64(i + 1)

            // History: a geometric number of events (mean 5, at most 30) spaced minutes to days apart.
            let events = special ? 1 : min(30, Int(-log(max(rng.unit(), 1e-12)) * 5))
            var at = created
            var status = CaseStatus.new
            var waitingSince = created  // restarted whenever the status moves to another side (WaitingOn)
            var messages: [String] = []
            try insertEvent.execute(arguments: [id, created.millis, author, HistoryCode.code(.created),
                                                "Filed as \(severity.label) in \(category.path)"])
            for e in 0..<events {
                let nextAt = at.addingTimeInterval(rng.unit() * rng.unit() * 4 * .day + 60)
                if nextAt >= now { break }
                at = nextAt
                let support = e % 2 == 0
                let roll = rng.unit()
                if roll < 0.12 {
                    let next = Severity(level: Int(rng.next() % 4) + 1)!
                    if next != severity {
                        try insertEvent.execute(arguments: [id, at.millis, author, HistoryCode.code(.severityChange),
                                                            "Severity changed from \(severity.label) to \(next.label)"])
                        severity = next
                        continue
                    }
                }
                let text = support ? rng.pick(DemoText.supportReplies) : rng.pick(DemoText.resellerMessages)
                messages.append(text)
                try insertEvent.execute(arguments: [id, at.millis, support ? rng.pick(engineers) : author,
                                                    HistoryCode.code(support ? .supportReply : .message), text])
                let next: CaseStatus = support ? (roll < 0.5 ? .inProgress : roll < 0.8 ? .actionRequired : .solutionProvided) : .inProgress
                if next != status {
                    try insertEvent.execute(arguments: [id, at.millis, support ? rng.pick(engineers) : author, HistoryCode.code(.statusChange),
                                                        "Status changed from \(status.label) to \(next.label)"])
                    if WaitingOn(next) != WaitingOn(status) { waitingSince = at }
                    status = next
                }
            }
            var closedAt: Date?
            let age = now.timeIntervalSince(at)
            if special || (age > 45 * .day && rng.chance(0.85)) || rng.chance(0.1) {
                let when = special ? now.addingTimeInterval(-(i % 2 == 0 ? 10 : 40) * .day) : at.addingTimeInterval(min(age - 60, .day) * rng.unit())
                try insertEvent.execute(arguments: [id, when.millis, author, HistoryCode.code(.statusChange),
                                                    "Status changed from \(status.label) to \(CaseStatus.closed.label)"])
                status = .closed
                waitingSince = when
                closedAt = when
                at = when
            }
            let escalated = premium.contains(customer) && status != .closed && events > 2 && rng.chance(0.15)
            if escalated {
                try insertEvent.execute(arguments: [id, at.millis, author, HistoryCode.code(.escalation),
                                                    "Escalated (Business impact): the customer's operations are blocked."])
            }
            let number = 10_000_000 + (i * 7_368_787 + 1_234_567) % 90_000_000
            try insertCase.execute(arguments: [id, number, customer + 1, domainIDs[d], creator, title, category.path, description,
                                               severity.level, status.code, escalated, created.millis, at.millis, closedAt?.millis,
                                               waitingSince.millis, db.lastInsertedRowID])
            try insertSearch.execute(arguments: [id, String(number), title, description, messages.joined(separator: "\n")])
            keys.append((at.millis, id))
        }
        try indexSearchRows(keys.sorted { ($0.updatedAt, $0.id) < ($1.updatedAt, $1.id) }.map(\.id))
    }

    /// Indexes the staged search rows in key order, then drops the staging tables. The search index gathers
    /// 64 MB of postings between writes during the load (1 MB, its default, afterwards), so it merges fewer,
    /// larger segments (300,000 cases: 19 s → 10 s); then it is merged into one segment. Left as they are, those
    /// large segments would sit with the small ones later writes add, and a later write could merge them:
    /// a message posted to a 1,000,000-case database took 2.6 s once in 300.
    /// `ordered`: the new cases' ids in update order (`(updated_at, id)`); they take the search keys after the largest.
    func indexSearchRows(_ ordered: [Int64]) throws {
        let first = try Int64.fetchOne(db, sql: "SELECT coalesce(max(search_key), 0) + 1 FROM support_case")!
        let insertKey = try db.makeStatement(sql: "INSERT INTO temp.demo_search_key (key, id) VALUES (?, ?)")
        for (i, id) in ordered.enumerated() { try insertKey.execute(arguments: [first + Int64(i), id]) }
        try db.execute(sql: """
            CREATE INDEX temp.demo_search_key_id ON demo_search_key(id);
            UPDATE support_case SET search_key = (SELECT k.key FROM temp.demo_search_key k WHERE k.id = support_case.id)
              WHERE search_key IS NULL;
            INSERT INTO case_search (case_search, rank) VALUES ('hashsize', 67108864);
            INSERT INTO case_search (rowid, number, title, description, messages, customer)
              SELECT k.key, s.number, s.title, s.description, s.messages, \(SearchKey.customerSQL("cu"))
              FROM temp.demo_search_key k JOIN temp.demo_search s ON s.id = k.id
                JOIN support_case c ON c.id = s.id JOIN customer cu ON cu.id = c.customer_id
              ORDER BY k.key;
            INSERT INTO case_search (case_search, rank) VALUES ('hashsize', 1048576);
            INSERT INTO case_search (case_search) VALUES ('optimize');
            DROP TABLE temp.demo_search_key;
            DROP TABLE temp.demo_search;
            """)
        try SearchVocabulary.fill(db)
    }

    static func severity(_ u: Double) -> Severity {
        u < 0.05 ? .p1 : u < 0.25 ? .p2 : u < 0.75 ? .p3 : .p4
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
