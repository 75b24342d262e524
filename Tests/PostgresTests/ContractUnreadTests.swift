import Domain
import Foundation
import PostgresCluster
import Store
import Testing

/// Unread, on both stores: a case is unread for a user when someone else added an event since that user last opened
/// it; `is:unread`, the rows' flag, the case's flag, reading and marking unread.
@Suite struct ContractUnreadTests {
    @Test(arguments: StoreKind.available)
    func anEventIsUnreadForEveryoneWhoSeesTheCaseButItsAuthor(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        let c = f.standardCase  // filed by agent1
        #expect(try f.detail(c.number).unread == false, "your own filing is read")
        #expect(try f.detail(c.number, as: .reseller(f.admin1)).unread == true, "a colleague's filing is unread")
        #expect(try f.detail(c.number, as: .supportEngineer(f.engineer)).unread == true)
        #expect(try f.numbers("is:unread") == [])
        #expect(try f.numbers("is:unread", as: f.admin1) == [c.number])
        #expect(try f.numbers("is:unread", as: f.agent2) == [], "another domain's case is no one's there")
        #expect(try f.all(as: f.admin1).first { $0.number == c.number }?.unread == true)
        #expect(try f.all().first { $0.number == c.number }?.unread == false)

        f.clock.advance(60)
        try f.store.perform(.supportReply("Looking into it", status: .actionRequired), on: c.number, as: .supportEngineer(f.engineer))
        #expect(try f.detail(c.number).unread == true, "support's reply is unread for the agent")
        #expect(try f.numbers("is:unread") == [c.number])
        #expect(try f.count("is:unread") == 1)
        #expect(try f.count("is:unread", as: f.admin1) == 1)
        #expect(try f.count("-is:unread") == 0)
    }

    @Test(arguments: StoreKind.available)
    func openingReadsWhatWasShownAndALaterEventStaysUnread(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        let c = f.standardCase
        f.clock.advance(60)
        try f.store.perform(.message("Any news?"), on: c.number, as: .reseller(f.admin1))
        let shown = try f.detail(c.number)
        #expect(shown.unread)
        // Another message lands between the read and the mark: the mark for the older update time keeps it unread.
        f.clock.advance(60)
        try f.store.perform(.message("Second note"), on: c.number, as: .reseller(f.admin1))
        try f.store.setRead(true, number: c.number, as: .reseller(f.agent1), seen: shown.supportCase.updatedAt)
        #expect(try f.detail(c.number).unread, "the second message has not been shown")
        let again = try f.detail(c.number)
        try f.store.setRead(true, number: c.number, as: .reseller(f.agent1), seen: again.supportCase.updatedAt)
        #expect(try f.detail(c.number).unread == false)
        #expect(try f.detail(c.number, as: .supportEngineer(f.engineer)).unread, "one user's read is theirs alone")
        // Your own event leaves a read case read.
        f.clock.advance(60)
        try f.store.perform(.message("Thanks"), on: c.number, as: .reseller(f.agent1))
        #expect(try f.detail(c.number).unread == false)
    }

    @Test(arguments: StoreKind.available)
    func markingUnreadAndReadChangesNothingElse(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        let c = f.standardCase
        let before = try f.detail(c.number)
        try f.store.setRead(false, number: c.number, as: .reseller(f.agent1), seen: nil)
        let after = try f.detail(c.number)
        #expect(after.unread)
        #expect(after.history == before.history, "no history event")
        #expect(after.supportCase.updatedAt == before.supportCase.updatedAt, "the case's update time stays")
        #expect(try f.numbers("is:unread") == [c.number])
        try f.store.setRead(false, number: c.number, as: .reseller(f.agent1), seen: nil)  // twice: still one row
        #expect(try f.count("is:unread") == 1)
        try f.store.setRead(true, number: c.number, as: .reseller(f.agent1), seen: nil)
        #expect(try f.numbers("is:unread") == [])
    }

    @Test(arguments: StoreKind.available)
    func aCaseYouCantSeeIsNotFoundWhetherReadOrUnread(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        for read in [true, false] {
            let r = refusal { try f.store.setRead(read, number: f.standardCase.number, as: .reseller(f.agent2), seen: nil) }
            #expect(r?.description.contains("no case \(f.standardCase.number)") == true)
        }
        #expect(try f.detail(f.standardCase.number, as: .reseller(f.admin1)).unread, "the refused calls changed nothing")
        #expect(try f.count("is:unread", as: f.agent2) == 0)
    }

