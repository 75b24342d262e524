import Crypto
import Domain
import Foundation
import GRDB

/// The case commands. Each authorises through `Rules`, validates, then writes the change and its
/// history event in one transaction; a refusal writes nothing.
extension PortalStore {
    /// Runs one case command as `actor`: the one entry point of the command line, the app and the server.
    public func perform(_ command: CaseCommand, on number: Int, as actor: Actor) throws(StoreError) {
        switch command {
        case .message(let text):
            if case .supportEngineer(let engineer) = actor {
                try supportReply(as: engineer, number: number, message: text, status: nil)
            } else {
                try postMessage(as: actor, number: number, message: text)
            }
        case .supportReply(let text, let status): try supportReply(as: actor.user, number: number, message: text, status: status)
        case .setStatus(let status): try setStatus(as: actor, number: number, to: status)
        case .removeAttachment(let id): try removeAttachment(as: actor, number: number, attachmentID: id)
        case .severity(let severity): try changeSeverity(as: actor, number: number, to: severity)
        case .close: try closeCase(as: actor, number: number)
        case .reopen: try reopenCase(as: actor, number: number)
        case .escalate(let reason, let justification): try escalate(as: actor, number: number, reason: reason, justification: justification)
        case .share(let add, let remove): try shareCase(as: actor, number: number, add: add, remove: remove)
        case .attach(let files): try attach(as: actor, number: number, files: files)
        }
    }

    @discardableResult
    public func fileCase(as user: User, _ form: NewCase) throws(StoreError) -> SupportCase {
        try Rules.fileCases(by: user).enforce()
        let checked = try form.checked(for: user).get()
        let (title, language, timeZone) = (checked.title, checked.language, checked.timeZone)
        let (category, description, sharing) = (checked.category, checked.description, checked.sharing)
        let now = self.now
        return try write { db in
            let (customer, access) = try Self.resolveCustomer(db, form.customer, domainID: user.domainID)
            try Rules.fileCase(by: user, access: access).enforce()
            let number = try Self.newCaseNumber(db)
            // Keyed by the case's place in update order (SearchKey); later updates move it (trigger of schema v16).
            let next = try SearchKey.next(db, id: nil, at: now.millis)
            try db.execute(sql: """
                INSERT INTO support_case (number, customer_id, domain_id, creator_id, product, title, category, description,
                  severity, status, escalated, language, time_zone, created_at, updated_at, waiting_since, search_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?)
                """, arguments: [number, customer.id, user.domainID, user.id, Product.googleWorkspace, title, category.path,
                                 description, form.severity.level, language, timeZone, now.millis, next.updatedAt, now.millis, next.key])
            let id = db.lastInsertedRowID
            try db.execute(sql: SearchSource.indexSQL(where: "search_key = ?"), arguments: [next.key])
            try SearchVocabulary.add(db, [title, description, customer.name, customer.primaryDomain])
            let actor = Actor.reseller(user)
            try Self.record(db, caseID: id, at: now, actor: actor, kind: .created,
                            text: "Filed for \(customer.name) as \(form.severity.label) in \(category.path)")
            for a in form.attachments { try Self.insertAttachment(db, caseID: id, a, at: now, actor: actor) }
            for email in sharing {
                try db.execute(sql: "INSERT INTO sharing (case_id, email, added_at) VALUES (?, ?, ?)", arguments: [id, email, now.millis])
            }
            if !sharing.isEmpty {
                try Self.record(db, caseID: id, at: now, actor: actor, kind: .sharingChange, text: "Shared with \(sharing.joined(separator: ", "))")
            }
            return try Self.caseByNumber(db, number)!
        }
    }

    public func postMessage(as actor: Actor, number: Int, message: String) throws(StoreError) {
        let text = try Validate.message(message).get()
        try mutateCase(as: actor, number: number, rule: { c, access in Rules.postMessage(by: actor, c, access: access) }) { db, c, now in
            try Self.record(db, caseID: c.id, at: now, actor: actor, kind: .message, text: text)
            try SearchVocabulary.add(db, [text])  // the search row takes the message at the bump
            let next = Rules.statusAfterResellerMessage(c.status)
            if next != c.status { try Self.setStatus(db, c, to: next, at: now, actor: actor) }
        }
    }

