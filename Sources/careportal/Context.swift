import ArgumentParser
import Domain
import Foundation
import Portal
import PostgresStore
import Remote
import Runtime
import Store

/// Options every command shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $CAREPORTAL_DB or $XDG_DATA_HOME/careportal/portal.sqlite3).",
                                            valueName: "path"))
    var db: String?
    @Option(name: .long, help: ArgumentHelp("A careportal server to use instead of a database file (default: $CAREPORTAL_SERVER).",
                                            valueName: "url"))
    var server: String?
    @Option(name: .long, help: ArgumentHelp("The certificate of a private CA that signed the server's certificate, trusted besides the "
                                            + "system's (default: $CAREPORTAL_CACERT).", valueName: "pem"))
    var cacert: String?

    /// Where the sessions to use are kept: the server's address (as `RemotePortal` names it) or the database path.
    var location: String {
        guard let url = serverURL else { return path }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    /// The server to talk to, if any: --server, else $CAREPORTAL_SERVER (unless --db names a file).
    var serverURL: String? {
        if let server { return server }
        guard db == nil, let env = ProcessInfo.processInfo.environment["CAREPORTAL_SERVER"], !env.isEmpty else { return nil }
        return env
    }

    /// The private CA to trust for an https:// server: --cacert, else $CAREPORTAL_CACERT.
    var caCertificate: String? {
        if let cacert { return cacert }
        guard let env = ProcessInfo.processInfo.environment["CAREPORTAL_CACERT"], !env.isEmpty else { return nil }
        return env
    }

    var path: String {
        if let db { return db }
        let env = ProcessInfo.processInfo.environment
        if let p = env["CAREPORTAL_DB"], !p.isEmpty { return p }
        return Paths.dataHome + "/careportal/portal.sqlite3"
    }

    /// The portal every everyday command talks to: the embedded store at `path`, in this process. Only commands that
    /// create data (`admin domain create`; `demo` builds its own) pass `creating`: any other command on a path with no
    /// database exits 3 and creates nothing, so a mistyped --db never leaves an empty database behind.
    /// `command`: who opens it, for the sentence that refuses a PostgreSQL URL.
    func open(creating: Bool = false, for command: DatabaseLocation.Command = .everyday) throws(Failure) -> any Portal {
        if let url = serverURL {
            if db != nil { throw Failure.input("server: give --server or --db, not both") }
            let ca = caCertificate
            return try attempt { () throws(PortalError) in try RemotePortal(url: url, caCertificate: ca) }
        }
        let location = try DatabaseLocation(self.path)
        if case .postgres(let url) = location, case .direct = command {
            let address = try DatabaseLocation.postgresAddress(url)
            let targets = loadPreferences().responseTargets
            return try attempt { () throws(PortalError) in
                try LocalPortal(store: LocalPortal.call { () throws(StoreError) in
                    try PostgresPortalStore(address: address, responseTargets: targets)
                })
            }
        }
        let path = try location.filePath(for: command)
        let wait = try Self.writeWait()
        let targets = loadPreferences().responseTargets
        return try attempt { () throws(PortalError) in try LocalPortal(path: path, create: creating, writeWait: wait, responseTargets: targets) }
    }

    /// How the app opens another place a tab is signed in at: a server's address (http:// or https://, with this
    /// command's private CA) or an existing database file (`~` is the home folder; nothing is created).
    func opener() throws(Failure) -> PlaceOpener {
        let ca = caCertificate, wait = try Self.writeWait()
        return { (location: String) throws(PortalError) -> any Portal in
            if let scheme = DatabaseLocation.scheme(of: location), ["http", "https"].contains(scheme.lowercased()) {
                return try RemotePortal(url: location, caCertificate: ca)
            }
            let path: String
            do throws(Failure) { path = try DatabaseLocation(location, field: "where").filePath(for: .everyday, field: "where") } catch {
                throw .refused(Refusal(.invalidInput, field: nil, error.message))  // the sentence names the field
            }
            return try LocalPortal(path: LocalFile.expand(path), create: false, writeWait: wait)
        }
    }

    /// How long a write waits for another process's write: `$CAREPORTAL_WRITE_WAIT` seconds, or nil for the store's default.
    static func writeWait() throws(Failure) -> TimeInterval? {
        guard let text = ProcessInfo.processInfo.environment["CAREPORTAL_WRITE_WAIT"], !text.isEmpty else { return nil }
        guard let seconds = TimeInterval(text), (0...3600).contains(seconds) else {
            throw Failure.input("CAREPORTAL_WRITE_WAIT: \"\(text)\" is not a number of seconds from 0 to 3600")
        }
        return seconds
    }
}

