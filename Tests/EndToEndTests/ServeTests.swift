import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `careportal serve`: the JSON API over a real server on a free loopback port, against the same database the
/// command line reads.
@Suite(.serialized) struct ServeTests {
    static func demo() throws -> (Binary, Server, [String: String]) {
        let (b, report) = try CommandLineTests.demo(cases: 200)
        var passwords: [String: String] = [:]
        for d in report["domains"] as! [[String: Any]] {
            for u in d["users"] as! [[String: Any]] { passwords[u["email"] as! String] = u["password"] as? String }
        }
        return (b, try Server(b), passwords)
    }

    /// `careportal bench ui --server`: the app's keystrokes over the server as a signed-in user, every operation
    /// measured; without a server it says where the same keys are measured on a file.
    @Test func benchUIMeasuresTheAppsKeysOverTheServer() throws {
        let (b, server, passwords) = try Self.demo()
        let login = try b.run(["login", "--user", "alice@cloudpartners.example", "--password-stdin"],
                              stdin: passwords["alice@cloudpartners.example"]!, server: server.base)
        #expect(login.status == 0, "\(login.stderr)")
        let o = try b.run(["bench", "ui", "--iterations", "2", "--json"], server: server.base)
        #expect(o.status == 0, "\(o.stderr)")
        let rows = (try? JSONSerialization.jsonObject(with: Data(o.stdout.utf8))) as? [[String: Any]] ?? []
        let names = rows.compactMap { $0["name"] as? String }
        for wanted in ["UI: launch to first full screen", "UI: filter keystroke, common word", "UI: cursor move (j)", "UI: page scroll (PgDn)"] {
            #expect(names.contains(wanted), "\(names)")
        }
        #expect(rows.allSatisfy { ($0["samples"] as? Int) == 2 && ($0["median"] as? Double ?? -1) > 0 }, "\(o.stdout)")
        let onFile = try b.run(["bench", "ui", "--iterations", "2"], db: b.db)
        #expect(onFile.status == 2 && onFile.stderr.contains("give --server URL"), "\(onFile.status) \(onFile.stderr)")
    }

    @Test func healthAndTheRefusalsOfAMissingOrForgedToken() throws {
        let (_, server, _) = try Self.demo()
        let health = try server.request("GET", "/healthz")
        #expect(health.status == 200 && health.object["status"] as? String == "ok")
        for (token, authorization) in [(nil, nil), ("forged-token", nil), (nil, "Basic YWxpY2U6eA==")] as [(String?, String?)] {
            let reply = try server.request("GET", "/v1/cases", token: token, authorization: authorization)
            #expect(reply.status == 401, "\(reply.status) \(reply.text)")
            #expect(reply.contentType.hasPrefix("application/problem+json"))
            #expect(reply.object["type"] as? String == "/problems/not-signed-in")
            #expect(reply.object["status"] as? Int == 401 && !(reply.object["detail"] as? String ?? "").isEmpty)
        }
        let wrong = try server.request("POST", "/v1/sessions", json: ["email": "alice@cloudpartners.example", "password": "not it"])
        #expect(wrong.status == 403 && wrong.object["type"] as? String == "/problems/refused", "\(wrong.status) \(wrong.text)")
    }

