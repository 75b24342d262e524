import Foundation
import Testing

/// #17: organisational units, placing users in them, and the setup checklist, through the real binary on every
/// backend: each command, each refusal (with its field and exit code), and the checklist agreeing with sign-in.
@Suite(.serialized) struct AdminSetupCommandLineTests {
    func ok(_ b: Binary, _ args: [String], stdin: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let o = try b.run(args, stdin: stdin)
        #expect(o.status == 0, "\(args): \(o.stderr)", sourceLocation: sourceLocation)
        return o.stdout
    }

    func refused(_ b: Binary, _ args: [String], stdin: String? = nil, status: Int32, saying text: String,
                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let o = try b.run(args, stdin: stdin)
        #expect(o.status == status && o.stderr.contains(text), "\(args): exit \(o.status): \(o.stderr)", sourceLocation: sourceLocation)
    }

    func users(_ b: Binary, _ admin: [String]) throws -> [String: [String: Any]] {
        let list = try b.json(["admin", "user", "list", "--json"] + admin) as! [String: Any]
        return Dictionary(uniqueKeysWithValues: (list["users"] as! [[String: Any]]).map { ($0["email"] as! String, $0) })
    }

    func setup(_ b: Binary, _ admin: [String]) throws -> (steps: [String: Bool], users: [String: [String]]) {
        let report = try b.json(["admin", "setup", "--json"] + admin) as! [String: Any]
        let steps = (report["steps"] as! [[String: Any]]).map { ($0["name"] as! String, $0["done"] as! Bool) }
        let users = (report["users"] as! [[String: Any]]).map { ($0["email"] as! String, $0["missing"] as! [String]) }
        #expect(report["domain"] as? String == "west.example")
        return (Dictionary(uniqueKeysWithValues: steps), Dictionary(uniqueKeysWithValues: users))
    }

