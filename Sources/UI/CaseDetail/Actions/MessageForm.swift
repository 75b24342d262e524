import Domain
import Foundation
import ScreenKit

/// The message editor of an open case (`m`): multi-line text, saved as a draft as you type, sent with Ctrl-S.
struct MessageForm: OverlayForm, DraftedForm, Equatable {
    var target: CaseRef
    var field = TextField()
    /// Shown under the text: why it wasn't sent.
    var error: String?
    /// The message waiting for its answer; the text can't be edited meanwhile.
    var sending: Int?
    /// The saved draft that may fill the (still empty) editor.
    var draftRequest: Int?
    /// The text out in `$EDITOR`.
    var editing: Int?
    var unsaved = false
    var savedAt: Date?
    var savedUnder: DraftForm?
    /// The last messages of the case (oldest first), shown above the text so the reply is written in view of them.
    var thread: [HistoryEvent] = []

    init(target: CaseRef) { self.target = target }

    /// The messages shown above the text: the last few from either side.
    static let threadLength = 3

    static func thread(of detail: CaseDetail) -> [HistoryEvent] {
        Array(detail.history.filter { $0.kind == .message || $0.kind == .supportReply }.suffix(threadLength))
    }

    var actingDomain: Int64? { target.domainID }
    var draft: DraftForm { .message(caseNumber: target.number) }
    var draftText: String? { field.isEmpty ? nil : field.text }

    /// Opens the editor (with the text kept from the last Esc, if any) and asks for the saved draft.
    static func open(_ kept: MessageForm?, target: CaseRef, _ env: inout Env) -> (MessageForm, [Effect]) {
        var form = kept ?? MessageForm(target: target)
        guard let session = env.session else { return (form, []) }
        let load = env.issue { .loadDraft(request: $0, session: session, form: form.draft) }
        form.draftRequest = load.request
        return (form, [load])
    }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        if editing != nil { return [] }
        let command = Keymap.binding(for: key, in: env.keys.messageEditor)?.command
        if command == .close {
            let keep = !field.isEmpty || unsaved || sending != nil
            env.then.append(keep ? .park : .close)
            env.status = .info(field.isEmpty ? "Message closed; nothing was sent."
                                             : "Message kept as a draft; nothing was sent. Press \(env.keys.name(of: .caseAction(.message))) to go on.")
            return []
        }
        if sending != nil {
            env.status = .info("The message is being sent…")
            return []
        }
        switch command {
        case .externalEditor?:
            let effect = env.issue { .editExternally(request: $0, text: field.text) }
            editing = effect.request
            return [effect]
        case .send?:
            switch Validate.message(field.text) {
            case .failure(let refusal):
                error = refusal.description
            case .success(let text):
                guard let session = env.session else { error = "This session was signed out."; return [] }
                error = nil
                let number = target.number
                let sent = env.command("send the message to case \(number)", success: "Message sent.") {
                    .caseCommand(request: $0, session: session, number: number, .message(text))
                }
                sending = sent.request
                return [sent.effect]
            }
        case .newline?, nil, .close?:
            if field.handleMultiline(key, env.keys) == .changed {
                unsaved = true
                error = nil
            }
        }
        return []
    }

    mutating func receive(_ reply: Reply, request: Int, _ env: inout Env) -> [Effect] {
        switch (request as Int?, reply) {
        case (draftRequest, .draft(let content)):
            draftRequest = nil
            if field.isEmpty, let content, !content.isEmpty {
                field = TextField(content)
                unsaved = false
            }
        case (editing, .edited(let result)):
            editing = nil
            switch result {
            case .edited(let text) where text != field.text:
                field = TextField(text)
                unsaved = true
                error = nil
            case .edited: break
            case .failed(let why): env.status = .error("Ctrl-E: \(why); the built-in editor is still here.")
            }
        case (sending, .done):
            env.close()
            guard let session = env.session else { return [] }
            return [env.background("discard the message draft") { .discardDraft(request: $0, session: session, form: draft) }]
        case (sending, .failed(let message)):
            sending = nil
            error = message
        case (_, .failed(let message)):
            draftRequest = nil
            editing = nil
            env.status = .error(message)
        default:
            break
        }
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        // Below the tab bar and above the status line; as wide as the screen up to 100 columns.
        let rect = context.bounds.inset(top: 1, bottom: 1).centered(width: min(context.size.width, 100), height: context.size.height - 2)
        buffer.drawBox(rect, title: "Message support · case \(target.number)")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard inner.height >= 6 else { return }
        buffer.put([Span("Added to the case history and sent to support. ", Theme.dim)], x: inner.x, y: inner.y, clip: inner)

        // The thread so far takes up to a third of the box, the newest last, so the text keeps most of it.
        let excerpt = threadLines(width: inner.width, now: context.now).suffix(max(0, (inner.height - 5) / 3))
        for (i, line) in excerpt.enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + 2 + i, clip: inner)
        }
        let top = inner.y + 2 + (excerpt.isEmpty ? 0 : excerpt.count + 1)
        let area = Rect(x: inner.x, y: top, width: inner.width, height: inner.maxY - 3 - top)
        TextAreaView.render(field, in: area, caret: sending == nil, into: &buffer)
        let messageRow = Rect(x: inner.x, y: area.maxY, width: inner.width, height: 1)
        buffer.putMessage(sending != nil ? .progress("Sending…") : error.map(FormMessage.error), in: messageRow)

        let count = field.characters.count, limit = Limits.messageMaxLength
        let counter = [Span("\(NumberFormat.grouped(count)) / \(NumberFormat.grouped(limit))", count > limit ? Theme.error : Theme.dim)]
        let bottom = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
        buffer.putSides(left: StatusLineView.join(Keymap.hints(context.keys.messageEditor), width: inner.width - counter.displayWidth - 2),
                        right: counter, in: bottom, margin: 0)
    }
}

extension MessageForm {
    /// The thread as lines: "Priya (Google Workspace Support) · 2 h ago" in bold, then the message wrapped and dimmed.
    func threadLines(width: Int, now: Date) -> [StyledLine] {
        guard !thread.isEmpty, width > 4 else { return [] }
        var lines: [StyledLine] = [[Span("Earlier in this case", Theme.bold)]]
        for event in thread {
            lines.append([Span(event.author.terminalLine, Theme.bold), Span(" · " + RelativeTime.ago(event.at, now: now), Theme.dim)])
            for paragraph in event.text.split(separator: "\n", omittingEmptySubsequences: true) {
                lines += wrap(String(paragraph).terminalLine, width: width - 2).map { [Span("  " + $0, Theme.dim)] }
            }
        }
        return lines
    }

    var draftDomain: Int64 { target.domainID }
    /// An emptied editor is dropped once its draft is discarded, unless its message is still on the way.
    var keepsWhenParked: Bool { !field.isEmpty || sending != nil }
    var draftDescription: String { "a message to case \(target.number)" }
}
