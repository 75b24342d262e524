import Domain
import Foundation
import GRDB

/// Each domain's customers in My Customers' order with the text the search looks in, folded, kept in memory until
/// the domain's `customer_generation` (v13) moves: a search keystroke matches them here and reads only its page's
/// rows, where a scan of 6,668 customers in SQL took 13-45 ms.
final class CustomerDirectory: @unchecked Sendable {
    struct Entry: Sendable {
        let id: Int64
        /// The name as `COLLATE NOCASE` compares it: ASCII letters in lower case, byte by byte.
        let key: [UInt8]
        /// `CustomerSearch.haystack`, folded.
        let text: [UInt8]

        /// In My Customers' order: the name without regard to ASCII case, then the id.
        func follows(key other: [UInt8], id otherID: Int64) -> Bool {
            key.lexicographicallyPrecedes(other) ? false : key == other ? id > otherID : true
        }
    }

    private let lock = NSLock()
    private var domains: [Int64: (generation: Int64, entries: [Entry])] = [:]
    private var reads = 0

    /// How many times a domain's list was read from the database (for the tests).
    var loads: Int { lock.withLock { reads } }

    /// The matching customers' ids in the list's order after `after`, at most `limit + 1`, and how many match in all.
    func page(_ db: Database, domainID: Int64, search: CustomerSearch, after: CustomerAfter?, limit: Int) throws -> (ids: [Int64], total: Int) {
        let entries = try self.entries(db, domainID: domainID)
        let words = search.words.map { Array($0.utf8) }
        var ids: [Int64] = [], total = 0
        let afterKey = after.map { Self.key($0.name) }
        for entry in entries where words.allSatisfy({ Self.contains(entry.text, $0) }) {
            total += 1
            if ids.count <= limit, afterKey.map({ entry.follows(key: $0, id: after!.id) }) ?? true { ids.append(entry.id) }
        }
        return (ids, total)
    }

    private func entries(_ db: Database, domainID: Int64) throws -> [Entry] {
        let generation = try Int64.fetchOne(db.cachedStatement(sql: "SELECT n FROM customer_generation WHERE domain_id = ?"),
                                            arguments: [domainID]) ?? 0
        if let cached = lock.withLock({ domains[domainID] }), cached.generation == generation { return cached.entries }
        // Read in the same transaction as the generation, so the list is the one it names.
        let entries = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT cu.id, cu.name, cu.primary_domain, cu.tier, a.kind, a.granted
            FROM customer_access a JOIN customer cu ON cu.id = a.customer_id
            WHERE a.domain_id = ? AND a.until IS NULL
            """), arguments: [domainID]).map { row -> Entry in
            let name: String = row[1]
            let access = CustomerAccess(customerID: row[0], domainID: domainID, kind: AccessKind(rawValue: row[4]) ?? .resold,
                                        granted: row[5], since: Date(timeIntervalSince1970: 0))
            let text = CustomerSearch.haystack(name: name, primaryDomain: row[2], tier: SupportTier(rawValue: row[3]) ?? .standard,
                                               access: access.display)
            return Entry(id: row[0], key: Self.key(name), text: Array(CustomerSearch.fold(text).utf8))
        }.sorted { $0.key.lexicographicallyPrecedes($1.key) || ($0.key == $1.key && $0.id < $1.id) }
        lock.withLock {
            reads += 1
            domains[domainID] = (generation, entries)
        }
        return entries
    }

    static func key(_ name: String) -> [UInt8] { name.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 } }

    static func contains(_ text: [UInt8], _ word: [UInt8]) -> Bool {
        guard !word.isEmpty else { return true }
        guard text.count >= word.count else { return false }
        let first = word[0]
        for start in 0...(text.count - word.count) where text[start] == first {
            var i = 1
            while i < word.count, text[start + i] == word[i] { i += 1 }
            if i == word.count { return true }
        }
        return false
    }
}
