import Foundation
import Testing

/// Helpers of the text-safety tests (issue #11): what a terminal would act on, and writing into a database
/// behind the program's back, as text stored before the checks (or by another tool) would be.
enum RawText {
    static let alice = ["--as", "alice@cloudpartners.example"]
    /// Retitles the reader's terminal when printed raw.
    static let osc = "\u{1B}]0;PWNED\u{07}"

    /// Control characters a terminal acts on (every C0, DEL and C1 character but newline and tab), by code point.
    static func controls(_ s: String) -> [String] {
        s.unicodeScalars.filter { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }
            .map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// Runs `sql` on the test's database behind the program's back (`DatabaseShell`, its dialect placeholders).
    static func write(_ b: Binary, _ sql: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try DatabaseShell.execute(b.db, sql, sourceLocation: sourceLocation)
    }
}
