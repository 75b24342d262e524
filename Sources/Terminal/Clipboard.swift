import Glibc

/// `y` and `Y`: text to the clipboard of the terminal the app runs in, wherever that is (over ssh too), with
/// xterm's OSC 52 (`ESC ] 52 ; c ; base64 BEL`), which xterm, kitty, WezTerm, iTerm2 and foot take, and tmux with
/// `set-clipboard on`. A terminal without it ignores the sequence.
extension NCursesTerminal {
    public func copyToClipboard(_ text: String) {
        fputs(Self.clipboardSequence(text), output)
        fflush(output)
    }

    /// The sequence that puts `text` (as UTF-8) on the clipboard.
    public static func clipboardSequence(_ text: String) -> String {
        "\u{1B}]52;c;" + base64(Array(text.utf8)) + "\u{07}"
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let a = UInt32(bytes[i]), b = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0, c = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = a << 16 | b << 8 | c
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(n & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
