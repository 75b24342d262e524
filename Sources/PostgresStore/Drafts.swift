import Domain
import Foundation
import Store

/// Drafts (a form's unsent content per user and form, saved as the user types) and feedback.
extension PostgresPortalStore {
    public func saveDraft(as user: User, form: DraftForm, content: String) throws(StoreError) {
        let now = self.now
        try write(ActorContext(user)) { db in
            try db.execute("""
                INSERT INTO draft (account_id, form, content, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (account_id, form) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at
                """, [user.id, form.stored, content, now.millis])
        }
    }

    public func draft(as user: User, form: DraftForm) throws(StoreError) -> Draft? {
        try read(ActorContext(user)) { db in
            try db.row("SELECT form, content, updated_at FROM draft WHERE account_id = ? AND form = ?", [user.id, form.stored]).map(Self.draft)
        }
    }

    /// The user's drafts, most recently edited first.
    public func drafts(as user: User) throws(StoreError) -> [Draft] {
        try read(ActorContext(user)) { db in
            try db.rows("SELECT form, content, updated_at FROM draft WHERE account_id = ? ORDER BY updated_at DESC, form COLLATE \"C\"",
                        [user.id]).map(Self.draft)
        }
    }

    public func discardDraft(as user: User, form: DraftForm) throws(StoreError) {
        try write(ActorContext(user)) { db in try db.execute("DELETE FROM draft WHERE account_id = ? AND form = ?", [user.id, form.stored]) }
    }

    private static func draft(_ row: SQLRow) throws -> Draft {
        Draft(form: DraftForm(stored: try row[0]), content: try row[1], updatedAt: Date(millis: try row[2]))
    }

    public func sendFeedback(as user: User?, screen: String, message: String) throws(StoreError) -> Int64 {
        let text = try Validate.message(message, field: "message").get()
        let now = self.now
        return try write(user.map { ActorContext($0) } ?? .system) { db in
            try db.value("INSERT INTO feedback (account_id, at, screen, message) VALUES (?, ?, ?, ?) RETURNING id",
                         [user?.id, now.millis, screen, text], as: Int64.self)!
        }
    }

    /// The feedback `user` may read (`Rules.feedbackScope`), oldest first.
    public func feedback(as user: User) throws(StoreError) -> [Feedback] {
        let (filter, argument): (String, Int64) = switch Rules.feedbackScope(for: user) {
        case .own(let id): ("f.account_id = ?", id)
        case .domain(let id): ("u.domain_id = ?", id)
        }
        return try read(ActorContext(user)) { db in
            try db.rows("""
                SELECT f.id, u.email, f.at, f.screen, f.message FROM feedback f JOIN account u ON u.id = f.account_id
                WHERE \(filter) ORDER BY f.at, f.id
                """, [argument]).map {
                Feedback(id: try $0[0], userEmail: try $0[1], at: Date(millis: try $0[2]), screen: try $0[3], message: try $0[4])
            }
        }
    }
}
