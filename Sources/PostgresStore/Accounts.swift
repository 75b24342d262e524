import Domain
import Foundation
import Store

/// Sessions live in the database, so any server instance resumes any session, and lockouts hold across instances.
extension PostgresPortalStore {
    public func signIn(email: String, password: String) throws(StoreError) -> SessionGrant {
        let domainID = try? read(.system) { db in try db.value("SELECT domain_id FROM account WHERE lower(email) = lower(?)", [email], as: Int64.self) }
        do {
            let grant = try checkedSignIn(email: email, password: password)
            try? audit(domainID: grant.user.isReseller ? grant.user.domainID : nil, actor: email, action: "sign-in", target: grant.domainName,
                       outcome: .ok)
            return grant
        } catch {
            try? audit(domainID: domainID ?? nil, actor: email, action: "sign-in", target: email, outcome: .refused, detail: error.description)
            throw error
        }
    }

    private func checkedSignIn(email: String, password: String) throws(StoreError) -> SessionGrant {
        let now = self.now
        // The password is checked outside any transaction: hashing is deliberately slow.
        let found: (User, String, Int64?)? = try read(.system) { db in
            guard let row = try db.row("SELECT id, password_hash, locked_until FROM account WHERE lower(email) = lower(?)", [email]),
                  let user = try Self.userByID(db, try row[0]) else { return nil }
            return (user, try row[1], try row[2])
        }
        guard let (user, hash, lockedUntil) = found else {
            _ = PasswordHasher.verify(password, against: "pbkdf2-sha256$\(passwordHasher.rounds)$AAAA$AAAA")
            throw .refused(Refusal(SignInPolicy.wrongCredentials))
        }
        if let refusal = SignInPolicy.locked(until: lockedUntil.map { Date(millis: $0) }, now: now) { throw .refused(refusal) }
        guard PasswordHasher.verify(password, against: hash) else {
            try write(.system) { db in
                try db.execute("""
                    UPDATE account SET failed_sign_ins = failed_sign_ins + 1,
                      locked_until = CASE WHEN failed_sign_ins + 1 >= ? THEN ? ELSE locked_until END
                    WHERE id = ?
                    """, [SignInPolicy.maxFailedSignIns, now.addingTimeInterval(SignInPolicy.lockout).millis, user.id])
            }
            throw .refused(Refusal(SignInPolicy.wrongCredentials))
        }
        try Rules.portalAccess(user).enforce()
        let token = Token.make()
        let expires = now.addingTimeInterval(SignInPolicy.sessionLifetime)
        let domainName: String = try write(.system) { db in
            try db.execute("UPDATE account SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?", [user.id])
            try db.execute("INSERT INTO session (account_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)",
                           [user.id, Token.hash(token), now.millis, expires.millis])
            return try Self.accountDomainName(db, user)
        }
        return SessionGrant(user: user, domainName: domainName, token: token, expiresAt: expires)
    }

    /// The user a session token belongs to, re-checking the portal rules (a licence may have been removed since).
    public func resume(token: String) throws(StoreError) -> User {
        let now = self.now
        return try database.sqlStatements { db in
            guard let row = try db.row("SELECT account_id, expires_at, ended_at FROM session WHERE token_hash = ?", [Token.hash(token)]) else {
                throw StoreError.refused(Refusal("This session is not known to the database. Sign in again with `careportal login`."))
            }
            guard let user = try Self.userByID(db, try row[0]) else { throw StoreError.refused(Refusal("The account no longer exists.")) }
            if (try row[2] as Int64?) != nil {
                try Rules.portalAccess(user).enforce()
                throw StoreError.refused(Refusal(SignInPolicy.sessionEnded))
            }
            if Date(millis: try row[1]) <= now { throw StoreError.refused(Refusal("This session has expired. Sign in again.")) }
            try Rules.portalAccess(user).enforce()
            return user
        }
    }

    public func signOut(token: String) throws(StoreError) {
        let now = self.now
        try write(.system) { db in
            try db.execute("UPDATE session SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL", [now.millis, Token.hash(token)])
        }
    }

    /// Ends a user's sessions when an admin change leaves them without portal access, in the change's transaction, and
    /// says so in the audit log (as the SQLite store does).
    static func endSessionsIfAccessEnded(_ db: SQLSession, userID: Int64, by admin: User, change: String, at now: Date) throws {
        guard let user = try userByID(db, userID), case .refused(let why) = Rules.portalAccess(user) else { return }
        let live = try db.execute("UPDATE session SET ended_at = ? WHERE account_id = ? AND ended_at IS NULL AND expires_at > ?",
                                  [now.millis, userID, now.millis])
        guard live > 0 else { return }
        try recordAudit(db, at: now, domainID: admin.domainID, actor: admin.email, action: "session.end", target: user.email, outcome: .ok,
                        detail: "\(live) session\(live == 1 ? "" : "s") ended by \(change): \(why.reason)")
    }

    // MARK: Audit

    static func recordAudit(_ db: SQLSession, at: Date, domainID: Int64?, actor: String, action: String, target: String,
                            outcome: AuditEntry.Outcome, detail: String? = nil) throws {
        try db.execute("INSERT INTO audit (at, domain_id, actor, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [at.millis, domainID, actor, action, target, outcome.rawValue, detail])
    }

    func audit(domainID: Int64?, actor: String, action: String, target: String, outcome: AuditEntry.Outcome,
               detail: String? = nil) throws(StoreError) {
        let now = self.now
        try write(.system) { db in
            try Self.recordAudit(db, at: now, domainID: domainID, actor: actor, action: action, target: target, outcome: outcome, detail: detail)
        }
    }

    public func auditLog(as admin: User) throws(StoreError) -> [AuditEntry] {
        try Rules.administer(by: admin, domainID: admin.domainID).enforce()
        return try read(ActorContext(admin)) { db in
            try db.rows("SELECT at, actor, action, target, outcome, detail FROM audit WHERE domain_id = ? ORDER BY at, id", [admin.domainID]).map {
                AuditEntry(at: Date(millis: try $0[0]), actor: try $0[1], action: try $0[2], target: try $0[3],
                           outcome: AuditEntry.Outcome(rawValue: try $0[4]) ?? .refused, detail: try $0[5])
            }
        }
    }
}
