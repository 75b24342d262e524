import Testing
@testable import Terminal

/// A terminal the app can't draw on is refused before ncurses takes the screen over (issue #11). In the
/// headless suite, which runs one test at a time, since terminfo's current terminal is process-wide.
extension HeadlessTerminalTests {
    @Test func dumbAndUnknownTerminalsAreRefusedBeforeTheScreenIsTaken() throws {
        #expect(throws: TerminalError.cannotAddressCursor(term: "dumb")) { try NCursesTerminal.checkUsable(term: "dumb") }
        #expect(throws: TerminalError.cannotOpen(term: "no-such-terminal")) { try NCursesTerminal.checkUsable(term: "no-such-terminal") }
        try NCursesTerminal.checkUsable(term: "xterm-256color")
        #expect(TerminalError.cannotAddressCursor(term: "dumb").description.contains("careportal cases"))
    }
}

/// Usability item 21: the glyphs come from the terminal type, once: the VT100 family gets ASCII, the rest Unicode.
@Test func theVT100FamilyGetsASCIIGlyphs() {
    for term in ["vt100", "vt102", "vt220", "vt52", "VT100", "vt100-am", "ansi"] {
        #expect(NCursesTerminal.glyphs(forTerminal: term) == .ascii, "\(term)")
    }
    for term in ["xterm-256color", "xterm", "screen-256color", "tmux-256color", "linux", "rxvt-unicode", ""] {
        #expect(NCursesTerminal.glyphs(forTerminal: term) == .unicode, "\(term)")
    }
}
