import Foundation

/// The database file and its folders on disk, before SQLite opens them. The database holds case text,
/// attachments and password and token hashes, so it is created 0600 in folders created 0700, before any data is
/// in it; SQLite later creates the -wal and -shm files with the database file's own mode, so they are 0600 too.
/// A database is created only when the caller says the command creates data: a mistyped path creates nothing.
enum DatabaseFiles {
    static let fileMode: mode_t = 0o600
    static let folderMode: mode_t = 0o700

    /// Checks `path` before it is opened. A missing database is created (empty, private) when `create`, and
    /// refused otherwise.
    static func prepare(_ path: String, create: Bool) throws(StoreError) {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            guard fm.isReadableFile(atPath: path) else { throw .cannotOpen(path: path, reason: "permission denied") }
            return
        }
        guard create else { throw .noDatabase(path: path) }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try makeFolders(folder, for: path)
            guard fm.isWritableFile(atPath: folder) else { throw .cannotOpen(path: path, reason: "directory \(folder) is not writable") }
        }
        try createEmpty(path)
    }

    /// Creates the missing folders of `folder`, outermost first, each 0700 (folders that exist are left as they are).
    static func makeFolders(_ folder: String, for path: String) throws(StoreError) {
        var missing: [String] = []
        var f = folder
        while !f.isEmpty, f != "/", !FileManager.default.fileExists(atPath: f) {
            missing.append(f)
            f = (f as NSString).deletingLastPathComponent
        }
        for m in missing.reversed() {
            if mkdir(m, folderMode) != 0, errno != EEXIST {
                throw .cannotOpen(path: path, reason: "can't create directory \(m): \(String(cString: strerror(errno)))")
            }
            _ = chmod(m, folderMode)  // mkdir's mode went through the umask
        }
    }

    /// Creates an empty file (an empty SQLite database) with mode 0600; a file another process created meanwhile is kept.
    static func createEmpty(_ path: String) throws(StoreError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        if fd < 0 {
            if errno == EEXIST { return }
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        _ = fchmod(fd, fileMode)  // open's mode went through the umask
        close(fd)
    }
}
