import Foundation
import Testing
@testable import Domain

@Suite("Category catalogue")
struct CategoryCatalogueTests {
    let all = CategoryCatalogue.all

    // MARK: shape

    @Test func atLeastSeventyCategories() {
        #expect(all.count >= 70)
    }

    @Test func everyPathHasThreeNonEmptyParts() {
        for c in all {
            let parts = c.path.components(separatedBy: " > ")
            #expect(parts.count == 3, "\(c.path)")
            #expect(parts.allSatisfy { !$0.isEmpty && $0 == $0.trimmingCharacters(in: .whitespaces) }, "\(c.path)")
            #expect(c.area == parts[0] && c.topic == parts[1] && c.issue == parts[2])
            #expect(!c.path.contains(">>"))
        }
    }

    @Test func oneToFourQuestionsEach() {
        for c in all {
            #expect((1...4).contains(c.questions.count), "\(c.path)")
            for q in c.questions {
                #expect(q.count > 10, "\(c.path): \(q)")
                #expect(q.hasSuffix("?") || q.hasSuffix(".") || q.hasSuffix(".)"), "\(c.path): \(q)")
            }
            #expect(Set(c.questions).count == c.questions.count, "no repeated question in \(c.path)")
        }
    }

    @Test func noDuplicatePaths() {
        let lower = all.map { $0.path.lowercased() }
        #expect(Set(lower).count == all.count)
    }

    @Test func questionsAreSpecificNotCopied() {
        // No two categories ask the same list, and no single question is pasted into many categories.
        #expect(Set(all.map(\.questions)).count == all.count)
        var uses: [String: Int] = [:]
        for q in all.flatMap(\.questions) { uses[q, default: 0] += 1 }
        #expect(uses.values.allSatisfy { $0 <= 2 }, "\(uses.filter { $0.value > 2 })")
    }

    @Test func coversTheMainAreas() {
        let areas = Set(all.map(\.area))
        for a in ["Gmail", "Drive and Docs", "Calendar", "Meet", "Chat", "Admin console", "Domains and DNS",
                  "Security", "SSO and SAML", "Billing and licences", "Vault", "Devices", "Data migration",
                  "Groups", "Sites", "Classroom", "Cloud Identity", "Marketplace apps", "APIs and quotas"] {
            #expect(areas.contains(a), "\(a)")
        }
    }

    @Test func areasAreContiguous() {
        // Catalogue order groups each area together, so an empty search lists them tidily.
        var seen: [String] = []
        for c in all where seen.last != c.area {
            #expect(!seen.contains(c.area), "\(c.area) appears in two places")
            seen.append(c.area)
        }
    }

    // MARK: search

    @Test func emptyQueryListsCatalogueOrder() {
        #expect(CategoryCatalogue.search("") == Array(all.prefix(10)))
        #expect(CategoryCatalogue.search("  ", limit: .max) == all)
        #expect(CategoryCatalogue.search("", limit: 3) == Array(all.prefix(3)))
        #expect(CategoryCatalogue.search("mx", limit: 0).isEmpty)
    }

    @Test func mxFindsTheMXRecordCategoryFirst() throws {
        let first = try #require(CategoryCatalogue.search("mx").first)
        #expect(first.path == "Domains and DNS > MX records > Mail not delivered after an MX change")
        #expect(CategoryCatalogue.search("MX").first == first, "case-insensitive")
    }

    @Test func samlSSOFindsSSO() throws {
        let results = CategoryCatalogue.search("saml sso")
        let first = try #require(results.first)
        #expect(first.area == "SSO and SAML")
        #expect(first.issue.contains("SSO") && first.issue.contains("SAML"))
        #expect(results.prefix(4).allSatisfy { $0.area == "SSO and SAML" })
    }

    @Test func gmailNotReceived() {
        #expect(CategoryCatalogue.search("gmail not received").first?.path == "Gmail > Delivery > Messages not received")
        #expect(CategoryCatalogue.search("not received").prefix(2).map(\.path).contains("Calendar > Events > Invitations not received"))
    }

