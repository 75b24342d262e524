import Foundation

/// A script of several statements, split where a `;` ends one: postgres-nio sends each query in the extended protocol,
/// which takes one statement at a time. Semicolons inside quotes ('…', "…"), dollar quotes ($$…$$, $tag$…$tag$, as a
/// function body is written) and `--` comments don't split.
enum SQLScript {
    static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var chars = Array(script)
        chars.append("\n")
        var i = 0
        func finish() {
            let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
            if !statement.isEmpty && !statement.split(separator: "\n").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }) {
                statements.append(statement)
            }
            current = ""
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case ";":
                finish()
                i += 1
                continue
            case "-" where i + 1 < chars.count && chars[i + 1] == "-":
                while i < chars.count && chars[i] != "\n" { current.append(chars[i]); i += 1 }
                continue
            case "'", "\"":
                current.append(c)
                i += 1
                while i < chars.count {
                    current.append(chars[i])
                    i += 1
                    if chars[i - 1] == c { break }
                }
                continue
            case "$":
                // A dollar quote's tag: $$ or $name$ (a name can't start with a digit: $1 is a parameter).
                var j = i + 1
                while j < chars.count, chars[j].isLetter || chars[j] == "_" || (j > i + 1 && chars[j].isNumber) { j += 1 }
                if j < chars.count && chars[j] == "$" {
                    let tag = String(chars[i...j])
                    current += tag
                    i = j + 1
                    let rest = String(chars[i...])
                    if let end = rest.range(of: tag) {
                        current += rest[..<end.upperBound]
                        i += rest.distance(from: rest.startIndex, to: end.upperBound)
                    } else {
                        current += rest
                        i = chars.count
                    }
                    continue
                }
            default:
                break
            }
            current.append(c)
            i += 1
        }
        finish()
        return statements
    }
}
