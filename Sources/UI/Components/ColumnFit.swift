import ScreenKit

/// Widths for columns that share a row: each as wide as its widest entry when they all fit, else the widest
/// narrowed first (its entries then end in the ellipsis), none below `minimum`.
enum ColumnFit {
    static func widths(_ natural: [Int], room: Int, minimum: Int) -> [Int] {
        var widths = natural
        while widths.reduce(0, +) > room, let i = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[i] > minimum {
            widths[i] -= 1
        }
        return widths
    }
}

extension ColumnFit {
    /// The display width of the widest entry of each column: measured once when the rows arrive (or a filter
    /// changes them), not on every frame over thousands of rows.
    static func widest<Row>(_ rows: [Row], _ columns: [(Row) -> String]) -> [Int] {
        columns.map { column in rows.reduce(0) { max($0, column($1).displayWidth) } }
    }
}
