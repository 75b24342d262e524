import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Store

/// Connections to one PostgreSQL database for a store that answers synchronously, as the store protocol does: the
/// portal is called off the event loops (the server's `Blocking` lanes, the command line), so a call takes an idle
/// connection (or opens one), waits for its futures, and puts it back. Futures complete on NIO's own threads, so waiting
/// needs no thread of Swift's concurrency pool. A connection that failed is closed, not reused.
public final class PostgresConnections: @unchecked Sendable {
    public let address: PostgresAddress
    let logger: Logger
    private let lock = NSLock()
    private var idle: [PostgresConnection] = []
    private var opened = 0
    /// At most this many connections in use at once (a server's readers and its command queue): PostgreSQL allows 100
    /// by default, for every instance together. A call past them waits for one to come back.
    public static let maxInUse = 16
    /// How long a call waits for a connection before it says the database is busy.
    static let wait: TimeInterval = 30
    private let inUse = DispatchSemaphore(value: PostgresConnections.maxInUse)

    public init(address: PostgresAddress) {
        self.address = address
        var logger = Logger(label: "careportal.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit { close() }

    /// Closes every idle connection (those in use close when they come back).
    public func close() {
        let all = lock.withLock { defer { idle.removeAll() }; return idle }
        for connection in all { try? (connection.close() as EventLoopFuture<Void>).wait() }
    }

    /// Runs `body` on one connection, outside any transaction.
    public func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws(StoreError) -> T {
        let connection = try take()
        do {
            let value = try body(connection)
            give(back: connection)
            return value
        } catch {
            // A statement the server refused leaves the connection usable; a lost or broken one doesn't.
            let broken = (error as? PSQLError).map { $0.serverInfo == nil } ?? !(error is StoreError)
            give(back: connection, failed: broken)
            throw Self.storeError(error, address: address)
        }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws. A transaction PostgreSQL
    /// chose to abort to break a deadlock (two commands locking the same rows in opposite orders, such as two cases'
    /// tally rows) or a serialization failure is run again, up to `attempts` times in all: the caller sees a result,
    /// not an error it could do nothing about.
    public func transaction<T>(attempts: Int = 3, _ body: (PostgresConnection) throws -> T) throws(StoreError) -> T {
        var attempt = 1
        while true {
            do {
                return try withConnection { connection in
                    try run("BEGIN", on: connection)
                    do {
                        let value = try body(connection)
                        try run("COMMIT", on: connection)
                        return value
                    } catch {
                        try? run("ROLLBACK", on: connection)
                        throw error
                    }
                }
            } catch {
                guard attempt < attempts, Self.isWorthRetrying(error) else { throw error }
                attempt += 1
            }
        }
    }

    /// deadlock_detected (40P01) and serialization_failure (40001): the transaction did nothing and may simply run again.
    static func isWorthRetrying(_ error: StoreError) -> Bool {
        guard case .storage(_, let message) = error else { return false }
        return message.hasSuffix(sqlState("40P01")) || message.hasSuffix(sqlState("40001"))
    }

    /// Runs a script of statements with no parameters, one after the other (schema scripts; see `SQLScript`).
    public func run(_ script: String, on connection: PostgresConnection) throws {
        for statement in SQLScript.statements(script) {
            _ = try connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).wait()
        }
    }

    /// Runs one statement with its parameters (`\(value)` in the query's literal binds them) and returns its rows.
    @discardableResult
    public func query(_ query: PostgresQuery, on connection: PostgresConnection) throws -> [PostgresRow] {
        try connection.query(query, logger: logger).wait().rows
    }

    /// A connection of its own, outside the pool (a listener's), closed by its holder.
    public func openDedicated() throws(StoreError) -> PostgresConnection {
        do {
            return try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
                                                  id: 0, logger: logger).wait()
        } catch {
            throw .cannotOpen(path: address.location, reason: Self.reason(error))
        }
    }

    private func take() throws(StoreError) -> PostgresConnection {
        let started = Date()
        guard inUse.wait(timeout: .now() + Self.wait) == .success else {
            throw .busy(waitedSeconds: Int(Date().timeIntervalSince(started).rounded()))
        }
        do {
            return try connection()
        } catch {
            inUse.signal()
            throw error
        }
    }

    private func connection() throws(StoreError) -> PostgresConnection {
        let (reused, id) = lock.withLock { () -> (PostgresConnection?, Int) in
            if let connection = idle.popLast() { return (connection, 0) }
            opened += 1
            return (nil, opened)
        }
        if let reused, !reused.isClosed { return reused }
        do {
            return try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
                                                  id: id, logger: logger).wait()
        } catch {
            throw .cannotOpen(path: address.location, reason: Self.reason(error))
        }
    }

    private func give(back connection: PostgresConnection, failed: Bool = false) {
        defer { inUse.signal() }
        if failed || connection.isClosed {
            try? (connection.close() as EventLoopFuture<Void>).wait()  // closed before it is let go (postgres-nio asserts it)
            return
        }
        lock.withLock { idle.append(connection) }
    }

    private var configuration: PostgresConnection.Configuration {
        switch address.endpoint {
        case .tcp(let host, let port):
            // Plain TCP for now: TLS to the database (--db …?sslmode) is for when it runs on another host.
            return .init(host: host, port: port, username: address.user, password: address.password, database: address.database,
                         tls: .disable)
        case .socket(let path):
            return .init(unixSocketPath: path, username: address.user, password: address.password, database: address.database)
        }
    }

    /// A PostgreSQL failure as the store reports it: the server's own message and SQLSTATE, or why it couldn't connect.
    static func storeError(_ error: any Error, address: PostgresAddress) -> StoreError {
        if let e = error as? StoreError { return e }
        guard let psql = error as? PSQLError else { return .storage(code: -1, message: "\(error)") }
        if psql.code == .connectionError || psql.code == .serverClosedConnection || psql.code == .clientClosedConnection {
            return .cannotOpen(path: address.location, reason: reason(error))
        }
        return .storage(code: -1, message: reason(error))
    }

    /// How a message names the server's SQLSTATE (`reason`), which `isWorthRetrying` reads back.
    static func sqlState(_ code: String) -> String { "(SQLSTATE \(code))" }

    /// What went wrong in words: the server's message and SQLSTATE when it sent one (PSQLError's own description hides
    /// everything, so nothing secret is printed by accident), else the underlying error (`connection refused`).
    static func reason(_ error: any Error) -> String {
        guard let psql = error as? PSQLError else { return plainly("\(error)") }
        if let info = psql.serverInfo, let message = info[.message] {
            return info[.sqlState].map { "\(message) \(sqlState($0))" } ?? message
        }
        if let underlying = psql.underlying { return plainly("\(underlying)") }
        return "\(psql.code)"
    }

    /// The usual ways a connection fails, in words (NIO describes them by its own types and errno).
    static func plainly(_ text: String) -> String {
        if text.contains("Connection refused") { return "connection refused (is PostgreSQL running and listening there?)" }
        if text.contains("No such file or directory") { return "no PostgreSQL socket there (is PostgreSQL running, and is host= its socket's folder?)" }
        if text.contains("Permission denied") { return "permission denied on the socket" }
        return text
    }
}
