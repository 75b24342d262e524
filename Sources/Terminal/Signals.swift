import CNCurses
import Glibc

// A signal that kills the app must not leave the terminal in raw mode with
// the alternate screen on: restore it, then exit with the shell's 128+signal.
private let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

func installSignalHandlers() {
    for sig in handledSignals {
        signal(sig) { sig in
            if !isendwin() { endwin() }
            _exit(128 + sig)
        }
    }
}

func resetSignalHandlers() {
    for sig in handledSignals { signal(sig, SIG_DFL) }
}
