import Foundation

/// A folder for one test process's files, removed when the process exits: the fixtures' databases used to stay in
/// the temporary folder, hundreds of them after a day of runs.
public enum ScratchFolder {
    public static let url: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-tests-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ScratchFolder.url) }
        return url
    }()

    /// A new name in the folder.
    public static func fresh(_ prefix: String, suffix: String = "") -> URL {
        url.appendingPathComponent("\(prefix)-\(UUID().uuidString)\(suffix)")
    }
}
