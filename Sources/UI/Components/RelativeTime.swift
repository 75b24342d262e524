import Foundation

/// Times as a person scanning a list reads them: "now", "3 min", "5 h", "2 d", "4 mo", "2 y".
enum RelativeTime {
    static func short(_ date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        if seconds < 60 { return "now" }  // also a clock slightly ahead of ours
        if seconds < 3_600 { return "\(seconds / 60) min" }
        if seconds < 86_400 { return "\(seconds / 3_600) h" }
        let days = seconds / 86_400
        if days < 30 { return "\(days) d" }
        if days < 365 { return "\(days / 30) mo" }
        return "\(days / 365) y"
    }

    /// "3 min ago", "just now".
    static func ago(_ date: Date, now: Date) -> String {
        let s = short(date, now: now)
        return s == "now" ? "just now" : "\(s) ago"
    }
}
