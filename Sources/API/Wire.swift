import Domain
import Foundation

/// The JSON of the API: the Domain's own values (fields in camelCase), times in ISO 8601 with milliseconds, so a
/// value read back is the value sent.
public enum Wire {
    public static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(InternetTime.string(from: date))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("null".utf8)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = InternetTime.date(from: text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an ISO 8601 time: \(text)"))
            }
            return date
        }
        return try decoder.decode(type, from: data)
    }

    /// An opaque keyset cursor: the row a page starts from, as base64url JSON. Clients hand it back unchanged.
    public static func cursor(_ row: CaseRow) -> String {
        var json = JSONText(capacity: 256)
        row.write(to: &json)
        return base64url(Data(json.bytes))
    }

    public static func row(cursor: String) -> CaseRow? {
        guard let data = data(base64url: cursor) else { return nil }
        return try? decode(CaseRow.self, from: data)
    }

    /// My Customers' keyset cursor: the last row's name and id.
    public static func cursor(_ after: CustomerAfter) -> String {
        base64url((try? JSONEncoder().encode(after)) ?? Data())
    }

    public static func customerAfter(cursor: String) -> CustomerAfter? {
        guard let data = data(base64url: cursor) else { return nil }
        return try? decode(CustomerAfter.self, from: data)
    }

    /// base64url without padding, mapped byte by byte (String's replacing goes through NSString).
    private static func base64url(_ data: Data) -> String {
        String(decoding: data.base64EncodedData().compactMap { b -> UInt8? in b == 43 ? 45 : b == 47 ? 95 : b == 61 ? nil : b }, as: UTF8.self)
    }

    private static func data(base64url text: String) -> Data? {
        var base = text.utf8.map { b -> UInt8 in b == 45 ? 43 : b == 95 ? 47 : b }
        while base.count % 4 != 0 { base.append(61) }
        return Data(base64Encoded: Data(base))
    }
}

/// A page of a case list with the cursors of its ends: `after` reads the page after its last row, `before` the page
/// before its first.
public struct CasePageJSON: Codable, Sendable {
    public var rows: [CaseRow]
    public var hasMore: Bool
    public var after: String?
    public var before: String?

    public init(_ page: CasePage) {
        rows = page.rows; hasMore = page.hasMore
        after = page.rows.last.map(Wire.cursor)
        before = page.rows.first.map(Wire.cursor)
    }
}

/// A case command as JSON: `{"kind": "message", "text": …}`, `{"kind": "severity", "severity": "P1"}`, `{"kind": "close"}`,
/// `{"kind": "reopen"}`, `{"kind": "escalate", "reason": "business-impact", "justification": …}`,
/// `{"kind": "share", "add": […], "remove": […]}`. Attachments are uploaded, not sent as a command.
public struct CaseCommandJSON: Codable, Sendable {
    public var kind: String
    public var text: String?
    public var severity: Severity?
    public var reason: EscalationReason?
    public var justification: String?
    public var add: [String]?
    public var remove: [String]?
    public var status: CaseStatus?
    public var attachment: Int64?

    public init(_ command: CaseCommand) {
        switch command {
        case .message(let text): kind = "message"; self.text = text
        case .severity(let s): kind = "severity"; severity = s
        case .close: kind = "close"
        case .reopen: kind = "reopen"
        case .escalate(let reason, let justification): kind = "escalate"; self.reason = reason; self.justification = justification
        case .share(let add, let remove): kind = "share"; self.add = add; self.remove = remove
        case .attach: kind = "attach"
        case .supportReply(let text, let status): kind = "support-reply"; self.text = text; self.status = status
        case .setStatus(let status): kind = "status"; self.status = status
        case .removeAttachment(let id): kind = "remove-attachment"; attachment = id
        }
    }
}

/// A draft's content as JSON (`PUT /v1/drafts/{form}`).
/// `PUT /v1/cases/{number}/read`: the case read (as of `seen`, the update time the reader was shown) or unread.
public struct ReadStateBody: Codable, Sendable {
    public var read: Bool
    public var seen: Date?
    public init(read: Bool, seen: Date?) { self.read = read; self.seen = seen }
}

public struct DraftBody: Codable, Sendable {
    public var content: String
}

/// Feedback as JSON (`POST /v1/feedback`).
public struct FeedbackBody: Codable, Sendable {
    public var screen: String
    public var message: String
}

/// A draft as the API shows it: the form as stored text ("message 12345678").
public struct DraftJSON: Codable, Sendable {
    public var form: String
    public var content: String
    public var updatedAt: Date
    public init(_ d: Draft) { form = d.form.stored; content = d.content; updatedAt = d.updatedAt }
}

/// Feedback as the API shows it.
public struct FeedbackJSON: Codable, Sendable {
    public var at: Date
    public var user: String?
    public var screen: String
    public var message: String
    public init(_ f: Feedback) { at = f.at; user = f.userEmail; screen = f.screen; message = f.message }
}

/// What `GET /v1/changes` answers: the latest event id, and with `?after=` the notices since.
public struct ChangesJSON: Codable, Sendable {
    public var token: Int64
    public var through: Int64?
    public var changes: [ChangeNotice]?
    public init(token: Int64, through: Int64?, changes: [ChangeNotice]?) { self.token = token; self.through = through; self.changes = changes }
}

/// A page of My Customers with the cursor of its last row, for the page after it.
public struct CustomerPageJSON: Codable, Sendable {
    public var rows: [CustomerRow]
    public var hasMore: Bool
    public var total: Int
    public var after: String?

    public init(_ page: CustomerPage) {
        rows = page.rows; hasMore = page.hasMore; total = page.total
        after = page.rows.last.map { Wire.cursor(CustomerAfter($0)) }
    }
    public var page: CustomerPage { CustomerPage(rows: rows, hasMore: hasMore, total: total) }
}
