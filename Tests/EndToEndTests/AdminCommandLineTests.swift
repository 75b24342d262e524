import Foundation
import Testing

/// The super administrator's setup through the real binary, as the seed's steps describe it.
@Suite(.serialized) struct AdminCommandLineTests {
    func ok(_ b: Binary, _ args: [String], stdin: String? = nil) throws -> String {
        let o = try b.run(args, stdin: stdin)
        #expect(o.status == 0, "\(args): \(o.stderr)")
        return o.stdout
    }

    @Test(arguments: Backend.allCases) func anOrganisationSetUpFromTheCommandLine(_ backend: Backend) throws {
        let b = try Binary(backend)
        _ = try ok(b.onFile, ["admin", "domain", "create", "north.example", "--admin", "root@north.example", "--password-stdin"], stdin: "root-password\n")
        _ = try ok(b, ["login", "--user", "root@north.example", "--password-stdin"], stdin: "root-password\n")
        let admin = ["--as", "root@north.example"]
        _ = try ok(b, ["admin", "domain", "create", "south.example", "--admin", "root@south.example", "--password-stdin"] + admin,
                   stdin: "root-password\n")
        let warning = try ok(b, ["admin", "org-unit", "create", "Cloud Identity users", "--auto-licensing", "on"] + admin)
        #expect(warning.contains("Auto-licensing is on"))
        // Users may have addresses in a secondary domain once it is added.
        var o = try b.run(["admin", "user", "add", "bo@north-eu.example", "--name", "Bo", "--password-stdin"] + admin, stdin: "bo-password\n")
        #expect(o.status == 2 && o.stderr.contains("not an address in north.example"), "\(o.stderr)")
        _ = try ok(b, ["admin", "domain", "add-secondary", "north-eu.example"] + admin)
        _ = try ok(b, ["admin", "user", "add", "bo@north-eu.example", "--name", "Bo", "--password-stdin"] + admin, stdin: "bo-password\n")
        // A user without licence or role can't sign in, with the seed's answer.
        _ = try ok(b, ["admin", "user", "add", "ann@north.example", "--name", "Ann", "--password-stdin"] + admin, stdin: "ann-password\n")
        o = try b.run(["login", "--user", "ann@north.example", "--password-stdin"], stdin: "ann-password\n")
        #expect(o.status == 1 && o.stderr.contains("You don't have access to the Customer Care Portal"), "\(o.stderr)")
        _ = try ok(b, ["admin", "licence", "assign", "ann@north.example"] + admin)
        o = try b.run(["login", "--user", "ann@north.example", "--password-stdin"], stdin: "ann-password\n")
        #expect(o.status == 1 && o.stderr.contains("privileges"), "\(o.stderr)")
        // A custom role with the portal privileges opens the portal.
        _ = try ok(b, ["admin", "role", "create", "Case handler", "--privilege", "support", "--privilege", "view-customers",
                       "--privilege", "access-customers-support-cases"] + admin)
        _ = try ok(b, ["admin", "role", "assign", "ann@north.example", "--role", "Case handler"] + admin)
        _ = try ok(b, ["login", "--user", "ann@north.example", "--password-stdin"], stdin: "ann-password\n")
        // The users as the admin screen lists them; an agent is refused the list.
        let list = try JSONSerialization.jsonObject(with: Data(try ok(b, ["admin", "user", "list", "--json"] + admin).utf8)) as! [String: Any]
        let users = list["users"] as! [[String: Any]]
        #expect(users.map { $0["email"] as! String } == ["ann@north.example", "bo@north-eu.example", "root@north.example"])
        #expect(users.first?["roles"] as? [String] == ["Case handler"])
        #expect(list["licencesUsed"] as? Int == users.filter { $0["licensed"] as? Bool == true }.count)
        o = try b.run(["admin", "user", "list", "--as", "ann@north.example"])
        #expect(o.status == 1 && o.stderr.contains("Only a super administrator"), "\(o.stderr)")
        // Customers: added without a grant, filing refused; after the grant, filing works.
        _ = try ok(b, ["admin", "customer", "add", "Acme", "--primary-domain", "acme.example", "--tier", "premium"] + admin)
        let file = ["case", "create", "--as", "ann@north.example", "--customer", "acme.example", "--title", "Calendar broken",
                    "--category", "Calendar > Events > Invitations not received", "--description", "d", "--severity", "P3"]
        o = try b.run(file)
        #expect(o.status == 1 && o.stderr.contains("hasn't granted"), "\(o.stderr)")
        _ = try ok(b, ["admin", "customer", "grant", "acme.example"] + admin)
        _ = try ok(b, file)
        let customers = try b.json(["customers", "--as", "ann@north.example", "--json"]) as! [[String: Any]]
        #expect(customers.map { $0["openCases"] as! Int } == [1])
        // Transfer to the other reseller: the customer and its case leave north's view.
        _ = try ok(b, ["admin", "customer", "transfer", "acme.example", "--to", "south.example"] + admin)
        #expect((try b.json(["customers", "--as", "ann@north.example", "--json"]) as! [Any]).isEmpty)
        #expect((try b.json(["cases", "--as", "ann@north.example", "--json"]) as! [Any]).isEmpty)
        // Licence pool: raising it is reported; agents can't administer.
        #expect(try ok(b, ["admin", "licence", "request", "--count", "10"] + admin).contains("60 licences"))
        o = try b.run(["admin", "licence", "request", "--count", "10", "--as", "ann@north.example"])
        #expect(o.status == 1 && o.stderr.contains("super administrator"), "\(o.stderr)")
        // Suspension ends sign-in.
        _ = try ok(b, ["admin", "user", "suspend", "ann@north.example"] + admin)
        o = try b.run(["cases", "--as", "ann@north.example"])
        #expect(o.status == 1 && o.stderr.contains("suspended"), "\(o.stderr)")
    }

    /// On the file, the first domain of a new database; over a server, a domain a signed-in super administrator creates.
    @Test(arguments: Backend.allCases) func adminInputErrorsNameTheField(_ backend: Backend) throws {
        let b = try Binary(backend)
        var admin: [String] = []
        if backend != .file {
            _ = try ok(b.onFile, ["admin", "domain", "create", "first.example", "--admin", "root@first.example", "--password-stdin"],
                       stdin: "root-password\n")
            _ = try ok(b, ["login", "--user", "root@first.example", "--password-stdin"], stdin: "root-password\n")
            admin = ["--as", "root@first.example"]
        }
        var o = try b.run(["admin", "domain", "create", "not a domain", "--admin", "x@y.example", "--password-stdin"] + admin, stdin: "password-1\n")
        #expect(o.status == 2 && o.stderr.contains("domain:"), "\(o.stderr)")
        o = try b.run(["admin", "domain", "create", "ok.example", "--admin", "x@elsewhere.example", "--password-stdin"] + admin, stdin: "password-1\n")
        #expect(o.status == 2 && o.stderr.contains("admin-email:"), "\(o.stderr)")
        o = try b.run(["admin", "domain", "create", "ok.example", "--admin", "x@ok.example", "--password-stdin"] + admin, stdin: "short\n")
        #expect(o.status == 2 && o.stderr.contains("password:"), "\(o.stderr)")
        // A name already taken: the same line and exit code on the file and over a server (409 there).
        if backend != .file {
            o = try b.run(["admin", "domain", "create", "first.example", "--admin", "x@first.example", "--password-stdin"] + admin,
                          stdin: "password-1\n")
            #expect(o.status == 2 && o.stderr == "careportal: domain: first.example already exists\n", "\(o.stderr)")
        }
    }
}
