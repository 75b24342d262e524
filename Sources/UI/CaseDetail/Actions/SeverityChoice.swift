import Domain
import ScreenKit

/// Choosing a new severity for an open case (`p`), with what each level means.
struct SeverityChoice: ListChoice, Equatable {
    static let values = Severity.allCases
    let unchanged = "Severity unchanged."
    var target: CaseRef
    var current: Severity
    var cursor: Int
    /// The case as shown, for the Domain's check before sending (the portal checks again).
    var detail: CaseDetail?

    init(target: CaseRef, current: Severity, detail: CaseDetail? = nil) {
        self.target = target
        self.current = current
        self.cursor = Severity.allCases.firstIndex(of: current) ?? 0
        self.detail = detail
    }

    var actingDomain: Int64? { target.domainID }

    mutating func choose(_ severity: Severity, _ env: inout Env) -> [Effect] {
        if let detail, let user = env.user,
           case .refused(let refusal) = Rules.changeSeverity(by: Actor(user), detail.supportCase, to: severity, access: detail.access) {
            env.status = .error(refusal.description)
            return []
        }
        let number = target.number
        return env.sendCaseCommand(.severity(severity), on: number, what: "change the severity of case \(number)",
                                   progress: "Changing the severity of case \(number) to \(severity.rawValue)…",
                                   success: "Severity changed to \(severity.label).")
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let levels = Severity.allCases
        let rect = buffer.bounds.centered(width: 76, height: levels.count + 10)
        buffer.drawBox(rect, title: "Change severity · case \(target.number)")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        buffer.put([Span("Now ", Theme.dim), Span(current.label, Theme.severity(current)),
                    Span(". Choose the new severity:", Theme.dim)], x: inner.x, y: inner.y, clip: inner)
        for (i, level) in levels.enumerated() {
            let item: StyledLine = [Span(level == current ? "* " : "  ", Theme.key),
                                    Span(level.label.padded(toWidth: 13), Theme.severity(level)),
                                    Span(level == current ? "(current)" : "", Theme.dim)]
            buffer.putRow(item, in: Rect(x: inner.x, y: inner.y + 2 + i, width: inner.width, height: 1), selected: i == cursor)
        }
        let meaning = levels[min(max(0, cursor), levels.count - 1)].meaning
        for (offset, line) in wrap(meaning, width: inner.width).prefix(2).enumerated() {
            buffer.put(line, x: inner.x, y: inner.y + 3 + levels.count + offset, style: Theme.plain, clip: inner)
        }
        buffer.put(StatusLineView.join(Keymap.hints(context.keys.choice, keyLabels: true), width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
