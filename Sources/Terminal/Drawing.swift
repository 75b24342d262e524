import CNCurses
import Glibc
import ScreenKit

struct ColorPairKey: Hashable {
    var fg: Int16
    var bg: Int16
}

extension NCursesTerminal {
    /// Draws `buffer`, sending only the cells that changed since the last
    /// frame (everything after a resize, a resume or on the first frame).
    public func draw(_ buffer: ScreenBuffer) {
        set_term(screen)
        let runs: [CellRun]
        if let last = lastFrame, last.size == buffer.size {
            runs = buffer.diff(from: last)
        } else {
            wclear(window)  // also makes the next refresh repaint the physical screen
            runs = buffer.diff(from: ScreenBuffer(size: .zero))
        }
        let rows = Int(getmaxy(window)), cols = Int(getmaxx(window))
        for run in runs where run.y < rows {
            for (i, cell) in run.cells.enumerated() where !cell.isContinuation && run.x + i < cols {
                put(cell, x: run.x + i, y: run.y, cols: cols)
            }
        }
        lastFrame = buffer
        curs_set(0)  // views draw their own caret; the terminal's cursor stays hidden, also after a resume
        wrefresh(window)
    }

    /// Writes one cell. Where ncurses' wcwidth disagrees with ScreenKit's
    /// width (flags, VS16 emoji) the cell is padded or replaced so that the
    /// columns after it stay where the buffer put them.
    private func put(_ cell: Cell, x: Int, y: Int, cols: Int) {
        let style = cell.style.resolved(for: colorCapability, palette: palette)
        var attrs = cn_wa_normal()
        if style.bold { attrs |= cn_wa_bold() }
        if style.underline { attrs |= cn_wa_underline() }
        if style.reverse { attrs |= cn_wa_reverse() }
        let pair = pairNumber(fg: style.fg, bg: style.bg)

        let scalars = Array(cell.grapheme.unicodeScalars)
        let width = (cell.width == 2 && x + 1 < cols) ? 2 : 1
        guard let first = scalars.first else { return }
        let firstWidth = Int(cn_wcwidth(wchar_t(bitPattern: first.value)))

        var glyph: [wchar_t]
        var second: wchar_t? = nil  // what goes in the right half when ncurses thinks the glyph is narrow
        switch (width, firstWidth) {
        case (1, 1), (2, 2):
            glyph = [wchar_t(bitPattern: first.value)] + marks(after: scalars)
        case (2, 1):
            glyph = [wchar_t(bitPattern: first.value)] + marks(after: scalars)
            // A flag is two regional indicators: give each its column so the terminal can join them.
            if scalars.count > 1, cn_wcwidth(wchar_t(bitPattern: scalars[1].value)) == 1 {
                second = wchar_t(bitPattern: scalars[1].value)
            } else {
                second = 0x20
            }
        case (1, 0):
            glyph = [0x20, wchar_t(bitPattern: first.value)]  // a stray mark gets a base to sit on
        default:
            // A wide cell on the terminal's last column becomes a space; a glyph
            // ncurses finds wider than ScreenKit does, or unprintable here, a "?".
            glyph = [cell.width == 2 && width == 1 ? 0x20 : 0x3F]
            if width == 2 { second = 0x20 }
        }
        add(glyph, attrs: attrs, pair: pair, x: x, y: y)
        if let second { add([second], attrs: attrs, pair: pair, x: x + 1, y: y) }
    }

    /// Zero-width scalars that ncurses can attach to a cell (up to its limit),
    /// stopping at a joiner or a spacing scalar that would start another cell.
    private func marks(after scalars: [Unicode.Scalar]) -> [wchar_t] {
        var out: [wchar_t] = []
        for s in scalars.dropFirst() {
            let w = wchar_t(bitPattern: s.value)
            guard s.value != 0x200D, cn_wcwidth(w) == 0, out.count < 3 else { break }
            out.append(w)
        }
        return out
    }

    private func add(_ chars: [wchar_t], attrs: attr_t, pair: Int16, x: Int, y: Int) {
        var cc = cchar_t()
        let terminated = chars + [0]
        terminated.withUnsafeBufferPointer { _ = setcchar(&cc, $0.baseAddress, attrs, pair, nil) }
        mvwadd_wch(window, Int32(y), Int32(x), &cc)
    }

    /// Colour pairs are allocated on first use; pair 0 is the terminal's default.
    func pairNumber(fg: Color, bg: Color) -> Int16 {
        guard hasColors else { return 0 }
        let key = ColorPairKey(fg: colorNumber(fg, isForeground: true), bg: colorNumber(bg, isForeground: false))
        if key.fg == -1 && key.bg == -1 { return 0 }
        if let n = pairs[key] { return n }
        let limit = min(Int(cn_color_pairs()), Int(Int16.max))
        guard pairs.count + 1 < limit else { return 0 }  // out of pairs: draw uncoloured rather than fail
        let n = Int16(pairs.count + 1)
        init_pair(n, key.fg, key.bg)
        pairs[key] = n
        return n
    }

    private func colorNumber(_ color: Color, isForeground: Bool) -> Int16 {
        switch color {
        case .default, .themed: return hasDefaultColors ? -1 : (isForeground ? 7 : 0)  // a named colour is resolved before
        case .ansi(let n), .indexed(let n): return Int16(n)
        }
    }
}