    @Test(arguments: StoreKind.available)
    func aCustomerUsersMessageIsUnreadForTheResellerAndTheirsForThem(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        let bea = try f.store.createCustomerUser(as: f.admin1, email: "it@basic.example", name: "Bea", password: "password-c",
                                                 customer: "basic.example")
        let c = f.standardCase
        try f.store.setRead(true, number: c.number, as: .reseller(f.agent1), seen: nil)
        f.clock.advance(60)
        try f.store.perform(.message("Still bouncing here"), on: c.number, as: .customerUser(bea))
        #expect(try f.detail(c.number).unread)
        #expect(try f.detail(c.number, as: .customerUser(bea)).unread == false)
        f.clock.advance(60)
        try f.store.perform(.message("We're on it"), on: c.number, as: .reseller(f.agent1))
        #expect(try f.detail(c.number, as: .customerUser(bea)).unread)
        let ours = try f.all(as: bea, scope: Rules.homeScope(for: bea), filter: "is:unread")
        #expect(ours.map(\.number) == [c.number])
        #expect(ours.first?.unread == true)
        // Another customer's case is not theirs to find unread.
        let other = try f.file("acme.example", title: "Calendar invites lost")
        _ = other
        #expect(try f.numbers("is:unread", as: bea, scope: Rules.homeScope(for: bea)) == [c.number])
    }

    @Test(arguments: StoreKind.available)
    func theSupportQueueFlagsWhatChangedSinceTheEngineerLooked(_ kind: StoreKind) throws {
        let f = try ContractFixture(kind)
        let second = try f.file("acme.example", title: "Drive sync broken")
        try f.store.setRead(true, number: second.number, as: .supportEngineer(f.engineer), seen: nil)
        let queue = try f.store.cases(as: f.engineer, scope: .supportQueue, query: .all, sort: .updated, page: .first, limit: 10,
                                      cancellation: nil)
        #expect(Dictionary(uniqueKeysWithValues: queue.rows.map { ($0.number, $0.unread) })
                == [f.standardCase.number: true, second.number: false])
        let unread = try f.store.cases(as: f.engineer, scope: .supportQueue, query: try CaseQuery(parsing: "is:unread"), sort: .updated,
                                       page: .first, limit: 10, cancellation: nil)
        #expect(unread.rows.map(\.number) == [f.standardCase.number])
        #expect(try f.store.countCases(as: f.engineer, scope: .supportQueue, query: try CaseQuery(parsing: "is:unread"), cap: 100,
                                       cancellation: nil) == 1)
    }

    @Test(arguments: StoreKind.available)
    func unreadCombinesWithTheOtherTermsInEveryOrder(_ kind: StoreKind) throws {
        let f = try ContractCaseTests.busy(kind)
        // The admin read every case, then the engineer answered some and the agent messaged others.
        for row in try f.all(as: f.admin1, limit: 50) where row.unread {
            try f.store.setRead(true, number: row.number, as: .reseller(f.admin1), seen: nil)
        }
        let whole = try f.all(as: f.admin1, limit: 100)
        #expect(whole.allSatisfy { !$0.unread })
        var touched: Set<Int> = []
        for (i, row) in whole.enumerated() where i % 3 == 0 && row.status != .closed {
            f.clock.advance(30)
            try f.store.perform(.message("Note \(i)"), on: row.number, as: i % 2 == 0 ? .reseller(f.agent1) : .supportEngineer(f.engineer))
            touched.insert(row.number)
        }
        let now = try f.all(as: f.admin1, limit: 100)
        #expect(Set(now.filter(\.unread).map(\.number)) == touched)
        for sort in CaseSort.allCases {
            for backward in [false, true] {
                let expected = now.sorted { $0.precedes($1, in: sort) }.filter(\.unread).map(\.number)
                #expect(try f.all(as: f.admin1, filter: "is:unread", sort: sort, limit: 3, backward: backward).map(\.number) == expected,
                        "\(sort) backward: \(backward)")
            }
        }
        let mailbox = Set(now.filter { $0.unread && $0.title.contains("mailbox") }.map(\.number))
        #expect(try f.numbers("is:unread mailbox", as: f.admin1) == mailbox)
        let p1 = Set(now.filter { $0.unread && $0.severity == .p1 }.map(\.number))
        #expect(try f.numbers("sev:p1 is:unread", as: f.admin1) == p1)
        #expect(try f.numbers("-is:unread is:open", as: f.admin1) == Set(now.filter { !$0.unread && $0.status != .closed }.map(\.number)))
        #expect(try f.count("is:unread", as: f.admin1) == touched.count)
    }
}
