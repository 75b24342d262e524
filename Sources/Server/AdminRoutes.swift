import API
import Domain
import Foundation
import Hummingbird
import Portal

/// The super administrators' commands under `/v1/admin`: what `careportal admin` does, for the signed-in user of the
/// request's token. The portal checks each one (a super administrator of that domain, not suspended) exactly as on
/// the database file; a refusal is the Domain's sentence as a problem. The first domain of an empty database is not
/// created here: that bootstrap runs where the database is (`careportal admin domain create … --db PATH`).
extension PortalServer {
    func addAdminRoutes(to v1: RouterGroup<APIContext>) {
        let portal = self.portal
        let admin = v1.group("admin")

        admin.get("overview") { _, context in
            let user = try context.signedIn().user
            return JSONReply(value: try await Blocking.run { () throws(PortalError) in try portal.adminOverview(as: user) })
        }
        admin.get("audit") { _, context in
            let user = try context.signedIn().user
            return JSONReply(value: try await Blocking.run { () throws(PortalError) in try portal.auditLog(as: user) })
        }

        // Domains
        admin.post("domains") { request, context in
            let user = try context.signedIn().user
            let body = try await Self.decode(AdminDomainBody.self, from: request, context: context)
            let (domain, superAdmin) = try await Blocking.command { () throws(PortalError) in
                try portal.createDomain(as: user, name: body.name, kind: body.kind ?? .reseller, superAdminEmail: body.adminEmail,
                                        superAdminName: body.adminName ?? AdminDomainBody.defaultAdminName, password: body.password)
            }
            return JSONReply(value: AdminDomainReply(domain: domain, superAdmin: superAdmin), status: .created)
        }
        admin.post("secondary-domains") { request, context in
            let user = try context.signedIn().user
            let body = try await Self.decode(AdminNameBody.self, from: request, context: context)
            try await Blocking.command { () throws(PortalError) in try portal.addSecondaryDomain(as: user, name: body.name) }
            return Response(status: .noContent)
        }

        // Users, their licences, roles, suspension and alert address
        admin.post("users") { request, context in
            let user = try context.signedIn().user
            let body = try await Self.decode(AdminUserBody.self, from: request, context: context)
            let placement = try AdminInput.placement(unit: body.orgUnit, acceptWorkspaceLicence: body.acceptWorkspaceLicence ?? false)
                .mapError { Problem(.refused($0)) }.get()
            let created = try await Blocking.command { () throws(PortalError) in
                try portal.createUser(as: user, email: body.email, name: body.name, password: body.password, licensed: body.licensed ?? false,
                                      roles: body.roles ?? [], superAdmin: body.superAdmin ?? false, orgUnit: placement)
            }
            return JSONReply(value: created, status: .created)
        }
        admin.put("users/:email/org-unit") { request, context in
            let user = try context.signedIn().user
            let email = try Self.pathText(context, "email")
            let body = try await Self.decode(AdminMoveBody.self, from: request, context: context)
            try await Blocking.command { () throws(PortalError) in try portal.moveUser(as: user, email: email, to: body.placement) }
            return Response(status: .noContent)
        }
        for (method, assigned) in [(HTTPRequest.Method.put, true), (.delete, false)] {
            admin.on("users/:email/licence", method: method) { _, context in
                let user = try context.signedIn().user
                let email = try Self.pathText(context, "email")
                try await Blocking.command { () throws(PortalError) in try portal.setLicence(as: user, email: email, assigned: assigned) }
                return Response(status: .noContent)
            }
            admin.on("users/:email/roles/:role", method: method) { _, context in
                let user = try context.signedIn().user
                let email = try Self.pathText(context, "email"), role = try Self.pathText(context, "role")
                try await Blocking.command { () throws(PortalError) in try portal.setRole(as: user, email: email, role: role, assigned: assigned) }
                return Response(status: .noContent)
            }
            admin.on("users/:email/suspension", method: method) { _, context in
                let user = try context.signedIn().user
                let email = try Self.pathText(context, "email")
                try await Blocking.command { () throws(PortalError) in try portal.setSuspended(as: user, email: email, suspended: assigned) }
                return Response(status: .noContent)
            }
            admin.on("customers/:customer/grant", method: method) { _, context in
                let user = try context.signedIn().user
                let customer = try Self.pathText(context, "customer")
                try await Blocking.command { () throws(PortalError) in try portal.setGrant(as: user, customer: customer, granted: assigned) }
                return Response(status: .noContent)
            }
        }
        admin.put("users/:email/alert-address") { request, context in
            let user = try context.signedIn().user
            let email = try Self.pathText(context, "email")
            let body = try await Self.decode(AdminAlertAddressBody.self, from: request, context: context)
            try await Blocking.command { () throws(PortalError) in try portal.setAlertAddress(as: user, email: email, alertAddress: body.address) }
            return Response(status: .noContent)
        }
        admin.delete("users/:email/alert-address") { _, context in
            let user = try context.signedIn().user
            let email = try Self.pathText(context, "email")
            try await Blocking.command { () throws(PortalError) in try portal.setAlertAddress(as: user, email: email, alertAddress: nil) }
            return Response(status: .noContent)
        }

        // Licences, roles, organisational units
        admin.post("licence-requests") { request, context in
            let user = try context.signedIn().user
            let body = try await Self.decode(AdminCountBody.self, from: request, context: context)
            try await Blocking.command { () throws(PortalError) in try portal.requestLicences(as: user, count: body.count) }
            return Response(status: .noContent)
        }
        admin.post("roles") { request, context in
            let user = try context.signedIn().user
            let body = try await Self.decode(AdminRoleBody.self, from: request, context: context)
            try await Blocking.command { () throws(PortalError) in try portal.createRole(as: user, name: body.name, privileges: Set(body.privileges)) }
            return Response(status: .noContent)
        }
        admin.post("org-units") { request, context in
            let user = try context.signedIn().user
            let body = try await Self.decode(AdminOrgUnitBody.self, from: request, context: context)
            let warning = try await Blocking.command { () throws(PortalError) in
                try portal.createOrgUnit(as: user, name: body.name, autoLicensing: body.autoLicensing ?? false)
            }
            return JSONReply(value: AdminOrgUnitReply(warning: warning), status: .created)
        }
        admin.put("org-units/:name/auto-licensing") { request, context in
            let user = try context.signedIn().user
            let name = try Self.pathText(context, "name")
            let body = try await Self.decode(AdminSwitchBody.self, from: request, context: context)
            let warning = try await Blocking.command { () throws(PortalError) in try portal.setAutoLicensing(as: user, unit: name, on: body.on) }
            return JSONReply(value: AdminOrgUnitReply(warning: warning))
        }

        // Customers
        admin.post("customers") { request, context in
            let user = try context.signedIn().user
            let body = try await Self.decode(AdminCustomerBody.self, from: request, context: context)
            let customer = try await Blocking.command { () throws(PortalError) in
                try portal.addCustomer(as: user, name: body.name, primaryDomain: body.primaryDomain, tier: body.tier ?? .standard,
                                       kind: body.kind ?? .resold, granted: body.granted ?? false)
            }
            return JSONReply(value: customer, status: .created)
        }
        admin.put("customers/:customer/tier") { request, context in
            let user = try context.signedIn().user
            let customer = try Self.pathText(context, "customer")
            let body = try await Self.decode(AdminTierBody.self, from: request, context: context)
            try await Blocking.command { () throws(PortalError) in try portal.setTier(as: user, customer: customer, tier: body.tier) }
            return Response(status: .noContent)
        }
        admin.post("customers/:customer/transfer") { request, context in
            let user = try context.signedIn().user
            let customer = try Self.pathText(context, "customer")
            let body = try await Self.decode(AdminTransferBody.self, from: request, context: context)
            try await Blocking.command { () throws(PortalError) in
                try portal.transferCustomer(as: user, customer: customer, to: body.to, granted: body.granted ?? false)
            }
            return Response(status: .noContent)
        }
    }

    /// A path parameter as text (percent-decoded): an email, a role's, a unit's or a customer's name.
    static func pathText(_ context: APIContext, _ name: String) throws -> String {
        guard let text = context.parameters.get(name)?.removingPercentEncoding, !text.isEmpty else {
            throw Problem(.badInput, "Give the \(name) in the path.", field: name)
        }
        return text
    }
}
