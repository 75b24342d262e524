/// `--db`, `--server` (with `--cacert`) and `--as` name where and as whom, whatever the command; users of git, gh and kubectl type them before
/// the command (`careportal --db X cases --limit 2`). ArgumentParser only reads a subcommand's options after its
/// name, so those typed before a subcommand are moved to its end (before a `--`, which ends the options).
enum GlobalOptions {
    static let names: Set<String> = ["--db", "--as", "--server", "--cacert"]

    /// `arguments` with leading global options moved after the words that follow them, when a subcommand follows;
    /// otherwise (`careportal --db X`, which opens the app) unchanged.
    static func reorder(_ arguments: [String], subcommands: Set<String>) -> [String] {
        var leading: [String] = []
        var i = 0
        while i < arguments.count {
            let word = arguments[i]
            if names.contains(word), i + 1 < arguments.count {
                leading += [word, arguments[i + 1]]
                i += 2
            } else if let equals = word.firstIndex(of: "="), names.contains(String(word[..<equals])) {
                leading.append(word)
                i += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty, i < arguments.count, subcommands.contains(arguments[i]) else { return arguments }
        var rest = Array(arguments[i...])
        let end = rest.firstIndex(of: "--") ?? rest.endIndex
        rest.insert(contentsOf: leading, at: end)
        return rest
    }
}
