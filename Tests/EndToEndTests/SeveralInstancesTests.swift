import Foundation
import PostgresCluster
import Testing

/// Several `careportal serve` on one PostgreSQL database, as a team runs them behind a load balancer: sessions live in
/// the database (as lockouts do: ContractAccountTests), so any instance serves any request, and every instance's event
/// streams carry every instance's commits.
@Suite(.serialized, .enabled(if: PostgresCluster.available, Comment(rawValue: PostgresCluster.missingMessage)))
struct SeveralInstancesTests {
    @Test func twoInstancesShareSessionsAndLiveChanges() throws {
        let (b, report) = try CommandLineTests.demo(cases: 100, .postgres)
        var passwords: [String: String] = [:]
        for d in report["domains"] as! [[String: Any]] {
            for u in d["users"] as! [[String: Any]] { passwords[u["email"] as! String] = u["password"] as? String }
        }
        let one = try Server(b), two = try Server(b)
        defer { one.stop(); two.stop() }
        let alice = TeamServerTests.alice, admin = "admin@cloudpartners.example"
        let aliceToken = try one.signIn(alice, passwords[alice]!)
        #expect(try two.request("GET", "/v1/cases?limit=1", token: aliceToken).status == 200, "a session from one instance on the other")
        let morgan = try two.signIn(admin, passwords[admin]!)
        let stream = try EventStream(two, token: morgan)
        defer { stream.stop() }
        #expect(stream.wait(seconds: 10) { $0.contains("retry:") }, "the stream didn't start: \(stream.text)")

        let rows = try one.request("GET", "/v1/cases?limit=1&filter=is:open", token: aliceToken).object["rows"] as! [[String: Any]]
        let other = try #require(rows.first?["number"] as? Int)
        let sent = Date()
        let reply = try one.request("POST", "/v1/cases/\(other)/commands", token: aliceToken, json: ["kind": "message", "text": "Through one."])
        #expect(reply.status == 204, "\(reply.text)")
        #expect(stream.wait(seconds: 1) { $0.contains("\"caseNumber\":\(other)") }, "not within 1 s on the other instance: \(stream.text)")
        if let arrived = stream.changes.first(where: { $0.change["caseNumber"] as? Int == other }) {
            #expect(arrived.at.timeIntervalSince(sent) < 1, "\(arrived.at.timeIntervalSince(sent)) s")
        }

        // Signed out through the other instance, the session is gone on both.
        #expect(try two.request("DELETE", "/v1/sessions/current", token: aliceToken).status == 204)
        #expect(try one.request("GET", "/v1/cases?limit=1", token: aliceToken).status == 401)
    }
}
