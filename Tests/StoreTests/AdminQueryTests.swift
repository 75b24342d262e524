import Domain
import Foundation
import Testing
@testable import Store

@Suite struct AdminQueryTests {
    @Test func theOverviewListsTheDomainsUsersWithRolesAndTheLicencePool() throws {
        let f = try StoreFixture()
        let overview = try f.store.adminOverview(as: f.admin1)
        #expect(overview.domainName == "one.example")
        #expect(overview.users.map(\.user.email) == ["admin@one.example", "agent@one.example"])
        #expect(overview.users.allSatisfy { !$0.user.email.hasSuffix("two.example") }, "another domain's users never appear")
        let (used, pool) = try f.store.licenceUsage(domainID: f.admin1.domainID)
        #expect(overview.licencesUsed == used && overview.licencePool == pool)
        try f.store.setLicence(as: f.admin1, email: "agent@one.example", assigned: false)
        #expect(try f.store.adminOverview(as: f.admin1).licencesUsed == used - 1)
    }

    @Test func onlyASuperAdministratorSeesIt() throws {
        let f = try StoreFixture()
        #expect(throws: StoreError.self) { try f.store.adminOverview(as: f.agent1) }
        do { _ = try f.store.adminOverview(as: f.agent1) } catch {
            #expect(error.description.contains("Only a super administrator"))
        }
    }
}
