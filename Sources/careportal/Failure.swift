import Domain
import Foundation
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

    init(_ error: StoreError) {
        switch error {
        case .refused(let r):
            self.init(message: r.description, code: r.kind == .rule ? Self.refused : Self.badInput)
        case .notADatabase, .cannotOpen, .storage:
            self.init(message: error.description, code: Self.storage)
        }
    }
}

/// Runs a Store call, turning its error into a Failure.
@discardableResult
func attempt<T>(_ body: () throws(StoreError) -> T) throws(Failure) -> T {
    do { return try body() } catch { throw Failure(error) }
}
