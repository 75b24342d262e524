import Foundation

/// Whose turn a case is: support's (New, In progress), yours, the reseller's (Action required, Solution provided: answer
/// or confirm), or nobody's (Closed). A case waits on one side from the moment its status moved to that side
/// (`SupportCase.waitingSince`); a change within a side (New → In progress) keeps the clock running.
public enum WaitingOn: String, CaseIterable, Sendable, Codable {
    case you, support, nobody

    public init(_ status: CaseStatus) {
        switch status {
        case .new, .inProgress: self = .support
        case .actionRequired, .solutionProvided: self = .you
        case .closed: self = .nobody
        }
    }

    /// The statuses of a side, as the filter's `waiting:` reads them.
    public var statuses: [CaseStatus] { CaseStatus.allCases.filter { WaitingOn($0) == self } }

    /// The order of the `waiting` sort: waiting on you first, then on support, then closed.
    public var rank: Int { WaitingOn.allCases.firstIndex(of: self)! }
}

/// How long support has to answer a case that waits on it, per severity and support tier. The defaults below are
/// careportal's (the config file's `[response_targets]` changes them); a case waiting on support past its target is
/// breached.
public struct ResponseTargets: Sendable, Equatable {
    /// Seconds, per tier and severity.
    public var seconds: [SupportTier: [Severity: Int]]

    public init(seconds: [SupportTier: [Severity: Int]]) { self.seconds = seconds }

    public static let defaults = ResponseTargets(seconds: [
        .premium: [.p1: 15 * 60, .p2: 2 * 3_600, .p3: 4 * 3_600, .p4: 8 * 3_600],
        .enhanced: [.p1: 3_600, .p2: 4 * 3_600, .p3: 8 * 3_600, .p4: 2 * 86_400],
        .standard: [.p1: 4 * 3_600, .p2: 86_400, .p3: 2 * 86_400, .p4: 3 * 86_400],
    ])

    public func target(_ tier: SupportTier, _ severity: Severity) -> Int {
        seconds[tier]?[severity] ?? Self.defaults.seconds[tier]![severity]!
    }

    /// When support's answer is due: only while the case waits on support.
    public func due(status: CaseStatus, severity: Severity, tier: SupportTier, waitingSince: Date) -> Date? {
        guard WaitingOn(status) == .support else { return nil }
        return waitingSince.addingTimeInterval(TimeInterval(target(tier, severity)))
    }

    /// Waiting on support past its target.
    public func breached(status: CaseStatus, severity: Severity, tier: SupportTier, waitingSince: Date, now: Date) -> Bool {
        due(status: status, severity: severity, tier: tier, waitingSince: waitingSince).map { now > $0 } ?? false
    }
}

extension CaseRow {
    public var waitingOn: WaitingOn { WaitingOn(status) }

    public func responseDue(_ targets: ResponseTargets) -> Date? {
        targets.due(status: status, severity: severity, tier: customerTier, waitingSince: waitingSince)
    }

    public func breached(_ targets: ResponseTargets, now: Date) -> Bool {
        targets.breached(status: status, severity: severity, tier: customerTier, waitingSince: waitingSince, now: now)
    }
}
