import CNCurses
import Glibc

// A signal that kills the app must not leave the terminal in raw mode with
// the alternate screen on: restore it, then exit with the shell's 128+signal.
private let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

func installSignalHandlers() {
    // A launcher may have started us with signals blocked (threads of a test runner often block them);
    // without SIGWINCH ncurses never reports a resize.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for sig in handledSignals + [SIGWINCH] { sigaddset(&unblock, sig) }
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
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
