import Foundation

/// A time zone as a person choosing it reads it: its offset from UTC and the time there now ("UTC+10:00  09:41").
enum ZoneClock {
    static func label(_ identifier: String, at date: Date) -> String {
        guard let zone = TimeZone(identifier: identifier) else { return "" }
        let seconds = zone.secondsFromGMT(for: date)
        let sign = seconds < 0 ? "-" : "+"
        let offset = "UTC\(sign)\(two(abs(seconds) / 3_600)):\(two(abs(seconds) % 3_600 / 60))"
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return "\(offset)  \(two(c.hour ?? 0)):\(two(c.minute ?? 0))"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