    @Test func rankingExamples() {
        let expectations: [(String, String)] = [
            ("dkim", "Gmail > Authentication > SPF, DKIM or DMARC failing"),
            ("2sv", "Security > 2-Step Verification > Users locked out after 2SV enforcement"),
            ("domain verification", "Domains and DNS > Verification > Domain verification failing"),
            ("room booking", "Calendar > Resources > Room or resource booking fails"),
            ("recording", "Meet > Recording > Recordings missing or not saved"),
            ("gcds", "Directory sync > Google Cloud Directory Sync > GCDS sync fails or deletes users"),
            ("vault export", "Vault > Search and export > Export fails or is incomplete"),
            ("chromebook", "Devices > ChromeOS > Chromebook enrolment fails"),
            ("bounce", "Gmail > Delivery > Outgoing messages bounced"),
            ("shared drive", "Drive and Docs > Shared drives > Members cannot access a shared drive"),
            ("transfer token", "Billing and licences > Subscriptions > Transfer of a customer between resellers"),
            ("rate limit", "APIs and quotas > Quotas > Rate limit or quota exceeded errors"),
            ("customer has not granted access", "Customer Care Portal > Customer access > Customer has not granted access"),
        ]
        for (query, path) in expectations {
            #expect(CategoryCatalogue.search(query).first?.path == path, "\(query)")
        }
    }

    @Test func prefixMatching() {
        let results = CategoryCatalogue.search("calend", limit: .max)
        let calendar = all.filter { $0.area == "Calendar" }
        #expect(calendar.count >= 4)
        #expect(Set(results.prefix(calendar.count)) == Set(calendar), "every Calendar category comes first")
        #expect(CategoryCatalogue.search("phish").first?.path == "Gmail > Spam and phishing > Phishing or spam reaching inboxes")
        #expect(CategoryCatalogue.search("deleg").first?.topic == "Delegation and aliases")
    }

    @Test func wordsMustMatchTheStartOfAWord() {
        // "ail" is inside "Gmail" and "mail" but starts no word, so it finds nothing.
        #expect(CategoryCatalogue.search("ail").isEmpty)
        #expect(CategoryCatalogue.search("xyzzy").isEmpty)
    }

    @Test func moreMatchedWordsRankHigher() throws {
        let results = CategoryCatalogue.search("gmail delayed", limit: .max)
        #expect(results.first?.path == "Gmail > Delivery > Messages delayed")
        // Categories matching only "gmail" come after it.
        #expect(results.count > 1)
    }

    @Test func issueAndTopicOutrankAreaAndQuestions() throws {
        // "licence" is an Issue word in one category, a Topic word in others and an Area word in the rest.
        let results = CategoryCatalogue.search("licence", limit: .max)
        #expect(results.first?.path == "Billing and licences > Licences > Cannot assign a licence")
        let topicOrIssue = results.prefix { $0.topic == "Licences" || $0.issue.lowercased().contains("licen") }
        #expect(topicOrIssue.count >= 3)
        // A match only in the questions ranks below every path match.
        let bounce = CategoryCatalogue.search("bounce", limit: .max)
        #expect(bounce.first?.path == "Gmail > Delivery > Outgoing messages bounced")
        let questionOnly = try #require(bounce.firstIndex { !$0.path.lowercased().contains("bounce") })
        #expect(bounce[questionOnly...].allSatisfy { !$0.path.lowercased().contains("bounce") })
    }

    @Test func tiesKeepCatalogueOrder() {
        let delivery = CategoryCatalogue.search("delivery", limit: .max)
        let gmailDelivery = all.filter { $0.area == "Gmail" && $0.topic == "Delivery" }
        #expect(Array(delivery.prefix(gmailDelivery.count)) == gmailDelivery)
    }

    @Test func searchIgnoresAccentsPunctuationAndCommonWords() {
        #expect(CategoryCatalogue.search("the MX-records").first?.topic == "MX records")
        #expect(CategoryCatalogue.search("Calendár").first?.area == "Calendar")
        #expect(CategoryCatalogue.search("license").first?.path == "Billing and licences > Licences > Cannot assign a licence")
        #expect(CategoryCatalogue.search("organization units").first?.topic == "Organisational units")
    }

