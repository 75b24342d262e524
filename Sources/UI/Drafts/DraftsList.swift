import Domain
import Foundation
import ScreenKit

/// The Drafts list (`D`): every form saved as it was typed, for the active domain's user; open one to
/// go on with it, or discard it after a question.
struct DraftsList: OverlayForm, Equatable {
    var request: Int?
    var drafts: [Draft] = []
    var cursor = 0
    /// `x` was pressed: this draft goes on `y`.
    var discarding: DraftForm?

    var selected: Draft? { drafts.indices.contains(cursor) ? drafts[cursor] : nil }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        if let form = discarding {
            discarding = nil
            guard key == .char("y") || key == .char("Y") else {
                env.status = .info("The draft is kept.")
                return []
            }
            drafts.removeAll { $0.form == form }
            cursor = min(cursor, max(0, drafts.count - 1))
            env.then.append(.forgetParked(form))
            env.status = .success("Draft \"\(form.stored)\" discarded.")
            guard let session = env.session else { return [] }
            return [env.background("discard the draft \"\(form.stored)\"") { .discardDraft(request: $0, session: session, form: form) }]
        }
        switch Keymap.binding(for: key, in: env.keys.drafts)?.command {
        case .up?: cursor = max(0, cursor - 1)
        case .down?: cursor = min(max(0, drafts.count - 1), cursor + 1)
        case .close?: env.close()
        case .discard?: discarding = selected?.form
        case .open?:
            guard let draft = selected else { break }
            if case .unknown(let name) = draft.form {
                env.status = .error("\"\(name)\" isn't a form of this version; discard it with x.")
                break
            }
            env.close()
            env.then.append(.resume(draft.form))
        case nil:
            let t = env.keys.drafts
            env.status = .info("\(key.name): \(Keymap.name(of: .open, in: t)) opens a draft, \(Keymap.name(of: .discard, in: t)) discards it, "
                               + "\(Keymap.name(of: .close, in: t)) closes.")
        }
        return []
    }

    mutating func receive(_ reply: Reply, request: Int, _ env: inout Env) -> [Effect] {
        guard request == self.request else { return [] }
        self.request = nil
        switch reply {
        case .drafts(let list):
            drafts = list
            cursor = min(cursor, max(0, list.count - 1))
        case .failed(let message):
            env.status = .error("Couldn't load your drafts: \(message)")
        default: break
        }
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let rect = context.bounds.inset(top: 1, bottom: 1).centered(width: min(context.size.width, 100),
                                                                     height: min(context.size.height - 2, max(drafts.count, 1) + 7))
        buffer.drawBox(rect, title: "Drafts · \(context.activeSession?.user.email ?? "")")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard inner.height >= 4 else { return }
        buffer.putFitted("Saved as you typed; each stays until it is sent or discarded.", x: inner.x, y: inner.y, style: Theme.dim, clip: inner)
        if request != nil && drafts.isEmpty {
            buffer.put("Loading…", x: inner.x, y: inner.y + 2, style: Theme.dim, clip: inner)
        } else if drafts.isEmpty {
            buffer.put("No drafts.", x: inner.x, y: inner.y + 2, style: Theme.dim, clip: inner)
        }
        let height = max(1, inner.height - 4)
        let first = max(0, cursor - height + 1)
        for (i, draft) in drafts.enumerated().dropFirst(first).prefix(height) {
            let line: StyledLine = [Span(draft.form.stored.padded(toWidth: 18), Theme.bold),
                                    Span(RelativeTime.short(draft.updatedAt, now: context.now).padded(toWidth: 8), Theme.dim),
                                    Span(Self.preview(draft), Theme.plain)]
            buffer.putRow(line, in: Rect(x: inner.x, y: inner.y + 2 + i - first, width: inner.width, height: 1), selected: i == cursor)
        }
        let bottom = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
        if let form = discarding {
            buffer.putFitted("Discard \"\(form.stored)\"? What it holds is lost. y/n", x: bottom.x, y: bottom.y, style: Theme.warning, clip: bottom)
        } else {
            buffer.put(StatusLineView.join(Keymap.hints(context.keys.drafts), width: inner.width), x: bottom.x, y: bottom.y, clip: bottom)
        }
    }

    /// The first words: a message's text, or a new case's title.
    static func preview(_ draft: Draft) -> String {
        if draft.form.isNewCase, let d = NewCaseDraft(content: draft.content) {
            let title = d.title.isEmpty ? "(no title yet)" : d.title
            return d.customerName.map { "\(title) · \($0)" } ?? title
        }
        return draft.content.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    }
}

extension AppState {
    /// `D`: what was typed in the last second is saved before the list is read (same queue, in order).
    mutating func openDrafts() -> [Effect] {
        let saves = saveDrafts(force: true)
        let id = requests.serial()
        var env = makeEnv(form: id, actingDomain: nil)
        let session = active
        let load = env.issue { .loadDrafts(request: $0, session: session) }
        overlay = Overlay(id: id, form: DraftsList(request: load.request))
        return saves + [load] + apply(env)
    }

    /// A draft from the list: the wizard, or the case whose message it is (where `m` brings it back).
    mutating func resume(_ draft: DraftForm) -> [Effect] {
        switch draft {
        case .newCase:
            return openNewCase(draft, customer: nil)
        case .message(let number):
            status = .info("Press \(keys.name(of: .caseAction(.message))) to go on with your message to case \(number).")
            return push(.detail(CaseScreen(ref: CaseRef(domainID: tabs[active].session.user.domainID, number: number))))
        case .unknown:
            return []
        }
    }
}