    /// The first page over HTTP is the command line's first page, and the cursor reads on where it stopped.
    @Test func casesOverHTTPAreTheCommandLinesCases() throws {
        let (b, server, passwords) = try Self.demo()
        let token = try server.signIn("alice@cloudpartners.example", passwords["alice@cloudpartners.example"]!)
        let me = try server.request("GET", "/v1/sessions/current", token: token)
        #expect(me.object["email"] as? String == "alice@cloudpartners.example")
        let local = try CommandLineTests.numbers(b, as: "alice@cloudpartners.example", ["--filter", "is:open", "--limit", "1000"])
        var remote: [Int] = []
        var path = "/v1/cases?filter=is:open&limit=7"
        for _ in 0..<200 {
            let page = try server.request("GET", path, token: token)
            #expect(page.status == 200, "\(page.text)")
            let rows = page.object["rows"] as? [[String: Any]] ?? []
            remote += rows.compactMap { $0["number"] as? Int }
            guard page.object["hasMore"] as? Bool == true, let after = page.object["after"] as? String else { break }
            path = "/v1/cases?filter=is:open&limit=7&after=\(after)"
        }
        #expect(remote == local && !local.isEmpty, "HTTP \(remote.count) rows, command line \(local.count)")
        let count = try server.request("GET", "/v1/cases/count?filter=is:open", token: token)
        #expect(count.object["count"] as? Int == local.count)
        // A form's `+` is a space (as Python's urlencode and browsers send it); `%2B` is a plus.
        let spaced = try server.request("GET", "/v1/cases/count?filter=is:open+sev:p1", token: token)
        let escaped = try server.request("GET", "/v1/cases/count?filter=is%3Aopen%20sev%3Ap1", token: token)
        #expect(spaced.status == 200 && spaced.object["count"] as? Int == escaped.object["count"] as? Int, "\(spaced.text) \(escaped.text)")
        let plus = try server.request("GET", "/v1/cases/count?filter=is:open%2Bsev:p1", token: token)
        #expect(plus.status == 422 && plus.text.contains("open+sev"), "\(plus.text)")
        let bad = try server.request("GET", "/v1/cases?filter=sev:p9", token: token)
        #expect(bad.status == 422 && bad.object["type"] as? String == "/problems/bad-input" && bad.object["field"] as? String == "filter",
                "\(bad.text)")
        // A parameter the list doesn't take is refused, not ignored: `q=` would have listed every case.
        for (path, field) in [("/v1/cases?q=mail", "q"), ("/v1/cases?filter=mail&page=2", "page"), ("/v1/cases/count?sort=severity", "sort")] {
            let unknown = try server.request("GET", path, token: token)
            #expect(unknown.status == 422 && unknown.object["type"] as? String == "/problems/bad-input"
                    && unknown.object["field"] as? String == field, "\(path): \(unknown.status) \(unknown.text)")
        }
    }

    /// Another domain's case answers exactly as a case that doesn't exist.
    @Test func anotherDomainsCaseIsNotFoundLikeAMissingOne() throws {
        let (b, server, passwords) = try Self.demo()
        let token = try server.signIn("alice@cloudpartners.example", passwords["alice@cloudpartners.example"]!)
        let carols = try CommandLineTests.numbers(b, as: "carol@skyline-it.example")
        let alices = try CommandLineTests.numbers(b, as: "alice@cloudpartners.example")
        let missing = (10_000_000...99_999_999).first { !carols.contains($0) && !alices.contains($0) }!
        let theirs = try server.request("GET", "/v1/cases/\(carols[0])", token: token)
        let none = try server.request("GET", "/v1/cases/\(missing)", token: token)
        #expect(theirs.status == 404 && none.status == 404, "\(theirs.status) \(none.status)")
        #expect(theirs.text.replacingOccurrences(of: String(carols[0]), with: "N") == none.text.replacingOccurrences(of: String(missing), with: "N"),
                "\(theirs.text) vs \(none.text)")
        let mine = try server.request("GET", "/v1/cases/\(alices[0])", token: token)
        #expect(mine.status == 200 && mine.object["supportCase"] != nil, "\(mine.text)")
    }

    /// A command over HTTP is the store's command: the message is in the history the command line shows.
    @Test func aMessageOverHTTPIsInTheCaseHistory() throws {
        let (b, server, passwords) = try Self.demo()
        let token = try server.signIn("alice@cloudpartners.example", passwords["alice@cloudpartners.example"]!)
        let open = try CommandLineTests.numbers(b, as: "alice@cloudpartners.example", ["--filter", "is:open customer:acme"])
        let number = try #require(open.first)
        let sent = try server.request("POST", "/v1/cases/\(number)/commands", token: token, json: ["kind": "message", "text": "Sent over HTTP"])
        #expect(sent.status == 204, "\(sent.text)")
        let show = try b.run(["case", "show", "\(number)", "--as", "alice@cloudpartners.example"])
        #expect(show.stdout.contains("Sent over HTTP"), "\(show.stdout)")
        let empty = try server.request("POST", "/v1/cases/\(number)/commands", token: token, json: ["kind": "message", "text": ""])
        #expect(empty.status == 422 && empty.object["type"] as? String == "/problems/bad-input", "\(empty.text)")
        let unknown = try server.request("POST", "/v1/cases/\(number)/commands", token: token, json: ["kind": "delete"])
        #expect(unknown.status == 422 && unknown.object["field"] as? String == "kind", "\(unknown.text)")
        // Signed out, the token no longer works.
        #expect(try server.request("DELETE", "/v1/sessions/current", token: token).status == 204)
        #expect(try server.request("GET", "/v1/cases", token: token).status == 401)
        let (status, log) = server.stop()
        #expect(status == 0, "SIGTERM ends the server cleanly: \(status)")
        #expect(log.contains("route=/v1/cases/\(number)/commands") && log.contains("status=204") && log.contains("user=alice@cloudpartners.example"),
                "\(log)")
        #expect(!log.contains(token) && !log.contains(passwords["alice@cloudpartners.example"]!) && !log.contains("Sent over HTTP"),
                "the log holds no token, password or body")
    }

    @Test func aNonLoopbackAddressWithoutTLSIsRefused() throws {
        let b = try Binary()
        _ = try b.run(["demo", "--cases", "10"])
        let o = try b.run(["serve", "--listen", "0.0.0.0:0"])
        #expect(o.status == 2 && o.stderr.hasPrefix("careportal: listen: 0.0.0.0 is reached from other hosts"), "\(o.status) \(o.stderr)")
        let bad = try b.run(["serve", "--listen", "nowhere"])
        #expect(bad.status == 2 && bad.stderr.contains("listen: \"nowhere\" is not host:port"), "\(bad.stderr)")
    }
}

