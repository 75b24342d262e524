import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// Record types write their camelCase properties to the schema's snake_case columns.
@Suite struct RecordTests {
    static var records: [any SnakeCaseRecord & TableRecord] { [
        DomainRecord(name: "d.example", kind: "reseller", licencePool: 50, createdAt: 1),
        RoleRecord(domainID: 1, name: "r", privileges: ""),
        UserRecord(domainID: 1, orgUnitID: 1, email: "u@d.example", name: "U", passwordHash: "h", superAdmin: false, suspended: false,
                   licensed: true, alertAddress: "a@d.example", language: "en", timeZone: "UTC", createdAt: 1),
        UserRoleRecord(userID: 1, roleID: 1),
        OrgUnitRecord(domainID: 1, name: "o", autoLicensing: false),
        SessionRecord(userID: 1, tokenHash: "t", createdAt: 1, expiresAt: 2, endedAt: 3),
        CustomerRecord(name: "c", primaryDomain: "c.example", tier: "standard"),
        CustomerAccessRecord(customerID: 1, domainID: 1, kind: "resold", granted: true, since: 1, until: 2),
        FeedbackRecord(userID: 1, at: 1, screen: "s", message: "m"),
    ] }

    @Test func everyPropertyIsWrittenToAColumnOfItsTable() throws {
        let f = try StoreFixture()
        for record in Self.records {
            let table = type(of: record).databaseTableName
            let columns = try f.store.read { db in try Set(db.columns(in: table).map(\.name)) }
            let written = try Set(record.databaseDictionary.keys)
            #expect(!written.isEmpty && written.isSubset(of: columns), "\(table): \(written.subtracting(columns).sorted())")
        }
        #expect(try Set(Self.records[2].databaseDictionary.keys).isSuperset(of: ["domain_id", "org_unit_id", "password_hash", "time_zone"]))
    }
}
