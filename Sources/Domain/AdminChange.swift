/// The changes the app's admin screen makes; each goes through the same command as `careportal admin`.
public enum AdminChange: Equatable, Sendable {
    case licence(email: String, assigned: Bool)
    case suspended(email: String, suspended: Bool)
    /// `customer` is the customer's primary domain.
    case grant(customer: String, granted: Bool)
}
