import Foundation

/// A signed-in session: the token is handed to the client once and stored by the portal only hashed.
public struct SessionGrant: Sendable, Equatable, Codable {
    public var user: User
    public var domainName: String
    public var token: String
    public var expiresAt: Date
    public init(user: User, domainName: String, token: String, expiresAt: Date) {
        self.user = user; self.domainName = domainName; self.token = token; self.expiresAt = expiresAt
    }
}
