import ArgumentParser
import Domain
import Foundation
import Portal

/// On or off, as `--auto-licensing` takes it.
enum Switch: String, ExpressibleByArgument, CaseIterable {
    case on, off
    var isOn: Bool { self == .on }
}

extension Admin {
    /// Organisational units: the seed's unit for Cloud Identity users, with auto-licensing off.
    struct OrgUnitCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "org-unit", abstract: "Organisational units and their auto-licensing.",
                                                        subcommands: [Create.self, SetAutoLicensing.self, List.self])
        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "create")
            @OptionGroup var actor: ActorOptions
            @Argument var name: String
            @Option(help: "Whether users placed in the unit get a Google Workspace licence too (on or off).") var autoLicensing: Switch = .off
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                let warning = try attempt { () throws(PortalError) in try portal.createOrgUnit(as: admin, name: name, autoLicensing: autoLicensing.isOn) }
                say("Created organisational unit \(name) (auto-licensing \(autoLicensing.rawValue)).")
                if let warning { say("Warning: \(warning)") }
            }
        }
        struct SetAutoLicensing: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "set", abstract: "Turn a unit's auto-licensing on or off.")
            @OptionGroup var actor: ActorOptions
            @Argument var name: String
            @Option(help: "on or off.") var autoLicensing: Switch
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                let warning = try attempt { () throws(PortalError) in try portal.setAutoLicensing(as: admin, unit: name, on: autoLicensing.isOn) }
                say("Auto-licensing is \(autoLicensing.rawValue) for \(name).")
                if let warning { say("Warning: \(warning)") }
            }
        }
        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "Your domain's units, their auto-licensing and users.")
            @OptionGroup var actor: ActorOptions
            @Flag(help: "JSON instead of a table.") var json = false
            struct Row: Encodable { var name: String; var autoLicensing: Bool; var users: [String] }
            func run() throws {
                let (portal, admin) = try actor.signedIn()
                let o = try attempt { () throws(PortalError) in try portal.adminOverview(as: admin) }
                let rows = o.orgUnits.map { unit in
                    Row(name: unit.name, autoLicensing: unit.autoLicensing, users: o.users.filter { $0.orgUnit == unit.name }.map(\.user.email))
                }
                if json { try printJSON(rows); return }
                if rows.isEmpty { say("\(o.domainName.terminalLine) has no organisational units."); return }
                for r in rows {
                    say("\(r.name.terminalLine)  auto-licensing \(r.autoLicensing ? "on" : "off")  \(r.users.count) user\(r.users.count == 1 ? "" : "s")"
                        + (r.users.isEmpty ? "" : ": " + r.users.map(\.terminalLine).joined(separator: ", ")))
                }
            }
        }
    }

    /// The seed's four setup parts as a checklist of the admin's domain, and who can't sign in yet and why.
    struct Setup: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "setup",
            abstract: "Your domain's setup checklist: each step of the seed's setup, and what each user still lacks.",
            discussion: "Exits 0 whether or not every step is done; --json gives {domain, steps: [{name, done, detail}], users: [{email, canUsePortal, missing}]}.")
        @OptionGroup var actor: ActorOptions
        @Flag(help: "JSON instead of text.") var json = false
        func run() throws {
            let (portal, admin) = try actor.signedIn()
            let report = SetupChecklist.report(try attempt { () throws(PortalError) in try portal.adminOverview(as: admin) })
            if json { try printJSON(report); return }
            say("Setup of \(report.domain.terminalLine)")
            for step in report.steps {
                say("  [\(step.done ? "x" : " ")] \(step.name.terminalLine): \(step.detail.terminalLine)")
            }
            say("Users")
            for u in report.users {
                say("  \(u.canUsePortal ? "ready  " : "blocked") \(u.email.terminalLine)\(u.missing.isEmpty ? "" : ": " + u.missing.joined(separator: ", "))")
            }
        }
    }
}