/// Filing, attachments, drafts, feedback and categories over HTTP.
@Suite(.serialized) struct ServeFilingTests {
    @Test func aCaseFiledOverHTTPTakesAnAttachmentAndRefusesOneOverTheLimit() throws {
        let (b, server, passwords) = try ServeTests.demo()
        let token = try server.signIn("alice@cloudpartners.example", passwords["alice@cloudpartners.example"]!)
        let categories = try server.request("GET", "/v1/categories?search=mx%20records", token: token)
        let category = try #require((categories.json as? [[String: Any]])?.first?["path"] as? String)
        let filed = try server.request("POST", "/v1/cases", token: token, json: [
            "customer": "acme-logistics.example", "title": "Filed over HTTP", "category": category,
            "description": "Answered.\nAnswer: yes", "severity": "P2",
        ])
        #expect(filed.status == 201, "\(filed.text)")
        let number = try #require(filed.object["number"] as? Int)
        var upload = URLRequest(url: URL(string: "/v1/cases/\(number)/attachments?name=headers.txt", relativeTo: server.base)!)
        upload.httpMethod = "POST"
        upload.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        upload.httpBody = Data("Received: from mx.example".utf8)
        #expect(try server.send(upload).status == 204)
        upload.url = URL(string: "/v1/cases/\(number)/attachments?name=huge.bin", relativeTo: server.base)!
        upload.httpBody = Data(count: 26 * 1024 * 1024)
        let huge = try server.send(upload)
        #expect(huge.status == 413 && huge.object["type"] as? String == "/problems/bad-input" && huge.object["field"] as? String == "attachments",
                "\(huge.status) \(huge.text)")
        let detail = try b.json(["case", "show", "\(number)", "--json", "--as", "alice@cloudpartners.example"]) as! [String: Any]
        #expect((detail["attachments"] as? [[String: Any]])?.map { $0["name"] as? String } == ["headers.txt"])
        #expect(detail["title"] as? String == "Filed over HTTP" && detail["severity"] as? String == "P2")
        let noTitle = try server.request("POST", "/v1/cases", token: token, json: [
            "customer": "acme-logistics.example", "title": "", "category": category, "description": "x", "severity": "P3",
        ])
        #expect(noTitle.status == 422 && (noTitle.object["detail"] as? String ?? "").hasPrefix("title:"), "\(noTitle.text)")
    }

    @Test func draftsAndFeedbackBelongToTheirUser() throws {
        let (_, server, passwords) = try ServeTests.demo()
        let alice = try server.signIn("alice@cloudpartners.example", passwords["alice@cloudpartners.example"]!)
        let carol = try server.signIn("carol@skyline-it.example", passwords["carol@skyline-it.example"]!)
        #expect(try server.request("PUT", "/v1/drafts/message%2012345678", token: alice, json: ["content": "Half a reply"]).status == 204)
        let mine = try server.request("GET", "/v1/drafts/message%2012345678", token: alice)
        #expect(mine.object["content"] as? String == "Half a reply" && mine.object["form"] as? String == "message 12345678")
        #expect(try server.request("GET", "/v1/drafts/message%2012345678", token: carol).status == 404)
        #expect((try server.request("GET", "/v1/drafts", token: alice).json as? [Any])?.count == 1)
        #expect(try server.request("DELETE", "/v1/drafts/message%2012345678", token: alice).status == 204)
        #expect(try server.request("GET", "/v1/drafts/message%2012345678", token: alice).status == 404)

        #expect(try server.request("POST", "/v1/feedback", token: alice, json: ["screen": "API", "message": "From Alice"]).status == 204)
        #expect(try server.request("POST", "/v1/feedback", token: carol, json: ["screen": "API", "message": "From Carol"]).status == 204)
        let read = try server.request("GET", "/v1/feedback", token: carol).json as? [[String: Any]]
        #expect(read?.map { $0["message"] as? String } == ["From Carol"])
    }
}

