/// Who performs a command: a signed-in reseller user, or a support engineer on the provider side.
public enum Actor: Sendable, Equatable {
    case reseller(User)
    case supportEngineer(name: String)

    public var displayName: String {
        switch self {
        case .reseller(let u): u.name.isEmpty ? u.email : "\(u.name) <\(u.email)>"
        case .supportEngineer(let name): "\(name) (Google Workspace Support)"
        }
    }
    public var user: User? {
        if case .reseller(let u) = self { return u }
        return nil
    }
}
