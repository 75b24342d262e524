import Domain
import Foundation
import Testing
@testable import Store

@Suite struct CaseCommandTests {
    @Test func fileCaseWritesCaseHistoryAndSearchRow() throws {
        let f = try StoreFixture()
        let c = try f.file()
        #expect((10_000_000...99_999_999).contains(c.number))
        #expect(c.status == .new && c.domainID == f.agent1.domainID && c.category == "Gmail > Delivery > Outgoing messages bounced")
        #expect(try f.history(c.number).map(\.kind) == [.created])
        let page = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID))
        #expect(page.rows.first?.number == c.number, "a new case is at the top of My Cases at once")
        let found = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), query: CaseQuery(parsing: "sync"))
        #expect(found.rows.map(\.number) == [c.number])
    }

    @Test func eachCommandWritesItsHistoryEvent() throws {
        let f = try StoreFixture()
        let c = try f.file()
        let me = Actor.reseller(f.agent1)
        try f.store.postMessage(as: me, number: c.number, message: "Still failing this morning.")
        try f.store.changeSeverity(as: me, number: c.number, to: .p1)
        try f.store.attach(as: me, number: c.number, files: [NewAttachment(name: "headers.txt", data: Data("Received: x".utf8))])
        try f.store.shareCase(as: me, number: c.number, add: ["it@acme.example"], remove: [])
        try f.store.escalate(as: me, number: c.number, reason: .businessImpact, justification: "Payroll is blocked.")
        try f.store.supportReply(as: f.engineer, number: c.number, message: "Looking at it.", status: .actionRequired)
        try f.store.closeCase(as: me, number: c.number)
        try f.store.reopenCase(as: me, number: c.number)
        let kinds = try f.history(c.number).map(\.kind)
        #expect(kinds == [.created, .message, .severityChange, .attachment, .sharingChange, .escalation, .supportReply,
                          .statusChange, .statusChange, .statusChange])
        let d = try f.store.caseDetail(as: me, number: c.number)
        #expect(d.supportCase.severity == .p1 && d.supportCase.escalated && d.supportCase.status == .inProgress)
        #expect(d.sharing == ["it@acme.example"])
        #expect(d.attachments.map(\.size) == [11])
        #expect(d.attachments.first?.sha256.count == 64)
        #expect(try f.store.attachmentData(as: me, number: c.number, attachmentID: d.attachments[0].id) == Data("Received: x".utf8))
    }

    @Test func messageOnActionRequiredHandsBackToSupport() throws {
        let f = try StoreFixture()
        try f.store.supportReply(as: f.engineer, number: f.standardCase.number, message: "Please send headers.", status: .actionRequired)
        try f.store.postMessage(as: .reseller(f.agent1), number: f.standardCase.number, message: "Here they are.")
        let d = try f.store.caseDetail(as: .reseller(f.agent1), number: f.standardCase.number)
        #expect(d.supportCase.status == .inProgress)
        #expect(d.history.last?.kind == .statusChange)
    }

    /// Every refusal leaves every table as it was.
    @Test func failedCommandsWriteNothing() throws {
        let f = try StoreFixture()
        let me = Actor.reseller(f.agent1)
        let n = f.standardCase.number
        let before = try f.counts()
        let attempts: [(String, () throws -> Void)] = [
            ("escalate standard", { try f.store.escalate(as: me, number: n, reason: .resolutionTime, justification: "Slow") }),
            ("empty message", { try f.store.postMessage(as: me, number: n, message: "   ") }),
            ("long message", { try f.store.postMessage(as: me, number: n, message: String(repeating: "x", count: 12_801)) }),
            ("same severity", { try f.store.changeSeverity(as: me, number: n, to: .p3) }),
            ("reopen open", { try f.store.reopenCase(as: me, number: n) }),
            ("11 addresses", { try f.store.shareCase(as: me, number: n, add: (1...11).map { "u\($0)@basic.example" }, remove: []) }),
            ("bad address", { try f.store.shareCase(as: me, number: n, add: ["ok@basic.example", "nope"], remove: []) }),
            ("big file", { try f.store.attach(as: me, number: n, files: [NewAttachment(name: "big.bin", data: Data(count: 25 * 1024 * 1024 + 1))]) }),
            ("remove attachment", { try f.store.removeAttachment(as: me, number: n, attachmentID: 1) }),
            ("other domain", { try f.store.postMessage(as: .reseller(f.agent2), number: n, message: "Hi") }),
            ("unknown case", { try f.store.closeCase(as: me, number: 99_999_999) }),
            ("long title", { _ = try f.store.fileCase(as: f.agent1, NewCase(customer: "acme.example", title: String(repeating: "t", count: 201),
                                                                             category: "Gmail > Delivery > Outgoing messages bounced", description: "d", severity: .p3)) }),
            ("unanswered questions", { _ = try f.store.fileCase(as: f.agent1, NewCase(
                customer: "acme.example", title: "Bounces", category: "Gmail > Delivery > Outgoing messages bounced",
                description: CategoryCatalogue.descriptionTemplate(for: CategoryCatalogue.category(path: "Gmail > Delivery > Outgoing messages bounced")!),
                severity: .p3)) }),
            ("not granted", { _ = try f.file("closed.example") }),
            ("unknown customer", { _ = try f.file("nobody.example") }),
            ("other domain's customer", { _ = try f.file("zed.example") }),
        ]
        for (name, attempt) in attempts {
            #expect(throws: StoreError.self, "\(name)") { try attempt() }
            #expect(try f.counts() == before, "\(name) wrote something")
        }
    }

    @Test func refusalsCarryReadableReasons() throws {
        let f = try StoreFixture()
        let me = Actor.reseller(f.agent1)
        #expect(throws: StoreError.refused(Refusal(Rules.accessNotGranted))) { _ = try f.file("closed.example") }
        #expect(throws: StoreError.self) { try f.store.escalate(as: me, number: f.standardCase.number, reason: .resolutionTime, justification: "x") }
        do {
            try f.store.escalate(as: me, number: f.standardCase.number, reason: .resolutionTime, justification: "x")
        } catch {
            #expect(error.description.contains("Premium support"))
        }
    }

    @Test func reopenWindowIs30Days() throws {
        let f = try StoreFixture()
        let me = Actor.reseller(f.agent1)
        let a = try f.file(title: "first"), b = try f.file(title: "second")
        try f.store.closeCase(as: me, number: a.number)
        try f.store.closeCase(as: me, number: b.number)
        f.clock.advance(29 * .day)
        try f.store.reopenCase(as: me, number: a.number)
        f.clock.advance(2 * .day)
        do {
            try f.store.reopenCase(as: me, number: b.number)
            Issue.record("reopen at 31 days was allowed")
        } catch {
            #expect(error.description.contains("File a new case and mention case \(b.number)"))
            guard case .refused(let r) = error else { Issue.record("not a refusal"); return }
            #expect(r.kind == .rule)
        }
    }

    @Test func supportMayRemoveAttachments() throws {
        let f = try StoreFixture()
        try f.store.attach(as: .reseller(f.agent1), number: f.standardCase.number, files: [NewAttachment(name: "a.txt", data: Data("a".utf8))])
        let id = try f.store.caseDetail(as: .reseller(f.agent1), number: f.standardCase.number).attachments[0].id
        try f.store.removeAttachment(as: .supportEngineer(f.engineer), number: f.standardCase.number, attachmentID: id)
        let d = try f.store.caseDetail(as: .reseller(f.agent1), number: f.standardCase.number)
        #expect(d.attachments.isEmpty && d.history.last?.kind == .attachmentRemoved)
    }

    @Test func feedbackIsStored() throws {
        let f = try StoreFixture()
        try f.store.sendFeedback(as: f.agent1, screen: "My Cases", message: "Love the keyboard.")
        #expect(try f.store.feedback(as: f.agent1).map(\.screen) == ["My Cases"])
    }

    @Test func feedbackIsReadByItsSenderAndTheirDomainsSuperAdministratorOnly() throws {
        let f = try StoreFixture()
        try f.store.sendFeedback(as: f.agent1, screen: "My Cases", message: "from agent one")
        try f.store.sendFeedback(as: f.admin1, screen: "Admin", message: "from admin one")
        try f.store.sendFeedback(as: f.agent2, screen: "My Cases", message: "from agent two")
        try f.store.sendFeedback(as: nil, screen: "Sign in", message: "before signing in")
        #expect(try f.store.feedback(as: f.agent1).map(\.message) == ["from agent one"])
        #expect(try f.store.feedback(as: f.admin1).map(\.message) == ["from agent one", "from admin one"])
        #expect(try f.store.feedback(as: f.admin2).map(\.message) == ["from agent two"])
        #expect(try f.store.feedback(as: f.agent2).map(\.message) == ["from agent two"])
    }
}
