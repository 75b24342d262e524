import ArgumentParser
import Foundation
import Portal
import Runtime

struct Login: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "login", abstract: "Sign in to a reseller domain. Several domains can be signed in at once.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Your reseller account's email.") var user: String
    @Flag(help: "Read the password from standard input instead of prompting.") var passwordStdin = false

    func run() throws {
        let password: String
        if passwordStdin {
            password = try readStandardInput(field: "password").trimmingCharacters(in: .newlines)
        } else {
            guard isatty(0) == 1, let p = getpass("Password for \(user): ") else {
                throw Failure.input("password: no terminal to ask on; use --password-stdin")
            }
            password = String(cString: p)
        }
        let portal = try store.open()
        // Nothing is written when the login fails: a session file that can't be written fails it before signing in,
        // and if saving fails anyway, the session the database just granted is ended.
        try attempt { () throws(PortalError) in try SessionFile.checkWritable() }
        let grant = try attempt { () throws(PortalError) in try portal.signIn(email: user, password: password) }
        var sessions = SessionFile.load().filter { !($0.user == grant.user.email && $0.database == portal.location) }
        sessions.append(SavedSession(user: grant.user.email, domain: grant.domainName, token: grant.token,
                                     expiresAt: grant.expiresAt, database: portal.location))
        do {
            try SessionFile.save(sessions)
        } catch {
            try? portal.signOut(token: grant.token)
            throw Failure(error)
        }
        say("Signed in as \(grant.user.name.terminalLine) <\(grant.user.email)> for \(grant.domainName.terminalLine).")
    }
}

struct Logout: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "Sign out of one domain's session, or of all.")
    @OptionGroup var store: StoreOptions
    @Option(help: "The account to sign out (default: every session on this database).") var user: String?

    func run() throws {
        let portal = try store.open()
        let all = SessionFile.load()
        let leaving = all.filter { $0.database == portal.location && (user == nil || $0.user.caseInsensitiveCompare(user!) == .orderedSame) }
        if leaving.isEmpty { throw Failure.input("user: \(user ?? "nobody") is not signed in") }
        for s in leaving { try attempt { () throws(PortalError) in try portal.signOut(token: s.token) } }
        try SessionFile.save(all.filter { s in !leaving.contains(s) })
        say("Signed out \(leaving.map(\.user).joined(separator: ", ")).")
    }
}

struct Sessions: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sessions", abstract: "List the signed-in sessions.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON (the fields are listed in the README).") var json = false

    struct Row: Encodable { var user, domain: String; var expiresAt: Date }

    func run() throws {
        let location = store.location
        let rows = SessionFile.load().filter { $0.database == location }.map { Row(user: $0.user, domain: $0.domain, expiresAt: $0.expiresAt) }
        if json { try printJSON(rows); return }
        if rows.isEmpty { say("No sessions. Sign in with `careportal login --user EMAIL`."); return }
        for r in rows { say("\(r.user.terminalLine)  \(r.domain.terminalLine)  until \(ISO8601DateFormatter().string(from: r.expiresAt))") }
    }
}
