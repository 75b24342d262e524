import Foundation

/// Which form a draft belongs to. Stored as text ("new case", "message 10007919") so drafts saved by
/// an older or newer version are still listed and can be discarded.
public enum DraftForm: Hashable, Sendable {
    /// The create-case wizard (one per user).
    case newCase
    /// The message editor of one case.
    case message(caseNumber: Int)
    /// A form this version doesn't know.
    case unknown(String)

    public init(stored: String) {
        if stored == "new case" { self = .newCase; return }
        if stored.hasPrefix("message "), let n = Int(stored.dropFirst("message ".count)) { self = .message(caseNumber: n); return }
        self = .unknown(stored)
    }

    public var stored: String {
        switch self {
        case .newCase: "new case"
        case .message(let n): "message \(n)"
        case .unknown(let s): s
        }
    }
}

/// A form's unsent content: `content` is the form's own encoding of its fields.
public struct Draft: Sendable, Equatable {
    public var form: DraftForm
    public var content: String
    public var updatedAt: Date
    public init(form: DraftForm, content: String, updatedAt: Date) { self.form = form; self.content = content; self.updatedAt = updatedAt }
}