    @Test func limitIsHonoured() {
        #expect(CategoryCatalogue.search("gmail", limit: 3).count == 3)
        #expect(CategoryCatalogue.search("gmail").count == 10)
    }

    // MARK: lookup and resolve

    @Test func exactPathLookup() {
        let path = "Gmail > Delivery > Messages not received"
        #expect(CategoryCatalogue.category(path: path)?.path == path)
        #expect(CategoryCatalogue.category(path: "gmail > delivery > MESSAGES NOT RECEIVED")?.path == path)
        #expect(CategoryCatalogue.category(path: "Gmail>Delivery>Messages  not received")?.path == path)
        #expect(CategoryCatalogue.category(path: "Gmail > Delivery") == nil)
        #expect(CategoryCatalogue.category(path: "") == nil)
    }

    @Test func resolveExactPath() {
        let c = all[5]
        #expect(CategoryCatalogue.resolve(c.path) == .found(c))
        #expect(CategoryCatalogue.resolve(c.path.uppercased()) == .found(c))
    }

    @Test func resolveSingleFullMatch() throws {
        let mx = try #require(CategoryCatalogue.category(path: "Domains and DNS > MX records > Mail not delivered after an MX change"))
        #expect(CategoryCatalogue.resolve("mx") == .found(mx))
        let gcds = try #require(all.first { $0.path.contains("GCDS") })
        #expect(CategoryCatalogue.resolve("gcds") == .found(gcds))
    }

    @Test func resolveClearWinner() throws {
        // Several categories contain "gmail", "not" and "received", but one matches them best.
        let c = try #require(CategoryCatalogue.category(path: "Gmail > Delivery > Messages not received"))
        #expect(CategoryCatalogue.resolve("gmail not received") == .found(c))
        let sso = try #require(CategoryCatalogue.search("saml sso").first)
        #expect(CategoryCatalogue.resolve("saml sso") == .found(sso))
    }

    @Test func resolveAmbiguous() throws {
        guard case .ambiguous(let list) = CategoryCatalogue.resolve("delivery") else {
            Issue.record("delivery should be ambiguous")
            return
        }
        #expect(list.count >= 2 && list.count <= 5)
        #expect(list.first?.path == "Gmail > Delivery > Messages not received")
        guard case .ambiguous(let spam) = CategoryCatalogue.resolve("spam") else {
            Issue.record("spam should be ambiguous")
            return
        }
        #expect(spam.map(\.topic) == ["Spam and phishing", "Spam and phishing"])
        guard case .ambiguous(let many) = CategoryCatalogue.resolve("gmail") else {
            Issue.record("gmail should be ambiguous")
            return
        }
        #expect(many.count == 5, "at most five candidates")
    }

    @Test func resolveNotFound() {
        #expect(CategoryCatalogue.resolve("xyzzy") == .notFound)
        #expect(CategoryCatalogue.resolve("") == .notFound)
        #expect(CategoryCatalogue.resolve("  ,, ") == .notFound)
        // Some words match, but no category matches all of them.
        #expect(CategoryCatalogue.resolve("gmail xyzzy") == .notFound)
    }

    // MARK: template

    @Test func descriptionTemplateListsEveryQuestion() throws {
        let c = try #require(CategoryCatalogue.category(path: "Gmail > Delivery > Messages not received"))
        let t = CategoryCatalogue.descriptionTemplate(for: c)
        #expect(t.hasPrefix("1. " + c.questions[0] + "\nAnswer: \n"))
        for (n, q) in c.questions.enumerated() {
            #expect(t.contains("\(n + 1). \(q)\nAnswer: "))
        }
        #expect(t.components(separatedBy: "Answer:").count - 1 == c.questions.count)
        for c in all {
            #expect(!CategoryCatalogue.descriptionTemplate(for: c).isEmpty)
        }
    }
}