/// Every answer the server gives is one its OpenAPI document names: the route, the method and the status, and a
/// problem's type. The document is the one the server serves.
@Suite(.serialized) struct ServeContractTests {
    @Test func everyAnswerIsDocumented() throws {
        let (b, server, passwords) = try ServeTests.demo()
        let spec = try server.request("GET", "/v1/openapi.yaml")
        #expect(spec.status == 200 && spec.contentType.hasPrefix("application/yaml"))
        let document = OpenAPIDocument(spec.text)
        #expect(document.statuses.count >= 15, "\(document.statuses.keys)")
        #expect(document.problemTypes.count == 5, "\(document.problemTypes)")
        let token = try server.signIn("alice@cloudpartners.example", passwords["alice@cloudpartners.example"]!)
        let admin = try server.signIn("admin@cloudpartners.example", passwords["admin@cloudpartners.example"]!)
        let mine = try CommandLineTests.numbers(b, as: "alice@cloudpartners.example", ["--filter", "is:open customer:acme"])
        let n = try #require(mine.first)
        let requests: [(String, String, String?, Any?)] = [
            ("GET", "/healthz", nil, nil), ("GET", "/v1/openapi.yaml", nil, nil),
            ("POST", "/v1/sessions", nil, ["email": "alice@cloudpartners.example", "password": "wrong"]),
            ("POST", "/v1/sessions", nil, ["email": "x"]),
            ("GET", "/v1/sessions/current", token, nil), ("GET", "/v1/sessions/current", nil, nil),
            ("GET", "/v1/cases?filter=is:open&limit=3", token, nil), ("GET", "/v1/cases?sort=sideways", token, nil),
            ("GET", "/v1/cases?end=last", token, nil), ("GET", "/v1/cases", nil, nil),
            ("GET", "/v1/cases/count?filter=sev:p1", token, nil), ("GET", "/v1/cases/count?cap=0", token, nil),
            ("GET", "/v1/cases/\(n)", token, nil), ("GET", "/v1/cases/10000000", token, nil), ("GET", "/v1/cases/abc", token, nil),
            ("POST", "/v1/cases/\(n)/commands", token, ["kind": "message", "text": "Contract"]),
            ("POST", "/v1/cases/\(n)/commands", token, ["kind": "escalate"]),
            ("POST", "/v1/cases/10000000/commands", token, ["kind": "close"]),
            ("POST", "/v1/cases", token, ["customer": "acme-logistics.example", "title": "", "category": "x", "description": "x", "severity": "P3"]),
            ("GET", "/v1/customers", token, nil), ("GET", "/v1/categories?search=calendar", token, nil),
            ("GET", "/v1/customers/match?text=acme-logistics.example", token, nil), ("GET", "/v1/customers/match?text=nobody", token, nil),
            ("GET", "/v1/customers/match", token, nil),
            ("GET", "/v1/customers/page?search=acme&limit=2", token, nil), ("GET", "/v1/customers/page?after=nonsense", token, nil),
            ("GET", "/v1/customers/page?q=acme", token, nil), ("GET", "/v1/customers/page", nil, nil),
            ("GET", "/v1/changes", token, nil), ("GET", "/v1/changes", nil, nil),
            ("GET", "/v1/changes?after=0", token, nil), ("GET", "/v1/changes?after=soon", token, nil),
            ("GET", "/v1/events?after=soon", token, nil), ("GET", "/v1/events", nil, nil),
            ("POST", "/v1/cases/\(n)/commands", token, ["kind": "status", "status": "closed"]),
            ("POST", "/v1/admin/customer-users", token, ["email": "kim2@acme-logistics.example", "name": "Kim", "password": "password-k",
                                                   "customer": "acme-logistics.example"]),
            ("POST", "/v1/admin/customer-users", token, ["email": "kim2@acme-logistics.example"]),
            ("POST", "/v1/engineers", token, ["email": "eve@support.example", "name": "Eve", "password": "password-eve"]),
            ("POST", "/v1/engineers", nil, ["email": "eve@support.example", "name": "Eve", "password": "password-eve"]),
            ("GET", "/v1/drafts", token, nil), ("PUT", "/v1/drafts/new%20case", token, ["content": "{}"]),
            ("GET", "/v1/drafts/new%20case", token, nil), ("DELETE", "/v1/drafts/new%20case", token, nil),
            ("GET", "/v1/drafts/new%20case", token, nil),
            ("POST", "/v1/feedback", nil, ["screen": "Sign in", "message": "Hello"]), ("GET", "/v1/feedback", token, nil),
            ("DELETE", "/v1/sessions/current", token, nil),
        ]
        // The admin routes' answers are known in advance: each is checked for its status too.
        let admins = Self.adminRequests(admin: admin, agent: try server.signIn("alice@cloudpartners.example", passwords["alice@cloudpartners.example"]!))
        for (method, path, token, body, expected) in requests.map({ ($0.0, $0.1, $0.2, $0.3, Int?.none) })
            + admins.map({ ($0.0, $0.1, $0.2, $0.3, Int?.some($0.4)) }) {
            let reply = try server.request(method, path, token: token, json: body)
            if let expected { #expect(reply.status == expected, "\(method) \(path): \(reply.status) \(reply.text)") }
            guard let operation = document.operation(method, path) else {
                Issue.record("\(method) \(path) answered \(reply.status) but isn't in the document")
                continue
            }
            #expect(document.statuses[operation]?.contains(reply.status) == true,
                    "\(method) \(operation.path) answered \(reply.status), documented \(document.statuses[operation] ?? []): \(reply.text)")
            #expect(reply.status < 500, "\(method) \(path): \(reply.status) \(reply.text)")
            if reply.status >= 400 {
                #expect(reply.contentType.hasPrefix("application/problem+json"), "\(method) \(path): \(reply.contentType)")
                #expect(document.problemTypes.contains(reply.object["type"] as? String ?? ""), "\(method) \(path): \(reply.text)")
            }
        }
    }
}

