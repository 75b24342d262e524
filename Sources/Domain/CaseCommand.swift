import Foundation

/// Every change a user makes to an existing case, as one value: the command line, the app and (later)
/// the server build it the same way, and the store runs it through one entry point.
public enum CaseCommand: Equatable, Sendable {
    /// A message to support in the case history.
    case message(String)
    case severity(Severity)
    case close
    case reopen
    /// Premium support customers only; `justification` says why.
    case escalate(reason: EscalationReason, justification: String)
    /// Case sharing addresses to add and to remove (at most `Limits.sharingAddressesMax` in all).
    case share(add: [String], remove: [String])
    case attach([NewAttachment])
    /// A support engineer's answer, optionally moving the case's status (support engineers only). A message a
    /// support engineer sends is a support reply too.
    case supportReply(String, status: CaseStatus?)
    /// Moves the case's status (support engineers only).
    case setStatus(CaseStatus)
    /// Removes an attachment (support engineers only: the seed's "contact support to remove an attachment").
    case removeAttachment(id: Int64)

    /// What it does, for "Couldn't … case N: reason" and for logs: "close", "change the severity of".
    public var verb: String {
        switch self {
        case .message: "send the message to"
        case .severity: "change the severity of"
        case .close: "close"
        case .reopen: "reopen"
        case .escalate: "escalate"
        case .share: "update the sharing of"
        case .attach(let files): "attach \(Self.count(files.count)) to"
        case .supportReply: "reply to"
        case .setStatus: "set the status of"
        case .removeAttachment: "remove the attachment from"
        }
    }

    /// "1 file", "3 files".
    public static func count(_ files: Int) -> String { files == 1 ? "1 file" : "\(files) files" }
}

/// A file to attach. Its bytes, or a file on this machine that the client side reads (after checking its
/// size against `Limits.attachmentMaxBytes`) when the command is sent, so a 25 MiB file isn't held by a form.
public struct NewAttachment: Equatable, Sendable {
    public enum Content: Equatable, Sendable {
        case bytes(Data)
        case localFile(path: String)
    }
    public var name: String
    public var content: Content

    public init(name: String, data: Data) { self.name = name; self.content = .bytes(data) }
    public init(name: String, localFile path: String) { self.name = name; self.content = .localFile(path: path) }

    /// The bytes, when they are in hand.
    public var data: Data? {
        if case .bytes(let d) = content { return d }
        return nil
    }
}
