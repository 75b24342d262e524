import Domain

/// One signed-in reseller domain: a tab of the app.
public struct SessionInfo: Equatable, Sendable {
    public var user: User
    public var domainName: String
    public init(user: User, domainName: String) {
        self.user = user
        self.domainName = domainName
    }
}
