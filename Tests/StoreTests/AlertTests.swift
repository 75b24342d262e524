import Domain
import Foundation
import Testing
@testable import Store

@Suite struct AlertTests {
    /// Splits an RFC 5322 message into headers (by lowercased name) and body.
    func parse(_ text: String) -> (headers: [String: String], body: String) {
        let parts = text.components(separatedBy: "\r\n\r\n")
        var headers: [String: String] = [:]
        for line in parts[0].components(separatedBy: "\r\n") {
            let kv = line.split(separator: ":", maxSplits: 1)
            headers[kv[0].lowercased()] = kv[1].trimmingCharacters(in: .whitespaces)
        }
        return (headers, parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    @Test func updatesQueueAlertsForCreatorAndSharingAddresses() throws {
        let f = try StoreFixture()
        let me = Actor.reseller(f.agent1)
        let n = f.standardCase.number
        try f.store.shareCase(as: me, number: n, add: ["it@basic.example"], remove: [])
        try f.store.setAlertAddress(as: f.admin1, email: "agent@one.example", alertAddress: "agent.one@workspace.example")
        try f.store.postMessage(as: me, number: n, message: "Any news?")
        let pending = try f.store.pendingAlerts()
        // filed → creator; shared → creator + new address; message → redirected creator + sharing address.
        #expect(pending.map(\.recipient) == ["agent@one.example", "agent@one.example", "it@basic.example",
                                             "agent.one@workspace.example", "it@basic.example"])
    }

    @Test func maildirDeliveryIsParseableThreadedAndIdempotent() throws {
        let f = try StoreFixture()
        let n = f.standardCase.number
        try f.store.postMessage(as: .reseller(f.agent1), number: n, message: "Héllo, still bouncing.")
        let dir = f.dir.appendingPathComponent("Maildir").path
        let report = try f.store.deliverAlerts(to: .maildir(dir))
        #expect(report.delivered == 2 && report.failed.isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/new").sorted()
        #expect(files.count == 2)
        let messages = try files.map { parse(try String(contentsOfFile: dir + "/new/" + $0, encoding: .utf8)) }
        for m in messages {
            #expect(m.headers["to"] == "<agent@one.example>")
            #expect(m.headers["subject"] == "[Case \(n)] Mail bounces")
            #expect(m.headers["in-reply-to"] == "<case-\(n)@careportal.invalid>")
            #expect(m.headers["references"] == m.headers["in-reply-to"])
            #expect(m.headers["message-id"]?.hasPrefix("<case-\(n).event-") == true)
            #expect(m.headers["date"]?.hasSuffix("+0000") == true)
        }
        #expect(Set(messages.compactMap { $0.headers["message-id"] }).count == 2)
        #expect(messages.contains { $0.body.contains("Héllo, still bouncing.") })
        // Nothing left, and a second run delivers nothing again.
        #expect(try f.store.pendingAlerts().isEmpty)
        #expect(try f.store.deliverAlerts(to: .maildir(dir)).delivered == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/new").count == 2)
    }

    @Test func failedSendmailIsRetriedLater() throws {
        let f = try StoreFixture()
        let failing = try f.store.deliverAlerts(to: .sendmail("exit 75 #"))
        #expect(failing.delivered == 0 && failing.failed.count == 1)
        #expect(try f.store.pendingAlerts().count == 1)
        let out = f.dir.appendingPathComponent("sent.txt").path
        let ok = try f.store.deliverAlerts(to: .sendmail("cat >> \(out); echo >> \(out) #"))
        #expect(ok.delivered == 1)
        #expect(try String(contentsOfFile: out, encoding: .utf8).contains("Subject: [Case \(f.standardCase.number)] Mail bounces"))
    }

    @Test func nonASCIISubjectsAreEncoded() {
        #expect(AlertFormat.encodedWord("[Case 1] Ça coince") == "=?UTF-8?B?\(Data("[Case 1] Ça coince".utf8).base64EncodedString())?=")
        #expect(AlertFormat.encodedWord("plain") == "plain")
    }
}

@Suite struct DraftTests {
    @Test func draftsAreSavedReplacedListedAndDiscardedPerUser() throws {
        let f = try StoreFixture()
        try f.store.saveDraft(as: f.agent1, form: .newCase(customerID: nil), content: "{\"title\":\"Mail\"}")
        f.clock.advance(5)
        try f.store.saveDraft(as: f.agent1, form: .message(caseNumber: 12345678), content: "Hello")
        f.clock.advance(5)
        try f.store.saveDraft(as: f.agent1, form: .newCase(customerID: nil), content: "{\"title\":\"Mail bounces\"}")
        #expect(try f.store.draft(as: f.agent1, form: .newCase(customerID: nil))?.content == "{\"title\":\"Mail bounces\"}")
        #expect(try f.store.drafts(as: f.agent1).map(\.form) == [.newCase(customerID: nil), .message(caseNumber: 12345678)])
        #expect(try f.store.drafts(as: f.agent2).isEmpty)
        try f.store.discardDraft(as: f.agent1, form: .newCase(customerID: nil))
        #expect(try f.store.drafts(as: f.agent1).map(\.form) == [.message(caseNumber: 12345678)])
    }
}
