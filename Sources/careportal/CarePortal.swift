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
            Open.self, Demo.self, Login.self, Logout.self, Sessions.self, Cases.self, Views.self, Keys.self, ThemeCommand.self, CaseSubcommands.self,
            Customers.self, Categories.self, Drafts.self, Support.self, FeedbackCommand.self, AlertsCommand.self, Admin.self, Bench.self,
            Serve.self,
        ],
        defaultSubcommand: Open.self
    )

    /// Every error is one line on standard error with the documented exit code (ArgumentParser's own would be
    /// several lines of usage and exit 64); `--help` still prints the usage.
    static func main() {
        if let invalid = ArgumentBytes.firstInvalid(ArgumentBytes.raw) { fail(invalid, code: Failure.badInput) }
        if Array(CommandLine.arguments.dropFirst()) == ["help", "filter"] {  // the filter language is not a command
            print(FilterCheatSheet.text)
            return
        }
        let names = Set(configuration.subcommands.map { $0._commandName })
        let arguments = GlobalOptions.reorder(AttachedValues.split(Array(CommandLine.arguments.dropFirst())), subcommands: names)
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let failure as Failure {
            fail(failure.message, code: failure.code)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            fail(UsageError.line(for: error, arguments: arguments), code: Failure.badInput)
        }
    }

    /// `careportal: message`, escaped like all output (it may quote what was typed or stored), and the exit.
    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("careportal: \(message.terminalLine)\n".utf8))
        Foundation.exit(code)
    }
}
