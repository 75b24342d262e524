/// `--name=value` split before ArgumentParser sees it, where the parser wouldn't: it looks for `=` as a
/// Character, and a value that starts with a combining mark joins the `=` into one grapheme (`=́`), so
/// `--filter=́x` read as an unknown option `--filter=́x`. Only such words change; everything after `--` stays.
enum AttachedValues {
    static func split(_ arguments: [String]) -> [String] {
        var out: [String] = []
        for (i, word) in arguments.enumerated() {
            if word == "--" { return out + arguments[i...] }
            guard word.hasPrefix("--"), let equals = word.unicodeScalars.firstIndex(of: "="),
                  word.firstIndex(of: "=") != equals else { out.append(word); continue }
            out.append(String(word.unicodeScalars[..<equals]))
            out.append(String(word.unicodeScalars[word.unicodeScalars.index(after: equals)...]))
        }
        return out
    }
}
