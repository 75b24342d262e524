/// The message in the status line, shown instead of the key hints until the next key.
struct StatusMessage: Equatable, Sendable {
    /// `arrival`: someone else changed a case just now (highlighted, so it catches the eye).
    enum Kind: Equatable, Sendable { case info, success, error, arrival }
    var kind: Kind
    var text: String

    static func info(_ text: String) -> StatusMessage { StatusMessage(kind: .info, text: text) }
    static func success(_ text: String) -> StatusMessage { StatusMessage(kind: .success, text: text) }
    static func error(_ text: String) -> StatusMessage { StatusMessage(kind: .error, text: text) }
    static func arrival(_ text: String) -> StatusMessage { StatusMessage(kind: .arrival, text: text) }
}
