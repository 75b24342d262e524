import Domain
import ScreenKit

/// Escalation: the three reasons (j k) and the justification (Tab switches).
enum EscalationView {
    static func render(_ form: EscalationForm, into buffer: inout ScreenBuffer) {
        let reasons = EscalationReason.allCases
        let rect = buffer.bounds.centered(width: min(buffer.bounds.width, 76), height: min(buffer.bounds.height - 2, 18))
        buffer.drawBox(rect, title: "Escalate · case \(form.target.number)")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard inner.height >= 9 else { return }
        buffer.put([Span("Reason", form.editingText ? Theme.dim : Theme.bold), Span(" (j k to choose):", Theme.dim)],
                   x: inner.x, y: inner.y, clip: inner)
        for (i, reason) in reasons.enumerated() {
            let y = inner.y + 1 + i
            let item: StyledLine = [Span(i == form.cursor ? "> " : "  ", Theme.key), Span(reason.label, Theme.plain)]
            buffer.putRow(item, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), selected: i == form.cursor && !form.editingText)
        }
        let labelY = inner.y + 2 + reasons.count
        buffer.put([Span("Justification", form.editingText ? Theme.bold : Theme.dim), Span(" (Tab to write):", Theme.dim)],
                   x: inner.x, y: labelY, clip: inner)
        let area = Rect(x: inner.x, y: labelY + 1, width: inner.width, height: max(1, inner.maxY - 2 - (labelY + 1)))
        TextAreaView.render(form.field, in: area, caret: form.editingText && form.sending == nil, into: &buffer)
        let messageRow = Rect(x: inner.x, y: area.maxY, width: inner.width, height: 1)
        if form.sending != nil {
            buffer.put("Escalating…", x: messageRow.x, y: messageRow.y, style: Theme.dim, clip: messageRow)
        } else if let error = form.error {
            buffer.put(error.truncated(toWidth: messageRow.width), x: messageRow.x, y: messageRow.y, style: Theme.error, clip: messageRow)
        }
        let hints = Keymap.escalate.compactMap { b in b.hint.map { (b.keys[0].name, $0) } }
        buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}

/// Case sharing: the addresses (- marked for removal, + to add) and the field to type one.
enum SharingView {
    static func render(_ form: SharingForm, into buffer: inout ScreenBuffer) {
        let entries = form.entries
        let rect = buffer.bounds.centered(width: min(buffer.bounds.width, 70),
                                          height: min(buffer.bounds.height - 2, max(entries.count, 1) + 9))
        buffer.drawBox(rect, title: "Case sharing · case \(form.target.number)")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard inner.height >= 6 else { return }
        let summary = "Shared with \(entries.count - form.remove.count) of at most \(Limits.sharingAddressesMax) addresses:"
        buffer.put([Span(form.intro ?? summary, form.intro == nil ? Theme.dim : Theme.bold)], x: inner.x, y: inner.y, clip: inner)
        let listHeight = max(1, inner.height - 6)
        if entries.isEmpty {
            buffer.put("(nobody)", x: inner.x, y: inner.y + 1, style: Theme.dim, clip: inner)
        }
        let first = max(0, form.cursor - listHeight + 1)
        for (offset, address) in entries.enumerated().dropFirst(first).prefix(listHeight) {
            let y = inner.y + 1 + offset - first
            let mark = offset >= form.current.count ? "+ " : form.remove.contains(address) ? "- " : "  "
            let note = offset >= form.current.count ? "  (to add)" : form.remove.contains(address) ? "  (to remove)" : ""
            let item: StyledLine = [Span(mark, Theme.key), Span(address, Theme.plain), Span(note, Theme.dim)]
            buffer.putRow(item, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), selected: offset == form.cursor && form.inList)
        }
        let fieldY = inner.y + 2 + listHeight
        buffer.put("Add an address:", x: inner.x, y: fieldY, style: form.inList ? Theme.dim : Theme.bold, clip: inner)
        FieldView.render(form.field, masked: false, focused: !form.inList && form.sending == nil, into: &buffer,
                         area: Rect(x: inner.x, y: fieldY + 1, width: inner.width, height: 1))
        let messageRow = Rect(x: inner.x, y: fieldY + 2, width: inner.width, height: 1)
        if form.sending != nil {
            buffer.put("Saving…", x: messageRow.x, y: messageRow.y, style: Theme.dim, clip: messageRow)
        } else if let error = form.error {
            buffer.put(error.truncated(toWidth: messageRow.width), x: messageRow.x, y: messageRow.y, style: Theme.error, clip: messageRow)
        }
        var hints = Keymap.sharing.compactMap { b in b.hint.map { (b.keys[0].name, $0) } }
        if form.inList { hints.insert(("x", "remove"), at: 1) }
        buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
