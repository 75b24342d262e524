import Domain
import Foundation

/// Arguments arrive as bytes, and Swift decodes them with replacement characters: an argument that isn't UTF-8
/// would search for, or store, something other than what was typed. It is refused like invalid UTF-8 on standard
/// input: exit 2, naming the option it belongs to and the offset of the first bad byte.
enum ArgumentBytes {
    /// The first argument that isn't valid UTF-8, as a one-line error; nil when all are.
    static func firstInvalid(_ arguments: [Data]) -> String? {
        for (i, bytes) in arguments.enumerated() {
            guard let offset = Validate.firstInvalidUTF8(bytes) else { continue }
            let byte = String(format: "0x%02X", bytes[bytes.startIndex + offset])
            // In `--name=VALUE` the offset counts from the value's first byte.
            let valueStart = option(bytes) != nil ? (bytes.firstIndex(of: UInt8(ascii: "=")).map { $0 - bytes.startIndex + 1 } ?? 0) : 0
            return "\(field(i, in: arguments)): not valid UTF-8 at byte \(offset - valueStart) (\(byte)); pass the text as UTF-8"
        }
        return nil
    }

    /// The option a word names (`--filter` or `--filter=…` → `filter`).
    private static func option(_ word: Data) -> String? {
        let text = String(decoding: word, as: UTF8.self)
        guard text.hasPrefix("--"), text.count > 2 else { return nil }
        return String(text.dropFirst(2).prefix { $0 != "=" })
    }

    /// `--filter=VALUE` and `--filter VALUE` name `filter`; anything else is named by its position (from 1).
    static func field(_ i: Int, in arguments: [Data]) -> String {
        if let own = option(arguments[i]), arguments[i].contains(UInt8(ascii: "=")) { return own }
        if i > 0, let previous = option(arguments[i - 1]), !arguments[i - 1].contains(UInt8(ascii: "=")) { return previous }
        return "argument \(i + 1)"
    }

    /// The process's arguments after the program name, as the bytes the shell passed.
    static var raw: [Data] {
        (1..<Int(CommandLine.argc)).compactMap { i in
            CommandLine.unsafeArgv[i].map { Data(bytes: $0, count: strlen($0)) }
        }
    }
}
