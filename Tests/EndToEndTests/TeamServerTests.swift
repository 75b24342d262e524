import Foundation
import Testing

/// One server for a team: live changes by visibility, support engineers and customer users over HTTP.
@Suite(.serialized) struct TeamServerTests {
    /// The demo on a server, with every account's password (reseller users, engineers, customer users).
    static func demo() throws -> (Binary, Server, [String: String]) {
        let (b, report) = try CommandLineTests.demo(cases: 200)
        var passwords: [String: String] = [:]
        for d in report["domains"] as! [[String: Any]] {
            for u in d["users"] as! [[String: Any]] { passwords[u["email"] as! String] = u["password"] as? String }
        }
        for key in ["engineers", "customerUsers"] {
            for u in report[key] as! [[String: Any]] { passwords[u["email"] as! String] = u["password"] as? String }
        }
        return (b, try Server(b), passwords)
    }

    static let kim = "kim@acme-logistics.example", priya = "priya@support.example", alice = "alice@cloudpartners.example"

    /// An open case of Kim's organisation, and one of another customer, both filed by cloudpartners.example.
    static func cases(_ server: Server, alice: String) throws -> (acme: Int, other: Int) {
        let rows = try server.request("GET", "/v1/cases?limit=200&filter=is:open", token: alice).object["rows"] as! [[String: Any]]
        let acme = rows.first { $0["customerName"] as? String == "Acme Logistics" }!["number"] as! Int
        let other = rows.first { $0["customerName"] as? String != "Acme Logistics" }!["number"] as! Int
        return (acme, other)
    }

