import Domain
import ScreenKit

/// A box that picks one value of a short list for a case (`SeverityChoice`, `StatusChoice`): j k move, Enter
/// chooses, Esc leaves the case as it was.
protocol ListChoice: OverlayForm {
    associatedtype Value: Equatable
    static var values: [Value] { get }
    var cursor: Int { get set }
    /// The status line's word when nothing was chosen: "Severity unchanged."
    var unchanged: String { get }
    /// The command for the chosen value, or a refusal in the status line.
    mutating func choose(_ value: Value, _ env: inout Env) -> [Effect]
}

extension ListChoice {
    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        switch Keymap.binding(for: key, in: env.keys.choice)?.command {
        case .up?: cursor = max(0, cursor - 1)
        case .down?: cursor = min(Self.values.count - 1, cursor + 1)
        case .close?:
            env.close()
            env.status = .info(unchanged)
        case .choose?:
            return choose(Self.values[cursor], &env)
        case nil:
            env.status = .info("\(key.name): \(env.keys.choiceSentence).")
        }
        return []
    }
}
