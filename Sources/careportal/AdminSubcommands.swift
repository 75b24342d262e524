import ArgumentParser
import Domain
import Foundation
import Portal
import Runtime

extension DomainKind: ExpressibleByArgument {}
extension SupportTier: ExpressibleByArgument {}
extension AccessKind: ExpressibleByArgument {}
extension Privilege: ExpressibleByArgument {}

/// Super administrators' setup, following the seed's steps. Every command acts as a signed-in super admin (`--as`) and
/// is checked by Store for that admin's own domain, but the first `domain create` of a new database, which starts it.
struct Admin: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "admin",
        abstract: "Set up reseller domains, users, licences, roles and customers (super administrators).",
        subcommands: [Setup.self, DomainCommand.self, UserCommand.self, LicenceCommand.self, RoleCommand.self, CustomerCommand.self, OrgUnitCommand.self,
                      AuditLog.self,
                      EngineerCommand.self, CustomerUserCommand.self, Export.self, Import.self])

    struct DomainCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "domain", abstract: "Reseller domains and their secondary domains.",
                                                        subcommands: [Create.self, AddSecondary.self])
        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "create",
                abstract: "Create a reseller domain and its first super administrator.",
                discussion: """
                The first domain of a new database needs no session (this creates the database). Any other domain is \
                created by a signed-in super administrator: give --as EMAIL.
                """)
            @OptionGroup var actor: ActorOptions
            @Argument(help: "The domain name, e.g. reseller.example.") var name: String
            @Option(help: "reseller or support-partner.") var kind: DomainKind = .reseller
            @Option(help: "The super administrator's email in that domain.") var admin: String
            @Option(help: "The super administrator's name.") var adminName = "Super Admin"
            @Flag(help: "Read the admin's password from standard input.") var passwordStdin = false

            func run() throws {
                guard passwordStdin else { throw Failure.input("password: give the super admin's password on standard input with --password-stdin") }
                let password = try readStandardInput(field: "password").trimmingCharacters(in: .newlines)
                // Checked before a database is created for it, so a refused request leaves nothing behind.
                if case .failure(let refusal) = NewDomain.validate(name: name, adminEmail: admin, password: password) {
                    throw Failure(.refused(refusal))
                }
                // Only the first domain, with no session, may create the database; any other acts as a super admin.
                let portal = try actor.store.open(creating: actor.asUser == nil,
                                                  for: actor.asUser == nil ? .direct("admin domain create") : .everyday)
                let creator = actor.asUser == nil ? nil : try actor.signedIn(on: portal)
                let (d, u) = try attempt { () throws(PortalError) in
                    try portal.createDomain(as: creator, name: name, kind: kind, superAdminEmail: admin, superAdminName: adminName,
                                            password: password)
                }
                say("Created \(d.kind.rawValue) domain \(d.name) with super admin \(u.email) and \(d.licencePool) \(Licences.product) licences.")
            }
        }
        struct AddSecondary: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add-secondary", abstract: "Add a secondary domain to your reseller domain.")
            @OptionGroup var actor: ActorOptions
            @Argument var name: String
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                try attempt { () throws(PortalError) in try portal.addSecondaryDomain(as: admin, name: name) }
                say("Added secondary domain \(name.lowercased()).")
            }
        }
    }

    struct UserCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "user", abstract: "Add, suspend or redirect alerts of users.",
                                                        subcommands: [List.self, Add.self, Move.self, Suspend.self, Unsuspend.self, Alerts.self])
        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "Your domain's users, their roles and licences (what the app's admin screen shows).")
            @OptionGroup var actor: ActorOptions
            @Flag(help: "JSON instead of a table.") var json = false
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                let o = try attempt { () throws(PortalError) in try portal.adminOverview(as: admin) }
                if json { try printJSON(AdminOverviewJSON(o)); return }
                say("\(o.domainName.terminalLine): \(o.licencesUsed) of \(o.licencePool) \(Licences.product) licences assigned.")
                for row in o.users {
                    let u = row.user
                    let flags = [u.licensed ? "licensed" : "no licence", row.workspaceLicence ? "Workspace licence" : nil,
                                 u.suspended ? "suspended" : nil, u.superAdmin ? "super admin" : nil, row.orgUnit.map { "unit: \($0)" }]
                        .compactMap { $0 }.joined(separator: ", ")
                    say("\(u.email.terminalLine)  \(u.name.terminalLine)  \(flags)\(row.roles.isEmpty ? "" : "  roles: " + row.roles.map(\.terminalLine).joined(separator: ", "))")
                }
            }
        }
        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add")
            @OptionGroup var actor: ActorOptions
            @Argument(help: "The new user's email in your domain.") var email: String
            @Option var name: String
            @Option(help: "A role to assign (repeatable), e.g. \"Reseller Admin\".") var role: [String] = []
            @Flag(help: "Assign a Cloud Identity Free licence.") var licence = false
            @Flag(help: "Make the user a super administrator.") var superAdmin = false
            @Option(help: "The organisational unit to put the user in (the seed's unit for Cloud Identity users).") var orgUnit: String?
            @Flag(help: "Place the user even if the unit's auto-licensing gives them a Google Workspace licence too.")
            var acceptWorkspaceLicence = false
            @Flag(help: "Read the password from standard input.") var passwordStdin = false
            func run() throws {
                guard passwordStdin else { throw Failure.input("password: give the user's password on standard input with --password-stdin") }
                let placement = try AdminInput.placement(unit: orgUnit, acceptWorkspaceLicence: acceptWorkspaceLicence)
                    .mapError { Failure(.refused($0)) }.get()
                let password = try readStandardInput(field: "password").trimmingCharacters(in: .newlines)
                let (portal, admin) = try actor.signedIn()
                let u = try attempt { () throws(PortalError) in
                    try portal.createUser(as: admin, email: email, name: name, password: password, licensed: licence, roles: role,
                                          superAdmin: superAdmin, orgUnit: placement)
                }
                say("Added \(u.email)\(orgUnit.map { " to \($0)" } ?? "")\(Rules.whyNoPortalAccess(u).map { " (cannot use the portal yet: \($0))" } ?? "").")
                if acceptWorkspaceLicence { say("\(u.email) holds a Google Workspace licence too (the unit's auto-licensing is on).") }
            }
        }
        struct Move: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a user to another organisational unit.")
            @OptionGroup var actor: ActorOptions
            @Argument var email: String
            @Option(help: "The unit to move the user to.") var orgUnit: String
            @Flag(help: "Move the user even if the unit's auto-licensing gives them a Google Workspace licence too.")
            var acceptWorkspaceLicence = false
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                try attempt { () throws(PortalError) in
                    try portal.moveUser(as: admin, email: email, to: UnitPlacement(unit: orgUnit, acceptWorkspaceLicence: acceptWorkspaceLicence))
                }
                say("Moved \(email) to \(orgUnit).")
                if acceptWorkspaceLicence { say("\(email) holds a Google Workspace licence too (the unit's auto-licensing is on).") }
            }
        }
        struct Suspend: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "suspend")
            @OptionGroup var actor: ActorOptions
            @Argument var email: String
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                try attempt { () throws(PortalError) in try portal.setSuspended(as: admin, email: email, suspended: true) }
                say("Suspended \(email).")
            }
        }
        struct Unsuspend: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "unsuspend")
            @OptionGroup var actor: ActorOptions
            @Argument var email: String
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                try attempt { () throws(PortalError) in try portal.setSuspended(as: admin, email: email, suspended: false) }
                say("Restored \(email).")
            }
        }
        struct Alerts: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "alerts", abstract: "Redirect a user's email alerts to another address (or --clear).")
            @OptionGroup var actor: ActorOptions
            @Argument var email: String
            @Option var to: String?
            @Flag var clear = false
            func run() throws {
                guard (to != nil) != clear else { throw Failure.input("to: give --to ADDRESS or --clear") }
                let (portal, admin) = try actor.signedIn()
                try attempt { () throws(PortalError) in try portal.setAlertAddress(as: admin, email: email, alertAddress: to) }
                say(to.map { "Alerts for \(email) now go to \($0)." } ?? "Alerts for \(email) go to \(email).")
            }
        }
    }

    struct LicenceCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "licence", abstract: "Cloud Identity Free licences.",
                                                        subcommands: [Assign.self, Unassign.self, Request.self, Status.self])
        struct Assign: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "assign")
            @OptionGroup var actor: ActorOptions
            @Argument var email: String
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                try attempt { () throws(PortalError) in try portal.setLicence(as: admin, email: email, assigned: true) }
                say("Assigned a \(Licences.product) licence to \(email).")
            }
        }
        struct Unassign: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "unassign")
            @OptionGroup var actor: ActorOptions
            @Argument var email: String
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                try attempt { () throws(PortalError) in try portal.setLicence(as: admin, email: email, assigned: false) }
                say("Removed the \(Licences.product) licence of \(email).")
            }
        }
        struct Request: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "request", abstract: "Raise the domain's licence pool.")
            @OptionGroup var actor: ActorOptions
            @Option(parsing: .unconditional, help: "How many licences to add, 1 to 10000.") var count: Int
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                try attempt { () throws(PortalError) in try portal.requestLicences(as: admin, count: count) }
                let usage = try attempt { () throws(PortalError) in try portal.adminOverview(as: admin) }
                say("The pool now holds \(usage.licencePool) licences (\(usage.licencesUsed) assigned).")
            }
        }
        struct Status: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "status")
            @OptionGroup var actor: ActorOptions
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                let usage = try attempt { () throws(PortalError) in try portal.adminOverview(as: admin) }
                say("\(usage.licencesUsed) of \(usage.licencePool) \(Licences.product) licences assigned.")
            }
        }
    }

    struct RoleCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "role", abstract: "Admin roles and their privileges.",
                                                        subcommands: [Create.self, Assign.self, Revoke.self])
        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "create")
            @OptionGroup var actor: ActorOptions
            @Argument var name: String
            @Option(help: "A privilege (repeatable): \(Privilege.allCases.map(\.rawValue).joined(separator: ", ")).") var privilege: [Privilege] = []
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                try attempt { () throws(PortalError) in try portal.createRole(as: admin, name: name, privileges: Set(privilege)) }
                say("Created role \(name).")
            }
        }
        struct Assign: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "assign")
            @OptionGroup var actor: ActorOptions
            @Argument var email: String
            @Option var role: String
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                try attempt { () throws(PortalError) in try portal.setRole(as: admin, email: email, role: role, assigned: true) }
                say("Assigned \(role) to \(email).")
            }
        }
        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "revoke")
            @OptionGroup var actor: ActorOptions
            @Argument var email: String
            @Option var role: String
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                try attempt { () throws(PortalError) in try portal.setRole(as: admin, email: email, role: role, assigned: false) }
                say("Revoked \(role) from \(email).")
            }
        }
    }

    struct CustomerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "customer", abstract: "Customers assigned to your domain.",
                                                        subcommands: [Add.self, Grant.self, Revoke.self, Transfer.self, Tier.self])
        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add")
            @OptionGroup var actor: ActorOptions
            @Argument var name: String
            @Option var primaryDomain: String
            @Option var tier: SupportTier = .standard
            @Option(help: "resold or support-only.") var kind: AccessKind = .resold
            @Flag(help: "The customer has granted access to file support cases.") var granted = false
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                let c = try attempt { () throws(PortalError) in
                    try portal.addCustomer(as: admin, name: name, primaryDomain: primaryDomain, tier: tier, kind: kind, granted: granted)
                }
                say("Added customer \(c.name) (\(c.primaryDomain)).")
            }
        }
        struct Grant: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "grant", abstract: "Record that the customer granted access to file support cases.")
            @OptionGroup var actor: ActorOptions
            @Argument var customer: String
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                try attempt { () throws(PortalError) in try portal.setGrant(as: admin, customer: customer, granted: true) }
                say("Access granted for \(customer).")
            }
        }
        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "revoke")
            @OptionGroup var actor: ActorOptions
            @Argument var customer: String
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                try attempt { () throws(PortalError) in try portal.setGrant(as: admin, customer: customer, granted: false) }
                say("Access revoked for \(customer).")
            }
        }
        struct Transfer: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "transfer")
            @OptionGroup var actor: ActorOptions
            @Argument var customer: String
            @Option(help: "The reseller domain taking the customer over.") var to: String
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                try attempt { () throws(PortalError) in try portal.transferCustomer(as: admin, customer: customer, to: to, granted: false) }
                say("Transferred \(customer) to \(to).")
            }
        }
        struct Tier: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "tier")
            @OptionGroup var actor: ActorOptions
            @Argument var customer: String
            @Argument var tier: SupportTier
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                try attempt { () throws(PortalError) in try portal.setTier(as: admin, customer: customer, tier: tier) }
                say("\(customer) is on \(tier.label) support.")
            }
        }
    }

    struct AuditLog: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "audit", abstract: "Sign-ins, refusals and admin changes of your domain.")
        @OptionGroup var actor: ActorOptions
        @Flag(help: "Print JSON (the fields are listed in the README).") var json = false
        struct Row: Encodable { var at: Date; var actor, action, target, outcome: String; var detail: String? }
        func run() throws {
            let (portal, admin) = try actor.signedIn()
            let rows = try attempt { () throws(PortalError) in try portal.auditLog(as: admin) }.map {
                Row(at: $0.at, actor: $0.actor, action: $0.action, target: $0.target, outcome: $0.outcome.rawValue, detail: $0.detail)
            }
            if json { try printJSON(rows); return }
            for r in rows {
                say("\(ISO8601DateFormatter().string(from: r.at))  \(r.outcome.padding(toLength: 7, withPad: " ", startingAt: 0)) \(r.actor.terminalLine)  \(r.action.terminalLine) \(r.target.terminalLine)\(r.detail.map { "  (\($0.terminalLine))" } ?? "")")
            }
        }
    }
}
