import Crypto
import Domain
import Foundation
import Store

/// The case commands: each authorises through `Rules`, validates, then writes the change and its history event in one
/// transaction, holding the case's row lock; a refusal writes nothing.
extension PostgresPortalStore {
    public func perform(_ command: CaseCommand, on number: Int, as actor: Actor) throws(StoreError) {
        switch command {
        case .message(let text):
            if case .supportEngineer(let engineer) = actor {
                try supportReply(as: engineer, number: number, message: text, status: nil)
            } else {
                try postMessage(as: actor, number: number, message: text)
            }
        case .supportReply(let text, let status): try supportReply(as: actor.user, number: number, message: text, status: status)
        case .setStatus(let status):
            try mutateCase(as: actor, number: number, rule: { c, _ in Rules.setStatus(by: actor, c, to: status) }) { db, c, now in
                try Self.setStatus(db, c, to: status, at: now, actor: actor)
            }
        case .removeAttachment(let id): try removeAttachment(as: actor, number: number, attachmentID: id)
        case .severity(let severity):
            try mutateCase(as: actor, number: number, rule: { c, a in Rules.changeSeverity(by: actor, c, to: severity, access: a) }) { db, c, now in
                try db.execute("UPDATE support_case SET severity = ? WHERE id = ?", [severity.level, c.id])
                try Self.record(db, caseID: c.id, at: now, actor: actor, kind: .severityChange,
                                text: "Severity changed from \(c.severity.label) to \(severity.label)")
            }
        case .close:
            try mutateCase(as: actor, number: number, rule: { c, a in Rules.closeCase(by: actor, c, access: a) }) { db, c, now in
                try Self.setStatus(db, c, to: .closed, at: now, actor: actor)
            }
        case .reopen:
            let now = self.now
            try mutateCase(as: actor, number: number, rule: { c, a in Rules.reopenCase(by: actor, c, access: a, now: now) }) { db, c, now in
                try Self.setStatus(db, c, to: .inProgress, at: now, actor: actor, verb: "Reopened")
            }
        case .escalate(let reason, let justification): try escalate(as: actor, number: number, reason: reason, justification: justification)
        case .share(let add, let remove): try shareCase(as: actor, number: number, add: add, remove: remove)
        case .attach(let files): try attach(as: actor, number: number, files: files)
        }
    }

    public func fileCase(as user: User, _ form: NewCase) throws(StoreError) -> SupportCase {
        try Rules.fileCases(by: user).enforce()
        let checked = try form.checked(for: user).get()
        let now = self.now
        return try write(ActorContext(user)) { db in
            let (customer, access) = try Self.resolveCustomer(db, form.customer, domainID: user.domainID)
            try Rules.fileCase(by: user, access: access).enforce()
            // A new unique 8-digit number: drawn again while one is taken (by any domain: the index sees what the
            // actor's row-level security hides, so the check is the insert itself).
            var rng = SystemRandomNumberGenerator()
            var number = 0, inserted: Int64?
            while inserted == nil {
                number = Int.random(in: 10_000_000...99_999_999, using: &rng)
                let words = SearchVector.caseVector(number: number, title: checked.title, description: checked.description,
                                                    customerName: customer.name, customerDomain: customer.primaryDomain)
                inserted = try db.value("""
                    INSERT INTO support_case (number, customer_id, domain_id, creator_id, product, title, category, description,
                      severity, status, escalated, language, time_zone, created_at, updated_at, waiting_since)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, false, ?, ?, ?, ?, ?) ON CONFLICT (number) DO NOTHING RETURNING id
                    """, [number, customer.id, user.domainID, user.id, Product.googleWorkspace, checked.title, checked.category.path,
                          checked.description, form.severity.level, checked.language, checked.timeZone, now.millis, now.millis, now.millis],
                    as: Int64.self)
                if let inserted { try db.execute("INSERT INTO case_words (case_id, words) VALUES (?, ?::tsvector)", [inserted, words]) }
            }
            let id = inserted!
            let actor = Actor.reseller(user)
            try Self.record(db, caseID: id, at: now, actor: actor, kind: .created,
                            text: "Filed for \(customer.name) as \(form.severity.label) in \(checked.category.path)")
            for a in form.attachments { try Self.insertAttachment(db, caseID: id, a, at: now, actor: actor) }
            for email in checked.sharing {
                try db.execute("INSERT INTO sharing (case_id, email, added_at) VALUES (?, ?, ?)", [id, email, now.millis])
            }
            if !checked.sharing.isEmpty {
                try Self.record(db, caseID: id, at: now, actor: actor, kind: .sharingChange,
                                text: "Shared with \(checked.sharing.joined(separator: ", "))")
            }
            return try Self.caseByNumber(db, number)!
        }
    }

