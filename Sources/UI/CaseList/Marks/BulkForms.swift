import Domain
import ScreenKit

/// "Close the 3 marked cases?" y/n.
struct BulkConfirmation: OverlayForm, Equatable {
    var question: String
    var command: CaseCommand
    var action: BulkAction

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        let (command, action) = (command, action)
        return env.yesOrNo(key) { env in
            env.close()
            env.then.append(.runBulk(command, action))
            return []
        }
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        buffer.drawQuestion(question, title: "Marked cases", keys: Keymap.hints(context.keys.confirm), minimumWidth: 40)
    }
}

/// `u` with marks: "Mark the 3 marked cases read?" y/n.
struct BulkReadConfirmation: OverlayForm, Equatable {
    var count: Int
    var read: Bool

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        let read = read
        return env.yesOrNo(key) { env in
            env.close()
            env.then.append(.markMarked(read: read))
            return []
        }
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let what = count == 1 ? "the marked case" : "the \(count) marked cases"
        buffer.drawQuestion("Mark \(what) \(read ? "read" : "unread")? (For you alone.)", title: "Marked cases",
                            keys: Keymap.hints(context.keys.confirm), minimumWidth: 40)
    }
}

/// `p` with marks: the severity for every marked case.
struct BulkSeverityChoice: ListChoice, Equatable {
    static let values = Severity.allCases
    let unchanged = "Severity unchanged."
    var count: Int
    var cursor = 1

    init(count: Int) { self.count = count }

    mutating func choose(_ severity: Severity, _ env: inout Env) -> [Effect] {
        env.close()
        env.then.append(.runBulk(.severity(severity), .severity))
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let levels = Severity.allCases
        let rect = buffer.bounds.centered(width: 60, height: levels.count + 6)
        buffer.drawBox(rect, title: "Change severity · \(count) marked case\(count == 1 ? "" : "s")")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        buffer.put([Span("The new severity for every marked case:", Theme.dim)], x: inner.x, y: inner.y, clip: inner)
        for (i, level) in levels.enumerated() {
            buffer.putRow([Span("  "), Span(level.label, Theme.severity(level))],
                          in: Rect(x: inner.x, y: inner.y + 2 + i, width: inner.width, height: 1), selected: i == cursor)
        }
        buffer.put(StatusLineView.join(Keymap.hints(context.keys.choice, keyLabels: true), width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}

/// `h` with marks: one address added to the sharing of every marked case (checked here, and per case by the portal).
struct BulkSharingForm: OverlayForm, Equatable {
    var count: Int
    var field = TextField()
    var error: String?

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        switch Keymap.binding(for: key, in: env.keys.bulkShare)?.command {
        case .submit?:
            switch Validate.email(field.text, field: "address") {
            case .failure(let refusal):
                error = refusal.description
            case .success(let address):
                env.close()
                env.then.append(.runBulk(.share(add: [address], remove: []), .share))
            }
        case .cancel?:
            env.close()
            env.status = .info("Nothing changed.")
        default:
            if field.handle(key, env.keys) == .changed { error = nil }
        }
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let rect = buffer.bounds.centered(width: 64, height: 7)
        buffer.drawBox(rect, title: "Share \(count) marked case\(count == 1 ? "" : "s")")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        buffer.put([error.map { Span($0, Theme.error) } ?? Span("An address to add to every marked case's sharing", Theme.dim)],
                   x: inner.x, y: inner.y, clip: inner)
        FieldView.render(field, masked: false, focused: true, into: &buffer, area: Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: 1))
        buffer.put(StatusLineView.join(Keymap.hints(context.keys.bulkShare), width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
