import CByteSearch
import Domain
import Foundation
import GRDB

/// Each domain's customers in My Customers' order with the text the search looks in, folded, kept in memory until
/// the domain's `customer_generation` (v13) moves: a search keystroke matches them here and reads only its page's
/// rows, where a scan of 6,668 customers in SQL took 13-45 ms.
final class CustomerDirectory: @unchecked Sendable {
    /// A domain's customers in the list's order, their texts end to end in one buffer: a search word is looked for
    /// in the whole buffer at once (the C library's `memmem`), then each hit is told to its customer, where a search
    /// of each customer's text in turn took 14-18 ms a keystroke for 66,668 customers.
    struct Listing: Sendable {
        var ids: [Int64] = []
        /// Each name as `COLLATE NOCASE` compares it: ASCII letters in lower case, byte by byte.
        var keys: [[UInt8]] = []
        /// Where each customer's text starts in `text`; one more, the end. Each text is followed by a 0 byte, which no
        /// search word holds, so a word is never found across two customers.
        var starts: [Int] = [0]
        /// `CustomerSearch.haystack`, folded, of every customer in turn.
        var text: [UInt8] = []

        mutating func append(id: Int64, key: [UInt8], text folded: [UInt8]) {
            ids.append(id)
            keys.append(key)
            text += folded
            text.append(0)
            starts.append(text.count)
        }

        /// The first customer after `name, id` in the list's order.
        func firstIndex(after: CustomerAfter) -> Int {
            let key = CustomerDirectory.key(after.name)
            var low = 0, high = ids.count
            while low < high {
                let mid = (low + high) / 2
                let before = keys[mid].lexicographicallyPrecedes(key) || (keys[mid] == key && ids[mid] <= after.id)
                if before { low = mid + 1 } else { high = mid }
            }
            return low
        }

        /// The indexes of the customers whose text holds every word, in order (`each` is called with each).
        func forEachMatch(_ words: [[UInt8]], _ each: (Int) -> Void) {
            guard let first = words.max(by: { $0.count < $1.count }), !first.isEmpty else {
                ids.indices.forEach(each)
                return
            }
            // A word that holds a 0 byte would be found across two customers; no customer's text holds one.
            guard !ids.isEmpty, !words.contains(where: { $0.contains(0) }) else { return }
            let others = words.filter { !$0.isEmpty && $0 != first }  // an empty word is in every text
            text.withUnsafeBytes { buffer in
                let base = buffer.baseAddress!
                var at = 0, index = 0
                while at < buffer.count, let hit = first.withUnsafeBytes({ byte_search(base + at, buffer.count - at, $0.baseAddress!, $0.count) }) {
                    let offset = base.distance(to: UnsafeRawPointer(hit))
                    index = customer(holding: offset, from: index)
                    let (start, end) = (starts[index], starts[index + 1] - 1)
                    if others.allSatisfy({ word in
                        word.withUnsafeBytes { byte_search(base + start, end - start, $0.baseAddress!, $0.count) != nil }
                    }) { each(index) }
                    at = starts[index + 1]
                    index += 1
                }
            }
        }

        /// The customer whose text holds this offset, at or after `from`.
        private func customer(holding offset: Int, from: Int) -> Int {
            var low = from, high = ids.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            return low
        }
    }

    private let lock = NSLock()
    private var domains: [Int64: (generation: Int64, listing: Listing)] = [:]
    private var reads = 0

    /// How many times a domain's list was read from the database (for the tests).
    var loads: Int { lock.withLock { reads } }

    /// The matching customers' ids in the list's order after `after`, at most `limit + 1`, and how many match in all.
    func page(_ db: Database, domainID: Int64, search: CustomerSearch, after: CustomerAfter?, limit: Int) throws -> (ids: [Int64], total: Int) {
        let listing = try self.listing(db, domainID: domainID)
        let from = after.map(listing.firstIndex) ?? 0
        var ids: [Int64] = [], total = 0
        listing.forEachMatch(search.words.map { Array($0.utf8) }) { index in
            total += 1
            if index >= from, ids.count <= limit { ids.append(listing.ids[index]) }
        }
        return (ids, total)
    }

    private func listing(_ db: Database, domainID: Int64) throws -> Listing {
        let generation = try Int64.fetchOne(db.cachedStatement(sql: "SELECT n FROM customer_generation WHERE domain_id = ?"),
                                            arguments: [domainID]) ?? 0
        if let cached = lock.withLock({ domains[domainID] }), cached.generation == generation { return cached.listing }
        // Read in the same transaction as the generation, so the list is the one it names.
        let entries = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT cu.id, cu.name, cu.primary_domain, cu.tier, a.kind, a.granted
            FROM customer_access a JOIN customer cu ON cu.id = a.customer_id
            WHERE a.domain_id = ? AND a.until IS NULL
            """), arguments: [domainID]).map { row -> (id: Int64, key: [UInt8], text: [UInt8]) in
            let name: String = row[1]
            let access = CustomerAccess(customerID: row[0], domainID: domainID, kind: AccessKind(rawValue: row[4]) ?? .resold,
                                        granted: row[5], since: Date(timeIntervalSince1970: 0))
            let text = CustomerSearch.haystack(name: name, primaryDomain: row[2], tier: SupportTier(rawValue: row[3]) ?? .standard,
                                               access: access.display)
            return (row[0], Self.key(name), Array(CustomerSearch.fold(text).utf8))
        }.sorted { $0.key.lexicographicallyPrecedes($1.key) || ($0.key == $1.key && $0.id < $1.id) }
        var listing = Listing()
        for entry in entries { listing.append(id: entry.id, key: entry.key, text: entry.text) }
        lock.withLock {
            reads += 1
            domains[domainID] = (generation, listing)
        }
        return listing
    }

    static func key(_ name: String) -> [UInt8] { name.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 } }
}
