import Foundation
import ScreenKit

/// The Drafts list: what each draft is, when it was last saved, and how it begins.
enum DraftsView {
    static func render(_ list: DraftsList, state: AppState, into buffer: inout ScreenBuffer) {
        let rect = Rect(size: state.size).inset(top: 1, bottom: 1).centered(width: min(state.size.width, 100),
                                                                             height: min(state.size.height - 2, max(list.drafts.count, 1) + 7))
        buffer.drawBox(rect, title: "Drafts · \(state.session?.user.email ?? "")")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard inner.height >= 4 else { return }
        buffer.put("Saved as you typed; each stays until it is sent or discarded.", x: inner.x, y: inner.y, style: Theme.dim, clip: inner)
        if list.request != nil && list.drafts.isEmpty {
            buffer.put("Loading…", x: inner.x, y: inner.y + 2, style: Theme.dim, clip: inner)
        } else if list.drafts.isEmpty {
            buffer.put("No drafts.", x: inner.x, y: inner.y + 2, style: Theme.dim, clip: inner)
        }
        let height = max(1, inner.height - 4)
        let first = max(0, list.cursor - height + 1)
        for (i, draft) in list.drafts.enumerated().dropFirst(first).prefix(height) {
            let y = inner.y + 2 + i - first
            let line: StyledLine = [Span(draft.form.padded(toWidth: 18), Theme.bold),
                                    Span(RelativeTime.short(draft.updatedAt, now: state.now).padded(toWidth: 8), Theme.dim),
                                    Span(preview(draft), Theme.plain)]
            let row = Rect(x: inner.x, y: y, width: inner.width, height: 1)
            buffer.putRow(line, in: row, selected: i == list.cursor)
        }
        let bottom = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
        if let form = list.discarding {
            buffer.put("Discard \"\(form)\"? What it holds is lost. y/n", x: bottom.x, y: bottom.y, style: Theme.warning, clip: bottom)
        } else {
            let hints = Keymap.drafts.compactMap { b in b.hint.map { (b.keys[0].name, $0) } }
            buffer.put(StatusLineView.join(hints, width: inner.width), x: bottom.x, y: bottom.y, clip: bottom)
        }
    }

    /// The first words: a message's text, or a new case's title.
    static func preview(_ draft: DraftSummary) -> String {
        if draft.form == NewCaseForm.draftName,
           let d = try? JSONDecoder().decode(NewCaseDraft.self, from: Data(draft.content.utf8)) {
            let title = d.title.isEmpty ? "(no title yet)" : d.title
            return d.customerName.map { "\(title) · \($0)" } ?? title
        }
        return draft.content.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    }
}
