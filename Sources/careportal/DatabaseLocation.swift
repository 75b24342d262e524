import Domain
import Foundation
import PostgresStore

/// What a `--db` value names: a SQLite file's path, or a PostgreSQL database's URL. Anything else shaped like a URL
/// is refused before anything is opened: a path must never be a typo'd URL (`--db postgresql://…` once created a
/// folder named `postgresql:` where the command ran).
enum DatabaseLocation: Equatable {
    case file(String)
    /// `postgresql://USER@HOST:PORT/DB` or `postgres://…` (`?host=/path/to/socket` for a Unix socket).
    case postgres(String)

    /// `field`: the option or form field the value came from, named by a refusal.
    init(_ text: String, field: String = "db") throws(Failure) {
        guard let scheme = Self.scheme(of: text) else {
            self = .file(text)
            return
        }
        switch scheme.lowercased() {
        case "postgresql", "postgres":
            self = .postgres(text)
        case "http", "https":
            throw Failure.input("\(field): \"\(text)\" is a server's address; use --server \(text) to work through a careportal server")
        default:
            throw Failure.input("\(field): \"\(text)\" is a \(scheme): URL; give a database file's path, a server's http(s):// address "
                                + "(--server), or postgresql://USER@HOST:PORT/DB")
        }
    }

    /// A PostgreSQL URL's parts; a malformed one is refused naming the field.
    static func postgresAddress(_ url: String, field: String = "db") throws(Failure) -> PostgresAddress {
        do throws(Refusal) { return try PostgresAddress(parsing: url, field: field) } catch { throw Failure(.refused(error)) }
    }

    /// The scheme of a value shaped like a URL (letters, digits, `+ - .`, then `://`), nil for a path.
    static func scheme(of text: String) -> String? {
        guard let end = text.range(of: "://") else { return nil }
        let scheme = text[..<end.lowerBound]
        guard let first = scheme.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
              scheme.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) })
        else { return nil }
        return String(scheme)
    }

    /// The file's path; a PostgreSQL URL is refused with what to do instead. `command`: who asks, for the sentence.
    func filePath(for command: Command, field: String = "db") throws(Failure) -> String {
        switch self {
        case .file(let path): return path
        case .postgres:
            switch command {
            case .everyday:
                throw Failure.input("\(field): the app and the everyday commands reach PostgreSQL through a careportal server: run "
                                    + "`careportal serve --db postgresql://…` where the database is reachable, then use --server URL")
            case .direct(let name):
                throw Failure.input("db: `careportal \(name)` on PostgreSQL is not available in this build; it works on a database file")
            }
        }
    }

    enum Command {
        /// The app and the everyday commands: through a server.
        case everyday
        /// `serve`, and the commands that start an organisation (its first domain, its first engineer): they connect to
        /// the database themselves. `demo` and `bench` too, on a file only so far.
        case direct(String)
    }
}
