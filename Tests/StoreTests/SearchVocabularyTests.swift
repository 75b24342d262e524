import Domain
import Foundation
import GRDB
import Testing
@testable import Store

/// The vocabulary holds every word of the keyword index (but numbers), however the rows got there, and a long prefix
/// searched as its words finds exactly what FTS5's own prefix query finds.
@Suite struct SearchVocabularyTests {
    /// The index's words (numbers left out) that the vocabulary lacks: must be none.
    static func missing(_ db: Database) throws -> [String] {
        try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS temp.check_words USING fts5vocab(main, case_search, 'row')")
        defer { try? db.execute(sql: "DROP TABLE temp.check_words") }
        return try String.fetchAll(db, sql: """
            SELECT term FROM temp.check_words WHERE term GLOB '*[^0-9]*' AND term NOT IN (SELECT term FROM search_word)
            """)
    }

    static func missing(_ store: PortalStore) throws -> [String] {
        try store.write { db in try missing(db) }
    }

    /// Cases whose words share long prefixes, with diacritics, in titles, descriptions, customers and messages.
    static func fixture() throws -> StoreFixture {
        let f = try StoreFixture()
        let me = Actor.reseller(f.agent1)
        let titles = ["Café menu sync fails", "Cafeteria calendar double-booked", "Caféine shared drive", "Mailbox quota",
                      "Mailboxes missing after migration", "Mailing list bounces", "Users cannot sign in", "User sync lag"]
        for (i, title) in titles.enumerated() {
            f.clock.advance(30)
            let c = try f.store.fileCase(as: f.agent1, NewCase(
                customer: i % 2 == 0 ? "acme.example" : "basic.example", title: title, category: "Gmail > Delivery > Outgoing messages bounced",
                description: "Seen by användare in Zürich, ticket v2-\(i).", severity: .p3))
            if i % 3 == 0 {
                f.clock.advance(5)
                try f.store.postMessage(as: me, number: c.number, message: "Résumé of the mailflow trace attached.")
            }
        }
        f.clock.advance(5)
        try f.store.supportReply(as: f.engineer, number: f.standardCase.number, message: "Überprüfung der Weiterleitung läuft.",
                                 status: .inProgress)
        return f
    }

    @Test func theCommandsAddEveryWordTheyIndex() throws {
        let f = try Self.fixture()
        #expect(try Self.missing(f.store) == [])
        let words = try f.store.read { db in try Set(String.fetchAll(db, sql: "SELECT term FROM search_word")) }
        // Folded as the index folds them; the messages' and the customers' words too; numbers left out.
        #expect(words.isSuperset(of: ["cafe", "cafeine", "zurich", "resume", "uberprufung", "acme", "example", "v2"]))
        #expect(!words.contains { $0.allSatisfy(\.isNumber) })
    }