    @Test(arguments: Backend.allCases) func unitsPlacementsAndTheChecklist(_ backend: Backend) throws {
        let b = try Binary(backend)
        _ = try ok(b.onFile, ["admin", "domain", "create", "west.example", "--admin", "root@west.example", "--password-stdin"], stdin: "root-password\n")
        _ = try ok(b, ["login", "--user", "root@west.example", "--password-stdin"], stdin: "root-password\n")
        let admin = ["--as", "root@west.example"]

        var report = try setup(b, admin)
        #expect(report.steps["Create a unit for Cloud Identity users"] == false)
        #expect(report.users["root@west.example"] == [])

        // Units: on warns, off by default; a bad switch, a blank name and a second unit of one name are refused.
        #expect(try ok(b, ["admin", "org-unit", "create", "Sales", "--auto-licensing", "on"] + admin).contains("Warning: Auto-licensing is on"))
        #expect(!(try ok(b, ["admin", "org-unit", "create", "Cloud Identity"] + admin)).contains("Warning"))
        try refused(b, ["admin", "org-unit", "create", "Other", "--auto-licensing", "maybe"] + admin, status: 2, saying: "auto-licensing")
        try refused(b, ["admin", "org-unit", "create", "Sales"] + admin, status: 2, saying: "name: an org unit named Sales already exists")
        try refused(b, ["admin", "org-unit", "set", "Nowhere", "--auto-licensing", "off"] + admin, status: 2,
                    saying: "org-unit: no organisational unit Nowhere; units are: Cloud Identity, Sales")
        report = try setup(b, admin)
        #expect(report.steps["Turn off auto-licensing"] == false)
        #expect(report.steps["Create a unit for Cloud Identity users"] == true)

        // Placing a user: an unknown unit, or one with auto-licensing on without accepting the Workspace licence, is
        // refused and creates nothing.
        let add = ["admin", "user", "add", "ann@west.example", "--name", "Ann", "--password-stdin"] + admin
        try refused(b, add + ["--org-unit", "Nowhere"], stdin: "ann-password\n", status: 2, saying: "org-unit: no organisational unit Nowhere")
        try refused(b, add + ["--org-unit", "Sales"], stdin: "ann-password\n", status: 2,
                    saying: "accept-workspace-licence: auto-licensing is on for this organisational unit")
        try refused(b, add + ["--accept-workspace-licence"], stdin: "ann-password\n", status: 2, saying: "accept-workspace-licence: give the organisational unit too")
        #expect(try users(b, admin)["ann@west.example"] == nil)
        _ = try ok(b, add + ["--org-unit", "Cloud Identity", "--licence", "--role", "Reseller Admin"], stdin: "ann-password\n")
        let bo = try ok(b, ["admin", "user", "add", "bo@west.example", "--name", "Bo", "--password-stdin", "--org-unit", "Sales",
                            "--accept-workspace-licence"] + admin, stdin: "bo-password\n")
        #expect(bo.contains("holds a Google Workspace licence too"), "\(bo)")
        var listed = try users(b, admin)
        #expect(listed["ann@west.example"]?["orgUnit"] as? String == "Cloud Identity")
        #expect(listed["ann@west.example"]?["workspaceLicence"] as? Bool == false)
        #expect(listed["bo@west.example"]?["orgUnit"] as? String == "Sales")
        #expect(listed["bo@west.example"]?["workspaceLicence"] as? Bool == true)
        let audit = try b.json(["admin", "audit", "--json"] + admin) as! [[String: Any]]
        #expect(audit.contains { $0["action"] as? String == "user.add" && $0["target"] as? String == "bo@west.example"
            && ($0["detail"] as? String ?? "").contains("Google Workspace licence assigned by auto-licensing in Sales") }, "\(audit)")

        // Moving: the same rule; a user of no domain of the admin's is not found.
        try refused(b, ["admin", "user", "move", "ann@west.example", "--org-unit", "Sales"] + admin, status: 2, saying: "accept-workspace-licence:")
        try refused(b, ["admin", "user", "move", "nobody@west.example", "--org-unit", "Sales"] + admin, status: 2, saying: "email: no user nobody@west.example")
        _ = try ok(b, ["admin", "user", "move", "bo@west.example", "--org-unit", "Cloud Identity"] + admin)
        listed = try users(b, admin)
        #expect(listed["bo@west.example"]?["orgUnit"] as? String == "Cloud Identity")
        #expect(listed["bo@west.example"]?["workspaceLicence"] as? Bool == true, "the Workspace licence stays with the user")

        // Auto-licensing off; the list shows units with their users.
        _ = try ok(b, ["admin", "org-unit", "set", "Sales", "--auto-licensing", "off"] + admin)
        let units = try b.json(["admin", "org-unit", "list", "--json"] + admin) as! [[String: Any]]
        #expect(units.map { $0["name"] as! String } == ["Cloud Identity", "Sales"])
        #expect(units.map { $0["autoLicensing"] as! Bool } == [false, false])
        #expect(units.first?["users"] as? [String] == ["ann@west.example", "bo@west.example"])
        #expect(try ok(b, ["admin", "org-unit", "list"] + admin).contains("Cloud Identity  auto-licensing off  2 users: ann@west.example, bo@west.example"))

        // The checklist and sign-in agree on what Bo lacks.
        report = try setup(b, admin)
        #expect(report.steps["Turn off auto-licensing"] == true)
        #expect(report.steps["Add users of west.example to the unit"] == true)
        #expect(report.steps["Assign Cloud Identity Free licences"] == false)
        #expect(report.users["ann@west.example"] == [])
        #expect(report.users["bo@west.example"] == ["no Cloud Identity Free licence", "missing privilege: Support", "missing privilege: View Customers",
                                                     "missing privilege: Access Customers Support Cases"])
        try refused(b, ["login", "--user", "bo@west.example", "--password-stdin"], stdin: "bo-password\n", status: 1,
                    saying: "No Cloud Identity Free licence is assigned to bo@west.example. bo@west.example lacks the privileges Support, View Customers, Access Customers Support Cases.")
        let text = try ok(b, ["admin", "setup"] + admin)
        #expect(text.contains("[ ] Assign Cloud Identity Free licences: 2 of 50 Cloud Identity Free licences used; no licence: bo@west.example"), "\(text)")
        #expect(text.contains("blocked bo@west.example: no Cloud Identity Free licence"), "\(text)")

        // Only a super administrator sees or changes any of it.
        _ = try ok(b, ["login", "--user", "ann@west.example", "--password-stdin"], stdin: "ann-password\n")
        let agent = ["--as", "ann@west.example"]
        for args in [["admin", "setup"], ["admin", "org-unit", "list"], ["admin", "org-unit", "set", "Sales", "--auto-licensing", "on"],
                     ["admin", "user", "move", "bo@west.example", "--org-unit", "Sales"]] {
            try refused(b, args + agent, status: 1, saying: "Only a super administrator")
        }
    }
}
