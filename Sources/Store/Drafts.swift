import Domain
import Foundation
import GRDB

/// Drafts: a form's unsent content per user and form, saved as the user types.
extension PortalStore {
    /// Saves (or replaces) a draft. Called as the user types, debounced by the caller.
    public func saveDraft(as user: User, form: DraftForm, content: String) throws(StoreError) {
        let now = self.now
        try write { db in
            try db.execute(sql: """
                INSERT INTO draft (user_id, form, content, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id, form) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at
                """, arguments: [user.id, form.stored, content, now.millis])
        }
    }

    public func draft(as user: User, form: DraftForm) throws(StoreError) -> Draft? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT form, content, updated_at FROM draft WHERE user_id = ? AND form = ?",
                             arguments: [user.id, form.stored]).map(Self.draft)
        }
    }

    /// The user's drafts, most recently edited first.
    public func drafts(as user: User) throws(StoreError) -> [Draft] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT form, content, updated_at FROM draft WHERE user_id = ? ORDER BY updated_at DESC, form",
                             arguments: [user.id]).map(Self.draft)
        }
    }

    /// Removes a draft: on submit, or when the user discards it.
    public func discardDraft(as user: User, form: DraftForm) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM draft WHERE user_id = ? AND form = ?", arguments: [user.id, form.stored])
        }
    }

    private static func draft(_ row: Row) -> Draft {
        Draft(form: DraftForm(stored: row[0]), content: row[1], updatedAt: Date(millis: row[2]))
    }
}