extension ServeContractTests {
    /// Each super administrator's route: done, refused to an agent (403), bad input (422), a name already taken (409),
    /// nothing by that name (404), no token (401).
    static func adminRequests(admin: String, agent: String) -> [(String, String, String?, Any?, Int)] {
        let user = "/v1/admin/users/new@cloudpartners.example"
        let customer = "/v1/admin/customers/contract-co.example"
        return [
            ("GET", "/v1/admin/overview", admin, nil, 200), ("GET", "/v1/admin/overview", agent, nil, 403),
            ("GET", "/v1/admin/overview", nil, nil, 401),
            ("POST", "/v1/admin/domains", admin, ["name": "contract.example", "adminEmail": "root@contract.example", "password": "contract-password"], 201),
            ("POST", "/v1/admin/domains", admin, ["name": "contract.example", "adminEmail": "root@contract.example", "password": "contract-password"], 409),
            ("POST", "/v1/admin/domains", agent, ["name": "rogue.example", "adminEmail": "root@rogue.example", "password": "rogue-password"], 403),
            ("POST", "/v1/admin/domains", admin, ["name": "not a domain", "adminEmail": "root@x.example", "password": "contract-password"], 422),
            ("POST", "/v1/admin/domains", admin, ["name": "contract2.example"], 422),
            ("POST", "/v1/admin/secondary-domains", admin, ["name": "cloudpartners-eu.example"], 204),
            ("POST", "/v1/admin/secondary-domains", admin, ["name": "cloudpartners-eu.example"], 409),
            ("POST", "/v1/admin/secondary-domains", admin, ["name": "not a domain"], 422),
            ("POST", "/v1/admin/secondary-domains", agent, ["name": "agent.example"], 403),
            ("POST", "/v1/admin/users", admin, ["email": "new@cloudpartners.example", "name": "New", "password": "new-password-1",
                                                "licensed": true, "roles": ["Reseller Admin"]], 201),
            ("POST", "/v1/admin/users", admin, ["email": "new@cloudpartners.example", "name": "New", "password": "new-password-1"], 409),
            ("POST", "/v1/admin/users", admin, ["email": "other@cloudpartners.example", "name": "Other", "password": "new-password-1",
                                                "roles": ["No such role"]], 404),
            ("POST", "/v1/admin/users", admin, ["email": "x@elsewhere.example", "name": "X", "password": "new-password-1"], 422),
            ("POST", "/v1/admin/users", admin, ["email": "z@cloudpartners.example", "name": "Z", "password": "new-password-1",
                                                "acceptWorkspaceLicence": true], 422),
            ("POST", "/v1/admin/users", admin, ["email": "z@cloudpartners.example", "name": "Z", "password": "new-password-1",
                                                "orgUnit": "No such unit"], 404),
            ("POST", "/v1/admin/users", agent, ["email": "y@cloudpartners.example", "name": "Y", "password": "new-password-1"], 403),
            ("DELETE", "\(user)/licence", admin, nil, 204), ("PUT", "\(user)/licence", admin, nil, 204),
            ("PUT", "/v1/admin/users/nobody@cloudpartners.example/licence", admin, nil, 404), ("PUT", "\(user)/licence", agent, nil, 403),
            ("DELETE", "\(user)/roles/Reseller%20Admin", admin, nil, 204), ("PUT", "\(user)/roles/Reseller%20Admin", admin, nil, 204),
            ("PUT", "\(user)/roles/No%20such%20role", admin, nil, 404), ("DELETE", "\(user)/roles/Reseller%20Admin", agent, nil, 403),
            ("PUT", "\(user)/suspension", admin, nil, 204), ("DELETE", "\(user)/suspension", admin, nil, 204),
            ("PUT", "/v1/admin/users/nobody@cloudpartners.example/suspension", admin, nil, 404), ("PUT", "\(user)/suspension", agent, nil, 403),
            ("PUT", "\(user)/alert-address", admin, ["address": "ops@cloudpartners.example"], 204),
            ("PUT", "\(user)/alert-address", admin, ["address": "not an address"], 422),
            ("DELETE", "\(user)/alert-address", admin, nil, 204),
            ("DELETE", "/v1/admin/users/nobody@cloudpartners.example/alert-address", admin, nil, 404),
            ("DELETE", "\(user)/alert-address", agent, nil, 403),
            ("POST", "/v1/admin/licence-requests", admin, ["count": 5], 204), ("POST", "/v1/admin/licence-requests", admin, ["count": 0], 422),
            ("POST", "/v1/admin/licence-requests", agent, ["count": 5], 403),
            ("POST", "/v1/admin/roles", admin, ["name": "Contract role", "privileges": ["support", "view-customers"]], 204),
            ("POST", "/v1/admin/roles", admin, ["name": "Contract role", "privileges": ["support"]], 409),
            ("POST", "/v1/admin/roles", admin, ["name": "Empty role", "privileges": []], 422),
            ("POST", "/v1/admin/roles", admin, ["name": "Bad role", "privileges": ["everything"]], 422),
            ("POST", "/v1/admin/roles", agent, ["name": "Agent role", "privileges": ["support"]], 403),
            ("POST", "/v1/admin/org-units", admin, ["name": "Contract unit", "autoLicensing": true], 201),
            ("POST", "/v1/admin/org-units", admin, ["name": "Bad \u{1B}[2J unit"], 422), ("POST", "/v1/admin/org-units", admin, ["name": " "], 422), ("POST", "/v1/admin/org-units", agent, ["name": "Agent unit"], 403),
            ("PUT", "/v1/admin/org-units/Contract%20unit/auto-licensing", admin, ["on": false], 200),
            ("PUT", "/v1/admin/org-units/Contract%20unit/auto-licensing", admin, ["on": true], 200),
            ("PUT", "/v1/admin/org-units/No%20unit/auto-licensing", admin, ["on": false], 404),
            ("PUT", "/v1/admin/org-units/Contract%20unit/auto-licensing", agent, ["on": false], 403),
            ("PUT", "\(user)/org-unit", admin, ["orgUnit": "Contract unit"], 422),
            ("PUT", "\(user)/org-unit", admin, ["orgUnit": "Contract unit", "acceptWorkspaceLicence": true], 204),
            ("PUT", "\(user)/org-unit", admin, ["orgUnit": "No unit"], 404),
            ("PUT", "\(user)/org-unit", agent, ["orgUnit": "Cloud Identity users"], 403),
            ("POST", "/v1/admin/customers", admin, ["name": "Contract Co", "primaryDomain": "contract-co.example", "tier": "premium"], 201),
            ("POST", "/v1/admin/customers", admin, ["name": "Contract Co", "primaryDomain": "contract-co.example"], 409),
            ("POST", "/v1/admin/customers", admin, ["name": "Bad Co", "primaryDomain": "not a domain"], 422),
            ("POST", "/v1/admin/customers", agent, ["name": "Agent Co", "primaryDomain": "agent-co.example"], 403),
            ("PUT", "\(customer)/grant", admin, nil, 204), ("DELETE", "\(customer)/grant", admin, nil, 204),
            ("PUT", "/v1/admin/customers/nobody.example/grant", admin, nil, 404), ("PUT", "\(customer)/grant", agent, nil, 403),
            ("PUT", "\(customer)/tier", admin, ["tier": "enhanced"], 204), ("PUT", "\(customer)/tier", admin, ["tier": "gold"], 422),
            ("PUT", "/v1/admin/customers/nobody.example/tier", admin, ["tier": "enhanced"], 404),
            ("PUT", "\(customer)/tier", agent, ["tier": "premium"], 403),
            ("POST", "\(customer)/transfer", admin, ["to": "nowhere.example"], 404),
            ("POST", "\(customer)/transfer", agent, ["to": "skyline-it.example"], 403),
            ("POST", "\(customer)/transfer", admin, ["to": "skyline-it.example"], 204),
            ("GET", "/v1/admin/audit", admin, nil, 200), ("GET", "/v1/admin/audit", agent, nil, 403), ("GET", "/v1/admin/audit", nil, nil, 401),
        ]
    }
}