    public func changeSeverity(as actor: Actor, number: Int, to severity: Severity) throws(StoreError) {
        try mutateCase(as: actor, number: number, rule: { c, a in Rules.changeSeverity(by: actor, c, to: severity, access: a) }) { db, c, now in
            try db.cachedStatement(sql: "UPDATE support_case SET severity = ? WHERE id = ?").execute(arguments: [severity.level, c.id])
            try Self.record(db, caseID: c.id, at: now, actor: actor, kind: .severityChange,
                            text: "Severity changed from \(c.severity.label) to \(severity.label)")
        }
    }

    public func closeCase(as actor: Actor, number: Int) throws(StoreError) {
        try mutateCase(as: actor, number: number, rule: { c, a in Rules.closeCase(by: actor, c, access: a) }) { db, c, now in
            try Self.setStatus(db, c, to: .closed, at: now, actor: actor)
        }
    }

    public func reopenCase(as actor: Actor, number: Int) throws(StoreError) {
        let now = self.now
        try mutateCase(as: actor, number: number, rule: { c, a in Rules.reopenCase(by: actor, c, access: a, now: now) }) { db, c, now in
            try Self.setStatus(db, c, to: .inProgress, at: now, actor: actor, verb: "Reopened")
        }
    }

    public func escalate(as actor: Actor, number: Int, reason: EscalationReason, justification: String) throws(StoreError) {
        let text = try Validate.justification(justification).get()
        try mutateCase(as: actor, number: number, rule: { _, _ in .allowed }) { db, c, now in
            let customer = try Self.customer(db, id: c.customerID)!
            let access = try Self.currentAccess(db, customerID: c.customerID, domainID: c.domainID)
            try Rules.escalate(by: actor, c, customer: customer, access: access).enforce()
            try db.cachedStatement(sql: "UPDATE support_case SET escalated = 1 WHERE id = ?").execute(arguments: [c.id])
            try Self.record(db, caseID: c.id, at: now, actor: actor, kind: .escalation, text: "Escalated (\(reason.label)): \(text)")
        }
    }

    public func attach(as actor: Actor, number: Int, files: [NewAttachment]) throws(StoreError) {
        if files.isEmpty { throw .refused(.invalid("file", "name at least one file to attach")) }
        for f in files { try Validate.attachment(name: f.name, size: try Self.bytes(f).count).get() }
        try mutateCase(as: actor, number: number, rule: { c, a in Rules.attach(by: actor, c, access: a) }) { db, c, now in
            for f in files { try Self.insertAttachment(db, caseID: c.id, f, at: now, actor: actor) }
        }
    }

    public func removeAttachment(as actor: Actor, number: Int, attachmentID: Int64) throws(StoreError) {
        try Rules.removeAttachment(by: actor).enforce()
        try mutateCase(as: actor, number: number, rule: { _, _ in .allowed }) { db, c, now in
            guard let name = try String.fetchOne(db, sql: "SELECT name FROM attachment WHERE id = ? AND case_id = ? AND removed_at IS NULL",
                                                 arguments: [attachmentID, c.id]) else {
                throw StoreError.refused(.notFound("attachment", "case \(number) has no attachment \(attachmentID)"))
            }
            try db.execute(sql: "UPDATE attachment SET removed_at = ?, data = zeroblob(0) WHERE id = ?", arguments: [now.millis, attachmentID])
            try Self.record(db, caseID: c.id, at: now, actor: actor, kind: .attachmentRemoved, text: "Removed attachment \(name)")
        }
    }

