import ArgumentParser
import Foundation
import PostgresStore
import Store

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo",
        abstract: "Create a demo organisation: 3 reseller domains, their users, ~40 customers and N cases. Prints the accounts.")

    @OptionGroup var store: StoreOptions
    @Option(parsing: .unconditional, help: "How many cases to generate, 0 to 5000000.") var cases = 2_000
    @Option(help: "Random seed: the same seed gives the same organisation.") var seed: UInt64 = 1
    @Flag(help: "Print the report as JSON.") var json = false
    @Flag(help: "Then serve the demo database to a team (careportal serve) and say how to sign in from another terminal.")
    var serve = false
    @Option(help: ArgumentHelp("With --serve: where to listen.", valueName: "host:port")) var listen = "127.0.0.1:8750"

    func validate() throws {
        guard (0...5_000_000).contains(cases) else { throw ValidationError("cases: must be between 0 and 5000000") }
    }

    func run() throws {
        let location = try DatabaseLocation(store.path)
        let started = Date()
        let path: String
        let report: DemoReport
        if case .postgres(let url) = location {
            (path, report) = try Self.createDemo(postgres: url, cases: cases, seed: seed)
        } else {
            path = try location.filePath(for: .direct("demo"))
            report = try attempt { () throws(StoreError) in try PortalStore.createDemo(at: path, cases: cases, seed: seed) }
        }
        let seconds = Date().timeIntervalSince(started)
        if json { try printJSON(DemoJSON(report, database: path, seconds: seconds)); return }
        print("Demo organisation created in \(path) (\(report.cases) cases, \(report.customers) customers, \(String(format: "%.1f", seconds)) s).")
        for d in report.domains {
            print("\n\(d.name) (\(d.kind.rawValue)), \(d.visibleCases) visible cases")
            for a in d.accounts {
                let note = a.why.map { "cannot sign in: \($0)" } ?? (a.superAdmin ? "super admin" : "agent")
                print("  \(a.email.padding(toLength: 38, withPad: " ", startingAt: 0)) \(a.password.padding(toLength: 22, withPad: " ", startingAt: 0)) \(note)")
            }
        }
        print("\nSupport engineers (the provider side)")
        for a in report.engineers { print("  \(a.email.padding(toLength: 38, withPad: " ", startingAt: 0)) \(a.password)") }
        print("\nCustomer users (they see the cases filed for their organisation)")
        for (a, customer) in report.customerUsers {
            print("  \(a.email.padding(toLength: 38, withPad: " ", startingAt: 0)) \(a.password.padding(toLength: 22, withPad: " ", startingAt: 0)) \(customer)")
        }
        print("\nSign in: careportal login --user \(report.demoAgent.email)   (password \(report.demoAgent.password))")
        guard serve else { return }
        let url = "http://\(listen)"
        print("""

            From another terminal, sign in to this server and open the app:
              echo \(report.demoAgent.password) | careportal login --server \(url) --user \(report.demoAgent.email) --password-stdin
              careportal --server \(url)
            A support engineer and a customer user sign in the same way, e.g. \(report.engineers.first?.email ?? "") and \
            \(report.customerUsers.first?.account.email ?? "").

            """)
        let server = try Serve.parse(["--db", store.path, "--listen", listen])
        try server.run()
    }
}

extension Demo {
    /// The demo on PostgreSQL: built on a private temporary file as on SQLite, then copied into the (empty) database in
    /// one transaction. Returns where it is (the URL without its password) and the report.
    static func createDemo(postgres url: String, cases: Int, seed: UInt64) throws(Failure) -> (String, DemoReport) {
        let address = try DatabaseLocation.postgresAddress(url)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        return try attempt { () throws(StoreError) in
            let target = try PostgresPortalStore(address: address)
            defer { target.close() }
            if try !target.isEmpty() {
                throw .refused(.invalid("database", "\(target.location) already holds an organisation; give an empty database"))
            }
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw .cannotOpen(path: folder.path, reason: "\(error)")
            }
            let file = folder.appendingPathComponent("demo.sqlite3").path
            let report = try PortalStore.createDemo(at: file, cases: cases, seed: seed)
            try target.importOrganisation(from: try PortalStore(path: file))
            return (target.location, report)
        }
    }
}
