import Domain
import ScreenKit

/// Attaching files to an open case (`a`): files picked by path, attached together with Ctrl-S.
struct AttachForm: OverlayForm, Equatable {
    var target: CaseRef
    var picker = AttachmentPicker()
    var sending: Int?

    init(target: CaseRef) { self.target = target }

    var actingDomain: Int64? { target.domainID }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        if sending != nil {
            env.status = .info("The files are being attached…")
            return []
        }
        switch Keymap.binding(for: key, in: env.keys.attach)?.command {
        case .close?:
            if picker.listCursor != nil { picker.listCursor = nil; return [] }
            env.close()
            env.status = .info("Nothing was attached.")
        case .attach?:
            if !picker.path.text.trimmingCharacters(in: .whitespaces).isEmpty {
                picker.error = "file: press Enter to add the typed file to the list first"
                return []
            }
            guard !picker.files.isEmpty else {
                picker.error = "file: type the path of a file (Tab completes it) and press Enter to add it"
                return []
            }
            guard let session = env.session else { return [] }
            let number = target.number, command = CaseCommand.attach(picker.attachments)
            let count = CaseCommand.count(picker.files.count)
            let sent = env.command("attach \(count) to case \(number)", success: "Attached \(count) to case \(number).") {
                .caseCommand(request: $0, session: session, number: number, command)
            }
            sending = sent.request
            env.status = .info("Attaching \(count) to case \(number)…")
            return [sent.effect]
        case nil:
            switch picker.handle(key, &env) {
            case .handled(let effects): return effects
            case .notMine: env.status = .info("\(key.name): type a path (Tab completes), Enter adds it, Ctrl-S attaches, Esc cancels.")
            }
        }
        return []
    }

    mutating func receive(_ reply: Reply, request: Int, _ env: inout Env) -> [Effect] {
        if !picker.receive(reply, request: request) { env.settle(reply, request: request, sending: &sending, error: &picker.error) }
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let rect = buffer.bounds.centered(width: min(buffer.bounds.width, 90), height: min(buffer.bounds.height - 2, 16))
        buffer.drawBox(rect, title: "Attach files · case \(target.number)")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard inner.height >= 8 else { return }
        AttachmentPickerView.render(picker, focused: sending == nil,
                                    in: Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 2), into: &buffer)
        if sending != nil { buffer.putMessage(.progress("Attaching…"), in: Rect(x: inner.x, y: inner.maxY - 2, width: inner.width, height: 1)) }
        let hints = [("Enter", "add"), ("Tab", "complete")] + Keymap.hints(context.keys.attach)
        buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
