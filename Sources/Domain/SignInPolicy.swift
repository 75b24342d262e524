import Foundation

/// How signing in works, whatever the store behind it: a session lasts 30 days; five wrong passwords in a row lock the
/// account for five minutes; the same sentence for an unknown address and a wrong password, so a refusal never says
/// which accounts exist.
public enum SignInPolicy {
    public static let sessionLifetime: TimeInterval = 30 * .day
    public static let maxFailedSignIns = 5
    public static let lockout: TimeInterval = 5 * .minute
    public static let wrongCredentials = "Wrong email or password."
    public static let sessionEnded = "This session has ended (signed out, or its account lost portal access since). Sign in again."

    /// The refusal while an account is locked (`lockedUntil` still ahead), with the minutes left rounded up.
    public static func locked(until lockedUntil: Date?, now: Date) -> Refusal? {
        guard let lockedUntil, lockedUntil > now else { return nil }
        let minutes = Int((lockedUntil.timeIntervalSince(now) / .minute).rounded(.up))
        return Refusal("Too many failed sign-in attempts. Try again in \(minutes) min.")
    }
}
