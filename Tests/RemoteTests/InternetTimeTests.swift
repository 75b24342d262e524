import Foundation
import Testing
@testable import API

/// The wire's times against Foundation's ISO 8601 formatter, which they replace for speed.
@Suite struct InternetTimeTests {

    /// Every millisecond time written reads back as itself, and is written as Foundation writes it: a fixed set of
    /// edges (the epoch, before it, leap days, year ends, 9999) and 20,000 random times over four centuries.
    @Test func writesAsFoundationDoesAndReadsBackWhatItWrote() {
        let foundation = ISO8601DateFormatter()
        foundation.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var rng = SystemRandomNumberGenerator()
        let edges: [Int64] = [0, -1, 1, 999, -86_400_000, 951_782_400_000, 951_868_799_999, 1_709_164_800_123, 4_107_542_399_999,
                              253_402_300_799_999, -2_208_988_800_001, 1_780_000_000_000]
        let randoms = (0..<20_000).map { _ in Int64.random(in: -2_208_988_800_000...4_102_444_800_000, using: &rng) }
        for ms in edges + randoms {
            let date = Date(timeIntervalSince1970: Double(ms) / 1000)
            let text = InternetTime.string(from: date)
            #expect(text == foundation.string(from: date), "\(ms)")
            #expect(InternetTime.date(from: text) == date, "\(ms) → \(text)")
        }
    }

    @Test func readsOffsetsWholeSecondsAndLongerFractions() {
        let base = Date(timeIntervalSince1970: 1_780_000_000.25)
        #expect(InternetTime.date(from: "2026-05-28T20:26:40.250Z") == base)
        #expect(InternetTime.date(from: "2026-05-28T22:26:40.25+02:00") == base)
        #expect(InternetTime.date(from: "2026-05-28T17:56:40.250-02:30") == base)
        #expect(InternetTime.date(from: "2026-05-28T20:26:40.2500001z") == base)
        #expect(InternetTime.date(from: "2026-05-28T20:26:40Z") == Date(timeIntervalSince1970: 1_780_000_000))
    }

    @Test func refusesWhatIsNotATime() {
        for text in ["", "2026-05-28", "2026-05-28T20:26:40", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-05-28T24:00:00Z",
                     "2026-05-28T20:26:40.Z", "2026-05-28T20:26:40Zjunk", "2026-05-28T20:26:40+0200", "20260528T202640Z",
                     "２026-05-28T20:26:40Z", "2026-05-28T20:6:40Z"] {
            #expect(InternetTime.date(from: text) == nil, "\(text.debugDescription)")
        }
        #expect(InternetTime.date(from: "2024-02-29T00:00:00Z") != nil)
    }
}
