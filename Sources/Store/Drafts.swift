import Domain
import Foundation
import GRDB

/// A form's unsent content. `form` names the form ("new-case", "message 12345678"); `content` is the
/// form's own encoding of its fields.
public struct Draft: Sendable, Equatable {
    public var form: String
    public var content: String
    public var updatedAt: Date
}

extension PortalStore {
    /// Saves (or replaces) a draft. Called as the user types, debounced by the caller.
    public func saveDraft(as user: User, form: String, content: String) throws(StoreError) {
        let now = self.now
        try write { db in
            try db.execute(sql: """
                INSERT INTO draft (user_id, form, content, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id, form) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at
                """, arguments: [user.id, form, content, now.millis])
        }
    }

    public func draft(as user: User, form: String) throws(StoreError) -> Draft? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT form, content, updated_at FROM draft WHERE user_id = ? AND form = ?", arguments: [user.id, form])
                .map { Draft(form: $0[0], content: $0[1], updatedAt: Date(millis: $0[2])) }
        }
    }

    /// The user's drafts, most recently edited first.
    public func drafts(as user: User) throws(StoreError) -> [Draft] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT form, content, updated_at FROM draft WHERE user_id = ? ORDER BY updated_at DESC, form",
                             arguments: [user.id]).map { Draft(form: $0[0], content: $0[1], updatedAt: Date(millis: $0[2])) }
        }
    }

    /// Removes a draft: on submit, or when the user discards it.
    public func discardDraft(as user: User, form: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM draft WHERE user_id = ? AND form = ?", arguments: [user.id, form])
        }
    }
}
