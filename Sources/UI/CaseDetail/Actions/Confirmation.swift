import Domain
import ScreenKit

/// A yes/no question before a case command: close, reopen, or (past the reopen window) a follow-up case.
struct Confirmation: OverlayForm, Equatable {
    enum Command: Equatable, Sendable {
        case close, reopen
        /// A new case referring to one closed too long ago to reopen.
        case followUp
    }
    var target: CaseRef
    var command: Command
    var question: String

    var actingDomain: Int64? { target.domainID }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        let number = target.number
        switch Keymap.binding(for: key, in: Keymap.confirm)?.command {
        case .yes?:
            env.close()
            guard let session = env.session else { return [] }
            switch command {
            case .close:
                env.status = .info("Closing case \(number)…")
                return [env.command("close case \(number)", success: "Case \(number) closed.") {
                    .caseCommand(request: $0, session: session, number: number, .close)
                }.effect]
            case .reopen:
                env.status = .info("Reopening case \(number)…")
                return [env.command("reopen case \(number)", success: "Case \(number) reopened.") {
                    .caseCommand(request: $0, session: session, number: number, .reopen)
                }.effect]
            case .followUp:
                env.then.append(.followUp(target))
            }
        case .no?:
            env.close()
            env.status = .info("Nothing changed.")
        case nil:
            env.status = .info("Press y or n.")
        }
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let title = switch command {
        case .close: "Close case"
        case .reopen: "Reopen case"
        case .followUp: "Case \(target.number) can't be reopened"
        }
        let rect = buffer.bounds.centered(width: max(40, question.displayWidth + 6), height: 6)
        buffer.drawBox(rect, title: title)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        buffer.put(question, x: inner.x, y: inner.y + 1, style: Theme.bold, clip: inner)
        buffer.put(StatusLineView.join(Keymap.hints(Keymap.confirm), width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
