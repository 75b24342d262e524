import Domain
import ScreenKit
import Testing
@testable import UI

/// First-use item 4: at 60×15 the Updated column lost its values (header `Upd`, values cut to `55`) while Status
/// kept 13 columns. Columns now fit the width at every size, the status abbreviating first.
@Suite struct NarrowColumnsTests {
    @Test func atSixtyColumnsEveryRowShowsItsUpdatedTime() {
        let state = Fixture.myCases(size: Size(width: 60, height: 15))
        let lines = state.screenLines()
        let header = lines.first { $0.contains("Case") && $0.contains("Sev") } ?? ""
        #expect(header.hasSuffix("Updated"), "header: \(header.debugDescription)")
        let rows = lines.filter { $0.trimmingCharacters(in: .whitespaces).first?.isNumber == true && $0.contains("P") }
        #expect(rows.count >= 5)
        for (i, row) in rows.enumerated() {
            let updated = RelativeTime.short(Fixture.row(i).updatedAt, now: Fixture.now)
            #expect(row.trimmingCharacters(in: .whitespaces).hasSuffix(updated), "row \(i): \(row.debugDescription) should end \(updated)")
        }
        #expect(rows.allSatisfy { $0.contains("In prog") || $0.contains("New") || $0.contains("Act req") || $0.contains("Solved") || $0.contains("Closed") })
    }

    @Test(arguments: [CaseList.Kind.myCases, .allDomains, .customer(Fixture.acme)])
    func columnsFitEveryWidth(kind: CaseList.Kind) {
        for width in 60...220 {
            let columns = CaseColumn.layout(width: width, kind: kind)
            let used = columns.reduce(0) { $0 + $1.width } + CaseColumn.gap * (columns.count - 1)
            #expect(used <= Layout.contentWidth(width), "width \(width): \(used) columns used")
            #expect(columns.first { $0.field == .title }!.width >= 8, "width \(width): the title keeps room")
            #expect(columns.last?.field == .updated && columns.last?.width == 7)
        }
    }
}
