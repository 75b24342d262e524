import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// The change token: `PRAGMA data_version` on a connection of its own notices every commit of another connection (this
/// store's writer, another process's), admin writes included, and history is read only when something was committed.
@Suite struct CommitWatchTests {
    @Test func theTokenMovesWithEveryCommitAndOnlyThen() throws {
        let f = try StoreFixture()
        let first = try f.store.changeToken()
        #expect(try f.store.changeToken() == first, "nothing written: the same token")

        try f.store.perform(.message("Any news?"), on: f.standardCase.number, as: .reseller(f.agent1))
        let afterMessage = try f.store.changeToken()
        #expect(afterMessage.lastEvent > first.lastEvent && afterMessage.commits > first.commits)

        // An admin write appends no history event; it moves the token all the same.
        try f.store.setSuspended(as: f.admin1, email: f.agent1.email, suspended: true)
        let afterAdmin = try f.store.changeToken()
        #expect(afterAdmin.lastEvent == afterMessage.lastEvent && afterAdmin.commits > afterMessage.commits)
        #expect(try f.store.changeToken() == afterAdmin)
        try f.store.setSuspended(as: f.admin1, email: f.agent1.email, suspended: false)
        let unsuspended = try f.store.changeToken()
        #expect(unsuspended.commits > afterAdmin.commits)

        // Another process: a second store on the same file.
        let other = try PortalStore(path: f.store.path, clock: f.clock, passwordHasher: .fast)
        try other.transferCustomer(as: f.admin1, customer: "acme.example", to: "two.example")
        let afterOther = try f.store.changeToken()
        #expect(afterOther.commits > unsuspended.commits && afterOther.lastEvent == afterAdmin.lastEvent)
        _ = try other.file("basic.example", title: "From the other store", by: f.agent1)
        #expect(try f.store.changeToken().lastEvent > afterOther.lastEvent)
    }

    @Test func anIdleLookReadsNoHistory() throws {
        let f = try StoreFixture()
        var readOnly = Configuration()
        readOnly.readonly = true
        let watch = CommitWatch(path: f.store.path, configuration: readOnly)
        var reads = 0
        func look() throws -> ChangeToken { try watch.token { reads += 1; return Int64(100 + reads) } }
        let first = try look()
        for _ in 0..<20 { #expect(try look() == first) }
        #expect(reads == 1, "twenty idle looks, no history read")
        try f.store.setLicence(as: f.admin1, email: f.agent1.email, assigned: false)
        let next = try look()
        #expect(reads == 2 && next.commits == first.commits + 1 && next.lastEvent == 102)
        #expect(try look() == next && reads == 2)
    }
}

private extension PortalStore {
    func file(_ customer: String, title: String, by user: User) throws -> SupportCase {
        try fileCase(as: user, NewCase(customer: customer, title: title, category: "Gmail > Delivery > Outgoing messages bounced",
                                       description: "Details.", severity: .p3))
    }
}