    @Test func aChangeReachesWhoMaySeeItWithinASecondAndNobodyElse() throws {
        let (_, server, pw) = try Self.demo()
        let alice = try server.signIn(Self.alice, pw[Self.alice]!)
        let morgan = try server.signIn("admin@cloudpartners.example", pw["admin@cloudpartners.example"]!)
        let carol = try server.signIn("carol@skyline-it.example", pw["carol@skyline-it.example"]!)
        let kim = try server.signIn(Self.kim, pw[Self.kim]!)
        let priya = try server.signIn(Self.priya, pw[Self.priya]!)
        let (acme, other) = try Self.cases(server, alice: alice)
        let streams = try [morgan, carol, kim, priya].map { try EventStream(server, token: $0) }
        for s in streams { #expect(s.wait(seconds: 10) { $0.contains("retry:") }, "the stream didn't start: \(s.text)") }

        let sent = Date()
        let reply = try server.request("POST", "/v1/cases/\(other)/commands", token: alice, json: ["kind": "message", "text": "Checking the logs."])
        #expect(reply.status == 204, "\(reply.text)")
        let (morganStream, carolStream, kimStream, priyaStream) = (streams[0], streams[1], streams[2], streams[3])
        #expect(morganStream.wait(seconds: 1) { $0.contains("\"caseNumber\":\(other)") }, "not within 1 s: \(morganStream.text)")
        if let arrived = morganStream.changes.first(where: { $0.change["caseNumber"] as? Int == other }) {
            #expect(arrived.at.timeIntervalSince(sent) < 1, "\(arrived.at.timeIntervalSince(sent)) s")
            #expect(arrived.change["kind"] as? String == "message" && arrived.change["author"] as? String == "Alice Moreau <\(Self.alice)>")
            #expect(!morganStream.text.contains("Checking the logs"), "a notice carries no message text")
        }
        #expect(priyaStream.wait(seconds: 1) { $0.contains("\"caseNumber\":\(other)") }, "support sees every domain: \(priyaStream.text)")
        // A customer user's own case reaches them; the other customer's never does, nor anything reaches another domain.
        #expect(try server.request("POST", "/v1/cases/\(acme)/commands", token: alice, json: ["kind": "message", "text": "On it."]).status == 204)
        #expect(kimStream.wait(seconds: 1) { $0.contains("\"caseNumber\":\(acme)") }, "\(kimStream.text)")
        Thread.sleep(forTimeInterval: 1)
        #expect(!kimStream.text.contains("\(other)"), "\(kimStream.text)")
        #expect(carolStream.changes.isEmpty, "another domain's stream: \(carolStream.text)")
        for s in streams { s.stop() }
    }

    @Test func aStreamResumesAfterTheLastEventItSawAndEndsWithItsSession() throws {
        let (_, server, pw) = try Self.demo()
        let alice = try server.signIn(Self.alice, pw[Self.alice]!)
        let (_, other) = try Self.cases(server, alice: alice)
        let first = try EventStream(server, token: alice)
        #expect(first.wait(seconds: 10) { $0.contains("retry:") }, "the stream didn't start: \(first.text)")
        #expect(try server.request("POST", "/v1/cases/\(other)/commands", token: alice, json: ["kind": "message", "text": "One."]).status == 204)
        #expect(first.wait(seconds: 2) { $0.contains("id: ") }, "\(first.text)")
        first.stop()
        let id = first.text.split(separator: "\n").first { $0.hasPrefix("id: ") }.flatMap { Int($0.dropFirst(4)) }!
        // Missed while disconnected: the message, then a severity change.
        #expect(try server.request("POST", "/v1/cases/\(other)/commands", token: alice, json: ["kind": "message", "text": "Two."]).status == 204)
        let resumed = try EventStream(server, token: alice, lastEventID: id)
        #expect(resumed.wait(seconds: 2) { $0.contains("id: \(id + 1)") }, "\(resumed.text)")
        #expect(!resumed.text.contains("id: \(id)\n"), "the event already seen came again: \(resumed.text)")
        // Signed out: the stream says so and ends (the heartbeat checks the session).
        #expect(try server.request("DELETE", "/v1/sessions/current", token: alice).status == 204)
        #expect(resumed.wait(seconds: 20) { $0.contains("event: signed-out") }, "\(resumed.text)")
        Thread.sleep(forTimeInterval: 0.5)
        #expect(!resumed.isRunning, "the stream stayed open")
    }

    @Test func customerUsersSeeTheirOrganisationsCasesAndEngineersAnswerEveryDomains() throws {
        let (_, server, pw) = try Self.demo()
        let alice = try server.signIn(Self.alice, pw[Self.alice]!)
        let kim = try server.signIn(Self.kim, pw[Self.kim]!)
        let priya = try server.signIn(Self.priya, pw[Self.priya]!)
        let (acme, other) = try Self.cases(server, alice: alice)

        let ours = try server.request("GET", "/v1/cases?limit=500", token: kim)
        let names = Set((ours.object["rows"] as! [[String: Any]]).map { $0["customerName"] as! String })
        #expect(ours.status == 200 && names == ["Acme Logistics"], "\(names)")
        // Another customer's case answers as a missing one.
        let hidden = try server.request("GET", "/v1/cases/\(other)", token: kim)
        let missing = try server.request("GET", "/v1/cases/99999998", token: kim)
        #expect(hidden.status == 404 && missing.status == 404)
        #expect((hidden.object["detail"] as? String)?.replacingOccurrences(of: "\(other)", with: "N")
                == (missing.object["detail"] as? String)?.replacingOccurrences(of: "99999998", with: "N"))
        #expect(try server.request("GET", "/v1/customers", token: kim).status == 403)
        #expect(try server.request("POST", "/v1/cases/\(acme)/commands", token: kim, json: ["kind": "message", "text": "Still failing."]).status == 204)
        #expect(try server.request("POST", "/v1/cases/\(acme)/commands", token: kim, json: ["kind": "close"]).status == 403)

        // Engineer-only commands and routes refuse a reseller agent.
        for body in [["kind": "support-reply", "text": "Fixed."], ["kind": "status", "status": "solution-provided"]] as [[String: Any]] {
            let refused = try server.request("POST", "/v1/cases/\(acme)/commands", token: alice, json: body)
            #expect(refused.status == 403 && refused.object["type"] as? String == "/problems/refused", "\(refused.text)")
        }
        #expect(try server.request("POST", "/v1/engineers", token: alice,
                                   json: ["email": "eve@support.example", "name": "Eve", "password": "password-eve"]).status == 403)
        #expect(try server.request("GET", "/v1/cases", token: priya).status == 200)
        #expect(try server.request("POST", "/v1/cases/\(acme)/commands", token: priya,
                                   json: ["kind": "support-reply", "text": "Fixed on our side.", "status": "solution-provided"]).status == 204)
        let detail = try server.request("GET", "/v1/cases/\(acme)", token: kim).object
        let history = detail["history"] as! [[String: Any]]
        #expect(history.suffix(3).map { $0["author"] as! String }
                == ["Kim Lee <\(Self.kim)> (customer)", "Priya (Google Workspace Support)", "Priya (Google Workspace Support)"])
        #expect((detail["supportCase"] as! [String: Any])["status"] as? String == "solution-provided")
    }

    /// SIGTERM with an event stream open: the stream closes and the server exits 0.
    @Test func aShutdownClosesTheStreams() throws {
        let (_, server, pw) = try Self.demo()
        let alice = try server.signIn(Self.alice, pw[Self.alice]!)
        let stream = try EventStream(server, token: alice)
        #expect(stream.wait(seconds: 10) { $0.contains("retry:") })
        let started = Date()
        let (status, _) = server.stop()
        #expect(status == 0 && Date().timeIntervalSince(started) < 5, "exit \(status) after \(Date().timeIntervalSince(started)) s")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!stream.isRunning)
    }
}
