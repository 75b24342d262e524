import Domain
import ScreenKit

/// A support engineer moves a case's status (`t`): the five statuses, the current one marked.
struct StatusChoice: ListChoice, Equatable {
    static let values = CaseStatus.allCases
    let unchanged = "Status unchanged."
    var target: CaseRef
    var current: CaseStatus
    var cursor: Int
    /// The case as shown, for the Domain's check before sending (the portal checks again).
    var detail: CaseDetail?

    init(target: CaseRef, current: CaseStatus, detail: CaseDetail? = nil) {
        self.target = target
        self.current = current
        self.cursor = CaseStatus.allCases.firstIndex(of: current) ?? 0
        self.detail = detail
    }

    var actingDomain: Int64? { target.domainID }

    mutating func choose(_ status: CaseStatus, _ env: inout Env) -> [Effect] {
        if let detail, let user = env.user, case .refused(let refusal) = Rules.setStatus(by: Actor(user), detail.supportCase, to: status) {
            env.status = .error(refusal.description)
            return []
        }
        let number = target.number
        return env.sendCaseCommand(.setStatus(status), on: number, what: "set the status of case \(number)",
                                   progress: "Setting case \(number) to \(status.label)…", success: "Case \(number) is \(status.label).")
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let statuses = CaseStatus.allCases
        let rect = buffer.bounds.centered(width: 60, height: statuses.count + 6)
        buffer.drawBox(rect, title: "Set status · case \(target.number)")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        buffer.put([Span("Now ", Theme.dim), Span(current.label, Theme.bold), Span(". Choose the new status:", Theme.dim)],
                   x: inner.x, y: inner.y, clip: inner)
        for (i, status) in statuses.enumerated() {
            let item: StyledLine = [Span(status == current ? "* " : "  ", Theme.key), Span(status.label, Theme.plain)]
            buffer.putRow(item, in: Rect(x: inner.x, y: inner.y + 2 + i, width: inner.width, height: 1), selected: i == cursor)
        }
        buffer.put(StatusLineView.join(Keymap.hints(context.keys.choice, keyLabels: true), width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
