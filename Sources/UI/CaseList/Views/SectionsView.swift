import Domain
import ScreenKit

/// The saved views' line above a case list: "All 1,234  Waiting on me 12  P1/P2 open 3 …", the list's own section
/// highlighted; a count shows "…" until it comes, "10,000+" past the cap. What doesn't fit is cut at the right edge.
enum SectionsView {
    static func render(_ list: CaseList, state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
        let inner = area.inset(left: Layout.margin, right: Layout.margin)
        let current = state.section(of: list)
        for (i, item) in items(list, state: state, area: area).enumerated() {
            let style = i == current ? Theme.tabActive : Theme.tabInactive
            if buffer.put(item.text, x: item.x, y: inner.y, style: style, clip: inner) >= inner.maxX { break }
        }
    }

    /// Each section's text and where it starts, as drawn.
    static func items(_ list: CaseList, state: AppState, area: Rect) -> [(text: String, x: Int)] {
        let all = list.filter.query.isEmpty ? list.count : nil
        var sections: [(String, CaseList.Count?)] = [("All", all)]
        sections += state.views.map { ($0.name, list.viewCounts[$0.name]) }
        var x = area.x + Layout.margin
        return sections.enumerated().map { i, item in
            let count = item.1.map { NumberFormat.grouped($0.total) + ($0.capped ? "+" : "") } ?? (i == 0 ? "" : "…")
            let text = " \(item.0)\(count.isEmpty ? "" : " \(count)") "
            defer { x += text.displayWidth + 1 }
            return (text, x)
        }
    }

    /// The section under column `x` of the line (a click), if any.
    static func section(at x: Int, in state: AppState, area: Rect) -> Int? {
        guard let list = state.currentCaseList else { return nil }
        return items(list, state: state, area: area).firstIndex { x >= $0.x && x < $0.x + $0.text.displayWidth }
    }
}
