import Domain
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files on this machine, for attachments: the command line, the app and the portal check and read them
/// the same way, before anything is sent. Only regular files are attached: a link is followed to the file it
/// points to (which names the attachment, so the case shows what was really sent), and anything else there (a
/// folder, a pipe, a device, a socket) or under /proc and /sys (the kernel's files, whose size and contents are not
/// a file's) is refused with what it is.
public enum LocalFile {
    public static var home: String { ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory() }

    /// `~/x` → `$HOME/x`.
    public static func expand(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst() }
        return path
    }

    /// Its name and size, or why it can't be attached (missing, not a regular file, a system file, unreadable), in words.
    public static func inspect(_ raw: String) -> Result<(name: String, size: Int), Refusal> {
        switch openRegular(raw) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let file):
            close(file.descriptor)
            return .success((name: file.name, size: file.size))
        }
    }

    /// Reads a file to attach, refusing what `inspect` refuses and files over the size limit (checked before
    /// reading). `field` names the input in the refusal: "attach" on the command line, "file" in the app.
    public static func read(_ raw: String, field: String = "file") throws(PortalError) -> NewAttachment {
        let file: OpenFile
        switch openRegular(raw) {
        case .failure(let refusal): throw .refused(.invalid(field, refusal.reason))
        case .success(let opened): file = opened
        }
        defer { close(file.descriptor) }
        if case .failure(let r) = Validate.attachment(name: file.name, size: file.size) { throw .refused(.invalid(field, r.reason)) }
        // From the descriptor checked above, never the path again; one byte more than allowed shows a file that grew.
        let handle = FileHandle(fileDescriptor: file.descriptor, closeOnDealloc: false)
        guard let data = try? handle.read(upToCount: Limits.attachmentMaxBytes + 1) ?? Data() else {
            throw .refused(.invalid(field, "\(raw) can't be read (\(String(cString: strerror(errno))))"))
        }
        if case .failure(let r) = Validate.attachment(name: file.name, size: data.count) { throw .refused(.invalid(field, r.reason)) }
        return NewAttachment(name: file.name, data: data)
    }

    /// Attachments with every file on this machine read into bytes.
    public static func read(_ files: [NewAttachment]) throws(PortalError) -> [NewAttachment] {
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

    // MARK: The check

    struct OpenFile { let descriptor: Int32; let name: String; let size: Int }

    /// Opens the regular file `raw` names, following links, or says why not. The kind is checked on the path before
    /// opening (opening a device can act on it) and again on the open descriptor, which must be the same file.
    static func openRegular(_ raw: String) -> Result<OpenFile, Refusal> {
        let path = expand(raw)
        var link = stat()
        guard lstat(path, &link) == 0 else { return .failure(missing(raw, errno)) }
        let isLink = link.st_mode & S_IFMT == S_IFLNK
        guard let real = realpath(path, nil) else {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            return .failure(.invalid("file", "\(raw) points to \(target), which does not exist"))
        }
        let resolved = String(cString: real)
        free(real)
        // How the refusal names the file: a link says where it points.
        let named = isLink ? "\(raw) points to \(resolved)," : "\(raw) is"
        if isSystemPath(resolved) { return .failure(systemFile(named)) }
        var before = stat()
        guard stat(resolved, &before) == 0 else { return .failure(missing(raw, errno)) }
        if let refusal = notRegular(before.st_mode, named) { return .failure(refusal) }
        let fd = open(resolved, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return .failure(unreadable(raw, errno)) }
        var opened = stat()
        guard fstat(fd, &opened) == 0, opened.st_dev == before.st_dev, opened.st_ino == before.st_ino else {
            close(fd)
            return .failure(.invalid("file", "\(raw) changed while it was being checked; try again"))
        }
        if let refusal = notRegular(opened.st_mode, named) {
            close(fd)
            return .failure(refusal)
        }
        return .success(OpenFile(descriptor: fd, name: (resolved as NSString).lastPathComponent, size: Int(opened.st_size)))
    }

    static func notRegular(_ mode: mode_t, _ named: String) -> Refusal? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: .invalid("file", "\(named) a folder, not a file")
        case S_IFIFO: .invalid("file", "\(named) a named pipe (FIFO), not a regular file")
        case S_IFCHR: .invalid("file", "\(named) a character device, not a regular file")
        case S_IFBLK: .invalid("file", "\(named) a block device, not a regular file")
        case S_IFSOCK: .invalid("file", "\(named) a socket, not a regular file")
        default: .invalid("file", "\(named) not a regular file")
        }
    }

    static func systemFile(_ named: String) -> Refusal {
        .invalid("file", "\(named) a system file (under /proc or /sys), not a regular file; copy what you need into a file and attach that")
    }

    /// The kernel's pseudo-file systems, by the path a file resolves to.
    static func isSystemPath(_ resolved: String) -> Bool {
        ["/proc", "/sys"].contains { resolved == $0 || resolved.hasPrefix($0 + "/") }
    }

    static func missing(_ raw: String, _ code: Int32) -> Refusal {
        code == EACCES ? unreadable(raw, code) : .invalid("file", "\(raw) does not exist")
    }

    static func unreadable(_ raw: String, _ code: Int32) -> Refusal {
        code == EACCES || code == EPERM
            ? .invalid("file", "\(raw) can't be read (permission denied)")
            : .invalid("file", "\(raw) can't be read (\(String(cString: strerror(code))))")
    }
}
