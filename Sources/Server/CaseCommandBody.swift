import API
import Domain

/// A case command as the server reads it from its JSON: the command, or a problem naming the field.
extension CaseCommandJSON {
    /// The command, or the field that is missing or wrong.
    func command() throws(Problem) -> CaseCommand {
        func required<T>(_ value: T?, _ field: String) throws(Problem) -> T {
            guard let value else { throw Problem(.badInput, "\(field) is required for a \(kind) command.", field: field) }
            return value
        }
        switch kind {
        case "message": return .message(try required(text, "text"))
        case "severity": return .severity(try required(severity, "severity"))
        case "close": return .close
        case "reopen": return .reopen
        case "escalate": return .escalate(reason: try required(reason, "reason"), justification: try required(justification, "justification"))
        case "share": return .share(add: add ?? [], remove: remove ?? [])
        case "support-reply": return .supportReply(try required(text, "text"), status: status)
        case "status": return .setStatus(try required(status, "status"))
        case "remove-attachment": return .removeAttachment(id: try required(attachment, "attachment"))
        default:
            throw Problem(.badInput, "\(kind) isn't a case command; use message, severity, close, reopen, escalate, share, "
                          + "support-reply, status or remove-attachment.", field: "kind")
        }
    }
}
