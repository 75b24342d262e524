import Domain
import Testing
@testable import Store

/// My Customers' search in memory: every customer's text end to end in one buffer, searched at once. Against a
/// customer-by-customer search of the same texts, over small alphabets so that words are found often, across
/// customers' boundaries too.
@Suite struct CustomerListingTests {
    static func word(_ g: inout SeededRandom, _ alphabet: [UInt8], _ length: ClosedRange<Int>) -> [UInt8] {
        (0..<Int.random(in: length, using: &g)).map { _ in alphabet.randomElement(using: &g)! }
    }

    static func naiveContains(_ text: [UInt8], _ word: [UInt8]) -> Bool {
        word.isEmpty || (text.count >= word.count && (0...(text.count - word.count)).contains { Array(text[$0..<$0 + word.count]) == word })
    }

    @Test func everySearchFindsWhatACustomerByCustomerSearchFinds() {
        var g = SeededRandom(seed: 16)
        let alphabet = Array("ab c".utf8)
        for round in 0..<60 {
            var listing = CustomerDirectory.Listing()
            let texts = (0..<Int.random(in: 0...40, using: &g)).map { _ in Self.word(&g, alphabet, 0...9) }
            for (i, text) in texts.enumerated() { listing.append(id: Int64(i + 1), key: [UInt8(i)], text: text) }
            for _ in 0..<20 {
                let words = (0..<Int.random(in: 1...3, using: &g)).map { _ in Self.word(&g, alphabet, 1...3) }
                var found: [Int] = []
                listing.forEachMatch(words) { found.append($0) }
                let expected = texts.indices.filter { i in words.allSatisfy { Self.naiveContains(texts[i], $0) } }
                #expect(found == expected, "round \(round): \(words.map { String(decoding: $0, as: UTF8.self) }) in \(texts.map { String(decoding: $0, as: UTF8.self) })")
            }
        }
    }

    @Test func aWordIsNeverFoundAcrossTwoCustomers() {
        var listing = CustomerDirectory.Listing()
        listing.append(id: 1, key: Array("a".utf8), text: Array("acme granted".utf8))
        listing.append(id: 2, key: Array("b".utf8), text: Array("bravo".utf8))
        var found: [Int] = []
        listing.forEachMatch([Array("grantedbravo".utf8)]) { found.append($0) }
        listing.forEachMatch([Array("granted\u{0}bravo".utf8)]) { found.append($0) }
        listing.forEachMatch([Array("dbr".utf8)]) { found.append($0) }
        #expect(found.isEmpty)
        listing.forEachMatch([Array("avo".utf8), Array("br".utf8)]) { found.append($0) }
        #expect(found == [1])
    }

    @Test func aPageStartsAfterItsCustomer() {
        var listing = CustomerDirectory.Listing()
        let names = ["alpha", "Alpha", "beta", "beta", "gamma"]
        for (i, name) in names.enumerated() { listing.append(id: Int64(i + 1), key: CustomerDirectory.key(name), text: []) }
        #expect(listing.firstIndex(after: CustomerAfter(name: "ALPHA", id: 1)) == 1)
        #expect(listing.firstIndex(after: CustomerAfter(name: "alpha", id: 2)) == 2)
        #expect(listing.firstIndex(after: CustomerAfter(name: "beta", id: 3)) == 3)
        #expect(listing.firstIndex(after: CustomerAfter(name: "b", id: 99)) == 2)
        #expect(listing.firstIndex(after: CustomerAfter(name: "zeta", id: 0)) == 5)
        #expect(CustomerDirectory.Listing().firstIndex(after: CustomerAfter(name: "a", id: 1)) == 0)
    }
}
