import Domain
import Foundation

/// Every line the command line prints goes through here. Text from the database is never trusted by a
/// terminal: any control character but newline and tab is escaped (`TerminalText`). A one-line field inside a
/// line (a title in a table row) is escaped with `terminalLine` first, so a newline in it can't break the row.
func say(_ line: String) {
    print(line.terminalText)
}
