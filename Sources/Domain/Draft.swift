import Foundation

/// Which form a draft belongs to. Stored as text ("new case", "new case for customer 12", "message 10007919")
/// so drafts saved by an older or newer version are still listed and can be discarded.
public enum DraftForm: Hashable, Sendable {
    /// The create-case wizard: one draft per customer, and one before a customer is chosen.
    case newCase(customerID: Int64?)
    /// The message editor of one case.
    case message(caseNumber: Int)
    /// A form this version doesn't know.
    case unknown(String)

    private static let newCasePrefix = "new case for customer "

    public init(stored: String) {
        if stored == "new case" { self = .newCase(customerID: nil); return }
        if stored.hasPrefix(Self.newCasePrefix), let id = Int64(stored.dropFirst(Self.newCasePrefix.count)) {
            self = .newCase(customerID: id); return
        }
        if stored.hasPrefix("message "), let n = Int(stored.dropFirst("message ".count)) { self = .message(caseNumber: n); return }
        self = .unknown(stored)
    }

    public var stored: String {
        switch self {
        case .newCase(nil): "new case"
        case .newCase(let id?): Self.newCasePrefix + String(id)
        case .message(let n): "message \(n)"
        case .unknown(let s): s
        }
    }

    public var isNewCase: Bool {
        if case .newCase = self { true } else { false }
    }
}

/// A form's unsent content: `content` is the form's own encoding of its fields.
public struct Draft: Sendable, Equatable {
    public var form: DraftForm
    public var content: String
    public var updatedAt: Date
    public init(form: DraftForm, content: String, updatedAt: Date) { self.form = form; self.content = content; self.updatedAt = updatedAt }
}

/// A file chosen to attach, read only when the case is filed (so a draft keeps the path, not the bytes).
public struct ChosenFile: Equatable, Sendable, Codable {
    public var path: String
    public var name: String
    public var size: Int
    public init(path: String, name: String, size: Int) { self.path = path; self.name = name; self.size = size }
}

/// The create-case wizard's draft: its content as JSON, read by the app to go on and by `careportal drafts`
/// to show it.
public struct NewCaseDraft: Codable, Equatable, Sendable {
    /// Where the wizard was (the app's own numbering of its fields).
    public var field: Int
    public var customerID: Int64?
    public var customerName: String?
    public var customerDomain: String?
    public var title: String
    /// The category's path ("Gmail > Delivery > …").
    public var category: String?
    public var description: String
    public var attachments: [ChosenFile]
    public var severity: String
    public var language: String
    public var timeZone: String

    public init(field: Int, customerID: Int64?, customerName: String?, customerDomain: String?, title: String, category: String?,
                description: String, attachments: [ChosenFile], severity: String, language: String, timeZone: String) {
        self.field = field; self.customerID = customerID; self.customerName = customerName; self.customerDomain = customerDomain
        self.title = title; self.category = category; self.description = description; self.attachments = attachments
        self.severity = severity; self.language = language; self.timeZone = timeZone
    }

    /// The JSON stored as the draft's content (keys sorted, so equal drafts store equal text).
    public var content: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Nil when `content` isn't a new-case draft.
    public init?(content: String) {
        guard let d = try? JSONDecoder().decode(Self.self, from: Data(content.utf8)) else { return nil }
        self = d
    }
}
