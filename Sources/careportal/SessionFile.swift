import Foundation

/// A signed-in session kept on disk so later commands and the TUI can act as the user.
struct SavedSession: Codable, Equatable {
    var user: String
    var domain: String
    var token: String
    var expiresAt: Date
    var database: String
}

/// Sessions live in $XDG_STATE_HOME/careportal/sessions.json, mode 0600 in a 0700 directory.
enum SessionFile {
    static var directory: String { Paths.stateHome + "/careportal" }
    static var path: String { directory + "/sessions.json" }

    static func load() -> [SavedSession] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (try? decoder.decode([SavedSession].self, from: data)) ?? []
    }

    static func save(_ sessions: [SavedSession]) throws(Failure) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            let data = try encoder.encode(sessions)
            let tmp = path + ".tmp"
            // Create with 0600 before writing the tokens, then move into place atomically.
            guard FileManager.default.createFile(atPath: tmp, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw Failure(message: "sessions: can't write \(tmp)", code: Failure.storage)
            }
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: tmp))
            try handle.write(contentsOf: data)
            try handle.close()
            if rename(tmp, path) != 0 { throw Failure(message: "sessions: can't replace \(path)", code: Failure.storage) }
        } catch let f as Failure {
            throw f
        } catch {
            throw Failure(message: "sessions: can't write \(path): \(error.localizedDescription)", code: Failure.storage)
        }
    }
}

extension SessionFile {
    /// Adds or replaces a session (best effort: the app keeps working if the file can't be written).
    static func add(_ session: SavedSession) {
        let others = load().filter { !($0.user == session.user && $0.database == session.database) }
        try? save(others + [session])
    }

    static func remove(user: String, database: String) {
        try? save(load().filter { !($0.user == user && $0.database == database) })
    }
}
