import Domain
import ScreenKit

/// A yes/no question before a case command (close, reopen …), or before starting a follow-up case for
/// one closed too long ago to reopen. The command is carried as the value the portal runs, so a new
/// yes/no action needs no change here.
struct Confirmation: OverlayForm, Equatable {
    enum Answer: Equatable, Sendable {
        /// `progress` while it runs ("Closing case …"), `success` when it is done.
        case command(CaseCommand, progress: String, success: String)
        /// A new case referring to one closed too long ago to reopen.
        case followUp
    }
    var target: CaseRef
    var title: String
    var question: String
    var onYes: Answer

    var actingDomain: Int64? { target.domainID }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        let (onYes, target) = (onYes, target)
        return env.yesOrNo(key) { env in
            switch onYes {
            case .command(let command, let progress, let success):
                return env.sendCaseCommand(command, on: target.number, what: "\(command.verb) case \(target.number)",
                                           progress: progress, success: success)
            case .followUp:
                env.close()
                env.then.append(.followUp(target))
                return []
            }
        }
    }

    /// The question wrapped, the box grown to hold it (up to the screen), the keys on the last row.
    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        buffer.drawQuestion(question, title: title, keys: Keymap.hints(context.keys.confirm), minimumWidth: 40)
    }
}
