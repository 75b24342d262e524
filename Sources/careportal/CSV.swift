import Domain

/// `--csv` output. A cell's control characters are escaped as on every output path (newlines and tabs kept, the
/// cell is quoted); a cell a spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return — gets a `'` in front (OWASP's advice), so `=HYPERLINK(…)` stays text.
enum CSV {
    static func row(_ cells: [String]) -> String { cells.map(cell).joined(separator: ",") }

    static func cell(_ raw: String) -> String {
        var s = raw.terminalText
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { s = "'" + s }
        return s.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
