import ArgumentParser
import Domain
import Foundation
import Portal
import Runtime

/// `careportal` with no subcommand: the full-screen app, with a tab per signed-in session.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the full-screen app (the default).")
    @OptionGroup var actor: ActorOptions

    func run() throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw Failure.input("the full-screen app needs a terminal; for scripts use `careportal cases` (see --help)")
        }
        do { try AppRunner.checkTerminal() } catch { throw Failure.input(error.description) }
        let portal = try actor.store.open()
        let open = try actor.store.opener()
        let farewell: String?
        do { farewell = try AppRunner(home: portal, asUser: actor.asUser, open: open).run() } catch {
            throw Failure.input(error.description)
        }
        // A notice, not output: on standard error, like git's.
        if let farewell { FileHandle.standardError.write(Data((farewell + "\n").utf8)) }
    }
}
