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

/// A filing's fields as they are written: checked, trimmed, the category resolved.
public struct CheckedFiling: Sendable, Equatable {
    public var title: String
    public var language: String
    public var timeZone: String
    public var category: Category
    public var description: String
    public var sharing: [String]
}

extension NewCase {
    /// Every field of the form checked in the form's order (title, language, time zone, category, description,
    /// attachments, sharing), the language and time zone defaulting to `user`'s. The customer and its grant are
    /// checked against the data by whoever files. Attachments are checked by name and size once read (their bytes in
    /// hand); one not read yet is refused.
    public func checked(for user: User) -> Result<CheckedFiling, Refusal> {
        Result { () throws(Refusal) in
            let title = try Validate.title(title).get()
            let language = try Validate.language(language ?? user.language).get()
            let timeZone = try Validate.timeZone(timeZone ?? user.timeZone).get()
            let category: Category
            switch CategoryCatalogue.resolve(self.category) {
            case .found(let c): category = c
            case .ambiguous(let list):
                throw .invalid("category", "\"\(self.category)\" matches several categories: \(list.map(\.path).joined(separator: "; "))")
            case .notFound:
                throw .invalid("category", "no category matches \"\(self.category)\"; see `careportal categories --search WORDS`")
            }
            let description = try Validate.description(description, answering: category).get()
            for a in attachments {
                guard let data = a.data else { throw .invalid("file", "\(a.name) was not read before it was attached") }
                try Validate.attachment(name: a.name, size: data.count).get()
            }
            let sharing = try Validate.sharing(current: [], add: sharing, remove: []).get()
            return CheckedFiling(title: title, language: language, timeZone: timeZone, category: category, description: description,
                                 sharing: sharing)
        }
    }
}
