/// Who performs a command: a signed-in account of one of the three kinds (`AccountKind`).
public enum Actor: Sendable, Equatable {
    case reseller(User)
    case supportEngineer(User)
    case customerUser(User)

    /// The actor a signed-in account acts as.
    public init(_ user: User) {
        switch user.kind {
        case .reseller: self = .reseller(user)
        case .supportEngineer: self = .supportEngineer(user)
        case .customer: self = .customerUser(user)
        }
    }

    public var user: User {
        switch self {
        case .reseller(let u), .supportEngineer(let u), .customerUser(let u): u
        }
    }

    /// The author line of the case history.
    public var displayName: String {
        switch self {
        case .reseller(let u): Self.nameAndEmail(u)
        case .supportEngineer(let u): "\(u.name.isEmpty ? u.email : u.name) (Google Workspace Support)"
        case .customerUser(let u): "\(Self.nameAndEmail(u)) (customer)"
        }
    }

    private static func nameAndEmail(_ u: User) -> String { u.name.isEmpty ? u.email : "\(u.name) <\(u.email)>" }
}
