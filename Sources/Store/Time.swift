import Foundation

/// Times are stored as INTEGER milliseconds since 1970 UTC.
extension Date {
    package var millis: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
    package init(millis: Int64) { self.init(timeIntervalSince1970: Double(millis) / 1000) }
}
