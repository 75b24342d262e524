/// The answer of every rule: allowed, or refused with a reason a person can read.
public enum Decision: Equatable, Sendable {
    case allowed
    case refused(Refusal)

    public var isAllowed: Bool { self == .allowed }
    public var refusal: Refusal? {
        if case .refused(let r) = self { return r }
        return nil
    }
}

/// Why an action can't happen. `field` names the input at fault for validation refusals.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A business rule says no (exit code 1).
        case rule
        /// The input is invalid (exit code 2).
        case invalidInput
        /// The thing named doesn't exist or isn't visible to the actor (exit code 2).
        case notFound
        /// The input names something that already exists: a domain, an account, a role, a customer (exit code 2).
        case conflict
    }
    public var kind: Kind
    public var field: String?
    public var reason: String

    /// A rule's refusal.
    public init(_ reason: String) { self.init(.rule, field: nil, reason) }
    public init(_ kind: Kind, field: String?, _ reason: String) {
        self.kind = kind; self.field = field; self.reason = reason
    }
    public static func invalid(_ field: String, _ reason: String) -> Refusal {
        Refusal(.invalidInput, field: field, reason)
    }
    public static func notFound(_ field: String, _ reason: String) -> Refusal {
        Refusal(.notFound, field: field, reason)
    }
    public static func conflict(_ field: String, _ reason: String) -> Refusal {
        Refusal(.conflict, field: field, reason)
    }
    public var description: String {
        if let field, kind != .rule { return "\(field): \(reason)" }
        return reason
    }
}
