import Domain
import Foundation
import GRDB

/// Single-entity loads shared by queries and commands.
extension PortalStore {
    static func user(_ db: Database, where clause: String, _ args: StatementArguments) throws -> User? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Map.userColumns) FROM user u WHERE \(clause)"), arguments: args)
        else { return nil }
        let id: Int64 = row[0]
        let privs = try String.fetchAll(db.cachedStatement(sql: """
            SELECT r.privileges FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = ?
            """), arguments: [id])
        var user = Map.user(row, privileges: privs.reduce(into: Set<Privilege>()) { $0.formUnion(Map.privileges($1)) })
        if let customerID = user.customerID {
            let accesses = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(Map.accessColumns) FROM customer_access a WHERE a.customer_id = ? AND a.until IS NULL
                """), arguments: [customerID]).map { Map.access($0) }
            user.domainID = Rules.managingDomain(of: accesses) ?? 0
        }
        return user
    }

    static func userByEmail(_ db: Database, _ email: String) throws -> User? {
        try user(db, where: "u.email = ?", [email])
    }

    static func userByID(_ db: Database, _ id: Int64) throws -> User? {
        try user(db, where: "u.id = ?", [id])
    }

    static func domain(_ db: Database, id: Int64) throws -> ResellerDomain? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM domain WHERE id = ?"), arguments: [id]).map(Map.domain)
    }

    static func domain(_ db: Database, name: String) throws -> ResellerDomain? {
        try Row.fetchOne(db, sql: "SELECT * FROM domain WHERE name = ?", arguments: [name]).map(Map.domain)
    }

    static func customer(_ db: Database, id: Int64) throws -> Customer? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Map.customerColumns) FROM customer cu WHERE cu.id = ?"), arguments: [id])
            .map { Map.customer($0) }
    }

    /// The domain's current access to a customer, if it manages it now.
    static func currentAccess(_ db: Database, customerID: Int64, domainID: Int64) throws -> CustomerAccess? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT \(Map.accessColumns) FROM customer_access a
            WHERE a.customer_id = ? AND a.domain_id = ? AND a.until IS NULL
            """), arguments: [customerID, domainID]).map { Map.access($0) }
    }

    static func caseByNumber(_ db: Database, _ number: Int) throws -> SupportCase? {
        try Row.fetchOne(db.cachedStatement(sql: DetailSQL.caseByNumber), arguments: [number])
            .map(Map.supportCase)
    }

    /// A domain's current customers with their access. `CROSS JOIN` reads the customer first, then its access: for an
    /// exact name, domain or id (left to choose, SQLite walked the domain's access rows: 45 ms to file a case in a
    /// domain of 66,668 customers). Arguments: the domain, then the WHERE clause's.
    static func customerLookupSQL(join: String) -> String {
        """
        SELECT \(Map.customerColumns), \(Map.accessColumns) FROM customer cu
        \(join) customer_access a ON a.customer_id = cu.id AND a.domain_id = ? AND a.until IS NULL
        """
    }

    /// Finds a customer of the user's domain by primary domain, exact name, or a unique name fragment.
    static func resolveCustomer(_ db: Database, _ text: String, domainID: Int64) throws(StoreError) -> (Customer, CustomerAccess) {
        let rows: [Row]
        do {
            let base = customerLookupSQL(join: "JOIN")
            // One exact form at a time, so each can use its index: the primary domain, the id, the name.
            let exactBase = customerLookupSQL(join: "CROSS JOIN")
            var exact = try Row.fetchAll(db, sql: exactBase + " WHERE cu.primary_domain = ?", arguments: [domainID, text])
            if exact.isEmpty, let id = Int64(text) {
                exact = try Row.fetchAll(db, sql: exactBase + " WHERE cu.id = ?", arguments: [domainID, id])
            }
            if exact.isEmpty {
                exact = try Row.fetchAll(db, sql: exactBase + " WHERE cu.name = ? COLLATE NOCASE", arguments: [domainID, text])
            }
            if exact.isEmpty {
                let (fragment, fragmentArgs) = CustomerNames.ids([text])
                rows = try Row.fetchAll(db, sql: base + " WHERE cu.id IN (\(fragment)) LIMIT 6",
                                        arguments: StatementArguments([domainID.databaseValue] + fragmentArgs.map(\.databaseValue)))
            } else {
                rows = exact
            }
        } catch { throw StoreError.from(error) }
        if rows.isEmpty {
            throw .refused(.notFound("customer", "no customer of your domain matches \"\(text)\"; see `careportal customers`"))
        }
        if rows.count > 1 {
            // Two customers of one domain share a primary domain only after a transfer brought one in: then the id tells them apart.
            let names = rows.prefix(5).map { "\($0[1] as String) (\($0[2] as String), id \($0[0] as Int64))" }.joined(separator: ", ")
            throw .refused(.invalid("customer", "\"\(text)\" matches several customers: \(names); give the primary domain or the id"))
        }
        return (Map.customer(rows[0]), Map.access(rows[0], offset: 4))
    }

    package static func likeEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

extension PortalStore {
    public func user(email: String) throws(StoreError) -> User? {
        try read { db in try Self.userByEmail(db, email) }
    }

    public func user(id: Int64) throws(StoreError) -> User? {
        try read { db in try Self.userByID(db, id) }
    }

    public func domain(id: Int64) throws(StoreError) -> ResellerDomain? {
        try read { db in try Self.domain(db, id: id) }
    }

    public func domains() throws(StoreError) -> [ResellerDomain] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM domain ORDER BY id").map(Map.domain) }
    }

    public func users(domainID: Int64) throws(StoreError) -> [User] {
        try read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM user WHERE domain_id = ? ORDER BY id", arguments: [domainID])
                .compactMap { try Self.userByID(db, $0) }
        }
    }
}
