import API
import Domain
import Foundation
import Hummingbird
import Portal

/// An RFC 9457 problem (`application/problem+json`). Its `type` names one of the command line's classes, so a
/// client maps it to the same exit code: refused by a rule (403, exit 1), bad input, nothing by that name or a name
/// already taken (422 / 404 / 409, exit 2), not signed in (401), storage unavailable (503, exit 3).
public struct Problem: Error, HTTPResponseError, Equatable, Sendable {
    public enum Kind: String, Sendable, Codable {
        case refused, badInput = "bad-input", notFound = "not-found", notSignedIn = "not-signed-in", unavailable
    }
    public var kind: Kind
    public var status: HTTPResponse.Status
    /// The Domain's sentence.
    public var detail: String
    /// The input at fault, for bad input.
    public var field: String?

    /// `status`: a more exact code of the kind's class (413 for a body too large) instead of the kind's own.
    public init(_ kind: Kind, _ detail: String, field: String? = nil, status: HTTPResponse.Status? = nil) {
        self.kind = kind; self.detail = detail; self.field = field
        let own: HTTPResponse.Status = switch kind {
        case .refused: .forbidden
        case .badInput: .unprocessableContent
        case .notFound: .notFound
        case .notSignedIn: .unauthorized
        case .unavailable: .serviceUnavailable
        }
        self.status = status ?? own
    }

    /// The problem a portal failure is, for the caller.
    init(_ error: PortalError) {
        switch error {
        case .refused(let r):
            switch r.kind {
            case .rule: self.init(.refused, r.description)
            case .invalidInput: self.init(.badInput, r.description, field: r.field)
            case .notFound: self.init(.notFound, r.description, field: r.field)
            case .conflict: self.init(.badInput, r.description, field: r.field, status: .conflict)
            }
        case .unavailable(let message): self.init(.unavailable, message)
        case .cancelled: self.init(.unavailable, "cancelled")
        }
    }

    struct Body: Codable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var field: String?
    }

    var body: Body {
        Body(type: "/problems/\(kind.rawValue)", title: title, status: Int(status.code), detail: detail, field: field)
    }

    var title: String {
        switch kind {
        case .refused: "Refused by a rule"
        case .badInput: "Bad input"
        case .notFound: "Not found"
        case .notSignedIn: "Not signed in"
        case .unavailable: "Storage unavailable"
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if kind == .notSignedIn { headers[.wwwAuthenticate] = "Bearer" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: Wire.encode(body))))
    }
}
