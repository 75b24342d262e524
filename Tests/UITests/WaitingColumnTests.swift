import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// The Waiting column: whose turn and for how long, your turn standing out, support's amber past three quarters of its
/// response target and red past it; shown from 120 columns, and at any width when sorted by it.
@Suite struct WaitingColumnTests {
    static let column = CaseColumn(field: .waiting, header: "Waiting", width: 13)

    static func row(_ status: CaseStatus, waited seconds: TimeInterval, severity: Severity = .p2, tier: SupportTier = .premium) -> CaseRow {
        CaseRow(id: 1, number: 10_000_001, title: "t", customerName: "c", domainID: 10, domainName: "d", status: status, severity: severity,
                escalated: false, createdAt: Fixture.now.addingTimeInterval(-seconds - 60), updatedAt: Fixture.now,
                waitingSince: Fixture.now.addingTimeInterval(-seconds), customerTier: tier)
    }

    @Test func theSideAndTheTimeColouredByTheTarget() {
        // Premium P2: two hours.
        func cell(_ row: CaseRow) -> Span { Self.column.cell(row, now: Fixture.now, glyphs: .unicode) }
        #expect(cell(Self.row(.actionRequired, waited: 3 * 3_600)).text.trimmingCharacters(in: .whitespaces) == "you 3 h")
        #expect(cell(Self.row(.actionRequired, waited: 3 * 3_600)).style == Theme.waitingOnYou)
        #expect(cell(Self.row(.new, waited: 3_600)) == Span("support 1 h   ", Theme.dim).withWidth(13), "half the target: quiet")
        #expect(cell(Self.row(.inProgress, waited: 100 * 60)).style == Theme.warning, "100 of 120 minutes: amber")
        #expect(cell(Self.row(.inProgress, waited: 3 * 3_600)).style == Theme.breached, "past the target: red")
        #expect(cell(Self.row(.inProgress, waited: 3 * 3_600, tier: .standard)).style == Theme.dim, "Standard P2: a day")
        #expect(cell(Self.row(.closed, waited: 86_400)).text.hasPrefix("—"))
    }

    @Test func shownFrom120ColumnsAndAtAnyWidthWhenSortedByIt() {
        func fields(_ width: Int, _ sort: CaseSort) -> [CaseColumn.Field] { CaseColumn.layout(width: width, kind: .myCases, sort: sort).map(\.field) }
        #expect(!fields(80, .updated).contains(.waiting) && !fields(100, .updated).contains(.waiting))
        #expect(fields(120, .updated).suffix(2) == [.waiting, .updated])
        #expect(fields(140, .updated).suffix(3) == [.created, .waiting, .updated])
        #expect(fields(120, .created).suffix(3) == [.created, .waiting, .updated], "sorted by creation, its column shows")
        #expect(fields(80, .waiting).last == .waiting, "in the Updated column's place")
        #expect(fields(100, .waiting).suffix(2) == [.waiting, .updated])
        // Sorted by it, its header is the underlined one.
        #expect(CaseColumn.layout(width: 80, kind: .myCases, sort: .waiting).last?.sorts(.waiting) == true)
    }
}

private extension Span {
    func withWidth(_ width: Int) -> Span { Span(text.padding(toLength: width, withPad: " ", startingAt: 0), style) }
}
