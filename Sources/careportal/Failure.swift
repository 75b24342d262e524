import Domain
import Foundation
import Portal
import Store

/// A command's failure: one clear line and the documented exit code.
struct Failure: Error {
    var message: String
    var code: Int32

    static let refused: Int32 = 1
    static let badInput: Int32 = 2
    static let storage: Int32 = 3

    static func input(_ message: String) -> Failure { Failure(message: message, code: badInput) }

    init(message: String, code: Int32) { self.message = message; self.code = code }

    /// A rule's refusal exits 1, bad input 2, an unavailable portal (storage) 3.
    init(_ error: PortalError) {
        switch error {
        case .refused(let r): self.init(message: r.description, code: r.kind == .rule ? Self.refused : Self.badInput)
        case .unavailable, .cancelled: self.init(message: error.description, code: Self.storage)
        }
    }
}

/// Runs a portal call, turning its error into a Failure.
@discardableResult
func attempt<T>(_ body: () throws(PortalError) -> T) throws(Failure) -> T {
    do { return try body() } catch { throw Failure(error) }
}

/// `demo` and `bench` open the store directly (they build and measure it): the same exit codes.
@discardableResult
func attempt<T>(_ body: () throws(StoreError) -> T) throws(Failure) -> T {
    do { return try body() } catch { throw Failure(LocalPortal.portalError(error)) }
}
