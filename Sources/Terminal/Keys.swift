import CNCurses
import ScreenKit

extension NCursesTerminal {
    /// The next key, waiting up to `milliseconds` (-1 waits forever, 0 polls);
    /// nil on timeout or for keys the app has no name for.
    public func readKey(timeout milliseconds: Int) -> Key? {
        set_term(screen)
        wtimeout(window, Int32(clamping: milliseconds))
        var ch: wint_t = 0
        let status = wget_wch(window, &ch)
        if status == ERR { return nil }
        if status == cn_key_code_yes(), Int32(bitPattern: ch) == Self.pasteStartCode { return readPastedText() }
        if status == cn_key_code_yes(), Int32(bitPattern: ch) == Self.pasteEndCode { return nil }  // a stray end marker
        if status == cn_key_code_yes(), Int32(bitPattern: ch) == cn_key_mouse() { return readMouse() }
        let key = status == cn_key_code_yes() ? Self.key(forCode: Int32(bitPattern: ch)) : Self.key(forChar: ch)
        if key == .resize { lastFrame = nil }  // ncurses has resized stdscr; repaint everything
        return key
    }

    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_FIND: return .home  // some terminfo entries send Find/Select for Home/End
        case KEY_END, KEY_SELECT: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case (cn_key_f(1)...cn_key_f(63)): return .function(Int(code - cn_key_f(0)))
        default: return nil
        }
    }

    static func key(forChar ch: wint_t) -> Key? {
        switch ch {
        case 27: return .escape
        case 13, 10: return .enter
        case 9: return .tab
        case 127, 8: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(ch) + 0x60)))
        case 0..<32: return nil
        default: return Unicode.Scalar(ch).map { .char(Character($0)) }
        }
    }
}
