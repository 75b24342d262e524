import Foundation

/// What is typed after `/` in My Customers: every word must be found in a customer's name, primary domain, tier or
/// access, case and accents aside. The stores apply it where they read the page, so a domain's thousands of
/// customers are never sent to be narrowed.
public struct CustomerSearch: Sendable, Equatable, Codable {
    /// The words, folded (`fold`), in the order typed.
    public private(set) var words: [String]

    public init(_ text: String = "") {
        words = text.split(whereSeparator: \.isWhitespace).map { Self.fold(String($0)) }
    }

    public static let everyone = CustomerSearch()
    public var isEmpty: Bool { words.isEmpty }

    /// Lower case without accents: what a word and the text it is looked for in are compared as (Foundation's
    /// case- and diacritic-insensitive folding, lowered). The store folds every customer of the domain for a search,
    /// and Foundation takes tens of microseconds a call, so it is asked once per character outside ASCII
    /// (`ScalarFolds`) and ASCII is lowered byte by byte.
    public static func fold(_ text: String) -> String {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 { ascii = false; break }
        if ascii { return String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self) }
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                folded.append((0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value | 0x20)! : scalar)
            } else {
                folded.append(contentsOf: ScalarFolds.shared.fold(scalar))
            }
        }
        return String(folded)
    }

    /// The text a word is looked for in: name, primary domain, tier and access, as My Customers shows them.
    public static func haystack(name: String, primaryDomain: String, tier: SupportTier, access: CustomerAccess.Display) -> String {
        [name, primaryDomain, tier.label, access.label].joined(separator: " ")
    }

    public func matches(_ row: CustomerRow) -> Bool {
        guard !words.isEmpty else { return true }
        let text = Self.fold(Self.haystack(name: row.customer.name, primaryDomain: row.customer.primaryDomain,
                                           tier: row.customer.tier, access: row.access.display))
        return words.allSatisfy { text.contains($0) }
    }
}

extension CustomerAccess.Display {
    /// "granted", "support-only", "not granted": as My Customers shows it and its search finds it.
    public var label: String {
        switch self {
        case .granted: "granted"
        case .supportOnly: "support-only"
        case .notGranted: "not granted"
        }
    }
}

/// Where a page of My Customers starts: after the customer with this name and id, in the list's order (name without
/// regard to ASCII case, then id).
public struct CustomerAfter: Sendable, Equatable, Codable {
    public var name: String
    public var id: Int64
    public init(name: String, id: Int64) { self.name = name; self.id = id }
    public init(_ row: CustomerRow) { self.init(name: row.customer.name, id: row.customer.id) }
}

/// A page of My Customers.
public struct CustomerPage: Sendable, Equatable, Codable {
    public var rows: [CustomerRow]
    /// More customers that match follow the last row.
    public var hasMore: Bool
    /// How many of the domain's customers match the search, on every page.
    public var total: Int
    public init(rows: [CustomerRow], hasMore: Bool, total: Int) { self.rows = rows; self.hasMore = hasMore; self.total = total }
}

/// Each character's fold, worked out by Foundation the first time it is met and kept (a few hundred at most in
/// practice: the letters of the names in use). Shared by the store's readers, hence the lock.
final class ScalarFolds: @unchecked Sendable {
    static let shared = ScalarFolds()
    private let lock = NSLock()
    private var folds: [UInt32: String.UnicodeScalarView] = [:]

    func fold(_ scalar: Unicode.Scalar) -> String.UnicodeScalarView {
        if let known = lock.withLock({ folds[scalar.value] }) { return known }
        let folded = String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased().unicodeScalars
        lock.withLock { folds[scalar.value] = folded }
        return folded
    }
}
