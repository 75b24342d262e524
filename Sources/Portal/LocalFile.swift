import Domain
import Foundation

/// Files on this machine, for attachments: the command line, the app and the portal check and read them
/// the same way, before anything is sent.
public enum LocalFile {
    public static var home: String { ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory() }

    /// `~/x` → `$HOME/x`.
    public static func expand(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        return path
    }

    /// Its name and size, or why it can't be attached (missing, a folder, unreadable), in words.
    public static func inspect(_ raw: String) -> Result<(name: String, size: Int), Refusal> {
        let path = expand(raw)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return .failure(.invalid("file", "\(raw) does not exist")) }
        if isDir.boolValue { return .failure(.invalid("file", "\(raw) is a folder, not a file")) }
        guard FileManager.default.isReadableFile(atPath: path) else { return .failure(.invalid("file", "\(raw) can't be read (permission denied)")) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return .success((name: (path as NSString).lastPathComponent, size: size))
    }

    /// Reads a file to attach, refusing what `inspect` refuses and files over the size limit (checked before
    /// reading). `field` names the input in the refusal: "attach" on the command line, "file" in the app.
    public static func read(_ raw: String, field: String = "file") throws(PortalError) -> NewAttachment {
        let name: String
        switch inspect(raw) {
        case .failure(let refusal): throw .refused(.invalid(field, refusal.reason))
        case .success(let file):
            if case .failure(let r) = Validate.attachment(name: file.name, size: file.size) { throw .refused(.invalid(field, r.reason)) }
            name = file.name
        }
        guard let data = FileManager.default.contents(atPath: expand(raw)) else {
            throw .refused(.invalid(field, "\(raw) can't be read (permission denied?)"))
        }
        return NewAttachment(name: name, data: data)
    }

    /// Attachments with every file on this machine read into bytes.
    static func read(_ files: [NewAttachment]) throws(PortalError) -> [NewAttachment] {
        var read: [NewAttachment] = []
        for file in files {
            switch file.content {
            case .bytes: read.append(file)
            case .localFile(let path): read.append(try Self.read(path))
            }
        }
        return read
    }

    /// A folder's entries (name, and whether it is a folder) for path completion; nil when it can't be read.
    public static func list(_ folder: String) -> [(name: String, isDirectory: Bool)]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        return names.map { name in
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(name), isDirectory: &isDir)
            return (name, isDir.boolValue)
        }
    }
}
