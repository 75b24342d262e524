/// The selected row of a list and the first row on screen.
struct ListCursor: Equatable, Sendable {
    var index = 0
    var top = 0

    enum Movement: Equatable, Sendable { case up, down, pageUp, pageDown, top, bottom }

    mutating func move(_ movement: Movement, count: Int, viewport: Int) {
        let page = max(1, viewport - 1)
        switch movement {
        case .up: index -= 1
        case .down: index += 1
        case .pageUp: index -= page; top -= page
        case .pageDown: index += page; top += page
        case .top: index = 0
        case .bottom: index = count - 1
        }
        clamp(count: count, viewport: viewport)
    }

    /// Keeps the index on a row and the row on screen.
    mutating func clamp(count: Int, viewport: Int) {
        index = max(0, min(index, count - 1))
        self = visible(count: count, viewport: viewport)
    }

    /// The cursor with `top` adjusted so the selected row is on screen and no space is wasted below the last row.
    func visible(count: Int, viewport: Int) -> ListCursor {
        var c = self
        let rows = max(1, viewport)
        c.top = min(c.top, max(0, count - rows))
        if c.index < c.top { c.top = c.index }
        if c.index >= c.top + rows { c.top = c.index - rows + 1 }
        c.top = max(0, c.top)
        return c
    }
}
