/// A case to file on a customer's behalf: the create-case form's fields in the seed's order. The wizard,
/// `case create` and the server build it; the store validates every field again.
public struct NewCase: Sendable, Equatable, Codable {
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
    /// Not part of its JSON: a server takes each attachment as an upload of its own.
    public var attachments: [NewAttachment] = []
    public var sharing: [String]

    public init(customer: String, title: String, category: String, description: String, severity: Severity,
                language: String? = nil, timeZone: String? = nil, attachments: [NewAttachment] = [], sharing: [String] = []) {
        self.customer = customer; self.title = title; self.category = category; self.description = description
        self.severity = severity; self.language = language; self.timeZone = timeZone
        self.attachments = attachments; self.sharing = sharing
    }

    enum CodingKeys: String, CodingKey { case customer, title, category, description, severity, language, timeZone, sharing }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(customer: try c.decode(String.self, forKey: .customer), title: try c.decode(String.self, forKey: .title),
                  category: try c.decode(String.self, forKey: .category), description: try c.decode(String.self, forKey: .description),
                  severity: try c.decode(Severity.self, forKey: .severity), language: try c.decodeIfPresent(String.self, forKey: .language),
                  timeZone: try c.decodeIfPresent(String.self, forKey: .timeZone),
                  sharing: try c.decodeIfPresent([String].self, forKey: .sharing) ?? [])
    }
}
