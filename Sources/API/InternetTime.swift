import Foundation

/// Times on the wire as RFC 3339 UTC with milliseconds (`2026-11-16T12:37:40.213Z`), written and read without
/// Foundation's ISO8601DateFormatter, which costs about 10 µs a time: a list page holds a hundred of them.
/// Reading also takes whole seconds, more or fewer fraction digits, and an offset (`+02:00`).
public enum InternetTime {
    public static func string(from date: Date) -> String {
        let millis = Int64((date.timeIntervalSince1970 * 1000).rounded())
        let (days, msOfDay) = millis.quotientAndRemainder(dividingBy: 86_400_000)
        let (d, ms) = msOfDay < 0 ? (days - 1, msOfDay + 86_400_000) : (days, msOfDay)
        let (y, m, day) = civil(fromDays: d)
        var out = [UInt8]()
        out.reserveCapacity(24)
        func put(_ value: Int64, _ width: Int) {
            var digits = [UInt8](repeating: 48, count: width)
            var v = value
            for i in stride(from: width - 1, through: 0, by: -1) { digits[i] = 48 + UInt8(v % 10); v /= 10 }
            out += digits
        }
        if y < 0 || y > 9999 { return ISO8601DateFormatter().string(from: date) }  // outside RFC 3339's years
        put(y, 4); out.append(45); put(m, 2); out.append(45); put(day, 2); out.append(84)
        put(ms / 3_600_000, 2); out.append(58); put(ms / 60_000 % 60, 2); out.append(58); put(ms / 1000 % 60, 2)
        out.append(46); put(ms % 1000, 3); out.append(90)
        return String(decoding: out, as: UTF8.self)
    }

    /// nil when `text` is not an RFC 3339 time.
    public static func date(from text: String) -> Date? {
        let b = Array(text.utf8)
        var i = 0
        func number(_ width: Int) -> Int64? {
            guard i + width <= b.count else { return nil }
            var v: Int64 = 0
            for k in i..<(i + width) {
                guard (48...57).contains(b[k]) else { return nil }
                v = v * 10 + Int64(b[k] - 48)
            }
            i += width
            return v
        }
        func expect(_ c: UInt8...) -> Bool {
            guard i < b.count, c.contains(b[i]) else { return false }
            i += 1
            return true
        }
        guard let y = number(4), expect(45), let mo = number(2), expect(45), let d = number(2), expect(84, 116, 32),
              let h = number(2), expect(58), let mi = number(2), expect(58), let s = number(2),
              (1...12).contains(mo), (1...days(inMonth: mo, year: y)).contains(d), h < 24, mi < 60, s < 61 else { return nil }
        var fraction = 0.0
        if i < b.count, b[i] == 46 {
            i += 1
            var scale = 0.1
            let start = i
            while i < b.count, (48...57).contains(b[i]) { fraction += Double(b[i] - 48) * scale; scale /= 10; i += 1 }
            if i == start { return nil }
        }
        var offset: Int64 = 0
        if expect(90, 122) {
        } else if i < b.count, b[i] == 43 || b[i] == 45 {
            let sign: Int64 = b[i] == 45 ? -1 : 1
            i += 1
            guard let oh = number(2), expect(58), let om = number(2), oh < 24, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let seconds = days(fromCivil: y, mo, d) * 86_400 + h * 3600 + mi * 60 + s - offset
        // Milliseconds are whole: the wire carries what the store keeps.
        return Date(timeIntervalSince1970: (Double(seconds) * 1000 + (fraction * 1000).rounded()) / 1000)
    }

    static func days(inMonth m: Int64, year y: Int64) -> Int64 {
        switch m {
        case 2: return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func days(fromCivil year: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
