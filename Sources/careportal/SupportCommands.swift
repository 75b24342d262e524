import ArgumentParser
import Domain
import Foundation
import Portal
import Runtime

/// The provider side: a signed-in support engineer answers cases of every domain (`careportal cases` lists their
/// Support queue).
struct Support: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "support", abstract: "Support engineer commands (the provider side).",
                                                    subcommands: [Reply.self, Status.self, RemoveAttachment.self])
    struct Reply: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reply", abstract: "Answer a case as the signed-in support engineer, optionally moving its status.")
        @OptionGroup var actor: ActorOptions
        @Argument(help: caseNumberHelp) var number: String
        @Option(parsing: .unconditional, help: "The answer (default: read standard input).") var message: String?
        @Option(help: "new, in-progress, action-required, solution-provided or closed.") var status: CaseStatus?
        func run() throws {
            let n = try caseNumber(number)
            let text = try message ?? readStandardInput(field: "message")
            try actor.perform(.supportReply(text, status: status), on: n)
            say("Replied on case \(n).")
        }
    }
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Move a case's status as the signed-in support engineer.")
        @OptionGroup var actor: ActorOptions
        @Argument(help: caseNumberHelp) var number: String
        @Argument(help: "new, in-progress, action-required, solution-provided or closed.") var status: CaseStatus
        func run() throws {
            let n = try caseNumber(number)
            try actor.perform(.setStatus(status), on: n)
            say("Case \(n) is now \(status.label).")
        }
    }
    struct RemoveAttachment: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove-attachment",
                                                        abstract: "Remove an attachment from a case (support engineers only; see `case show --json` for ids).")
        @OptionGroup var actor: ActorOptions
        @Argument(help: caseNumberHelp) var number: String
        @Argument(help: "The attachment's id.") var attachment: Int64
        func run() throws {
            let n = try caseNumber(number)
            try actor.perform(.removeAttachment(id: attachment), on: n)
            say("Removed attachment \(attachment) from case \(n).")
        }
    }
}

struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "feedback", abstract: "Send feedback about careportal, or list it.",
                                                    subcommands: [Send.self, List.self], defaultSubcommand: Send.self)
    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "send", abstract: "Send feedback.")
        @OptionGroup var actor: ActorOptions
        @Option(parsing: .unconditional, help: "What you'd like to tell us.") var message: String
        func run() throws {
            let (portal, user) = try actor.signedIn()
            try attempt { () throws(PortalError) in try portal.sendFeedback(as: user, screen: "command line", message: message) }
            say("Thanks, your feedback was stored.")
        }
    }
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the feedback you sent (a super administrator: your domain's).")
        @OptionGroup var actor: ActorOptions
        @Flag(help: "Print JSON (the fields are listed in the README).") var json = false
        struct Row: Encodable { var at: Date; var user: String?; var screen, message: String }
        func run() throws {
            let (portal, user) = try actor.signedIn()
            let rows = try attempt { () throws(PortalError) in try portal.feedback(as: user) }.map {
                Row(at: $0.at, user: $0.userEmail, screen: $0.screen, message: $0.message)
            }
            if json { try printJSON(rows); return }
            for r in rows { say("\(ISO8601DateFormatter().string(from: r.at))  \((r.user ?? "-").terminalLine)  [\(r.screen.terminalLine)]  \(r.message)") }
        }
    }
}
