import Domain

/// `is:open` and `is:closed` as SQL conditions on a status column, from the Domain's status codes.
/// `open` is the WHERE of the partial indexes of open cases (`case_domain_open`, `case_customer_open`): SQLite
/// uses such an index only when a query repeats that condition, so the text must stay `status < 4`.
enum StatusSQL {
    static let open = "status < \(CaseStatus.openCodes.upperBound)"
    static let closed = "status = \(CaseStatus.closed.code)"
}
