import Domain
import Foundation
import Store

/// How a positive `customer:` term is served on PostgreSQL. As a filter (`customer_id IN (SELECT … customer …)`) the
/// planner walked the domain's whole list, with every customer's name read through the customers' policy: 45 ms at
/// 100,000 cases, 280 ms with a common word. The names are first resolved to the customers the domain manages now (the
/// only ones whose cases it sees, Rules.canSee; matched in memory, see ManagedCustomers); up to `fewCustomers` of them
/// become the list's `customer_id IN (…)`,
/// which the customer index serves (as CustomerPlan does on SQLite). More than that, the term stays a filter.
struct CustomerTerm {
    static let fewCustomers = 64

    let index: Int
    let names: [String]

    /// nil when the query has no positive `customer:` term.
    init?(_ query: CaseQuery) {
        guard let i = query.terms.firstIndex(where: { term in
            if case .customer = term.predicate { !term.negated } else { false }
        }), case .customer(let names) = query.terms[i].predicate else { return nil }
        index = i
        self.names = names
    }

    /// The customers to list (within the scope's, if it has some) and the query without the term; unchanged when the
    /// names match too many customers.
    func narrow(ids: [Int64], customers: [Int64]?, query: CaseQuery) -> (customers: [Int64]?, query: CaseQuery) {
        guard ids.count <= Self.fewCustomers else { return (customers, query) }
        var rest = query
        rest.terms.remove(at: index)
        return (customers.map { scope in ids.filter(scope.contains) } ?? ids, rest)
    }

    /// The list's customers and query once any `customer:` term is resolved (against the domain's customers in
    /// memory, `ManagedCustomers`), in the caller's transaction.
    static func narrowed(_ db: SQLSession, domainID: Int64, customers: [Int64]?, query: CaseQuery, managed: ManagedCustomers) throws
        -> (customers: [Int64]?, query: CaseQuery) {
        guard let term = CustomerTerm(query) else { return (customers, query) }
        let ids = try managed.matching(db, domainID: domainID, names: term.names, limit: fewCustomers + 1)
        return term.narrow(ids: ids, customers: customers, query: query)
    }
}
