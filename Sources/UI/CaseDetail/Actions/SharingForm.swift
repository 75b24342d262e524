import Domain
import ScreenKit

/// Case sharing (`h`, and the last step after filing): the current addresses (some marked for removal),
/// those to add, and the field to type one. The Domain checks each addition and the whole list.
struct SharingForm: OverlayForm, Equatable {
    enum Focus: Equatable, Sendable { case field, list }
    var target: CaseRef
    var current: [String]
    var add: [String] = []
    var remove: [String] = []
    var field = TextField()
    /// A line above the addresses (after filing: that this step is optional).
    var intro: String?
    var focus = Focus.field
    /// Index into `entries`.
    var cursor = 0
    var error: String?
    var sending: Int?

    init(target: CaseRef, current: [String]) { self.target = target; self.current = current }

    var actingDomain: Int64? { target.domainID }
    /// The list as shown: the current addresses, then those to add.
    var entries: [String] { current + add }
    var changed: Bool { !add.isEmpty || !remove.isEmpty }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        let command = Keymap.binding(for: key, in: env.keys.sharing)?.command
        if env.closeOrWait(closing: command == .close, sending: sending, cancelled: "Sharing unchanged.",
                           busy: "The sharing changes are being saved…") {
            return []
        }
        switch command {
        case .switchFocus?:
            focus = focus == .field && !entries.isEmpty ? .list : .field
        case .add?:
            addTypedAddress()
        case .send?:
            if !field.text.trimmingCharacters(in: .whitespaces).isEmpty {
                addTypedAddress()
                if error != nil { break }
            }
            guard changed else {
                error = "Nothing changed: type an address and press Enter, or mark one for removal."
                break
            }
            if case .failure(let refusal) = Validate.sharing(current: current, add: add, remove: remove) {
                error = refusal.description
                break
            }
            guard let session = env.session else { return [] }
            error = nil
            let number = target.number, add = add, remove = remove
            let sent = env.command("update the sharing of case \(number)", success: "Sharing updated.") {
                .caseCommand(request: $0, session: session, number: number, .share(add: add, remove: remove))
            }
            sending = sent.request
            env.status = .info("Saving the sharing of case \(number)…")
            return [sent.effect]
        default:
            switch focus {
            case .list:
                switch Keymap.binding(for: key, in: env.keys.formList)?.command {
                case .up?: cursor = max(0, cursor - 1)
                case .down?: cursor = min(max(0, entries.count - 1), cursor + 1)
                case .toggleRemove?: toggleRemoval()
                default: env.status = .info("\(key.name): j k select, x or d marks for removal, Tab to type an address.")
                }
            case .field:
                if field.handle(key, env.keys) == .changed { error = nil }
            }
        }
        return []
    }

    mutating func receive(_ reply: Reply, request: Int, _ env: inout Env) -> [Effect] {
        env.settle(reply, request: request, sending: &sending, error: &error)
        return []
    }

    /// The typed address joins the addresses to add, when the Domain accepts the result.
    private mutating func addTypedAddress() {
        let address: String
        switch Validate.email(field.text) {
        case .failure(let refusal):
            error = refusal.description
            return
        case .success(let e): address = e
        }
        if let i = remove.firstIndex(of: address) {  // typed again: keep it after all
            remove.remove(at: i)
        } else {
            if case .failure(let refusal) = Validate.sharing(current: current, add: add + [address], remove: remove) {
                error = refusal.description
                return
            }
            add.append(address)
        }
        field = TextField()
        error = nil
    }

    /// A current address is marked (or unmarked) for removal; an address to add is dropped.
    private mutating func toggleRemoval() {
        guard entries.indices.contains(cursor) else { return }
        let address = entries[cursor]
        if cursor >= current.count {
            add.removeAll { $0 == address }
            cursor = min(cursor, max(0, entries.count - 1))
        } else if let i = remove.firstIndex(of: address) {
            // Unmarking must not take the list over the limit.
            if case .failure(let refusal) = Validate.sharing(current: current, add: add, remove: remove.filter { $0 != address }) {
                error = refusal.description
                return
            }
            remove.remove(at: i)
        } else {
            remove.append(address)
        }
        error = nil
        if entries.isEmpty { focus = .field }
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let entries = entries, inList = focus == .list
        let rect = buffer.bounds.centered(width: min(buffer.bounds.width, 70), height: min(buffer.bounds.height - 2, max(entries.count, 1) + 9))
        buffer.drawBox(rect, title: "Case sharing · case \(target.number)")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard inner.height >= 6 else { return }
        let summary = "Shared with \(entries.count - remove.count) of at most \(Limits.sharingAddressesMax) addresses:"
        buffer.put([Span(intro ?? summary, intro == nil ? Theme.dim : Theme.bold)], x: inner.x, y: inner.y, clip: inner)
        let listHeight = max(1, inner.height - 6)
        if entries.isEmpty { buffer.put("(nobody)", x: inner.x, y: inner.y + 1, style: Theme.dim, clip: inner) }
        let first = max(0, cursor - listHeight + 1)
        for (offset, address) in entries.enumerated().dropFirst(first).prefix(listHeight) {
            let adding = offset >= current.count, removing = remove.contains(address)
            let item: StyledLine = [Span(adding ? "+ " : removing ? "- " : "  ", Theme.key), Span(address, Theme.plain),
                                    Span(adding ? "  (to add)" : removing ? "  (to remove)" : "", Theme.dim)]
            buffer.putRow(item, in: Rect(x: inner.x, y: inner.y + 1 + offset - first, width: inner.width, height: 1), selected: offset == cursor && inList)
        }
        let fieldY = inner.y + 2 + listHeight
        buffer.put("Add an address:", x: inner.x, y: fieldY, style: inList ? Theme.dim : Theme.bold, clip: inner)
        FieldView.render(field, masked: false, focused: !inList && sending == nil, into: &buffer,
                         area: Rect(x: inner.x, y: fieldY + 1, width: inner.width, height: 1))
        buffer.putMessage(sending != nil ? .progress("Saving…") : error.map(FormMessage.error),
                          in: Rect(x: inner.x, y: fieldY + 2, width: inner.width, height: 1))
        var hints = Keymap.hints(context.keys.sharing)
        if inList { hints.insert(("x", "remove"), at: 1) }
        buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
