import ArgumentParser
import Foundation

/// `careportal` with no subcommand: the full-screen app.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the full-screen app (the default).")
    @OptionGroup var actor: ActorOptions

    func run() throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw Failure.input("the full-screen app needs a terminal; for scripts use `careportal cases` (see --help)")
        }
        // Until the full-screen app lands, show My Cases of the signed-in agent.
        var cases = try Cases.parse(["--limit", "40"] + (actor.asUser.map { ["--as", $0] } ?? []) + ["--db", actor.store.path])
        try cases.run()
    }
}
