import Foundation

/// Size limits of the portal's fields.
public enum Limits {
    public static let titleLength = 1...200
    public static let descriptionMaxLength = 32_000
    public static let messageMaxLength = 12_800
    public static let justificationMaxLength = 12_800
    public static let sharingAddressesMax = 10
    public static let attachmentMaxBytes = 25 * 1024 * 1024
    public static let reopenWindow: TimeInterval = 30 * .day
    /// The reopen window in whole days, as messages and help texts say it.
    public static var reopenWindowDays: Int { Int(reopenWindow / .day) }
    public static let passwordMinLength = 8
    /// The rows one read of a list may ask for (a page over the API).
    public static let pageRows = 1...500
}