    /// Adds and removes case sharing addresses (at most 10 in all). Returns the new list.
    @discardableResult
    public func shareCase(as actor: Actor, number: Int, add: [String], remove: [String]) throws(StoreError) -> [String] {
        if add.isEmpty && remove.isEmpty { throw .refused(.invalid("add", "give --add EMAIL or --remove EMAIL")) }
        var result: [String] = []
        try mutateCase(as: actor, number: number, rule: { c, a in Rules.shareCase(by: actor, c, access: a) }) { db, c, now in
            let current = try String.fetchAll(db, sql: "SELECT email FROM sharing WHERE case_id = ? ORDER BY added_at, email", arguments: [c.id])
            let next = try Validate.sharing(current: current, add: add, remove: remove).get()
            let added = next.filter { !current.contains($0) }, removed = current.filter { !next.contains($0) }
            for e in removed { try db.execute(sql: "DELETE FROM sharing WHERE case_id = ? AND email = ?", arguments: [c.id, e]) }
            for e in added { try db.execute(sql: "INSERT INTO sharing (case_id, email, added_at) VALUES (?, ?, ?)", arguments: [c.id, e, now.millis]) }
            var parts: [String] = []
            if !added.isEmpty { parts.append("Shared with \(added.joined(separator: ", "))") }
            if !removed.isEmpty { parts.append("Stopped sharing with \(removed.joined(separator: ", "))") }
            if !parts.isEmpty { try Self.record(db, caseID: c.id, at: now, actor: actor, kind: .sharingChange, text: parts.joined(separator: "; ")) }
            result = next
        }
        return result
    }

    /// A support engineer's answer, optionally moving the case's status. `engineer` is the signed-in account: the
    /// rule refuses anyone else.
    public func supportReply(as engineer: User, number: Int, message: String, status: CaseStatus?) throws(StoreError) {
        let actor = Actor(engineer)
        try Rules.supportReply(by: actor).enforce()
        let text = try Validate.message(message).get()
        try mutateCase(as: actor, number: number, rule: { _, _ in Rules.supportReply(by: actor) }) { db, c, now in
            try Self.record(db, caseID: c.id, at: now, actor: actor, kind: .supportReply, text: text)
            try SearchVocabulary.add(db, [text])  // the search row takes the message at the bump
            if let status, status != c.status { try Self.setStatus(db, c, to: status, at: now, actor: actor) }
        }
    }

    /// A support engineer moves a case's status without a message.
    public func setStatus(as actor: Actor, number: Int, to status: CaseStatus) throws(StoreError) {
        try mutateCase(as: actor, number: number, rule: { c, _ in Rules.setStatus(by: actor, c, to: status) }) { db, c, now in
            try Self.setStatus(db, c, to: status, at: now, actor: actor)
        }
    }

    @discardableResult
    public func sendFeedback(as user: User?, screen: String, message: String) throws(StoreError) -> Int64 {
        let text = try Validate.message(message, field: "message").get()
        let now = self.now
        return try write { db in
            try FeedbackRecord(userID: user?.id, at: now.millis, screen: screen, message: text).inserted(db).id!
        }
    }

