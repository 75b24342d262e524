import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// Wide characters (CJK, emoji) take two columns: the columns after them must still line up.
@Suite struct AlignmentTests {
    @Test(arguments: [Fixture.small, Fixture.large, Size(width: 200, height: 30)])
    func theColumnAfterTheCustomerStartsAtTheSameDisplayColumn(size: Size) {
        var state = Fixture.myCases(size: size)
        state.previewEnabled = false  // the list at the terminal's full width (the pane has its own tests)
        let buffer = state.screenBuffer()
        let columns = CaseColumn.layout(width: size.width, kind: .myCases)
        let customer = columns.firstIndex { $0.field == .customer }!
        let next = columns[customer + 1]
        let x = Layout.margin + columns[...customer].reduce(0) { $0 + $1.width + CaseColumn.gap }
        for (offset, row) in state.list.rows.prefix(3).enumerated() {
            let y = 3 + offset
            // The cell where the next column starts holds its first character, on every row.
            let expected = next.field == .title ? String(row.title.first!) : String(row.domainName.first!)
            #expect(buffer[x, y].grapheme == expected, "row \(offset) (\(row.customerName)) at \(size)")
            // And the text before it is exactly that many display columns wide.
            let line = buffer.lines()[y]
            let text = next.field == .title ? String(row.title.prefix(6)) : String(row.domainName.prefix(6))
            guard let range = line.range(of: text) else {
                Issue.record("row \(offset) lacks \(text) at \(size)")
                continue
            }
            let prefix = String(line[..<range.lowerBound])
            #expect(prefix.displayWidth == x, "row \(offset) (\(row.customerName)) at \(size)")
        }
        #expect(state.list.rows[1].customerName == "株式会社さくら商事")
        #expect(state.list.rows[2].customerName == "Bloom 🌸 Florists")
    }

    @Test func customersLineUpInMyCustomers() {
        var state = Fixture.myCases(size: Fixture.large)
        let load = state.press(.char("2"))
        let access = CustomerAccess(customerID: 0, domainID: 10, kind: .resold, granted: true, since: Fixture.now)
        state.answer(load, Fixture.customers([Fixture.acme, Fixture.sakura, Fixture.bloom].map {
            CustomerRow(customer: $0, access: access, openCases: 1)
        }))
        let lines = state.screenLines()
        let starts = lines[3...5].map { line in
            String(line[..<(line.range(of: ".example")?.lowerBound ?? line.startIndex)]).displayWidth
        }
        let domains = [Fixture.acme, Fixture.sakura, Fixture.bloom].map { $0.primaryDomain.prefix { $0 != "." }.count }
        #expect(zip(starts, domains).map { $0 - $1 } == Array(repeating: starts[0] - domains[0], count: 3))
    }
}
