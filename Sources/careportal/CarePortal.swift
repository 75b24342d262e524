import ArgumentParser
import Domain
import Foundation

@main
struct CarePortal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "careportal",
        abstract: "File and manage Google Workspace support cases for your customers, from the terminal.",
        discussion: """
        Exit codes: 0 ok, 1 refused by a rule, 2 bad usage or input, 3 storage failure.
        The database defaults to $XDG_DATA_HOME/careportal/portal.sqlite3 (override with --db or CAREPORTAL_DB).
        """,
        subcommands: [
            Open.self, Demo.self, Login.self, Logout.self, Sessions.self, Cases.self, CaseSubcommands.self,
            Customers.self, Categories.self, Drafts.self, Support.self, FeedbackCommand.self, AlertsCommand.self, Admin.self, Bench.self,
        ],
        defaultSubcommand: Open.self
    )

    /// ArgumentParser exits 64 on usage errors; the documented code is 2.
    static func main() {
        do {
            var command = try parseAsRoot(AttachedValues.split(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch let failure as Failure {
            // Escaped like all output: a message may quote what was typed or stored.
            FileHandle.standardError.write(Data("careportal: \(failure.message.terminalLine)\n".utf8))
            Foundation.exit(failure.code)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