/// Options of commands that act as a signed-in user.
struct ActorOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("as"), help: ArgumentHelp("Act as this signed-in user (see `careportal sessions`).", valueName: "email"))
    var asUser: String?

    /// The store and the signed-in user to act as, after re-checking the session.
    func signedIn() throws(Failure) -> (any Portal, User) {
        let portal = try store.open()
        return (portal, try signedIn(on: portal))
    }

    /// The signed-in user to act as on `portal`, after re-checking the session.
    func signedIn(on portal: any Portal) throws(Failure) -> User {
        let sessions = SessionFile.load(for: portal.location)
        let chosen: SavedSession
        if let asUser {
            guard let s = sessions.first(where: { $0.user.caseInsensitiveCompare(asUser) == .orderedSame }) else {
                throw Failure(message: "as: \(asUser) is not signed in to \(portal.location); run `careportal login --user \(asUser)`", code: Failure.refused)
            }
            chosen = s
        } else {
            switch sessions.count {
            case 0: throw Failure(message: "not signed in; run `careportal login --user EMAIL` first", code: Failure.refused)
            case 1: chosen = sessions[0]
            default:
                throw Failure.input("as: several sessions are open (\(sessions.map(\.user).joined(separator: ", "))); choose one with --as EMAIL")
            }
        }
        return try attempt { () throws(PortalError) in try portal.resume(token: chosen.token) }
    }
}


/// The case number argument of `case …` and `support reply`: `<case>` in usage and errors.
let caseNumberHelp = ArgumentHelp("The 8-digit case number, like 10234567.", valueName: "case")

/// The case numbers argument of the commands that take several: `<case> …`.
let caseNumbersHelp = ArgumentHelp("One or more 8-digit case numbers, like 10234567.", valueName: "case")

/// Reads case number arguments, all checked before any case is changed; a number given twice counts once.
func caseNumbers(_ texts: [String]) throws(Failure) -> [Int] {
    guard !texts.isEmpty else { throw Failure.input("case: give at least one case number (8 digits, like 10234567)") }
    var seen = Set<Int>(), numbers: [Int] = []
    for text in texts {
        let n = try caseNumber(text)
        if seen.insert(n).inserted { numbers.append(n) }
    }
    return numbers
}

/// Reads a case number argument: 8 digits (the Domain's rule, as the app's `:` reads it).
func caseNumber(_ text: String) throws(Failure) -> Int {
    switch Validate.caseNumber(text) {
    case .success(let n): return n
    case .failure(let refusal): throw Failure.input(refusal.description)
    }
}

/// Standard input as the text of `field`: valid UTF-8 or refused with the offset of the first bad byte, never
/// decoded with replacement characters.
func readStandardInput(field: String) throws(Failure) -> String {
    switch Validate.utf8(FileHandle.standardInput.readDataToEndOfFile(), field: field, source: "standard input") {
    case .success(let text): return text
    case .failure(let refusal): throw Failure.input(refusal.description)
    }
}

/// JSONEncoder escapes C0 control characters but writes DEL and C1 (U+007F–U+009F) raw, which some terminals act
/// on. They can only occur inside strings, where `\u0085` is the same value: JSON stays JSON, safe to print.
func jsonEscapingC1(_ json: String) -> String {
    let raw = { (s: Unicode.Scalar) in TerminalText.isControl(s) && s.value >= 0x7F }
    guard json.unicodeScalars.contains(where: raw) else { return json }
    var out = String.UnicodeScalarView()
    for s in json.unicodeScalars {
        if raw(s) { out.append(contentsOf: "\\u00\(String(s.value, radix: 16))".unicodeScalars) } else { out.append(s) }
    }
    return String(out)
}

func printJSON<T: Encodable>(_ value: T) throws(Failure) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    do {
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(Data(jsonEscapingC1(String(decoding: data, as: UTF8.self)).utf8))
        FileHandle.standardOutput.write(Data("\n".utf8))
    } catch {
        throw Failure(message: "can't encode JSON: \(error)", code: Failure.storage)
    }
}
