/// A case to file on a customer's behalf: the create-case form's fields in the seed's order. The wizard,
/// `case create` and the server build it; the store validates every field again.
public struct NewCase: Sendable, Equatable {
    /// The customer's name or primary domain (the wizard sends the primary domain, which is unique).
    public var customer: String
    public var title: String
    /// A category path, or words that match exactly one category.
    public var category: String
    public var description: String
    public var severity: Severity
    /// nil: the filing user's own.
    public var language: String?
    public var timeZone: String?
    public var attachments: [NewAttachment]
    public var sharing: [String]

    public init(customer: String, title: String, category: String, description: String, severity: Severity,
                language: String? = nil, timeZone: String? = nil, attachments: [NewAttachment] = [], sharing: [String] = []) {
        self.customer = customer; self.title = title; self.category = category; self.description = description
        self.severity = severity; self.language = language; self.timeZone = timeZone
        self.attachments = attachments; self.sharing = sharing
    }
}
