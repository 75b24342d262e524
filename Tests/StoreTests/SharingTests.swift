import Domain
import Foundation
import Testing
@testable import Store

/// The Store applies Validate.sharing: a repeated address is refused, not silently dropped.
@Suite struct SharingTests {
    @Test func shareCaseRefusesAnAddressAlreadySharedOrGivenTwice() throws {
        let f = try StoreFixture()
        let me = Actor.reseller(f.agent1), n = f.standardCase.number
        try f.store.shareCase(as: me, number: n, add: ["it@basic.example"], remove: [])
        let before = try f.counts()
        #expect(throws: StoreError.refused(.invalid("add", "it@basic.example is already on this case's sharing list"))) {
            try f.store.shareCase(as: me, number: n, add: ["IT@basic.example"], remove: [])
        }
        #expect(throws: StoreError.refused(.invalid("add", "ops@basic.example is given twice"))) {
            try f.store.shareCase(as: me, number: n, add: ["ops@basic.example", "ops@basic.example"], remove: [])
        }
        #expect(try f.counts() == before, "a refusal writes nothing")
        #expect(try f.store.caseDetail(as: me, number: n).sharing == ["it@basic.example"])
    }

    @Test func fileCaseRefusesAnAddressGivenTwice() throws {
        let f = try StoreFixture()
        let before = try f.counts()
        #expect(throws: StoreError.refused(.invalid("add", "ops@acme.example is given twice"))) {
            try f.store.fileCase(as: f.agent1, NewCase(customer: "acme.example", title: "Bounces", category: "Gmail > Delivery > Outgoing messages bounced",
                                                       description: "Details.", severity: .p3, sharing: ["ops@acme.example", "OPS@acme.example"]))
        }
        #expect(try f.counts() == before)
    }
}
