import Foundation

/// One line of a domain's audit log: who did what to whom, and whether it was allowed.
public struct AuditEntry: Sendable, Equatable, Codable {
    public enum Outcome: String, Sendable, Codable { case ok, refused }
    public var at: Date
    public var actor: String
    public var action: String
    public var target: String
    public var outcome: Outcome
    public var detail: String?
    public init(at: Date, actor: String, action: String, target: String, outcome: Outcome, detail: String?) {
        self.at = at; self.actor = actor; self.action = action; self.target = target; self.outcome = outcome; self.detail = detail
    }
}
