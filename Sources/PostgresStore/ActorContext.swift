import Domain
import Foundation
import Store

/// Who a transaction acts for, as PostgreSQL's row-level security reads it (schema v3): set with `set_config(…, true)`
/// at the start of every transaction of the store, so it ends with the transaction and a pooled connection carries
/// nothing over to the next request.
struct ActorContext: Sendable {
    /// reseller, customer, engineer, or system (the store's own work: alert delivery, change notices, copying an
    /// organisation in, sign-in).
    var actor: String
    var domainID: Int64?
    var customerID: Int64?
    var accountID: Int64?

    static let system = ActorContext(actor: "system")

    init(actor: String, domainID: Int64? = nil, customerID: Int64? = nil, accountID: Int64? = nil) {
        self.actor = actor; self.domainID = domainID; self.customerID = customerID; self.accountID = accountID
    }

    init(_ user: User) {
        switch user.kind {
        case .reseller: self.init(actor: "reseller", domainID: user.domainID, accountID: user.id)
        case .customer: self.init(actor: "customer", domainID: user.domainID, customerID: user.customerID, accountID: user.id)
        case .supportEngineer: self.init(actor: "engineer", accountID: user.id)
        }
    }

    init(_ actor: Actor) { self.init(actor.user) }

    /// The statement that names the actor for the rest of the transaction, and its arguments.
    static let naming = """
        SELECT set_config('careportal.actor', ?, true), set_config('careportal.domain', ?, true),
               set_config('careportal.customer', ?, true), set_config('careportal.account', ?, true)
        """
    var settings: [any SQLArgument] {
        [actor, domainID.map(String.init) ?? "", customerID.map(String.init) ?? "", accountID.map(String.init) ?? ""]
    }

    /// Names the actor for the rest of the transaction.
    func apply(_ db: SQLSession) throws {
        try db.execute(Self.naming, settings)
    }
}
