import CNCurses
import Glibc
import ScreenKit

public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// ncurses could not open the terminal (no TTY, unknown or missing $TERM).
    case cannotOpen(term: String)
    /// The terminal can't move the cursor (`TERM=dumb`): the app would draw one broken line.
    case cannotAddressCursor(term: String)

    public var description: String {
        let instead = "run the app in a terminal such as xterm-256color, or use `careportal cases` and the other commands in scripts"
        switch self {
        case .cannotOpen(let term): return "cannot open the terminal (TERM=\(term.isEmpty ? "unset" : term)); \(instead)"
        case .cannotAddressCursor(let term): return "TERM=\(term) can't move the cursor, which the full-screen app needs; \(instead)"
        }
    }
}

/// The ncurses backend: owns the screen, draws `ScreenBuffer`s by diff and
/// reads keys. The only code in the package that calls ncurses. Use one at a
/// time, from one thread.
public final class NCursesTerminal {
    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    /// Where ncurses writes: the terminal's own escape sequences (bracketed paste) go there too.
    let output: UnsafeMutablePointer<FILE>
    /// What the terminal can show; styles are degraded to it when drawn.
    public let colorCapability: ColorCapability
    /// The symbols it can draw: ASCII stand-ins (`+-|` frames, `...`) where it can't draw UTF-8.
    public let glyphs: Glyphs
    /// The app's named colours (its theme); setting it repaints the whole screen with them.
    public var palette = Palette() {
        didSet { lastFrame = nil }
    }

    /// The frame on screen, to diff the next one against; nil forces a full repaint.
    var lastFrame: ScreenBuffer?
    var pairs: [ColorPairKey: Int16] = [:]
    let hasColors: Bool
    let hasDefaultColors: Bool
    private var streams: [UnsafeMutablePointer<FILE>] = []
    private var installedSignals = false
    private var restored = false

    /// Takes over the controlling terminal ($TERM, stdin/stdout). `raw` passes
    /// Ctrl-C/Ctrl-Z/Ctrl-S to the app as keys instead of signals.
    public convenience init(raw: Bool = true) throws {
        try NCursesTerminal.checkUsable(term: nil)
        saveTerminalModes()
        try self.init(term: nil, input: cn_stdin(), output: cn_stdout(), raw: raw)
        installSignalHandlers()
        installedSignals = true
    }

    /// An offscreen terminal for tests: xterm-256color writing to /dev/null,
    /// read back with `readBack(row:)`.
    public convenience init(headless size: Size) throws {
        guard let output = fopen("/dev/null", "w"), let input = fopen("/dev/null", "r") else {
            throw TerminalError.cannotOpen(term: "xterm-256color")
        }
        try self.init(term: "xterm-256color", input: input, output: output, raw: true)
        streams = [output, input]
        resizeterm(Int32(size.height), Int32(size.width))
    }

    /// Refuses, before the screen is taken over, a terminal terminfo doesn't know or one that can't address the
    /// cursor (`TERM=dumb`). `term` nil: $TERM.
    public static func checkUsable(term: String?) throws(TerminalError) {
        let name = term ?? getenv("TERM").map { String(cString: $0) } ?? ""
        let answer = term.map { t in t.withCString { cn_term_addresses_cursor($0) } } ?? cn_term_addresses_cursor(nil)
        switch answer {
        case 1: return
        case 0: throw .cannotAddressCursor(term: name)
        default: throw .cannotOpen(term: name)
        }
    }

    private init(term: String?, input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>, raw useRaw: Bool) throws {
        NCursesTerminal.selectUTF8Locale()
        let opened: OpaquePointer? = term.map { t in t.withCString { newterm($0, output, input) } } ?? newterm(nil, output, input)
        guard let screen = opened else {
            throw TerminalError.cannotOpen(term: term ?? getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.screen = screen
        self.output = output
        glyphs = NCursesTerminal.glyphs(forTerminal: term ?? getenv("TERM").map { String(cString: $0) } ?? "")
        set_term(screen)
        window = cn_stdscr()
        _ = useRaw ? CNCurses.raw() : cbreak()
        noecho()
        nonl()
        keypad(window, true)
        NCursesTerminal.defineHomeEndVariants()
        NCursesTerminal.defineBracketedPasteKeys()
        set_escdelay(25)  // a bare Esc arrives in ~36 ms instead of ~1 s
        hasColors = has_colors()
        if hasColors {
            start_color()
            hasDefaultColors = use_default_colors() == OK
            colorCapability = ColorCapability(colorCount: Int(cn_colors()))
        } else {
            hasDefaultColors = false
            colorCapability = .monochrome
        }
        curs_set(0)
        NCursesTerminal.registerAtExit
        enableBracketedPaste(true)
    }

    deinit { restore() }

    /// The glyphs a terminal of type `term` can draw. The VT100 family (vt52 … vt520) and the PC console's `ansi`
    /// predate UTF-8: they get ASCII. Every other terminal terminfo knows (xterm, tmux, screen, linux, rxvt …) gets Unicode.
    public static func glyphs(forTerminal term: String) -> Glyphs {
        let name = term.lowercased()
        let family = name.prefix { $0 != "-" && $0 != "+" }
        let vt = family.hasPrefix("vt") && family.dropFirst(2).first?.isNumber == true
        return vt || ["ansi", "pcansi", "ansi.sys", "cons25"].contains(family) ? .ascii : .unicode
    }

    /// Non-ASCII text is dropped unless the C library is in a UTF-8 locale; the
    /// app's data is UTF-8, so fall back to C.UTF-8 when the environment has no UTF-8 locale.
    private static func selectUTF8Locale() {
        setlocale(LC_ALL, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// Restores the terminal if the process exits without calling `restore()`.
    private static let registerAtExit: Void = {
        atexit { if !isendwin() { endwin() } }
    }()

    /// The current size in cells.
    public var size: Size {
        Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// Home and End are sent differently by xterm, the VT220 family (tmux, screen) and rxvt; a terminfo entry
    /// lists one form, so a `TERM` that doesn't match the terminal would turn End into Esc plus text.
    private static func defineHomeEndVariants() {
        let variants: [(String, Int32)] = [
            ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME), ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME),
            ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END), ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END),
        ]
        for (sequence, code) in variants where key_defined(sequence) == 0 { define_key(sequence, code) }
    }

    /// Leaves curses mode (e.g. to run $EDITOR); call `resume()` afterwards.
    public func suspend() {
        enableBracketedPaste(false)
        def_prog_mode()
        endwin()
    }

    /// Re-enters curses mode after `suspend()` and repaints the last frame in full.
    public func resume() {
        reset_prog_mode()
        enableBracketedPaste(true)
        let frame = lastFrame
        lastFrame = nil
        if let frame { draw(frame) } else { wrefresh(window) }
    }

    /// Ends curses mode and frees the screen. Safe to call more than once.
    public func restore() {
        guard !restored else { return }
        restored = true
        set_term(screen)
        enableBracketedPaste(false)
        if !isendwin() { endwin() }
        if installedSignals { resetSignalHandlers() }
        delscreen(screen)
        for f in streams { fclose(f) }
        streams = []
    }

    /// Text of `row` as ncurses holds it, trailing spaces trimmed — for tests.
    public func readBack(row: Int) -> String {
        let cols = Int(getmaxx(window))
        var buf = [wchar_t](repeating: 0, count: cols + 1)
        let n = mvwinnwstr(window, Int32(row), 0, &buf, Int32(cols))
        guard n != ERR else { return "" }
        var s = String(String.UnicodeScalarView(buf.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
        while s.last == " " { s.removeLast() }
        return s
    }
}
