/// Consecutive changed cells in one row, starting at column `x`.
public struct CellRun: Hashable, Sendable {
    public var y: Int
    public var x: Int
    public var cells: [Cell]
    public init(y: Int, x: Int, cells: [Cell]) { self.y = y; self.x = x; self.cells = cells }
}

extension ScreenBuffer {
    /// The runs of cells that differ from `old`, row by row, left to right.
    /// When the sizes differ every row is returned whole, since the terminal
    /// has to repaint everything anyway.
    public func diff(from old: ScreenBuffer) -> [CellRun] {
        if old.size != size {
            return (0..<size.height).map { CellRun(y: $0, x: 0, cells: Array(row($0))) }
        }
        var runs: [CellRun] = []
        for y in 0..<size.height {
            let new = row(y), was = old.row(y)
            var x = 0
            while x < size.width {
                guard new[new.startIndex + x] != was[was.startIndex + x] else { x += 1; continue }
                let start = x
                while x < size.width && new[new.startIndex + x] != was[was.startIndex + x] { x += 1 }
                runs.append(CellRun(y: y, x: start, cells: Array(new[(new.startIndex + start)..<(new.startIndex + x)])))
            }
        }
        return runs
    }
}
