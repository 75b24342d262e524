import Domain
import ScreenKit

/// An open case: title line, the row of case actions (dimmed when the Domain refuses them), then the scrolling body.
enum CaseDetailView {
    static func render(_ view: CaseScreen, state: AppState, layout: Layout, into buffer: inout ScreenBuffer) {
        var left = [Span("Case \(view.number)", Theme.title), Span("  " + view.title, Theme.plain)]
        var right: StyledLine = []
        if let c = view.detail?.supportCase {
            if c.escalated { right += [Span(buffer.glyphs.escalated + " escalated", Theme.escalated), Span(" · ", Theme.dim)] }
            right += [Span(c.status.label, Theme.status(c.status)), Span(" · ", Theme.dim), Span(c.severity.rawValue, Theme.severity(c.severity))]
        }
        if case .loading = view.phase, view.detail != nil { left.append(Span("  loading…", Theme.dim)) }
        buffer.putSides(left: left, right: right, in: layout.title)

        let inner = layout.pane.inset(left: Layout.margin, right: Layout.margin)
        guard let detail = view.detail else {
            let text = switch view.phase {
            case .failed(let message): "Couldn't load case \(view.number): \(message). Press \(state.keys.name(of: .refresh)) to retry."
            default: "Loading case \(view.number)…"
            }
            buffer.putFitted(text, x: inner.x, y: inner.y + 1, style: Theme.dim, clip: inner)
            return
        }
        let user = state.actingUser(for: view.ref)
        let viewport = layout.viewport(for: .caseDetail)
        let lines = CaseDetailBody.lines(for: detail, user: user, width: inner.width, now: state.now, glyphs: buffer.glyphs)
        let scroll = max(0, min(view.scroll, lines.count - viewport))
        let actions = actions(detail, user: user, state: state)
        var position: StyledLine = []
        if lines.count > viewport {
            position = [Span("\(scroll + 1)–\(min(scroll + viewport, lines.count)) of \(lines.count) lines", Theme.dim)]
            // The actions matter more than the position: show it only where both fit.
            if actions.displayWidth + 2 + position.displayWidth > inner.width { position = [] }
        }
        buffer.putSides(left: actions, right: position, in: Rect(x: layout.pane.x, y: layout.pane.y, width: layout.pane.width, height: 1))
        for (offset, line) in lines.dropFirst(scroll).prefix(viewport).enumerated() {
            buffer.put(view.search.map { CaseSearch.highlight(line, $0) } ?? line, x: inner.x, y: inner.y + 1 + offset, clip: inner)
        }
    }

    /// "m message  p severity …" from the keymap; an action the Domain refuses now is dimmed.
    static func actions(_ detail: CaseDetail, user: User, state: AppState) -> StyledLine {
        var line: StyledLine = []
        for binding in state.keys.main {
            guard case .caseAction(let action) = binding.command, action.belongs(to: user.kind) else { continue }
            let allowed = action.decision(detail, by: user, now: state.now).isAllowed
            if !line.isEmpty { line.append(Span("  ")) }
            line.append(Span(binding.keys[0].name, allowed ? Theme.key : Theme.dim))
            line.append(Span(" " + action.label, allowed ? Theme.plain : Theme.dim))
        }
        return line
    }
}
