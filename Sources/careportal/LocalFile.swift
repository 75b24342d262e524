import Domain
import Foundation
import Store
import UI

/// Files on this machine, for attachments: the command line and the full-screen app check and read them
/// the same way, before anything is written.
enum LocalFile {
    static var home: String { ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory() }

    /// `~/x` → `$HOME/x`.
    static func expand(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        return path
    }

    /// Its name and size, or why it can't be attached (missing, a folder, unreadable).
    static func inspect(_ raw: String) -> FileInspection {
        let path = expand(raw)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return .unreadable("\(raw) does not exist") }
        if isDir.boolValue { return .unreadable("\(raw) is a folder, not a file") }
        guard FileManager.default.isReadableFile(atPath: path) else { return .unreadable("\(raw) can't be read (permission denied)") }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return .file(name: (path as NSString).lastPathComponent, size: size)
    }

    struct Unreadable: Error, CustomStringConvertible { let description: String }

    /// Reads a file to attach, refusing what `inspect` refuses and files over the size limit.
    static func read(_ raw: String) throws -> NewAttachment {
        switch inspect(raw) {
        case .unreadable(let why): throw Unreadable(description: "file: \(why)")
        case .file(let name, let size):
            if case .failure(let r) = Validate.attachment(name: name, size: size) { throw Unreadable(description: "file: \(r.reason)") }
            guard let data = FileManager.default.contents(atPath: expand(raw)) else {
                throw Unreadable(description: "file: \(raw) can't be read (permission denied?)")
            }
            return NewAttachment(name: name, data: data)
        }
    }

    /// A folder's entries for path completion; nil when it can't be read.
    static func list(_ folder: String) -> [PathCompletion.Entry]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        return names.map { name in
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name), isDirectory: &isDir)
            return PathCompletion.Entry(name: name, isDirectory: isDir.boolValue)
        }
    }
}