    /// The feedback `user` may read (`Rules.feedbackScope`), oldest first.
    public func feedback(as user: User) throws(StoreError) -> [Feedback] {
        let (filter, argument): (String, Int64) = switch Rules.feedbackScope(for: user) {
        case .own(let id): ("f.user_id = ?", id)
        case .domain(let id): ("u.domain_id = ?", id)
        }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.id, u.email, f.at, f.screen, f.message FROM feedback f JOIN user u ON u.id = f.user_id
                WHERE \(filter) ORDER BY f.at, f.id
                """, arguments: [argument])
                .map { Feedback(id: $0[0], userEmail: $0[1], at: Date(millis: $0[2]), screen: $0[3], message: $0[4]) }
        }
    }

    // MARK: Shared steps

    /// Loads a visible case, checks `rule`, runs `change` and bumps the case's update time, all in one transaction.
    /// The case's search row follows the new key and history (trigger of schema v17).
    func mutateCase(as actor: Actor, number: Int, rule: @escaping (SupportCase, CustomerAccess?) -> Decision,
                    change: @escaping (Database, SupportCase, Date) throws -> Void) throws(StoreError) {
        let now = self.now
        try write { db in
            let (c, access) = try Self.visibleCase(db, actor: actor, number: number)
            try rule(c, access).enforce()
            try change(db, c, now)
            // The search row moves to the new key with the history so far, its messages included (one change of
            // the index: a row changed twice in a transaction would flush the index's pending changes in between).
            let next = try Self.bumped(db, c, now)
            try db.cachedStatement(sql: """
                UPDATE support_case SET updated_at = ?1, search_key = ?2,
                  indexed_through = coalesce((SELECT max(id) FROM history_event WHERE case_id = ?3), indexed_through) WHERE id = ?3
                """).execute(arguments: [next.updatedAt, next.key, c.id])
        }
    }

    /// A case's update time and search key after a change at `now`: the time never earlier than before, whatever the
    /// clock says, and after the last case's (SearchKey.next).
    static func bumped(_ db: Database, _ c: SupportCase, _ now: Date) throws -> SearchKey.Next {
        try SearchKey.next(db, id: c.id, at: max(c.updatedAt.millis + 1, now.millis))
    }

    /// Appends a history event and queues its email alerts in the same transaction.
    static func record(_ db: Database, caseID: Int64, at: Date, actor: Actor, kind: HistoryKind, text: String) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO history_author (name) VALUES (?)").execute(arguments: [actor.displayName])
        try db.cachedStatement(sql: """
            INSERT INTO history_event (case_id, at, author_id, kind, text)
            VALUES (?, ?, (SELECT id FROM history_author WHERE name = ?), ?, ?)
            """).execute(arguments: [caseID, at.millis, actor.displayName, HistoryCode.code(kind), text])
        try Alerts.queue(db, caseID: caseID, historyID: db.lastInsertedRowID, at: at)
        try fanOutUnread(db, caseID: caseID, author: actor)
    }

    static func setStatus(_ db: Database, _ c: SupportCase, to status: CaseStatus, at now: Date, actor: Actor, verb: String? = nil) throws {
        try db.cachedStatement(sql: "UPDATE support_case SET status = ?, closed_at = ?, waiting_since = ? WHERE id = ?").execute(
            arguments: [status.code, status == .closed ? now.millis : nil, c.waitingSince(after: status, at: now).millis, c.id])
        let text = verb.map { "\($0): \(c.status.label) → \(status.label)" } ?? "Status changed from \(c.status.label) to \(status.label)"
        try record(db, caseID: c.id, at: now, actor: actor, kind: .statusChange, text: text)
    }

    static func insertAttachment(_ db: Database, caseID: Int64, _ a: NewAttachment, at now: Date, actor: Actor) throws {
        let data = try bytes(a)
        let digest = hex(SHA256.hash(data: data))
        try db.execute(sql: "INSERT INTO attachment (case_id, name, size, sha256, data, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       arguments: [caseID, a.name, data.count, digest, data, now.millis, actor.displayName])
        try record(db, caseID: caseID, at: now, actor: actor, kind: .attachment, text: "Attached \(a.name) (\(ByteCount.format(data.count)))")
    }

    /// The bytes of a file to attach. A file on the client's machine is read by the client side (the Portal)
    /// before a command reaches the store, so the store never opens a path it was given.
    static func bytes(_ a: NewAttachment) throws(StoreError) -> Data {
        guard let data = a.data else { throw .refused(.invalid("file", "\(a.name) was not read before it was attached")) }
        return data
    }

    /// A new unique 8-digit case number.
    static func newCaseNumber(_ db: Database) throws -> Int {
        var rng = SystemRandomNumberGenerator()
        while true {
            let n = Int.random(in: 10_000_000...99_999_999, using: &rng)
            if try !Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM support_case WHERE number = ?)", arguments: [n])! { return n }
        }
    }
}
