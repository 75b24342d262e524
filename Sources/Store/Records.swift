import Domain
import GRDB

// Record types, one per table, for the writes that are not on a hot path. Column names follow the
// schema (snake_case); reads, list queries and bulk loads use plain SQL with arguments instead.

/// A record written to columns named after its properties in snake_case (`licencePool` → `licence_pool`,
/// `domainID` → `domain_id`). Records are only inserted, never fetched: GRDB's `.convertFromSnakeCase`
/// would look for `domainId`, not `domainID`, so decoding them would need coding keys again.
protocol SnakeCaseRecord: Encodable, EncodableRecord {}

extension SnakeCaseRecord {
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
}

struct DomainRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "domain"
    var id: Int64?
    var name: String
    var kind: String
    var licencePool: Int
    var createdAt: Int64
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct RoleRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "role"
    var id: Int64?
    var domainID: Int64?
    var name: String
    var privileges: String
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct UserRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "user"
    var id: Int64?
    var kind: String = AccountKind.reseller.rawValue
    var domainID: Int64?
    var customerID: Int64?
    var orgUnitID: Int64?
    var workspaceLicence = false
    var email: String
    var name: String
    var passwordHash: String
    var superAdmin: Bool
    var suspended: Bool
    var licensed: Bool
    var alertAddress: String?
    var language: String
    var timeZone: String
    var createdAt: Int64
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct UserRoleRecord: SnakeCaseRecord, PersistableRecord {
    static let databaseTableName = "user_role"
    var userID: Int64
    var roleID: Int64
}

struct OrgUnitRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "org_unit"
    var id: Int64?
    var domainID: Int64
    var name: String
    var autoLicensing: Bool
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct SessionRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "session"
    var id: Int64?
    var userID: Int64
    var tokenHash: String
    var createdAt: Int64
    var expiresAt: Int64
    var endedAt: Int64?
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct CustomerRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "customer"
    var id: Int64?
    var name: String
    var primaryDomain: String
    var tier: String
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct CustomerAccessRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "customer_access"
    var id: Int64?
    var customerID: Int64
    var domainID: Int64
    var kind: String
    var granted: Bool
    var since: Int64
    var until: Int64?
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct FeedbackRecord: SnakeCaseRecord, MutablePersistableRecord {
    static let databaseTableName = "feedback"
    var id: Int64?
    var userID: Int64?
    var at: Int64
    var screen: String
    var message: String
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
