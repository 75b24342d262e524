import GRDB

// Record types, one per table, for the writes that are not on a hot path. Column names follow the
// schema (snake_case); list queries and bulk loads use plain SQL with arguments instead.

struct DomainRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "domain"
    var id: Int64?
    var name: String
    var kind: String
    var licencePool: Int
    var createdAt: Int64
    enum CodingKeys: String, CodingKey { case id, name, kind, licencePool = "licence_pool", createdAt = "created_at" }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct RoleRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "role"
    var id: Int64?
    var domainID: Int64?
    var name: String
    var privileges: String
    enum CodingKeys: String, CodingKey { case id, domainID = "domain_id", name, privileges }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct UserRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "user"
    var id: Int64?
    var domainID: Int64
    var orgUnitID: Int64?
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
    enum CodingKeys: String, CodingKey {
        case id, domainID = "domain_id", orgUnitID = "org_unit_id", email, name, passwordHash = "password_hash"
        case superAdmin = "super_admin", suspended, licensed, alertAddress = "alert_address", language
        case timeZone = "time_zone", createdAt = "created_at"
    }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct UserRoleRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "user_role"
    var userID: Int64
    var roleID: Int64
    enum CodingKeys: String, CodingKey { case userID = "user_id", roleID = "role_id" }
}

struct OrgUnitRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "org_unit"
    var id: Int64?
    var domainID: Int64
    var name: String
    var autoLicensing: Bool
    enum CodingKeys: String, CodingKey { case id, domainID = "domain_id", name, autoLicensing = "auto_licensing" }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct SessionRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "session"
    var id: Int64?
    var userID: Int64
    var tokenHash: String
    var createdAt: Int64
    var expiresAt: Int64
    var endedAt: Int64?
    enum CodingKeys: String, CodingKey {
        case id, userID = "user_id", tokenHash = "token_hash", createdAt = "created_at", expiresAt = "expires_at", endedAt = "ended_at"
    }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct CustomerRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "customer"
    var id: Int64?
    var name: String
    var primaryDomain: String
    var tier: String
    enum CodingKeys: String, CodingKey { case id, name, primaryDomain = "primary_domain", tier }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct CustomerAccessRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "customer_access"
    var id: Int64?
    var customerID: Int64
    var domainID: Int64
    var kind: String
    var granted: Bool
    var since: Int64
    var until: Int64?
    enum CodingKeys: String, CodingKey { case id, customerID = "customer_id", domainID = "domain_id", kind, granted, since, until }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct FeedbackRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "feedback"
    var id: Int64?
    var userID: Int64?
    var at: Int64
    var screen: String
    var message: String
    enum CodingKeys: String, CodingKey { case id, userID = "user_id", at, screen, message }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
