import API
import Domain
import Hummingbird
import Portal

/// The accounts outside reseller domains: customer users (added by a super administrator of the domain that manages
/// the customer) and support engineers (added by an engineer).
extension PortalServer {
    static func addAccountRoutes(to v1: RouterGroup<APIContext>, portal: any Portal) {
        v1.post("admin/customer-users") { request, context in
            let admin = try context.signedIn().user
            let body = try await decode(NewCustomerUserBody.self, from: request, context: context)
            let user = try await Blocking.command { () throws(PortalError) in
                try portal.createCustomerUser(as: admin, email: body.email, name: body.name, password: body.password, customer: body.customer)
            }
            return JSONReply(value: user, status: .created)
        }
        v1.post("engineers") { request, context in
            let creator = try context.signedIn().user
            let body = try await decode(NewEngineerBody.self, from: request, context: context)
            let user = try await Blocking.command { () throws(PortalError) in
                try portal.createEngineer(as: creator, email: body.email, name: body.name, password: body.password)
            }
            return JSONReply(value: user, status: .created)
        }
    }
}

struct NewCustomerUserBody: Decodable {
    var email: String
    var name: String
    var password: String
    var customer: String
}

struct NewEngineerBody: Decodable {
    var email: String
    var name: String
    var password: String
}
