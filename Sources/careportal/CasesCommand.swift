import ArgumentParser
import Domain
import Foundation
import Portal
import Runtime

extension CaseSort: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {
    public init?(argument: String) { self.init(token: argument) }
}
extension CaseStatus: ExpressibleByArgument {}
extension EscalationReason: ExpressibleByArgument {}

struct Cases: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cases", abstract: "List cases (My Cases, or one customer's), newest update first.",
                                                    discussion: "Filter terms (`careportal help filter` prints them too):\n" + FilterCheatSheet.text)
    @OptionGroup var actor: ActorOptions
    @Option(help: "Only this customer's cases (name or primary domain).") var customer: String?
    // Free text takes the next word whatever it starts with: `--filter '-status:closed'` is a negated filter.
    @Option(parsing: .unconditional, help: "A filter, e.g. \"is:open sev:p1,p2 mx\" or \"-status:closed\" (see `careportal help filter`).") var filter: String?
    @Option(help: "Order: updated, created, severity, status or waiting (on you, the longest first).") var sort: CaseSort?
    @Option(help: "A saved view of the config file (see `careportal views`): its filter (ANDed with --filter) and order.") var view: String?
    // Takes the next word whatever it starts with, so `--limit -5` is refused for its value, not as a missing one.
    @Option(parsing: .unconditional, help: "A whole number of cases, at least 1 (default: all).") var limit: Int?
    @Flag(help: "Print JSON (the fields are listed in the README).") var json = false
    @Flag(help: "Print CSV with a header line; formula-like cells start with '.") var csv = false

    func validate() throws {
        if json && csv { throw ValidationError("csv: give one of --json and --csv, not both") }
        if let limit, limit < 1 { throw ValidationError("limit: \(limit) is too small; expected a whole number of cases, at least 1") }
    }

    func run() throws {
        var query = try parseFilter(filter ?? "")
        var sort = self.sort ?? .updated
        if let view {
            let saved = try savedView(named: view)
            query.terms = (try parseFilter(saved.filter)).terms + query.terms
            sort = self.sort ?? saved.sort
        }
        let (portal, user) = try actor.signedIn()
        var scope = CaseScope.domain(user.domainID)
        if let customer {
            let row = try attempt { () throws(PortalError) in try portal.customer(as: user, matching: customer) }
            scope = .customer(customerID: row.customer.id, domainID: user.domainID)
        }
        // Page through by keyset so memory stays bounded whatever the count.
        var rows: [CaseRow] = []
        var fetched = 0
        var cursor: CaseRow?
        let wanted = limit ?? .max
        if csv { say("number,title,customer,domain,status,severity,escalated,createdAt,updatedAt") }
        else if !json { say("NUMBER    SEV STATUS             UPDATED           CUSTOMER                  TITLE") }
        while fetched < wanted {
            let page = try attempt { () throws(PortalError) in
                try portal.cases(as: user, scope: scope, query: query, sort: sort, after: cursor, limit: min(500, wanted - fetched))
            }
            if json { rows += page.rows } else { page.rows.forEach(printRow) }
            fetched += page.rows.count
            cursor = page.rows.last
            if !page.hasMore { break }
        }
        if json {
            let now = portal.now
            try printJSON(rows.map { CaseJSON($0, targets: .defaults, now: now) })
        }
    }

    func printRow(_ r: CaseRow) {
        let f = ISO8601DateFormatter()
        if csv {
            let fields = [String(r.number), r.title, r.customerName, r.domainName, r.status.rawValue, r.severity.rawValue,
                          String(r.escalated), f.string(from: r.createdAt), f.string(from: r.updatedAt)]
            say(CSV.row(fields))
        } else {
            let updated = String(f.string(from: r.updatedAt).prefix(16)).replacingOccurrences(of: "T", with: " ")
            say("\(r.number)  \(r.severity.rawValue)  \(r.status.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) \(updated)  \(String(r.customerName.terminalLine.prefix(24)).padding(toLength: 24, withPad: " ", startingAt: 0))  \(r.escalated ? "⚑ " : "")\(r.title.terminalLine)")
        }
    }
}

struct Customers: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "customers", abstract: "List the customers assigned to your reseller domain (My Customers).")
    @OptionGroup var actor: ActorOptions
    @Option(help: "Words; each must be found in a customer's name, primary domain, tier or access (as / in My Customers).")
    var search: String?
    @Option(help: "At most this many customers.") var limit: Int?
    @Flag(help: "Print JSON (the fields are listed in the README).") var json = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("limit: give a whole number of 1 or more.") }
    }

    func run() throws {
        let (portal, user) = try actor.signedIn()
        let search = CustomerSearch(search ?? "")
        // Read as the app reads them: a page at a time in name order, printed as each comes.
        var after: CustomerAfter?, printed = 0, rows: [CustomerRow] = []
        if !json { say("NAME                        PRIMARY DOMAIN                 TIER       ACCESS        OPEN") }
        repeat {
            let want = min(Limits.pageRows.upperBound, (limit ?? .max) - printed)
            let page = try attempt { () throws(PortalError) in try portal.customerPage(as: user, search: search, after: after, limit: want) }
            if json { rows += page.rows } else { page.rows.forEach(Self.line) }
            printed += page.rows.count
            after = page.hasMore ? page.rows.last.map(CustomerAfter.init) : nil
        } while after != nil && printed < (limit ?? .max)
        if json { try printJSON(rows.map(CustomerJSON.init)) }
    }

    static func line(_ r: CustomerRow) {
        say("\(r.customer.name.terminalLine.padding(toLength: 27, withPad: " ", startingAt: 0)) \(r.customer.primaryDomain.terminalLine.padding(toLength: 30, withPad: " ", startingAt: 0)) \(r.customer.tier.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(r.access.display.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) \(r.openCases)")
    }
}

struct Categories: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "categories", abstract: "The category catalogue, best match first.")
    @Option(help: "Keywords to rank categories by.") var search: String?
    @Flag(help: "Print JSON (the fields are listed in the README).") var json = false

    struct Row: Encodable { var path: String; var questions: [String] }

    func run() throws {
        let list = search.map { CategoryCatalogue.search($0, limit: 20) } ?? CategoryCatalogue.all
        if let search, list.isEmpty { throw Failure.input("search: no category matches \"\(search)\"") }
        if json { try printJSON(list.map { Row(path: $0.path, questions: $0.questions) }); return }
        for c in list { say(c.path) }
    }
}

/// Parses a filter argument; a malformed filter names its column.
func parseFilter(_ text: String) throws(Failure) -> CaseQuery {
    do { return try CaseQuery(parsing: text) } catch { throw Failure.input("filter: \(error.description)") }
}