/// The command line over `--server`: the same output and exit codes as on the database file.
@Suite(.serialized) struct ServerCommandLineTests {
    @Test func loginListShowAndMessageOverTheServerMatchTheLocalFile() throws {
        let (b, server, passwords) = try ServeTests.demo()
        let url = server.base
        let login = try b.run(["login", "--user", "alice@cloudpartners.example", "--password-stdin"],
                              stdin: passwords["alice@cloudpartners.example"]! + "\n", server: url)
        #expect(login.status == 0 && login.stdout.hasPrefix("Signed in as Alice Moreau"), "\(login.stdout) \(login.stderr)")
        let me = ["--as", "alice@cloudpartners.example"]
        for args in [["cases", "--limit", "30"], ["cases", "--filter", "is:open mail", "--json"], ["cases", "--sort", "severity", "--csv"],
                     ["customers", "--json"], ["cases", "--customer", "acme-logistics.example", "--json"]] {
            let local = try b.run(args + me), remote = try b.run(args + me, server: url)
            #expect(remote.status == 0 && remote.stdout == local.stdout, "\(args): \(remote.stderr)\n\(remote.stdout)\nvs\n\(local.stdout)")
        }
        let numbers = try CommandLineTests.numbers(b, as: "alice@cloudpartners.example", ["--filter", "is:open customer:acme"])
        let n = try #require(numbers.first)
        #expect(try b.run(["case", "message", "\(n)", "--message", "Typed on the command line, sent over the server"] + me, server: url).status == 0)
        let showLocal = try b.run(["case", "show", "\(n)", "--json"] + me), showRemote = try b.run(["case", "show", "\(n)", "--json"] + me, server: url)
        #expect(showRemote.stdout == showLocal.stdout && showLocal.stdout.contains("sent over the server"), "\(showRemote.stderr)")
        // Filing with an attachment and sharing, then the other commands, over the server.
        let file = b.home.appendingPathComponent("headers.txt")
        try Data("Received: from mx.example".utf8).write(to: file)
        let created = try b.run(["case", "create", "--customer", "acme-logistics.example", "--title", "Filed over the server",
                                 "--category", "Gmail > Delivery > Messages delayed", "--description", "Since 9:00.", "--severity", "P2",
                                 "--attach", file.path, "--share", "it@acme-logistics.example", "--json"] + me, server: url)
        let filed = try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any]
        let m = try #require(filed?["number"] as? Int, "\(created.stderr)")
        #expect((filed?["attachments"] as? [[String: Any]])?.first?["size"] as? Int == 25, "\(created.stdout)")
        for args in [["case", "severity", "\(m)", "P1"], ["case", "close", "\(m)"], ["case", "reopen", "\(m)"], ["case", "attach", "\(m)", file.path]] {
            let o = try b.run(args + me, server: url)
            #expect(o.status == 0, "\(args): \(o.stderr)")
        }
        let kinds = ((try b.json(["case", "show", "\(m)", "--json"] + me) as? [String: Any])?["history"] as? [[String: Any]] ?? []).map { $0["kind"] as? String }
        #expect(kinds.filter { $0 == "attachment" }.count == 2 && kinds.contains("severity-change") && kinds.contains("status-change"), "\(kinds)")
        // Refusals keep their exit codes and lines: another domain's case, a bad filter, an empty message.
        let carols = try CommandLineTests.numbers(b, as: "carol@skyline-it.example")
        for args in [["case", "show", "\(carols[0])"], ["cases", "--filter", "sev:p9"], ["case", "message", "\(n)", "--message", ""],
                     ["cases", "--customer", "nobody.example"]] {
            let local = try b.run(args + me), remote = try b.run(args + me, server: url)
            #expect(remote.status == local.status && remote.stderr == local.stderr, "\(args): \(remote.status) \(remote.stderr) vs \(local.status) \(local.stderr)")
        }
        // The admin commands: byte for byte the same output, errors and exit codes (reads, and refusals that change nothing).
        let adminPassword = passwords["admin@cloudpartners.example"]! + "\n"
        #expect(try b.run(["login", "--user", "admin@cloudpartners.example", "--password-stdin"], stdin: adminPassword).status == 0)
        #expect(try b.run(["login", "--user", "admin@cloudpartners.example", "--password-stdin"], stdin: adminPassword, server: url).status == 0)
        let admin = ["--as", "admin@cloudpartners.example"]
        for args in [["admin", "user", "list"], ["admin", "user", "list", "--json"], ["admin", "licence", "status"], ["admin", "audit", "--json"],
                     ["admin", "customer", "transfer", "nobody.example", "--to", "skyline-it.example"], ["admin", "licence", "request", "--count", "0"],
                     ["admin", "user", "suspend", "admin@cloudpartners.example"], ["admin", "domain", "add-secondary", "cloudpartners.example"],
                     ["admin", "role", "create", "Reseller Admin", "--privilege", "support"], ["admin", "user", "alerts", "nobody@cloudpartners.example", "--clear"]]
                     .map({ $0 + admin }) + [["admin", "user", "list"] + me] {
            let local = try b.run(args), remote = try b.run(args, server: url)
            #expect(remote.status == local.status && remote.stdout == local.stdout && remote.stderr == local.stderr,
                    "\(args): \(remote.status) \(remote.stderr)\(remote.stdout) vs \(local.status) \(local.stderr)\(local.stdout)")
        }
        // Alerts are delivered where the database is, not by a client of the server.
        let deliver = try b.run(["alerts", "deliver", "--maildir", b.home.appendingPathComponent("mail").path], server: url)
        #expect(deliver.status == 2 && deliver.stderr.contains("alerts are delivered where the database is"), "\(deliver.stderr)")
        // The session is the server's: listed with it, and signing out ends it there.
        let listed = try b.run(["sessions", "--json"], server: url)
        let sessions = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        #expect(sessions?.map { $0["user"] as? String } == ["alice@cloudpartners.example", "admin@cloudpartners.example"], "\(listed.stdout) \(listed.stderr)")
        #expect(try b.run(["logout", "--user", "alice@cloudpartners.example"], server: url).status == 0)
        #expect(try b.run(["cases"] + me, server: url).status == 1)
        let down = try b.run(["cases"] + me, server: URL(string: "http://127.0.0.1:9")!)
        #expect(down.status == 1 || down.status == 3, "\(down.status) \(down.stderr)")
    }
}

