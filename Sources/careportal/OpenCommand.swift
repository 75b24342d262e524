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
        var sessions: [(user: Domain.User, token: String?, domainName: String)] = []
        var kept: [SavedSession] = []
        for saved in SessionFile.load(for: portal.location) {
            // A session that expired or lost its licence since is skipped; the sign-in screen covers it.
            guard let user = try? portal.resume(token: saved.token) else { continue }
            sessions.append((user, saved.token, saved.domain))
            kept.append(saved)
        }
        // Tabs keep the order they were signed in; the app opens on the one `--as` names, else the one used last.
        var active = SessionFile.lastUsed(kept)
        if let wanted = actor.asUser, let i = sessions.firstIndex(where: { $0.user.email.caseInsensitiveCompare(wanted) == .orderedSame }) {
            active = i
        }
        let farewell: String?
        do { farewell = try AppRunner(portal: portal, sessions: sessions, active: active, settings: kept.map(\.list)).run() } catch {
            throw Failure.input(error.description)
        }
        // A notice, not output: on standard error, like git's.
        if let farewell { FileHandle.standardError.write(Data((farewell + "\n").utf8)) }
    }
}
