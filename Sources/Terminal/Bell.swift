import CNCurses

extension NCursesTerminal {
    /// The terminal's bell (`bell = true` in the config file, when someone else's change arrives): ncurses rings it,
    /// or flashes the screen on a terminal without one.
    public func bell() {
        beep()
    }
}
