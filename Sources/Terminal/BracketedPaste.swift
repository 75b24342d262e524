import CNCurses
import Glibc
import ScreenKit

/// Bracketed paste (xterm's mode 2004, which tmux, iTerm2, GNOME Terminal and the rest support): the terminal wraps
/// pasted text in `ESC [200~` … `ESC [201~`, so a paste arrives as one `Key.paste` instead of thousands of keys —
/// a 10 KB paste into a field is one edit and one frame — and a pasted newline can't press Enter.
extension NCursesTerminal {
    /// Key codes for the two markers, above ncurses' own (KEY_MAX is 0777).
    static let pasteStartCode: Int32 = 0o1001
    static let pasteEndCode: Int32 = 0o1002
    static let enableSequence = "\u{1B}[?2004h"
    static let disableSequence = "\u{1B}[?2004l"
    /// The most text one paste carries; the rest of a larger one is read and dropped (the fields' limits are far
    /// below), so it can't turn into keys.
    static let pasteLimit = 1 << 20

    static func defineBracketedPasteKeys() {
        define_key("\u{1B}[200~", pasteStartCode)
        define_key("\u{1B}[201~", pasteEndCode)
    }

    /// Asks the terminal to bracket pastes (sent again after `resume()`, since $EDITOR may have turned it off).
    func enableBracketedPaste(_ on: Bool) {
        fputs(on ? Self.enableSequence : Self.disableSequence, output)
        fflush(output)
    }

    /// Reads up to the end marker, after the start marker arrived. Carriage returns become newlines; a paste
    /// whose end never comes (a terminal that lost it) ends after a second without input.
    func readPastedText() -> Key {
        wtimeout(window, 1_000)
        var scalars = String.UnicodeScalarView()
        var count = 0
        while true {
            var ch: wint_t = 0
            let status = wget_wch(window, &ch)
            if status == ERR { break }
            if status == cn_key_code_yes() {
                if Int32(bitPattern: ch) == Self.pasteEndCode { break }
                continue  // a function key's code inside a paste: not text
            }
            count += 1
            guard count <= Self.pasteLimit, let scalar = Unicode.Scalar(ch) else { continue }
            scalars.append(scalar == "\r" ? "\n" : scalar)
        }
        return .paste(String(scalars))
    }
}
