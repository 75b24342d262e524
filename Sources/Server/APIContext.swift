import API
import Domain
import Foundation
import Hummingbird
import Logging
import Portal

/// A request's context: who is signed in, resolved once from its bearer token by `SessionMiddleware`.
public struct APIContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user and their token; nil without a valid token.
    var session: (user: User, token: String)?
    /// Why the token didn't sign anyone in (expired, suspended …), said by a 401.
    var sessionProblem: String?

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// The signed-in user, or a 401 that says why not.
    func signedIn() throws -> (user: User, token: String) {
        if let session { return session }
        throw Problem(.notSignedIn, sessionProblem ?? "Sign in first: POST /v1/sessions, then send Authorization: Bearer TOKEN.")
    }
}

/// Resolves the bearer token (checked again on every request: expiry, suspension, licence, role) and logs one line
/// per request: method, route, status, milliseconds, user. Never a password, a token or a body.
struct SessionMiddleware: RouterMiddleware {
    let portal: any Portal
    let logger: Logger

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var context = context
        if let header = request.headers[.authorization] {
            if header.hasPrefix("Bearer "), case let token = String(header.dropFirst("Bearer ".count)), !token.isEmpty {
                do {
                    let user = try await Blocking.run { () throws(PortalError) in try portal.resume(token: token) }
                    context.session = (user, token)
                } catch let problem as Problem where problem.kind == .unavailable {
                    throw problem
                } catch let problem as Problem {
                    context.sessionProblem = problem.detail
                }
            } else {
                context.sessionProblem = "The Authorization header must be: Bearer TOKEN."
            }
        }
        var status = 500
        defer {
            let took = ContinuousClock.now - start
            // Hundredths of a millisecond, written without String(format:) (a tenth of a small request's time).
            let hundredths = took.components.seconds * 100_000 + took.components.attoseconds / 10_000_000_000_000
            let fraction = hundredths % 100
            logger.info("request", metadata: [
                "method": "\(request.method.rawValue)", "route": "\(request.uri.path)", "status": "\(status)",
                "ms": "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)", "user": "\(context.session?.user.email ?? "-")",
            ])
        }
        do {
            let response = try await next(request, context)
            status = Int(response.status.code)
            return response
        } catch let error as HTTPResponseError {
            status = Int(error.status.code)
            throw error
        }
    }
}

/// Portal calls block on the database: they run on Dispatch, not on the event loop.
/// Reads run on Dispatch's pool, which has few threads (about one per core). Commands take the database's one write
/// lock in turn, and one can hold it for seconds (the search index merging its segments): were they on the pool, the
/// commands waiting behind it would occupy every thread and stop the reads too. So they wait in a queue of their
/// own, one at a time, as the lock would have them anyway.
enum Blocking {
    /// A read (or a sign-in, whose password check must not hold up the commands).
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws(PortalError) -> T) async throws -> T {
        try await on(DispatchQueue.global(), body)
    }

    /// A command: anything that writes.
    static func command<T: Sendable>(_ body: @escaping @Sendable () throws(PortalError) -> T) async throws -> T {
        try await on(commands, body)
    }

    private static let commands = DispatchQueue(label: "careportal.commands")

    private static func on<T: Sendable>(_ queue: DispatchQueue, _ body: @escaping @Sendable () throws(PortalError) -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do throws(PortalError) {
                    continuation.resume(returning: try body())
                } catch {
                    continuation.resume(throwing: Problem(error))
                }
            }
        }
    }
}
