import Domain
import Foundation
import Store

/// Single-entity loads shared by queries and commands.
extension PostgresPortalStore {
    static func user(_ db: SQLSession, where clause: String, _ args: [any SQLArgument]) throws -> User? {
        guard let row = try db.row("SELECT \(Rows.userColumns) FROM account u WHERE \(clause)", args) else { return nil }
        let id: Int64 = try row[0]
        let texts = try db.values("SELECT r.privileges FROM account_role ur JOIN role r ON r.id = ur.role_id WHERE ur.account_id = ?",
                                  [id], as: String.self)
        var user = try Rows.user(row, privileges: texts.reduce(into: Set<Privilege>()) { $0.formUnion(Map.privileges($1)) })
        if let customerID = user.customerID {
            let accesses = try db.rows("SELECT \(Rows.accessColumns) FROM customer_access a WHERE a.customer_id = ? AND a.until IS NULL",
                                       [customerID]).map { try Rows.access($0) }
            user.domainID = Rules.managingDomain(of: accesses) ?? 0
        }
        return user
    }

    static func userByEmail(_ db: SQLSession, _ email: String) throws -> User? {
        try user(db, where: "lower(u.email) = lower(?)", [email])
    }

    static func userByID(_ db: SQLSession, _ id: Int64) throws -> User? {
        try user(db, where: "u.id = ?", [id])
    }

    static func domain(_ db: SQLSession, id: Int64) throws -> ResellerDomain? {
        try db.row("SELECT \(Rows.domainColumns) FROM domain WHERE id = ?", [id]).map(Rows.domain)
    }

    static func domain(_ db: SQLSession, name: String) throws -> ResellerDomain? {
        try db.row("SELECT \(Rows.domainColumns) FROM domain WHERE lower(name) = lower(?)", [name]).map(Rows.domain)
    }

    static func customer(_ db: SQLSession, id: Int64) throws -> Customer? {
        try db.row("SELECT \(Rows.customerColumns) FROM customer cu WHERE cu.id = ?", [id]).map { try Rows.customer($0) }
    }

    /// The domain's current access to a customer, if it manages it now.
    static func currentAccess(_ db: SQLSession, customerID: Int64, domainID: Int64) throws -> CustomerAccess? {
        try db.row("""
            SELECT \(Rows.accessColumns) FROM customer_access a WHERE a.customer_id = ? AND a.domain_id = ? AND a.until IS NULL
            """, [customerID, domainID]).map { try Rows.access($0) }
    }

    /// A case by number; `locked` takes its row lock for the rest of the transaction (a command's first step).
    static func caseByNumber(_ db: SQLSession, _ number: Int, locked: Bool = false) throws -> SupportCase? {
        try db.row("SELECT \(Rows.caseColumns) FROM support_case c WHERE c.number = ?\(locked ? " FOR UPDATE" : "")", [number])
            .map(Rows.supportCase)
    }

    /// Finds a customer of the domain by primary domain, id, exact name, or a unique fragment of the name or domain.
    static func resolveCustomer(_ db: SQLSession, _ text: String, domainID: Int64) throws -> (Customer, CustomerAccess) {
        let base = """
            SELECT \(Rows.customerColumns), \(Rows.accessColumns) FROM customer cu
            JOIN customer_access a ON a.customer_id = cu.id AND a.domain_id = ? AND a.until IS NULL
            """
        var rows = try db.rows(base + " WHERE cu.primary_domain_key = lower(?) ORDER BY cu.id", [domainID, text])
        if rows.isEmpty, let id = Int64(text) {
            rows = try db.rows(base + " WHERE cu.id = ?", [domainID, id])
        }
        if rows.isEmpty {
            rows = try db.rows(base + " WHERE cu.name_key = lower(?) ORDER BY cu.id", [domainID, text])
        }
        if rows.isEmpty {
            rows = try db.rows(base + " WHERE cu.name ILIKE ? ESCAPE '\\' OR cu.primary_domain ILIKE ? ESCAPE '\\' ORDER BY cu.id LIMIT 6",
                               [domainID, "%\(PortalStore.likeEscaped(text))%", "\(PortalStore.likeEscaped(text))%"])
        }
        if rows.isEmpty {
            throw StoreError.refused(.notFound("customer", "no customer of your domain matches \"\(text)\"; see `careportal customers`"))
        }
        if rows.count > 1 {
            let names = try rows.prefix(5).map { row in
                "\(try row[1] as String) (\(try row[2] as String), id \(try row[0] as Int64))"
            }.joined(separator: ", ")
            throw StoreError.refused(.invalid("customer", "\"\(text)\" matches several customers: \(names); give the primary domain or the id"))
        }
        return (try Rows.customer(rows[0]), try Rows.access(rows[0], offset: 4))
    }

    /// The name a session's tab carries: the reseller domain; a customer user's organisation; the provider.
    static func accountDomainName(_ db: SQLSession, _ user: User) throws -> String {
        switch user.kind {
        case .reseller: try db.value("SELECT name FROM domain WHERE id = ?", [user.domainID], as: String.self) ?? ""
        case .customer: try db.value("SELECT primary_domain FROM customer WHERE id = ?", [user.customerID], as: String.self) ?? ""
        case .supportEngineer: PortalStore.providerName
        }
    }
}

extension PostgresPortalStore {
    public func user(email: String) throws(StoreError) -> User? {
        try read(.system) { db in try Self.userByEmail(db, email) }
    }

    public func user(id: Int64) throws(StoreError) -> User? {
        try read(.system) { db in try Self.userByID(db, id) }
    }
}
