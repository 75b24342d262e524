import Foundation

/// Case status as the portal shows it. Raw values are the filter and JSON tokens.
public enum CaseStatus: String, CaseIterable, Sendable, Codable, Comparable {
    case new
    case inProgress = "in-progress"
    case actionRequired = "action-required"
    case solutionProvided = "solution-provided"
    case closed

    /// Stable small integer used for storage and the status sort order.
    public var code: Int { CaseStatus.allCases.firstIndex(of: self)! }
    public init?(code: Int) {
        guard CaseStatus.allCases.indices.contains(code) else { return nil }
        self = CaseStatus.allCases[code]
    }
    public var isOpen: Bool { self != .closed }
    public static let open: [CaseStatus] = allCases.filter(\.isOpen)
    /// The codes of the open statuses: every code below closed's, as closed is the last status. Storage tests
    /// "open" as one range, `status < closed.code`, which an index of open cases can be built on.
    public static let openCodes: Range<Int> = 0..<closed.code
    /// The statuses in which a case waits on support (New, In progress); the others wait on the reseller, or nobody.
    public static let waitingOnSupport: [CaseStatus] = [.new, .inProgress]

    public var label: String {
        switch self {
        case .new: "New"
        case .inProgress: "In progress"
        case .actionRequired: "Action required"
        case .solutionProvided: "Solution provided"
        case .closed: "Closed"
        }
    }
    public static func < (a: CaseStatus, b: CaseStatus) -> Bool { a.code < b.code }
}

/// P1 is the most severe. Raw values are the JSON tokens.
public enum Severity: String, CaseIterable, Sendable, Codable, Comparable {
    case p1 = "P1", p2 = "P2", p3 = "P3", p4 = "P4"

    public var level: Int { Severity.allCases.firstIndex(of: self)! + 1 }
    public init?(level: Int) {
        guard (1...4).contains(level) else { return nil }
        self = Severity.allCases[level - 1]
    }
    /// Accepts "P1", "p1" or "1".
    public init?(token: String) {
        let t = token.uppercased()
        if let s = Severity(rawValue: t) { self = s; return }
        if let n = Int(t), let s = Severity(level: n) { self = s; return }
        return nil
    }
    public var label: String {
        switch self {
        case .p1: "P1 critical"
        case .p2: "P2 high"
        case .p3: "P3 medium"
        case .p4: "P4 low"
        }
    }
    /// What each level means, shown when choosing one.
    public var meaning: String {
        switch self {
        case .p1: "Critical impact: a production service is down or unusable for many users."
        case .p2: "High impact: a service is seriously degraded or a key feature is unavailable."
        case .p3: "Medium impact: partial loss of a non-critical feature; a workaround exists."
        case .p4: "Low impact: a question, a request for information, or a minor issue."
        }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.level < b.level }
}

public enum EscalationReason: String, CaseIterable, Sendable, Codable {
    case resolutionTime = "resolution-time"
    case technicalExpertise = "technical-expertise"
    case businessImpact = "business-impact"

    public var label: String {
        switch self {
        case .resolutionTime: "Resolution time"
        case .technicalExpertise: "Technical expertise"
        case .businessImpact: "Business impact"
        }
    }
}

/// A support case, filed by a reseller domain on behalf of a customer.
public struct SupportCase: Sendable, Equatable, Codable {
    public var id: Int64
    public var number: Int
    public var customerID: Int64
    /// The reseller domain that managed the customer when the case was filed.
    public var domainID: Int64
    public var creatorID: Int64?
    public var productType: String
    public var title: String
    public var category: String
    public var description: String
    public var severity: Severity
    public var status: CaseStatus
    public var escalated: Bool
    public var language: String
    public var timeZone: String
    public var createdAt: Date
    public var updatedAt: Date
    public var closedAt: Date?
    /// Since when it waits on its side (`WaitingOn`): its filing, or the last status change that moved it to another side.
    public var waitingSince: Date

    public init(id: Int64, number: Int, customerID: Int64, domainID: Int64, creatorID: Int64?,
                productType: String = Product.googleWorkspace, title: String, category: String,
                description: String, severity: Severity, status: CaseStatus, escalated: Bool,
                language: String, timeZone: String, createdAt: Date, updatedAt: Date, closedAt: Date?, waitingSince: Date? = nil) {
        self.id = id; self.number = number; self.customerID = customerID; self.domainID = domainID
        self.creatorID = creatorID; self.productType = productType; self.title = title
        self.category = category; self.description = description; self.severity = severity
        self.status = status; self.escalated = escalated; self.language = language
        self.timeZone = timeZone; self.createdAt = createdAt; self.updatedAt = updatedAt
        self.closedAt = closedAt; self.waitingSince = waitingSince ?? createdAt
    }

    /// The case's waiting clock after its status becomes `status` at `now`: restarted when the side changes.
    public func waitingSince(after status: CaseStatus, at now: Date) -> Date {
        WaitingOn(status) == WaitingOn(self.status) ? waitingSince : now
    }
}

public enum Product {
    /// The only product type resellers file under in the portal.
    public static let googleWorkspace = "Google Workspace"
}

/// What happened to a case. Raw values are the JSON `kind` tokens.
public enum HistoryKind: String, CaseIterable, Sendable, Codable {
    case created
    case message
    case supportReply = "support-reply"
    case severityChange = "severity-change"
    case statusChange = "status-change"
    case escalation
    case attachment
    case attachmentRemoved = "attachment-removed"
    case sharingChange = "sharing-change"
}

public struct HistoryEvent: Sendable, Equatable, Codable {
    public var id: Int64
    public var caseID: Int64
    public var at: Date
    public var author: String
    public var kind: HistoryKind
    public var text: String
    public init(id: Int64, caseID: Int64, at: Date, author: String, kind: HistoryKind, text: String) {
        self.id = id; self.caseID = caseID; self.at = at; self.author = author; self.kind = kind; self.text = text
    }
}

public struct AttachmentInfo: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    public var size: Int
    public var sha256: String
    public var addedAt: Date
    public var addedBy: String
    public init(id: Int64, name: String, size: Int, sha256: String, addedAt: Date, addedBy: String) {
        self.id = id; self.name = name; self.size = size; self.sha256 = sha256; self.addedAt = addedAt; self.addedBy = addedBy
    }
}
