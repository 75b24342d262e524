import Foundation
import Testing

/// Who may start an organisation, and what one reseller domain can learn about another's customers.
@Suite(.serialized) struct TenantBoundaryTests {
    func ok(_ b: Binary, _ args: [String], stdin: String? = nil) throws -> String {
        let o = try b.run(args, stdin: stdin)
        #expect(o.status == 0, "\(args): \(o.stderr)")
        return o.stdout
    }

    /// Two reseller domains, each with a signed-in super admin; north also has an agent, ann.
    func twoResellers(_ backend: Backend) throws -> Binary {
        let b = try Binary(backend)
        _ = try ok(b.onFile, ["admin", "domain", "create", "north.example", "--admin", "root@north.example", "--password-stdin"], stdin: "root-password\n")
        _ = try ok(b, ["login", "--user", "root@north.example", "--password-stdin"], stdin: "root-password\n")
        _ = try ok(b, ["admin", "domain", "create", "south.example", "--admin", "root@south.example", "--password-stdin", "--as", "root@north.example"],
                   stdin: "root-password\n")
        _ = try ok(b, ["login", "--user", "root@south.example", "--password-stdin"], stdin: "root-password\n")
        _ = try ok(b, ["admin", "user", "add", "ann@north.example", "--name", "Ann", "--licence", "--role", "Reseller Admin", "--password-stdin",
                       "--as", "root@north.example"], stdin: "ann-password\n")
        _ = try ok(b, ["login", "--user", "ann@north.example", "--password-stdin"], stdin: "ann-password\n")
        return b
    }

    /// Without a session, a domain can be created only in an empty database: the first one.
    @Test(arguments: Backend.allCases) func onlyTheFirstDomainNeedsNoSuperAdmin(_ backend: Backend) throws {
        let b = try Binary(backend)
        _ = try ok(b.onFile, ["admin", "domain", "create", "north.example", "--admin", "root@north.example", "--password-stdin"], stdin: "root-password\n")
        var o = try b.run(["admin", "domain", "create", "rogue.example", "--admin", "me@rogue.example", "--password-stdin"], stdin: "rogue-password\n")
        #expect(o.status == 1, "a second domain without a session: \(o.stderr)")
        #expect(o.stderr.contains("super administrator") && o.stderr.contains("--as"), "\(o.stderr)")
        _ = try ok(b, ["login", "--user", "root@north.example", "--password-stdin"], stdin: "root-password\n")
        _ = try ok(b, ["admin", "user", "add", "ann@north.example", "--name", "Ann", "--licence", "--role", "Reseller Admin", "--password-stdin",
                       "--as", "root@north.example"], stdin: "ann-password\n")
        _ = try ok(b, ["login", "--user", "ann@north.example", "--password-stdin"], stdin: "ann-password\n")
        o = try b.run(["admin", "domain", "create", "rogue.example", "--admin", "me@rogue.example", "--password-stdin", "--as", "ann@north.example"],
                      stdin: "rogue-password\n")
        #expect(o.status == 1 && o.stderr.contains("Only a super administrator"), "an agent creating a domain: \(o.stderr)")
        #expect(try DatabaseShell.query(b.db, "SELECT COUNT(*) FROM domain;") == "1")
        _ = try ok(b, ["admin", "domain", "create", "south.example", "--admin", "root@south.example", "--password-stdin", "--as", "root@north.example"],
                   stdin: "root-password\n")
    }

    /// Adding a customer another domain manages answers exactly as for a customer nobody manages: the domain gets
    /// its own customer, and the other domain's customer, its name and its cases stay as they were and out of sight.
    @Test(arguments: Backend.allCases) func addingAnotherDomainsCustomerDisclosesNothing(_ backend: Backend) throws {
        let b = try twoResellers(backend)
        let north = ["--as", "root@north.example"], south = ["--as", "root@south.example"]
        _ = try ok(b, ["admin", "customer", "add", "Acme North Branch", "--primary-domain", "acme.example", "--tier", "premium", "--granted"] + north)
        let taken = try b.run(["admin", "customer", "add", "Acme", "--primary-domain", "acme.example", "--granted"] + south)
        let free = try b.run(["admin", "customer", "add", "Globex", "--primary-domain", "globex.example", "--granted"] + south)
        #expect(taken.status == free.status && taken.status == 0, "\(taken.stderr) / \(free.stderr)")
        #expect(taken.stdout == "Added customer Acme (acme.example).\n" && free.stdout == "Added customer Globex (globex.example).\n")
        let southSees = try b.json(["customers", "--json"] + south) as! [[String: Any]]
        #expect(southSees.map { $0["name"] as! String } == ["Acme", "Globex"])
        #expect(southSees.first?["tier"] as? String == "standard")
        let northSees = try b.json(["customers", "--json"] + north) as! [[String: Any]]
        #expect(northSees.map { $0["name"] as! String } == ["Acme North Branch"])
        #expect(northSees.first?["tier"] as? String == "premium")
        // Each files on its own customer; neither sees the other's case.
        let file = ["case", "create", "--customer", "acme.example", "--title", "Mail down", "--category", "Gmail > Delivery > Messages delayed",
                    "--description", "d", "--severity", "P2", "--json"]
        let northCase = (try b.json(file + north) as! [String: Any])["number"] as! Int
        let southCase = (try b.json(file + south) as! [String: Any])["number"] as! Int
        #expect((try b.json(["cases", "--json"] + north) as! [[String: Any]]).map { $0["number"] as! Int } == [northCase])
        #expect((try b.json(["cases", "--json"] + south) as! [[String: Any]]).map { $0["number"] as! Int } == [southCase])
        // A domain's own customer, added twice, is its own business to know.
        let again = try b.run(["admin", "customer", "add", "Acme", "--primary-domain", "acme.example"] + south)
        #expect(again.status == 2 && again.stderr.contains("primary-domain: acme.example is already one of your customers"), "\(again.stderr)")
    }

    /// The licence pool is an admin read like the user list: super administrators only.
    @Test(arguments: Backend.allCases) func licenceStatusIsForSuperAdministratorsLikeTheOtherAdminReads(_ backend: Backend) throws {
        let b = try twoResellers(backend)
        #expect(try ok(b, ["admin", "licence", "status", "--as", "root@north.example"]).contains("licences assigned"))
        for args in [["admin", "licence", "status"], ["admin", "user", "list"], ["admin", "audit"]] {
            let o = try b.run(args + ["--as", "ann@north.example"])
            #expect(o.status == 1 && o.stderr.contains("Only a super administrator"), "\(args): \(o.stderr)")
            #expect(o.stdout.isEmpty, "\(args) printed \(o.stdout)")
        }
    }
}
