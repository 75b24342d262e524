/// Control characters in text people type are refused, never stripped: what is stored is what was typed, and
/// nothing stored can drive a terminal. Multi-line text may hold newlines and tabs; a one-line field (a title,
/// a name, a file name) may not. The store, the app's forms and the command line all ask here.
extension Validate {
    /// nil when `text` (the value as it would be stored) holds no control character it may not; else a refusal
    /// naming `field`, the character and its position (in characters, from 1).
    public static func controlCharacters(in text: String, field: String, multiline: Bool) -> Refusal? {
        var position = 0
        for character in text {
            position += 1
            for s in character.unicodeScalars where TerminalText.isControl(s) {
                if multiline && (s == "\n" || s == "\t") { continue }
                let valid = multiline ? "only newlines and tabs are allowed among control characters"
                    : "it must be one line without control characters"
                let what = s == "\0" ? "a NUL byte (U+0000)" : "the control character \(name(of: s))"
                return .invalid(field, "contains \(what) at character \(position); remove it (\(valid))")
            }
        }
        return nil
    }

    /// A one-line name (a user's, a customer's, a role's, an engineer's), unchanged, without control characters.
    public static func name(_ raw: String, field: String) -> Result<String, Refusal> {
        controlCharacters(in: raw, field: field, multiline: false).map { .failure($0) } ?? .success(raw)
    }

    /// "ESC (U+001B)", "U+0085".
    static func name(of s: Unicode.Scalar) -> String {
        let names: [UInt32: String] = [0x07: "BEL", 0x08: "backspace", 0x09: "tab", 0x0A: "newline",
                                       0x0D: "carriage return", 0x1B: "ESC", 0x7F: "DEL", 0x9B: "CSI"]
        let hex = String(s.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return names[s.value].map { "\($0) (\(code))" } ?? code
    }
}
