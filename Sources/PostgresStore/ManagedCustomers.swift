import Domain
import Foundation
import Store

/// The customers each domain manages now, with their names, kept in memory for `customer:` terms. Matching a name
/// in the database reads every one of the domain's customers through the customers' policy first (`ILIKE` is not
/// leakproof, so no index helps): 33 ms for 6,668 customers. The list is read again only when the domain's
/// `customer_generation` (schema v5) has moved: triggers move it with every change of a customer's access or of its
/// name or primary domain, on any instance, in the same transaction as the change.
final class ManagedCustomers: @unchecked Sendable {
    struct Entry: Sendable {
        let id: Int64
        /// ASCII letters in lower case, as `ILIKE` and SQLite's `LIKE` compare them.
        let name: [UInt8]
        let primaryDomain: [UInt8]
    }

    private let lock = NSLock()
    private var domains: [Int64: (generation: Int64, entries: [Entry])] = [:]

    private var reads = 0

    /// How many times a domain's list was read from the database (for the tests).
    var loads: Int { lock.withLock { reads } }

    /// The customers the domain manages now whose name contains, or whose primary domain starts with, one of `names`
    /// (ASCII case aside), by id, at most `limit`.
    func matching(_ db: SQLSession, domainID: Int64, names: [String], limit: Int) throws -> [Int64] {
        let generation = try db.value("SELECT coalesce((SELECT n FROM customer_generation WHERE domain_id = ?), 0)", [domainID],
                                      as: Int64.self) ?? 0
        return Self.match(try entries(db, domainID: domainID, generation: generation), names: names, limit: limit)
    }

    /// The domain's list as of `generation`, read again when the cached one is older.
    private func entries(_ db: SQLSession, domainID: Int64, generation: Int64) throws -> [Entry] {
        if let cached = lock.withLock({ domains[domainID] }), cached.generation == generation { return cached.entries }
        // Read after the generation: the list is at least as new as it, so a change in between only means one more read.
        let entries = try db.rows("""
            SELECT a.customer_id, cu.name, cu.primary_domain FROM customer_access a JOIN customer cu ON cu.id = a.customer_id
            WHERE a.domain_id = ? AND a.until IS NULL ORDER BY a.customer_id
            """, [domainID]).map { row in
            Entry(id: try row[0], name: Self.folded(try row[1]), primaryDomain: Self.folded(try row[2]))
        }
        lock.withLock {
            reads += 1
            domains[domainID] = (generation, entries)
        }
        return entries
    }

    static func match(_ entries: [Entry], names: [String], limit: Int) -> [Int64] {
        let wanted = names.map(folded)
        var ids: [Int64] = []
        for entry in entries where wanted.contains(where: { contains(entry.name, $0) || entry.primaryDomain.starts(with: $0) }) {
            ids.append(entry.id)
            if ids.count == limit { break }
        }
        return ids
    }

    static func folded(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    }

    static func contains(_ text: [UInt8], _ part: [UInt8]) -> Bool {
        if part.isEmpty { return true }
        guard text.count >= part.count else { return false }
        for start in 0...(text.count - part.count) where text[start] == part[0] {
            if text[start..<(start + part.count)].elementsEqual(part) { return true }
        }
        return false
    }
}
