import Domain
import Foundation
import GRDB

extension PortalStore {
    // The sign-in rules are the Domain's (`SignInPolicy`), the same for every store; named here as the store's tests know them.
    public static let sessionLifetime = SignInPolicy.sessionLifetime
    public static let maxFailedSignIns = SignInPolicy.maxFailedSignIns
    public static let lockout = SignInPolicy.lockout
    public static let wrongCredentials = SignInPolicy.wrongCredentials
    public static let sessionEnded = SignInPolicy.sessionEnded

    /// Signs a user in: checks the password, then the portal rules (licence, privileges, suspension).
    public func signIn(email: String, password: String) throws(StoreError) -> SessionGrant {
        let domainID = try? read { db in try Int64.fetchOne(db, sql: "SELECT domain_id FROM user WHERE email = ?", arguments: [email]) }
        do {
            let grant = try checkedSignIn(email: email, password: password)
            try? audit(domainID: grant.user.isReseller ? grant.user.domainID : nil, actor: email, action: "sign-in", target: grant.domainName, outcome: .ok)
            return grant
        } catch {
            try? audit(domainID: domainID ?? nil, actor: email, action: "sign-in", target: email, outcome: .refused, detail: error.description)
            throw error
        }
    }

    private func checkedSignIn(email: String, password: String) throws(StoreError) -> SessionGrant {
        let now = self.now
        // Check the password outside the write transaction: hashing is deliberately slow.
        let found: (User, String, Int64?)? = try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, password_hash, locked_until FROM user WHERE email = ?", arguments: [email]),
                  let user = try Self.userByID(db, row[0]) else { return nil }
            return (user, row[1], row[2])
        }
        guard let (user, hash, lockedUntil) = found else {
            _ = PasswordHasher.verify(password, against: "pbkdf2-sha256$\(passwordHasher.rounds)$AAAA$AAAA")
            throw .refused(Refusal(Self.wrongCredentials))
        }
        if let refusal = SignInPolicy.locked(until: lockedUntil.map { Date(millis: $0) }, now: now) { throw .refused(refusal) }
        guard PasswordHasher.verify(password, against: hash) else {
            try write { db in
                try db.execute(sql: """
                    UPDATE user SET failed_sign_ins = failed_sign_ins + 1,
                      locked_until = CASE WHEN failed_sign_ins + 1 >= ? THEN ? ELSE locked_until END
                    WHERE id = ?
                    """, arguments: [Self.maxFailedSignIns, now.addingTimeInterval(Self.lockout).millis, user.id])
            }
            throw .refused(Refusal(Self.wrongCredentials))
        }
        try Rules.portalAccess(user).enforce()
        let token = Token.make()
        let expires = now.addingTimeInterval(Self.sessionLifetime)
        let domainName: String = try write { db in
            try db.execute(sql: "UPDATE user SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?", arguments: [user.id])
            _ = try SessionRecord(userID: user.id, tokenHash: Token.hash(token), createdAt: now.millis, expiresAt: expires.millis).inserted(db)
            return try Self.accountDomainName(db, user)
        }
        return SessionGrant(user: user, domainName: domainName, token: token, expiresAt: expires)
    }

    /// What a session's tab is named after: the reseller domain; a customer user's organisation; the provider.
    static func accountDomainName(_ db: Database, _ user: User) throws -> String {
        switch user.kind {
        case .reseller: try String.fetchOne(db, sql: "SELECT name FROM domain WHERE id = ?", arguments: [user.domainID]) ?? ""
        case .customer: try String.fetchOne(db, sql: "SELECT primary_domain FROM customer WHERE id = ?", arguments: [user.customerID]) ?? ""
        case .supportEngineer: Self.providerName
        }
    }
    public static let providerName = "Google Workspace Support"

    /// The user a session token belongs to, re-checking the portal rules (a licence may have been removed since). An
    /// ended session (signed out, or ended when its account lost portal access) says why when the account still lacks it.
    public func resume(token: String) throws(StoreError) -> User {
        let now = self.now
        // Every request to the server resumes its session: no transaction around these few lookups.
        return try singleStatementRead { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT user_id, expires_at, ended_at FROM session WHERE token_hash = ?"),
                                             arguments: [Token.hash(token)]) else {
                throw StoreError.refused(Refusal("This session is not known to the database. Sign in again with `careportal login`."))
            }
            guard let user = try Self.userByID(db, row[0]) else { throw StoreError.refused(Refusal("The account no longer exists.")) }
            if (row[2] as Int64?) != nil {
                try Rules.portalAccess(user).enforce()
                throw StoreError.refused(Refusal(Self.sessionEnded))
            }
            if Date(millis: row[1]) <= now { throw StoreError.refused(Refusal("This session has expired. Sign in again.")) }
            try Rules.portalAccess(user).enforce()
            return user
        }
    }

    public func signOut(token: String) throws(StoreError) {
        let now = self.now
        try write { db in
            try db.execute(sql: "UPDATE session SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
                           arguments: [now.millis, Token.hash(token)])
        }
    }
}
