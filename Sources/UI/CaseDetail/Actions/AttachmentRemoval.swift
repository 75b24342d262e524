import Domain
import ScreenKit

/// A support engineer removes an attachment (`R`; the seed: "contact support to remove an attachment"): the case's
/// attachments, j k and Enter to pick one, then y/n before it goes.
struct AttachmentRemoval: OverlayForm, Equatable {
    var target: CaseRef
    var attachments: [AttachmentInfo]
    var cursor = 0
    /// The attachment picked, waiting for y/n.
    var picked: AttachmentInfo?

    init(target: CaseRef, attachments: [AttachmentInfo]) {
        self.target = target
        self.attachments = attachments
    }

    var actingDomain: Int64? { target.domainID }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        if let picked { return confirm(picked, key, &env) }
        switch Keymap.binding(for: key, in: env.keys.choice)?.command {
        case .up?: cursor = max(0, cursor - 1)
        case .down?: cursor = min(attachments.count - 1, cursor + 1)
        case .close?:
            env.close()
            env.status = .info("No attachment removed.")
        case .choose?:
            picked = attachments[cursor]
        case nil:
            env.status = .info("\(key.name): \(env.keys.choiceSentence).")
        }
        return []
    }

    private mutating func confirm(_ attachment: AttachmentInfo, _ key: Key, _ env: inout Env) -> [Effect] {
        switch Keymap.binding(for: key, in: env.keys.confirm)?.command {
        case .yes?:
            let number = target.number
            return env.sendCaseCommand(.removeAttachment(id: attachment.id), on: number, what: "remove \(attachment.name) from case \(number)",
                                       progress: "Removing \(attachment.name) from case \(number)…",
                                       success: "\(attachment.name) removed from case \(number).")
        case .no?:
            picked = nil  // back to the list
        case nil:
            env.status = .info(env.keys.yesOrNoSentence)
        }
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        if let picked {
            buffer.drawQuestion("Remove \(picked.name) (\(ByteCount.format(picked.size)), added by \(picked.addedBy)) from case "
                                + "\(target.number)? Its content is erased; the history keeps that it was attached. y/n",
                                title: "Remove attachment", keys: Keymap.hints(context.keys.confirm), minimumWidth: 40)
            return
        }
        let rect = buffer.bounds.centered(width: 70, height: min(attachments.count, 12) + 6)
        buffer.drawBox(rect, title: "Remove an attachment · case \(target.number)")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        buffer.put([Span("Choose the attachment to remove:", Theme.dim)], x: inner.x, y: inner.y, clip: inner)
        let visible = max(1, inner.height - 3)
        let first = max(0, min(cursor - visible + 1, attachments.count - visible))
        for (row, i) in (first..<min(attachments.count, first + visible)).enumerated() {
            let a = attachments[i]
            let item: StyledLine = [Span(a.name, Theme.plain), Span("  \(ByteCount.format(a.size)) · \(a.addedBy)", Theme.dim)]
            buffer.putRow(item, in: Rect(x: inner.x, y: inner.y + 2 + row, width: inner.width, height: 1), selected: i == cursor)
        }
        buffer.put(StatusLineView.join(Keymap.hints(context.keys.choice, keyLabels: true), width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
