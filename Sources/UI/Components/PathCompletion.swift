/// Tab completion of a file path, as a shell does it: the longest common start of the names that fit,
/// a `/` after a folder that is the only fit, and the names when several fit. The listing of a folder
/// is passed in, so this stays free of the file system (the runtime reads folders).
public enum PathCompletion {
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var isDirectory: Bool
        public init(name: String, isDirectory: Bool) { self.name = name; self.isDirectory = isDirectory }
    }

    /// Names shown when several fit.
    public static let maxCandidates = 12

    /// - Parameters:
    ///   - text: what the user typed; `~` at its start means `home`.
    ///   - list: the entries of a folder (given as an absolute or relative path), nil when it can't be read.
    /// - Returns: the new text (still with `~` when typed so) and the names that fit when it is ambiguous
    ///   or already complete; no names and the same text means nothing fits.
    public static func complete(_ text: String, home: String, list: (String) -> [Entry]?) -> (text: String, candidates: [String]) {
        let slash = text.lastIndex(of: "/")
        let typedFolder = slash.map { String(text[...$0]) } ?? ""
        let prefix = slash.map { String(text[text.index(after: $0)...]) } ?? text
        var folder = typedFolder.isEmpty ? "." : typedFolder
        if folder.hasPrefix("~/") || folder == "~" { folder = home + folder.dropFirst() }
        guard let entries = list(folder) else { return (text, []) }
        let fits = entries
            .filter { $0.name.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .sorted { $0.name < $1.name }
        guard let first = fits.first else { return (text, []) }
        if fits.count == 1 {
            let completed = typedFolder + first.name + (first.isDirectory ? "/" : "")
            return (completed, completed == text ? [first.name] : [])
        }
        var common = first.name
        for fit in fits.dropFirst() {
            while !fit.name.hasPrefix(common) { common.removeLast() }
        }
        let names = fits.prefix(maxCandidates).map { $0.name + ($0.isDirectory ? "/" : "") }
        return (typedFolder + common, names + (fits.count > maxCandidates ? ["… \(fits.count - maxCandidates) more"] : []))
    }
}
