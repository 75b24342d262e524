import Testing
@testable import Domain

@Suite struct CaseStatusCodes {
    /// Storage tests "open" as one range of codes; it must hold exactly the open statuses.
    @Test func openCodesAreExactlyTheOpenStatuses() {
        #expect(CaseStatus.open.map(\.code) == Array(CaseStatus.openCodes))
        for status in CaseStatus.allCases {
            #expect(CaseStatus.openCodes.contains(status.code) == status.isOpen, "\(status)")
        }
        #expect(CaseStatus.openCodes.upperBound == CaseStatus.closed.code)
    }
}
