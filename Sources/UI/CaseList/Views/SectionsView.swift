import Domain
import ScreenKit

/// The saved views' line above a case list: "All 1,234  Waiting on me 12  P1/P2 open 3 …", the list's own section
/// highlighted; a count shows "…" until it comes, "10,000+" past the cap. What doesn't fit is cut at the right edge.
enum SectionsView {
    static func render(_ list: CaseList, state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
        let inner = area.inset(left: Layout.margin, right: Layout.margin)
        let current = state.section(of: list)
        let all = list.filter.query.isEmpty ? list.count : nil
        var items: [(String, CaseList.Count?)] = [("All", all)]
        items += state.views.map { ($0.name, list.viewCounts[$0.name]) }
        var x = inner.x
        for (i, item) in items.enumerated() {
            let count = item.1.map { NumberFormat.grouped($0.total) + ($0.capped ? "+" : "") } ?? (i == 0 ? "" : "…")
            let text = " \(item.0)\(count.isEmpty ? "" : " \(count)") "
            let style = i == current ? Theme.tabActive : Theme.tabInactive
            x = buffer.put(text, x: x, y: inner.y, style: style, clip: inner) + 1
            if x >= inner.maxX { break }
        }
    }
}
