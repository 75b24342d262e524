import Domain
import Foundation
import ScreenKit

/// The preview pane of a case list, from 160 columns: the cursor row's case beside the list. It loads once the cursor
/// has rested on a row for `settle` (never on every key of a fast scroll) and never holds up a key: the list keeps
/// moving while it loads, and an answer for a row the cursor has left is dropped.
struct CasePreview: Equatable, Sendable {
    static let settle: TimeInterval = 0.15
    /// Columns from which the pane is shown (when `P` hasn't turned it off).
    static let minimumWidth = 160

    /// The case on show (or loading), and its detail once here.
    var shown: CaseRef?
    var detail: CaseDetail?
    var request: Int?
    var failure: String?
    /// The row the cursor rested on, and when it may load (a tick sets it from the clock, so it is never stale).
    var armed: CaseRef?
    var dueAt: Date?

    /// The data changed: the case on show loads again when the cursor rests (what is shown stays until then).
    mutating func forget() { shown = nil; request = nil; armed = nil; dueAt = nil }
}

extension AppState {
    /// Whether the pane is on screen now.
    var showsPreview: Bool {
        guard previewEnabled, size.width >= CasePreview.minimumWidth, case .cases? = currentScreen else { return false }
        return true
    }

    /// The cursor row's case when the pane should show another one than it does.
    private var previewWanted: CaseRef? {
        guard showsPreview, let list = currentCaseList, let row = list.selected else { return nil }
        let ref = CaseRef(domainID: row.domainID, number: row.number)
        return list.preview.shown == ref ? nil : ref
    }

    /// When the runtime should tick for the pane: at once to arm it for a new row (the tick brings the time), then
    /// when the rest is over.
    var previewWakeAt: Date? {
        guard let wanted = previewWanted, let list = currentCaseList else { return nil }
        return list.preview.armed == wanted ? list.preview.dueAt : now
    }

    /// A tick: arm the pane for the row under the cursor, or load it once the cursor has rested there.
    mutating func settlePreview() -> [Effect] {
        guard let wanted = previewWanted, case .cases(var list)? = currentScreen else { return [] }
        if list.preview.armed != wanted || list.preview.dueAt == nil {
            list.preview.armed = wanted
            list.preview.dueAt = now.addingTimeInterval(CasePreview.settle)
            tabs[active].current = .cases(list)
            return []
        }
        guard let due = list.preview.dueAt, now >= due else { return [] }
        requests.forget(list.preview.request)
        let id = requests.issue(for: currentScreenRef)
        list.preview.shown = wanted
        list.preview.request = id
        list.preview.failure = nil
        list.preview.dueAt = nil
        tabs[active].current = .cases(list)
        return [.findCase(request: id, session: sessionIndex(domainID: wanted.domainID) ?? active, number: wanted.number)]
    }

    /// `P`: the pane on or off (it needs 160 columns either way).
    mutating func togglePreview() -> [Effect] {
        previewEnabled.toggle()
        if !previewEnabled {
            status = .info("Preview pane off. P shows it again.")
        } else if size.width < CasePreview.minimumWidth {
            status = .info("The preview pane needs \(CasePreview.minimumWidth) columns; this terminal has \(size.width).")
        } else {
            status = .info("Preview pane on: the case under the cursor shows on the right.")
        }
        return []
    }
}

extension CaseList {
    /// The pane's answer; false when it isn't the one the pane waits for.
    mutating func receivePreview(_ reply: Reply, request: Int) -> Bool {
        guard preview.request == request else { return false }
        preview.request = nil
        switch reply {
        case .caseDetail(let detail): preview.detail = detail
        case .failed(let message): preview.detail = nil; preview.failure = message
        default: break
        }
        return true
    }
}

/// Drawing the pane: the case's title, then its fields, description and history as the case screen lays them out.
enum CasePreviewView {
    static func render(_ preview: CasePreview, row: CaseRow?, state: AppState, area: Rect, into buffer: inout ScreenBuffer) {
        // A rule between the list and the pane.
        for y in area.y..<area.maxY { buffer.put([Span(buffer.glyphs.vertical, Theme.dim)], x: area.x, y: y, clip: area) }
        let inner = area.inset(left: 2, right: 1)
        guard let row else { return }
        let detail = preview.detail.flatMap { $0.supportCase.number == row.number ? $0 : nil }
        buffer.put([Span("Case \(row.number)", Theme.title), Span("  " + row.title, Theme.plain)], x: inner.x, y: inner.y, clip: inner)
        guard let detail else {
            let text = preview.failure.map { "Couldn't load case \(row.number): \($0)" } ?? "Loading case \(row.number)…"
            buffer.putFitted(text, x: inner.x, y: inner.y + 2, style: Theme.dim, clip: inner)
            return
        }
        let user = state.actingUser(for: CaseRef(domainID: row.domainID, number: row.number))
        let room = max(0, inner.height - 2)
        let lines = CaseDetailBody.lines(for: detail, user: user, width: inner.width, now: state.now, glyphs: buffer.glyphs, limit: room)
        for (offset, line) in lines.prefix(room).enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + 2 + offset, clip: inner)
        }
    }
}
