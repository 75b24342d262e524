import Domain
import Portal

/// The accounts outside reseller domains, over the server: customer users (by a super administrator) and support
/// engineers (by an engineer; the first one is made where the database is, like the first domain).
extension RemotePortal {
    public func createCustomerUser(as admin: User, email: String, name: String, password: String, customer: String) throws(PortalError) -> User {
        try call("POST", "/v1/admin/customer-users", body: ["email": email, "name": name, "password": password, "customer": customer], as: admin)
    }

    public func createEngineer(as creator: User?, email: String, name: String, password: String) throws(PortalError) -> User {
        guard let creator else {
            throw .refused(.invalid("server", "the first support engineer is added where the database is: `careportal admin engineer add` with --db"))
        }
        return try call("POST", "/v1/engineers", body: ["email": email, "name": name, "password": password], as: creator)
    }
}
