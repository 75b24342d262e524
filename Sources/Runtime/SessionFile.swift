import Foundation
import Portal
import UI

/// A signed-in session kept on disk so later commands and the app can act as the user.
public struct SavedSession: Codable, Equatable, Sendable {
    public var user: String
    public var domain: String
    public var token: String
    public var expiresAt: Date
    /// The portal's location (a database path) the session belongs to.
    public var database: String
    /// When the app last closed with this session's tab active (it reopens there).
    public var lastUsedAt: Date?
    /// The tab's My Cases filter and order when the app last closed (nil: as a new tab shows it).
    public var list: ListSettings?
    /// Signed in from an app opened on another location (a database file or a server): that app reopens with this
    /// session's tab beside its own.
    public var alongside: String?
    public init(user: String, domain: String, token: String, expiresAt: Date, database: String, lastUsedAt: Date? = nil,
                list: ListSettings? = nil, alongside: String? = nil) {
        self.user = user; self.domain = domain; self.token = token; self.expiresAt = expiresAt; self.database = database
        self.lastUsedAt = lastUsedAt; self.list = list; self.alongside = alongside
    }
}

/// Sessions live in $XDG_STATE_HOME/careportal/sessions.json, mode 0600 in a 0700 directory.
public enum SessionFile {
    public static var directory: String { Paths.stateHome + "/careportal" }
    public static var path: String { directory + "/sessions.json" }

    public static func load() -> [SavedSession] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (try? decoder.decode([SavedSession].self, from: data)) ?? []
    }

    /// The sessions of one portal location.
    public static func load(for location: String) -> [SavedSession] { load().filter { $0.database == location } }

    /// The tabs of the app opened on `location`: its own sessions, then those signed in from it elsewhere.
    public static func tabs(openedOn location: String) -> [SavedSession] {
        let all = load()
        return all.filter { $0.database == location } + all.filter { $0.database != location && $0.alongside == location }
    }

    public static func save(_ sessions: [SavedSession]) throws(PortalError) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let tmp = path + ".tmp"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let data = try encoder.encode(sessions)
            // Create with 0600 before writing the tokens, then move into place atomically.
            guard FileManager.default.createFile(atPath: tmp, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw PortalError.unavailable("sessions: can't write \(tmp)")
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: tmp))
            try handle.write(contentsOf: data)
            try handle.close()
        } catch let error as PortalError {
            throw error
        } catch {
            throw .unavailable("sessions: can't write \(path): \(error.localizedDescription)")
        }
        if rename(tmp, path) != 0 { throw .unavailable("sessions: can't replace \(path)") }
    }

    /// Checks that sessions can be saved (the folder made, a file written in it) before a sign-in that would otherwise
    /// leave a session in the database with nowhere to keep its token.
    public static func checkWritable() throws(PortalError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .unavailable("sessions: can't write \(path): \(error.localizedDescription)")
        }
        let probe = path + ".probe-\(getpid())"
        guard FileManager.default.createFile(atPath: probe, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw .unavailable("sessions: can't write \(path): the folder \(directory) is not writable")
        }
        try? FileManager.default.removeItem(atPath: probe)
    }

    /// Adds or replaces a session (best effort: the app keeps working if the file can't be written).
    public static func add(_ session: SavedSession) {
        let others = load().filter { !($0.user == session.user && $0.database == session.database) }
        try? save(others + [session])
    }

    public static func remove(user: String, database: String) {
        try? save(load().filter { !($0.user == user && $0.database == database) })
    }

    public static func remove(token: String, database: String) {
        try? save(load().filter { !($0.token == token && $0.database == database) })
    }

    /// A session as the app's tabs name it: its location and user.
    public struct TabKey: Hashable, Sendable {
        public var database: String, user: String
        public init(database: String, user: String) { self.database = database; self.user = user }
    }

    /// Notes that the app closed on `active`'s tab, so it reopens there, and each tab's list settings, so each tab
    /// reopens filtered and ordered as it was.
    public static func markUsed(_ active: TabKey, lists: [TabKey: ListSettings] = [:], at date: Date = Date()) {
        try? save(load().map { s in
            var s = s
            let key = TabKey(database: s.database, user: s.user)
            if key == active { s.lastUsedAt = date }
            if let list = lists[key] { s.list = list.isDefault ? nil : list }
            return s
        })
    }


    /// The index in `sessions` (as loaded for one location) of the one used last; 0 when none says.
    public static func lastUsed(_ sessions: [SavedSession]) -> Int {
        sessions.indices.max { (sessions[$0].lastUsedAt ?? .distantPast) < (sessions[$1].lastUsedAt ?? .distantPast) } ?? 0
    }
}

/// The XDG folders: data (the database), state (sessions) and config (saved views).
public enum Paths {
    public static var home: String { ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory() }
    public static var dataHome: String { xdg("XDG_DATA_HOME", default: home + "/.local/share") }
    public static var stateHome: String { xdg("XDG_STATE_HOME", default: home + "/.local/state") }
    public static var configHome: String { xdg("XDG_CONFIG_HOME", default: home + "/.config") }
    private static func xdg(_ name: String, default value: String) -> String {
        if let v = ProcessInfo.processInfo.environment[name], v.hasPrefix("/") { return v }
        return value
    }
}