    func postMessage(as actor: Actor, number: Int, message: String) throws(StoreError) {
        let text = try Validate.message(message).get()
        try mutateCase(as: actor, number: number, rule: { c, access in Rules.postMessage(by: actor, c, access: access) }) { db, c, now in
            try Self.record(db, caseID: c.id, at: now, actor: actor, kind: .message, text: text)
            try Self.indexMessage(db, c, text)
            let next = Rules.statusAfterResellerMessage(c.status)
            if next != c.status { try Self.setStatus(db, c, to: next, at: now, actor: actor) }
        }
    }

    /// A support engineer's answer, optionally moving the case's status; the rule refuses anyone else.
    func supportReply(as engineer: User, number: Int, message: String, status: CaseStatus?) throws(StoreError) {
        let actor = Actor(engineer)
        try Rules.supportReply(by: actor).enforce()
        let text = try Validate.message(message).get()
        try mutateCase(as: actor, number: number, rule: { _, _ in Rules.supportReply(by: actor) }) { db, c, now in
            try Self.record(db, caseID: c.id, at: now, actor: actor, kind: .supportReply, text: text)
            try Self.indexMessage(db, c, text)
            if let status, status != c.status { try Self.setStatus(db, c, to: status, at: now, actor: actor) }
        }
    }

    func escalate(as actor: Actor, number: Int, reason: EscalationReason, justification: String) throws(StoreError) {
        let text = try Validate.justification(justification).get()
        try mutateCase(as: actor, number: number, rule: { _, _ in .allowed }) { db, c, now in
            let customer = try Self.customer(db, id: c.customerID)!
            let access = try Self.currentAccess(db, customerID: c.customerID, domainID: c.domainID)
            try Rules.escalate(by: actor, c, customer: customer, access: access).enforce()
            try db.execute("UPDATE support_case SET escalated = true WHERE id = ?", [c.id])
            try Self.record(db, caseID: c.id, at: now, actor: actor, kind: .escalation, text: "Escalated (\(reason.label)): \(text)")
        }
    }

    func attach(as actor: Actor, number: Int, files: [NewAttachment]) throws(StoreError) {
        if files.isEmpty { throw .refused(.invalid("file", "name at least one file to attach")) }
        for f in files { try Validate.attachment(name: f.name, size: try Self.bytes(f).count).get() }
        try mutateCase(as: actor, number: number, rule: { c, a in Rules.attach(by: actor, c, access: a) }) { db, c, now in
            for f in files { try Self.insertAttachment(db, caseID: c.id, f, at: now, actor: actor) }
        }
    }

    func removeAttachment(as actor: Actor, number: Int, attachmentID: Int64) throws(StoreError) {
        try Rules.removeAttachment(by: actor).enforce()
        try mutateCase(as: actor, number: number, rule: { _, _ in .allowed }) { db, c, now in
            guard let name = try db.value("SELECT name FROM attachment WHERE id = ? AND case_id = ? AND removed_at IS NULL",
                                          [attachmentID, c.id], as: String.self) else {
                throw StoreError.refused(.notFound("attachment", "case \(number) has no attachment \(attachmentID)"))
            }
            try db.execute("UPDATE attachment SET removed_at = ?, data = ''::bytea WHERE id = ?", [now.millis, attachmentID])
            try Self.record(db, caseID: c.id, at: now, actor: actor, kind: .attachmentRemoved, text: "Removed attachment \(name)")
        }
    }

    func shareCase(as actor: Actor, number: Int, add: [String], remove: [String]) throws(StoreError) {
        if add.isEmpty && remove.isEmpty { throw .refused(.invalid("add", "give --add EMAIL or --remove EMAIL")) }
        try mutateCase(as: actor, number: number, rule: { c, a in Rules.shareCase(by: actor, c, access: a) }) { db, c, now in
            let current = try db.values("SELECT email FROM sharing WHERE case_id = ? ORDER BY added_at, email COLLATE \"C\"", [c.id],
                                        as: String.self)
            let next = try Validate.sharing(current: current, add: add, remove: remove).get()
            let added = next.filter { !current.contains($0) }, removed = current.filter { !next.contains($0) }
            for e in removed { try db.execute("DELETE FROM sharing WHERE case_id = ? AND email = ?", [c.id, e]) }
            for e in added { try db.execute("INSERT INTO sharing (case_id, email, added_at) VALUES (?, ?, ?)", [c.id, e, now.millis]) }
            var parts: [String] = []
            if !added.isEmpty { parts.append("Shared with \(added.joined(separator: ", "))") }
            if !removed.isEmpty { parts.append("Stopped sharing with \(removed.joined(separator: ", "))") }
            if !parts.isEmpty { try Self.record(db, caseID: c.id, at: now, actor: actor, kind: .sharingChange, text: parts.joined(separator: "; ")) }
        }
    }

    // MARK: Shared steps

