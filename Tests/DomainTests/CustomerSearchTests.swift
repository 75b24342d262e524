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
