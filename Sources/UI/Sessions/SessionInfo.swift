import Domain

/// One signed-in reseller domain: a tab of the app.
public struct SessionInfo: Equatable, Sendable {
    public var user: User
    public var domainName: String
    /// Where the session lives: a database file's path or a server's address ("" in tests: the app's own).
    /// Tabs may come from several: the same domain on two servers is two sessions.
    public var location: String
    public init(user: User, domainName: String, location: String = "") {
        self.user = user
        self.domainName = domainName
        self.location = location
    }

    /// The location as a tab names it: a server's host (and port), or a database file's name.
    public var place: String { Self.place(of: location) }

    /// The place in a word, for a list's Domain column: a server's host's first label ("team" of team.example; an IP
    /// address whole), or a database file's name without its extension.
    public var shortPlace: String {
        let place = self.place
        if location.contains("://") {
            let host = String(place.prefix { $0 != ":" })
            return host.allSatisfy({ $0.isNumber || $0 == "." }) ? host : String(host.prefix { $0 != "." })
        }
        return String(place.prefix { $0 != "." })
    }

    static func place(of location: String) -> String {
        if let scheme = location.range(of: "://") {
            let rest = location[scheme.upperBound...]
            return String(rest.split(separator: "/", maxSplits: 1).first ?? rest)
        }
        return String(location.split(separator: "/").last ?? Substring(location))
    }
}