    @Test func aMigratedDatabaseAndACopiedOrganisationHoldEveryWord() throws {
        let f = try Self.fixture()
        // The v15 migration fills the vocabulary from an index that has words already.
        try f.store.write { (db: Database) throws -> Void in
            try db.execute(sql: "DELETE FROM search_word")
            #expect(try !Self.missing(db).isEmpty)
            try db.execute(sql: SearchVocabulary.fillSQL)
            #expect(try Self.missing(db) == [])
        }
        let copy = try PortalStore(path: f.dir.appendingPathComponent("copy.sqlite3").path, create: true, clock: f.clock,
                                   passwordHasher: .fast)
        try copy.importOrganisation { each in try f.store.copyOrganisation(batch: 7, each) }
        let (words, missing) = try copy.write { db in (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_word")!, try Self.missing(db)) }
        #expect(words > 40 && missing == [])
    }

    @Test func theDemoHoldsEveryWord() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-vocabulary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("demo.sqlite3").path
        _ = try PortalStore.createDemo(at: path, cases: 300, seed: 5, passwordHasher: .fast)
        let store = try PortalStore(path: path)
        let (words, missing) = try store.write { db in (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM search_word")!, try Self.missing(db)) }
        #expect(words > 100 && missing == [])
    }

    /// What a MATCH expression finds, as case ids.
    static func found(_ db: Database, _ match: String) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT id FROM support_case WHERE search_key IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)",
                               arguments: [match]))
    }

    @Test func aLongPrefixAsItsWordsFindsWhatFTS5sPrefixFinds() throws {
        let f = try Self.fixture()
        let prefixes = ["cafe", "café", "CAFÉI", "mailb", "mailbo", "users", "user", "zuri", "acme.exam", "menu.syn", "résu", "uberp",
                        "v2", "nothinglikeit", "sync.nothing", "mail", "bounc",
                        // Two characters: the word and the 3-character prefixes after it, numbers' by their next digit.
                        "ma", "ca", "CA", "ré", "zu", "us", "ac", "10", "46", "qq", "menu.sy", "acme.ex"]
        try f.store.read { (db: Database) throws -> Void in
            for p in prefixes {
                let native = try Self.found(db, FTS.quoted(p) + "*")
                let expansion = try SearchVocabulary.expansion(db, p)
                let expanded = try Self.found(db, expansion ?? FTS.quoted(p) + "*")
                #expect(expanded == native, "\(p)*: \(expansion ?? "native") found \(expanded.count), the prefix \(native.count)")
            }
            // Three characters stay with the prefix index; longer numbers too (they are not in the vocabulary).
            #expect(try SearchVocabulary.expansion(db, "caf") == nil)
            #expect(try SearchVocabulary.expansion(db, "4617") == nil)
            #expect(try SearchVocabulary.expansion(db, "mé") == "(\"me\" OR \"men\"*)")  // menu
            #expect(try SearchVocabulary.expansion(db, "46")?.contains("\"460\"* OR \"461\"*") == true)
            #expect(try SearchVocabulary.expansion(db, "mailb") == "(\"mailbox\" OR \"mailboxes\")")
            #expect(try SearchVocabulary.expansion(db, "acme.exam") == "(\"acme example\")")
            #expect(try SearchVocabulary.expansion(db, "nothinglikeit") == "(\"nothinglikeit\")")
        }
    }

    @Test func aPrefixOfManyWordsKeepsFTS5sPrefixQuery() throws {
        let f = try StoreFixture()
        let words = (0...SearchVocabulary.mostWords).map { "zyx\(String(UnicodeScalar(UInt8(97 + $0 % 26))))\($0)" }
        _ = try f.store.fileCase(as: f.agent1, NewCase(customer: "acme.example", title: "Many words", category: "Gmail > Delivery > Outgoing messages bounced",
                                                       description: words.joined(separator: " "), severity: .p3))
        try f.store.read { (db: Database) throws -> Void in
            #expect(try SearchVocabulary.expansion(db, "zyxa") != nil)  // a few of them
            #expect(try SearchVocabulary.expansion(db, "zyx") == nil)
            #expect(try String.fetchAll(db, sql: "SELECT term FROM search_word WHERE term >= 'zyx' AND term < 'zyy'").count == words.count)
        }
        // Through the list: the prefix finds the case either way.
        for filter in ["zyxa*", "zyxb1*", "many zyx*"] {
            let rows = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), query: CaseQuery(parsing: filter)).rows
            #expect(rows.map(\.title) == ["Many words"], "\(filter)")
        }
    }

    /// Two characters followed by more third characters than `mostWords` keep FTS5's own prefix query, rather than an
    /// OR of only some of them.
    @Test func aTwoCharacterPrefixOfManyHeadsKeepsFTS5sPrefixQuery() throws {
        let f = try StoreFixture()
        // "qj" and a third letter from three alphabets (the tokenizer lowers them; none loses its diacritics to another).
        let thirds = Array("abcdefghijklmnopqrstuvwxyz") + Array("абвгдежзийклмнопрстуфхцчшщ") + Array("αβγδεζηθικλμνξοπρστυφχψω")
        let words = thirds.map { "qj\($0)tail" }
        #expect(words.count > SearchVocabulary.mostWords)
        _ = try f.store.fileCase(as: f.agent1, NewCase(customer: "acme.example", title: "Many heads", category: "Gmail > Delivery > Outgoing messages bounced",
                                                       description: words.joined(separator: " "), severity: .p3))
        try f.store.read { (db: Database) throws -> Void in
            #expect(try SearchVocabulary.expansion(db, "qj") == nil)
            #expect(try Self.found(db, FTS.quoted("qj") + "*").count == 1)
        }
        let rows = try f.store.cases(as: f.agent1, scope: .domain(f.agent1.domainID), query: CaseQuery(parsing: "qj*")).rows
        #expect(rows.map(\.title) == ["Many heads"])
    }

    /// A list and its count with a long prefix agree with the same filter spelled as the words, page after page.
    @Test func listsAndCountsWithALongPrefix() throws {
        let f = try Self.fixture()
        let scope = CaseScope.domain(f.agent1.domainID)
        for prefix in ["mailbo*", "cafe*", "users* sev:p3", "menu.syn*", "résu* -sev:p1"] {
            let expected = try KeywordPlanTests.paged(f, domainID: f.agent1.domainID, CaseQuery(parsing: prefix), sort: .updated, limit: 2)
            let brute = try KeywordPlanTests.bruteForce(f, domainID: f.agent1.domainID, CaseQuery(parsing: prefix), sort: .updated)
            #expect(expected == brute && !brute.isEmpty, "\(prefix)")
            #expect(try f.store.countCases(as: f.agent1, scope: scope, query: CaseQuery(parsing: prefix)) == brute.count, "\(prefix)")
        }
    }
}
