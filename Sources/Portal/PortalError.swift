import Domain

/// Why a portal call failed, in the three classes every client reports the same way: a rule or bad input
/// (the Domain's `Refusal`, whose kind says which) changed nothing; `unavailable` means the data couldn't be
/// reached or written (the database, later the network), and the call may be retried.
public enum PortalError: Error, Equatable, Sendable, CustomStringConvertible {
    case refused(Refusal)
    case unavailable(String)
    /// The asker cancelled the read (`Cancellation`); nobody reports it.
    case cancelled

    public var description: String {
        switch self {
        case .refused(let r): r.description
        case .unavailable(let message): message
        case .cancelled: "cancelled"
        }
    }

    /// Bad input (or nothing visible by that name), as opposed to a rule saying no.
    public var isBadInput: Bool {
        if case .refused(let r) = self { return r.kind != .rule }
        return false
    }
}