    /// Loads a visible case and locks its row, checks `rule`, runs `change` and bumps the case's update time, all in one
    /// transaction.
    func mutateCase(as actor: Actor, number: Int, rule: (SupportCase, CustomerAccess?) -> Decision,
                    change: (SQLSession, SupportCase, Date) throws -> Void) throws(StoreError) {
        let now = self.now
        try write(ActorContext(actor)) { db in
            let (c, access) = try Self.visibleCase(db, actor: actor, number: number, locked: true)
            try rule(c, access).enforce()
            try change(db, c, now)
            try db.execute("UPDATE support_case SET updated_at = ? WHERE id = ?", [max(c.updatedAt.millis + 1, now.millis), c.id])
        }
    }

    /// Appends a history event and queues its email alerts (the case's creator, or where their alerts are redirected,
    /// and its sharing addresses, read now so a later sharing change doesn't rewrite history).
    static func record(_ db: SQLSession, caseID: Int64, at: Date, actor: Actor, kind: HistoryKind, text: String) throws {
        let historyID = try db.value("INSERT INTO history (case_id, at, author, kind, text) VALUES (?, ?, ?, ?, ?) RETURNING id",
                                     [caseID, at.millis, actor.displayName, kind.rawValue, text], as: Int64.self)!
        try db.execute("""
            INSERT INTO outbox (case_id, history_id, recipient, created_at)
            SELECT ?, ?, lower(r), ? FROM (
              SELECT COALESCE(u.alert_address, u.email) AS r FROM support_case c JOIN account u ON u.id = c.creator_id WHERE c.id = ?
              UNION SELECT email FROM sharing WHERE case_id = ?) recipients
            ON CONFLICT DO NOTHING
            """, [caseID, historyID, at.millis, caseID, caseID])
        // Every other account that sees the case finds it unread: its domain's users, its customer's, the engineers.
        try db.execute("""
            INSERT INTO case_unread (account_id, case_id)
            SELECT u.id, c.id FROM support_case c JOIN account u
              ON u.domain_id = c.domain_id OR u.customer_id = c.customer_id OR u.kind = 'support-engineer'
            WHERE c.id = ? AND u.id <> ?
            ON CONFLICT DO NOTHING
            """, [caseID, actor.user.id])
    }

    /// A message's words join the case's (after its own, so no phrase runs from one into the other).
    static func indexMessage(_ db: SQLSession, _ c: SupportCase, _ text: String) throws {
        try db.execute("UPDATE case_words SET words = words || ?::tsvector WHERE case_id = ?", [SearchVector.vector([text]), c.id])
    }

    static func setStatus(_ db: SQLSession, _ c: SupportCase, to status: CaseStatus, at now: Date, actor: Actor, verb: String? = nil) throws {
        try db.execute("UPDATE support_case SET status = ?, closed_at = ?, waiting_since = ? WHERE id = ?",
                       [status.code, status == .closed ? now.millis : nil as Int64?, c.waitingSince(after: status, at: now).millis, c.id])
        let text = verb.map { "\($0): \(c.status.label) → \(status.label)" } ?? "Status changed from \(c.status.label) to \(status.label)"
        try record(db, caseID: c.id, at: now, actor: actor, kind: .statusChange, text: text)
    }

    static func insertAttachment(_ db: SQLSession, caseID: Int64, _ a: NewAttachment, at now: Date, actor: Actor) throws {
        let data = try bytes(a)
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        try db.execute("INSERT INTO attachment (case_id, name, size, sha256, data, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [caseID, a.name, data.count, digest, data, now.millis, actor.displayName])
        try record(db, caseID: caseID, at: now, actor: actor, kind: .attachment, text: "Attached \(a.name) (\(ByteCount.format(data.count)))")
    }

    /// The bytes of a file to attach: read by the client side before the command reaches the store.
    static func bytes(_ a: NewAttachment) throws(StoreError) -> Data {
        guard let data = a.data else { throw .refused(.invalid("file", "\(a.name) was not read before it was attached")) }
        return data
    }
}

extension PostgresPortalStore {
    /// Marks a visible case read or unread for the actor alone (no history, no alert), as `PortalStore.setRead`.
    public func setRead(_ read: Bool, number: Int, as actor: Actor, seen: Date?) throws(StoreError) {
        try write(ActorContext(actor)) { db in
            let (c, _) = try Self.visibleCase(db, actor: actor, number: number)
            if read {
                // Changed since the reader was shown it: what changed is still unread.
                if let seen, c.updatedAt.millis > seen.millis { return }
                try db.execute("DELETE FROM case_unread WHERE account_id = ? AND case_id = ?", [actor.user.id, c.id])
            } else {
                try db.execute("INSERT INTO case_unread (account_id, case_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [actor.user.id, c.id])
            }
        }
    }
}
