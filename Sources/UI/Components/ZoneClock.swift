import Foundation

/// Times in a time zone, as a person reads them: the exact time of an event ("2026-11-10 14:03") and a zone to choose
/// with its offset from UTC and the time there now ("UTC+10:00  09:41").
enum ZoneClock {
    /// "2026-11-10 14:03" in `identifier` (an IANA name; UTC when it is unknown).
    static func dateTime(_ date: Date, in identifier: String) -> String {
        let c = components(date, TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC")!)
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute))"
    }

    /// "UTC+05:30  01:56"; empty for a zone this system doesn't know.
    static func label(_ identifier: String, at date: Date) -> String {
        guard let zone = TimeZone(identifier: identifier) else { return "" }
        let seconds = zone.secondsFromGMT(for: date)
        let c = components(date, zone)
        return "UTC\(seconds < 0 ? "-" : "+")\(two(abs(seconds) / 3_600)):\(two(abs(seconds) % 3_600 / 60))  \(two(c.hour)):\(two(c.minute))"
    }

    private static func components(_ date: Date, _ zone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    }

    private static func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
}
