import CNCurses
import Glibc

// A signal that kills the app must not leave the terminal in raw mode with the alternate screen on.
// Its handler may run while the main thread is inside ncurses, and ncurses isn't reentrant (`endwin`
// from a handler crashed now and then), so the handler only does what is async-signal-safe: put back
// the terminal modes saved before ncurses started, write the terminal's own "leave full screen"
// sequences prepared in advance, and exit with the shell's 128+signal.
private let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

/// The terminal modes before ncurses changed them, and the bytes that end full-screen mode.
nonisolated(unsafe) private var savedModes = termios()
nonisolated(unsafe) private var haveSavedModes = false
nonisolated(unsafe) private var leaveSequence: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var leaveSequenceLength = 0

/// Before ncurses starts: the terminal's own modes.
func saveTerminalModes() {
    haveSavedModes = tcgetattr(STDIN_FILENO, &savedModes) == 0
}

func installSignalHandlers() {
    prepareLeaveSequence()
    // A launcher may have started us with signals blocked (threads of a test runner often block them);
    // without SIGWINCH ncurses never reports a resize.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for sig in handledSignals + [SIGWINCH] { sigaddset(&unblock, sig) }
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    for sig in handledSignals {
        signal(sig) { sig in
            if haveSavedModes { tcsetattr(STDIN_FILENO, TCSANOW, &savedModes) }
            if let bytes = leaveSequence { _ = write(STDOUT_FILENO, bytes, leaveSequenceLength) }
            _exit(128 + sig)
        }
    }
}

func resetSignalHandlers() {
    for sig in handledSignals { signal(sig, SIG_DFL) }
}

/// The terminfo strings that undo full-screen mode, in the order `endwin` sends them: attributes off,
/// the cursor shown, the keypad back in its normal mode, the alternate screen left.
private func prepareLeaveSequence() {
    guard leaveSequence == nil else { return }
    var bytes: [UInt8] = Array(NCursesTerminal.disableSequence.utf8)
    for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
        guard let value = capability.withCString({ tigetstr($0) }), Int(bitPattern: value) != -1 else { continue }
        bytes += Array(String(cString: value).utf8)
    }
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
    buffer.initialize(from: bytes, count: bytes.count)
    leaveSequence = buffer
    leaveSequenceLength = bytes.count
}
