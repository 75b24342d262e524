import Foundation

/// Text read as bytes (standard input, a file an editor wrote) is UTF-8 or refused: never decoded with
/// replacement characters, which would change what was typed without saying so.
extension Validate {
    /// The text of `bytes`, or a refusal naming `field`, where the text came from and the offset (from 0) of
    /// the first byte that isn't valid UTF-8.
    public static func utf8(_ bytes: Data, field: String, source: String) -> Result<String, Refusal> {
        if let offset = firstInvalidUTF8(bytes) {
            let byte = String(bytes[bytes.startIndex + offset], radix: 16, uppercase: true)
            return .failure(.invalid(field, "\(source) is not valid UTF-8 at byte \(offset) (0x\(byte.count < 2 ? "0" : "")\(byte)); save the text as UTF-8"))
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// The offset of the first byte that starts an invalid or truncated UTF-8 sequence; nil when all is valid.
    public static func firstInvalidUTF8(_ bytes: Data) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
