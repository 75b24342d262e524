import Domain
import Foundation

/// Where a PostgreSQL database is, from `postgresql://USER[:PASSWORD]@HOST[:PORT]/DB` (or `postgres://`), or over a
/// Unix socket with `?host=/path/to/folder` (libpq's convention: the folder holding `.s.PGSQL.PORT`). A password may
/// also come from `$PGPASSWORD`; it never appears in `location`.
public struct PostgresAddress: Equatable, Sendable {
    public enum Endpoint: Equatable, Sendable {
        case tcp(host: String, port: Int)
        /// The socket file itself (`FOLDER/.s.PGSQL.PORT`).
        case socket(path: String)
    }

    public var endpoint: Endpoint
    public var user: String
    public var password: String?
    public var database: String

    /// The address as logs and `location` show it: no password.
    public var location: String {
        switch endpoint {
        case .tcp(let host, let port): "postgresql://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
        case .socket(let path): "postgresql://\(user)@/\(database)?host=\((path as NSString).deletingLastPathComponent)"
        }
    }

    public init(endpoint: Endpoint, user: String, password: String?, database: String) {
        self.endpoint = endpoint; self.user = user; self.password = password; self.database = database
    }

    /// Reads a `--db` URL; a refusal names the field and what is wrong.
    public init(parsing text: String, field: String = "db", environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(Refusal) {
        func refuse(_ why: String) -> Refusal { .invalid(field, "\"\(Self.withoutPassword(text))\": \(why)") }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "postgresql" || scheme == "postgres" else {
            throw refuse("not a postgresql://USER@HOST:PORT/DB address")
        }
        guard let user = components.user, !user.isEmpty else { throw refuse("name the database user: postgresql://USER@HOST:PORT/DB") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw refuse("name one database after the host: postgresql://USER@HOST:PORT/DB") }
        var socketFolder: String?
        for item in components.queryItems ?? [] {
            switch item.name {
            case "host":
                guard let value = item.value, value.hasPrefix("/") else { throw refuse("host= takes the folder of the server's Unix socket, like /run/postgresql") }
                socketFolder = value
            default:
                throw refuse("\(item.name)= is not an option careportal takes (host= is)")
            }
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw refuse("the port must be 1 to 65535") }
        if let socketFolder {
            endpoint = .socket(path: socketFolder + "/.s.PGSQL.\(port)")
        } else {
            guard let host = components.host, !host.isEmpty else { throw refuse("name the host, or give ?host=/path/to/socket/folder") }
            endpoint = .tcp(host: host, port: port)
        }
        self.user = user
        self.password = components.password ?? environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        self.database = database
    }

    /// `text` with any password replaced by `***`, for messages.
    static func withoutPassword(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
