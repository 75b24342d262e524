import Foundation
import Testing

/// #17: a super administrator walks the seed's four setup parts for a new secondary domain entirely in the app
/// (add the domain; turn auto-licensing off and create the Cloud Identity unit; add a user to it; a licence; the
/// Reseller Admin role; an alert redirect) and ends with the Setup tab all done and the new user able to sign in.
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct AdminSetupTerminalTests {
    func ok(_ b: Binary, _ args: [String], stdin: String? = nil) throws {
        let o = try b.run(args, stdin: stdin)
        #expect(o.status == 0, "\(args): \(o.stderr)")
    }

    @Test func theSeedsFourPartsInTheAdminScreen() throws {
        let b = try Binary()
        // The reseller domain as an earlier setup left it: a unit with auto-licensing still on, and Ann in it.
        try ok(b, ["admin", "domain", "create", "west.example", "--admin", "root@west.example", "--password-stdin"], stdin: "root-password\n")
        try ok(b, ["login", "--user", "root@west.example", "--password-stdin"], stdin: "root-password\n")
        let admin = ["--as", "root@west.example"]
        try ok(b, ["admin", "org-unit", "create", "Sales", "--auto-licensing", "on"] + admin)
        try ok(b, ["admin", "user", "add", "ann@west.example", "--name", "Ann", "--password-stdin", "--org-unit", "Sales",
                   "--accept-workspace-licence", "--licence", "--role", "Reseller Admin"] + admin, stdin: "ann-password\n")

        let t = try TerminalAppTests.open(b, as: "root@west.example", width: 120, height: 40)
        try t.waitFor("My Cases")
        try t.send("A")
        try t.waitFor(until: "the Users tab") { $0.contains("ann@west.example") && $0.contains("unit: Sales") }
        try t.send("BTab")
        var screen = try t.waitFor("[ ] Turn off auto-licensing")
        #expect(screen.contains("still on in Sales (1 user)"), "\(screen)")

        // 1. The secondary domain, then its unit: auto-licensing off where it was on, and a unit for Cloud Identity.
        try t.send("n")
        try t.waitFor("Add a secondary domain")
        try t.send("eu.west.example", literal: true)
        try t.send("Enter")
        try t.waitFor("Secondary domain eu.west.example added.")
        try t.waitFor("[ ] Add users of eu.west.example to the unit")
        try t.send("Tab", "Tab")
        try t.waitFor(until: "the Units tab") { $0.contains("Sales") && $0.contains("auto-licensing on") }
        try t.send("a")
        try t.waitFor("Turn auto-licensing off for Sales? y/n")
        try t.send("y")
        try t.waitFor("Auto-licensing is off for Sales.")
        try t.send("n")
        try t.waitFor("New organisational unit")
        try t.send("Cloud Identity", literal: true)
        try t.send("Enter")
        try t.waitFor("Unit Cloud Identity created, auto-licensing off.")
        try t.waitFor(until: "the new unit") { $0.contains("Cloud Identity") && $0.contains("0 users") }

        // The user, in the Cloud Identity unit the form offers.
        try t.send("BTab")
        try t.waitFor(until: "the Users tab") { $0.contains("ann@west.example") && $0.contains("unit: Sales") }
        try t.send("n")
        try t.waitFor(until: "the new-user form with the unit filled in") { $0.contains("Add a user") && $0.contains("Cloud Identity") }
        try t.send("kim@eu.west.example", literal: true)
        try t.send("Tab")
        try t.send("Kim Lee", literal: true)
        try t.send("Tab")
        try t.send("kim-password", literal: true)
        try t.send("Enter")
        try t.waitFor("kim@eu.west.example added to Cloud Identity.")
        screen = try t.waitFor(until: "Kim listed") { $0.contains("kim@eu.west.example") && $0.contains("unit: Cloud Identity") }
        #expect(screen.contains("no licence"), "\(screen)")

        // 2. A Cloud Identity Free licence.
        try t.send("Tab", "Tab", "Tab")
        try t.waitFor(until: "the Licences tab") { $0.contains("and a Google Workspace licence") }
        try t.send("j", "l")
        try t.waitFor("Assign a licence to kim@eu.west.example?")
        try t.send("y")
        try t.waitFor("Licence assigned to kim@eu.west.example.")
        try t.waitFor("3 of 50 used")

        // 3. The Reseller Admin role.
        try t.send("BTab")
        try t.waitFor(until: "the Roles tab") { $0.contains("Reseller Admin") && $0.contains("built-in") }
        try t.send("+")
        try t.waitFor("Give Reseller Admin to which user?")
        try t.send("Enter")
        try t.waitFor("Reseller Admin given to kim@eu.west.example.")
        try t.waitFor(until: "three holders") { $0.contains("Reseller Admin") && $0.contains("3 users") }

        // 4. Kim's alerts to a mailbox.
        try t.send("Tab", "Tab")
        try t.waitFor("to their Cloud Identity address (no mailbox)")
        try t.send("j", "e")
        try t.waitFor("Redirect the alerts of kim@eu.west.example")
        try t.send("kim@mail.example", literal: true)
        try t.send("Enter")
        try t.waitFor("Alerts of kim@eu.west.example now go to kim@mail.example.")
        try t.waitFor("→ kim@mail.example")

        // The checklist: every step done, every user ready.
        try t.send("Tab", "Tab")
        screen = try t.waitFor("[x] Set up email alerts")
        #expect(screen.contains("setup: 7 of 7 steps done"), "\(screen)")
        #expect(!screen.contains("[ ]") && !screen.contains("blocked"), "\(screen)")
        #expect(screen.contains("[x] Add users of eu.west.example to the unit"), "\(screen)")
        try t.send("Escape")
        try t.waitFor(until: "the admin screen closed") { !$0.contains("Admin ·") }

        // The new user signs in.
        try ok(b, ["login", "--user", "kim@eu.west.example", "--password-stdin"], stdin: "kim-password\n")
        let audit = try b.json(["admin", "audit", "--json"] + admin) as! [[String: Any]]
        let actions = audit.map { $0["action"] as? String ?? "" }
        for action in ["domain.add-secondary", "org-unit.auto-licensing", "org-unit.create", "user.add", "licence.assign", "role.assign", "user.alerts"] {
            #expect(actions.contains(action), "\(action) missing from \(actions)")
        }
    }
}
