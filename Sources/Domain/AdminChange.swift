/// The changes the app's admin screen makes; each goes through the same command as `careportal admin`.
public enum AdminChange: Equatable, Sendable {
    case licence(email: String, assigned: Bool)
    case suspended(email: String, suspended: Bool)
    /// `customer` is the customer's primary domain.
    case grant(customer: String, granted: Bool)
    case addSecondaryDomain(name: String)
    case createOrgUnit(name: String, autoLicensing: Bool)
    case autoLicensing(unit: String, on: Bool)
    case addUser(email: String, name: String, password: String, placement: UnitPlacement?)
    case moveUser(email: String, UnitPlacement)
    case createRole(name: String, privileges: Set<Privilege>)
    case role(email: String, role: String, assigned: Bool)
    case requestLicences(count: Int)
    /// nil: alerts go to the user's own address again.
    case alerts(email: String, address: String?)
}
