import Domain
import Foundation
import Testing
@testable import Store

/// The store refuses control characters like every client (issue #11).
@Suite struct TypedTextStoreTests {
    @Test func theStoreRefusesControlCharactersAndWritesNothing() throws {
        let f = try StoreFixture()
        let me = Actor.reseller(f.agent1)
        let before = try f.counts()
        let filing = NewCase(customer: "acme.example", title: "\u{1B}]0;PWNED\u{07}", category: "Gmail > Delivery > Outgoing messages bounced",
                             description: "Details.", severity: .p2)
        let attempts: [(String, () throws -> Void)] = [
            ("message", { try f.store.postMessage(as: me, number: f.standardCase.number, message: "hi \u{1B}[2J") }),
            ("title", { _ = try f.store.fileCase(as: f.agent1, filing) }),
            ("message", { try f.store.supportReply(as: f.engineer, number: f.standardCase.number, message: "a\0b", status: nil) }),
            ("message", { _ = try f.store.sendFeedback(as: f.agent1, screen: "x", message: "\u{9B}31m") }),
            ("name", { _ = try f.store.createEngineer(as: f.engineer, email: "eng@support.example", name: "Eng \u{1B}[1m", password: "password-x") }),
            ("name", { _ = try f.store.addCustomer(as: f.admin1, name: "Evil \u{1B}[2J", primaryDomain: "evil.example", tier: .standard,
                                                   kind: .resold, granted: true) }),
            ("name", { _ = try f.store.createUser(as: f.admin1, email: "eve@one.example", name: "Eve\u{07}", password: "password-e",
                                                  licensed: false, roles: []) }),
        ]
        for (field, attempt) in attempts {
            do { try attempt(); Issue.record("\(field): accepted") } catch {
                guard case .refused(let r)? = error as? StoreError else { Issue.record("\(field): \(error)"); continue }
                #expect(r.field == field && r.kind == .invalidInput, "\(r)")
            }
        }
        #expect(try f.counts() == before)
    }
}
