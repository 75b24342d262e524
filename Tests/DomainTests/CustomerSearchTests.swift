import Domain
import Foundation
import Testing

/// What My Customers' `/` finds (the stores apply the same words: ContractCustomerPageTests).
@Suite struct CustomerSearchTests {
    static let row = CustomerRow(customer: Customer(id: 1, name: "Café Ünter GmbH", primaryDomain: "cafe-unter.example", tier: .premium),
                                 access: CustomerAccess(customerID: 1, domainID: 1, kind: .supportOnly, granted: true, since: Date()),
                                 openCases: 0)

    @Test func everyWordMustBeFoundCaseAndAccentsAside() {
        for text in ["", "  ", "cafe", "CAFÉ", "unter", "ÜNTER gmbh", "premium", "support-only", "cafe-unter.ex", "gmbh café"] {
            #expect(CustomerSearch(text).matches(Self.row), "\"\(text)\"")
        }
        for text in ["tea", "cafe tea", "granted standard", "not granted", "enhanced"] {
            #expect(!CustomerSearch(text).matches(Self.row), "\"\(text)\"")
        }
    }

    @Test func wordsAreFoldedAndSplitOnAnyWhitespace() {
        #expect(CustomerSearch(" Café\tÜNTER\n").words == ["cafe", "unter"])
        #expect(CustomerSearch("").isEmpty && CustomerSearch("   ").isEmpty && CustomerSearch.everyone.isEmpty)
    }

    @Test func theAccessIsFoundByItsLabel() {
        var row = Self.row
        row.access.granted = false
        #expect(CustomerSearch("not granted").matches(row))
        row.access = CustomerAccess(customerID: 1, domainID: 1, kind: .resold, granted: true, since: Date())
        #expect(CustomerSearch("granted").matches(row) && !CustomerSearch("support-only").matches(row))
    }
}

/// The byte-by-byte fold of ASCII text is Foundation's fold, on random text.
@Suite struct CustomerFoldTests {
    @Test func asciiIsFoldedAsFoundationFoldsIt() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...24, using: &generator)).map { _ in Character(UnicodeScalar(UInt8.random(in: 0x20...0x7E, using: &generator))) })
            #expect(CustomerSearch.fold(text) == text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased(), "\(text)")
        }
        #expect(CustomerSearch.fold("Élan CAFÉ") == "elan cafe")
    }

    /// Letters of Latin, Greek and Cyrillic scripts with and without accents, Japanese, an emoji and spaces, folded a
    /// character at a time, come out as Foundation folds the whole text.
    @Test func otherScriptsAreFoldedAsFoundationFoldsThem() {
        let alphabet = Array("aZéÉèçÇñÑøØåÅüÜßœŒłŁžŽăĂșȘệỆαΑάΆωΩйЙёЁжЖ株式会社さくら🌸 -.")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...16, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(CustomerSearch.fold(text) == text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased(), "\(text)")
        }
    }
}
