import Domain
import Foundation
import Portal
import Remote
import Testing

/// Organisational units over a server (#17): RemotePortal's placing, moving and auto-licensing go through the admin
/// routes and come back as the local portal's answers and refusals; a unit's name with a space and a slash survives
/// the path.
@Suite(.serialized) struct OrgUnitsOverServerTests {
    @Test func unitsPlacementsAndAutoLicensingAreTheLocalOnes() async throws {
        let served = try await AllDomainsOverServerTests.Served(cases: 10)
        defer { served.stop() }
        let email = "admin@cloudpartners.example"
        let results = try await onThread { () throws -> [String] in
            let remote = try served.remote.signIn(email: email, password: served.passwords[email]!).user
            let local = try served.local.signIn(email: email, password: served.passwords[email]!).user
            var out: [String] = []
            func refusal(_ body: () throws -> Void) -> Refusal? {
                do { try body() } catch PortalError.refused(let r) { return r } catch {}
                return nil
            }
            let unit = "Sales / EU"
            out.append("create \(try served.remote.createOrgUnit(as: remote, name: unit, autoLicensing: true) == Rules.autoLicensingWarning)")
            let refused = refusal { _ = try served.remote.createUser(as: remote, email: "sam@cloudpartners.example", name: "Sam",
                                                                      password: "password-sam", licensed: false, roles: [], superAdmin: false,
                                                                      orgUnit: UnitPlacement(unit: unit)) }
            out.append("add refused \(refused?.kind == .invalidInput) \(refused?.field ?? "-")")
            _ = try served.remote.createUser(as: remote, email: "sam@cloudpartners.example", name: "Sam", password: "password-sam",
                                             licensed: false, roles: [], superAdmin: false,
                                             orgUnit: UnitPlacement(unit: unit, acceptWorkspaceLicence: true))
            let sam = try served.remote.adminOverview(as: remote).users.first { $0.user.email == "sam@cloudpartners.example" }
            out.append("sam \(sam?.orgUnit ?? "-") \(sam?.workspaceLicence == true)")
            let note = try served.local.auditLog(as: local).last { $0.action == "user.add" && $0.outcome == .ok }?.detail
            out.append("audit \(note ?? "-")")

            out.append("off \(try served.remote.setAutoLicensing(as: remote, unit: unit, on: false) ?? "nil")")
            out.append("on \(try served.remote.setAutoLicensing(as: remote, unit: unit, on: true) == Rules.autoLicensingWarning)")
            let unknown = refusal { _ = try served.remote.setAutoLicensing(as: remote, unit: "Nope", on: true) }
            out.append("unknown \(unknown?.kind == .notFound) \(unknown?.field ?? "-")")

            let move = refusal { try served.remote.moveUser(as: remote, email: "alice@cloudpartners.example", to: UnitPlacement(unit: unit)) }
            out.append("move refused \(move?.field ?? "-")")
            try served.remote.moveUser(as: remote, email: "alice@cloudpartners.example", to: UnitPlacement(unit: unit, acceptWorkspaceLicence: true))
            let elsewhere = refusal { try served.remote.moveUser(as: remote, email: "carol@skyline-it.example", to: UnitPlacement(unit: unit)) }
            out.append("elsewhere \(elsewhere?.kind == .notFound) \(elsewhere?.field ?? "-")")

            let overRemote = try served.remote.adminOverview(as: remote), onFile = try served.local.adminOverview(as: local)
            out.append("overview \(overRemote == onFile) \(overRemote.orgUnits.first { $0.name == unit }.map { "\($0.users) \($0.autoLicensing)" } ?? "-")")
            out.append("roles \(overRemote.roles.contains { $0.name == Role.resellerAdminName && $0.builtIn && $0.users > 0 })")
            return out
        }
        #expect(results == [
            "create true",
            "add refused true accept-workspace-licence",
            "sam Sales / EU true",
            "audit Google Workspace licence assigned by auto-licensing in Sales / EU",
            "off nil",
            "on true",
            "unknown true org-unit",
            "move refused accept-workspace-licence",
            "elsewhere true email",
            "overview true 2 true",
            "roles true",
        ])
    }
}