/// The full-screen app over `--server`: its lists come from the server, and a case filed by someone else shows up
/// without a key pressed (the app polls the server's change token).
@Suite(.serialized, .enabled(if: Tmux.available, Comment(rawValue: Tmux.missingMessage)))
struct ServerAppTests {
    @Test func theAppOverAServerShowsACaseAnotherClientFiled() throws {
        let (b, server, passwords) = try ServeTests.demo()
        let login = try b.run(["login", "--user", "alice@cloudpartners.example", "--password-stdin"],
                              stdin: passwords["alice@cloudpartners.example"]! + "\n", server: server.base)
        #expect(login.status == 0, "\(login.stderr)")
        let env = "env TERM=xterm-256color LANG=C.UTF-8 HOME=\(b.home.path) XDG_STATE_HOME=\(b.home.path)/state XDG_CONFIG_HOME=\(b.home.path)/config"
        let t = try Tmux(command: "\(env) \(Binary.path) --server \(server.base.absoluteString) --as alice@cloudpartners.example",
                         width: 120, height: 40)
        try t.waitFor(until: "My Cases from the server") { $0.contains("as Alice Moreau") && TerminalAppTests.caseRows($0).count > 10 }
        // Filed over HTTP by another client, straight to the server.
        let token = try server.signIn("alice@cloudpartners.example", passwords["alice@cloudpartners.example"]!)
        let filed = try server.request("POST", "/v1/cases", token: token, json: [
            "customer": "acme-logistics.example", "title": "Filed by a colleague just now", "category": "Gmail > Delivery > Messages delayed",
            "description": "Since 9:00.", "severity": "P2",
        ])
        #expect(filed.status == 201, "\(filed.text)")
        let screen = try t.waitFor(until: "the new case on screen without a key") { $0.contains("Filed by a colleague just now") }
        #expect(TerminalAppTests.caseRows(screen).first?.contains("Filed by a colleague just now") == true, "\(screen)")
    }
}
