import Testing
@testable import ScreenKit

@Suite struct DiffTests {
    let size = Size(width: 10, height: 3)

    @Test func identicalBuffersHaveNoRuns() {
        var a = ScreenBuffer(size: size)
        a.put("hello 日本", x: 0, y: 1)
        #expect(a.diff(from: a).isEmpty)
    }

    @Test func oneChangedCellIsOneRun() {
        var old = ScreenBuffer(size: size)
        old.put("hello", x: 0, y: 1)
        var new = old
        new.put("J", x: 0, y: 1)
        #expect(new.diff(from: old) == [CellRun(y: 1, x: 0, cells: [Cell(grapheme: "J")])])
    }

    @Test func styleChangeCounts() {
        var old = ScreenBuffer(size: size)
        old.put("ab", x: 3, y: 2)
        var new = old
        new.put("ab", x: 3, y: 2, style: .bold)
        #expect(new.diff(from: old) == [CellRun(y: 2, x: 3, cells: [Cell(grapheme: "a", style: .bold), Cell(grapheme: "b", style: .bold)])])
    }

    @Test func separateChangesAreSeparateRuns() {
        let old = ScreenBuffer(size: size)
        var new = old
        new.put("a", x: 1, y: 0)
        new.put("b", x: 5, y: 0)
        new.put("日", x: 2, y: 2)
        let runs = new.diff(from: old)
        #expect(runs.map { [$0.y, $0.x, $0.cells.count] } == [[0, 1, 1], [0, 5, 1], [2, 2, 2]])
        #expect(runs[2].cells == [Cell(grapheme: "日", width: 2), .continuation])
    }

    @Test func sizeChangeReturnsEveryRow() {
        var old = ScreenBuffer(size: size)
        old.put("same", x: 0, y: 0)
        var new = ScreenBuffer(size: Size(width: 4, height: 2))
        new.put("same", x: 0, y: 0)
        let runs = new.diff(from: old)
        #expect(runs.map(\.y) == [0, 1])
        #expect(runs.allSatisfy { $0.x == 0 && $0.cells.count == 4 })
    }
}
