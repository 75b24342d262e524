import ArgumentParser
import Domain
import Foundation
import Portal
import Runtime

struct CaseSubcommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "Show, file and update one case.",
        subcommands: [Show.self, Create.self, Message.self, SeverityChange.self, Close.self, Reopen.self,
                      Escalate.self, Attach.self, Share.self, MarkRead.self, MarkUnread.self])

    struct MarkRead: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "read", abstract: "Mark cases read for you (as `case show` does), without showing them.")
        @OptionGroup var actor: ActorOptions
        @Argument(help: caseNumbersHelp) var numbers: [String]
        func run() throws { try actor.setReadEach(true, numbers) }
    }

    struct MarkUnread: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unread", abstract: "Mark cases unread for you, as if someone else had just changed them.")
        @OptionGroup var actor: ActorOptions
        @Argument(help: caseNumbersHelp) var numbers: [String]
        func run() throws { try actor.setReadEach(false, numbers) }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "A case with its description, attachments, sharing and history.")
        @OptionGroup var actor: ActorOptions
        @Argument(help: caseNumberHelp) var number: String
        @Flag(help: "Print JSON (the fields are listed in the README).") var json = false

        func run() throws {
            let n = try caseNumber(number)
            let (portal, user) = try actor.signedIn()
            let d = try attempt { () throws(PortalError) in try portal.caseDetail(as: Actor(user), number: n) }
            // Shown is read (as of the update time shown: a change since stays unread).
            if d.unread {
                try attempt { () throws(PortalError) in try portal.setRead(true, number: n, as: Actor(user), seen: d.supportCase.updatedAt) }
            }
            if json { try printJSON(CaseDetailJSON(d, now: portal.now)); return }
            let c = d.supportCase
            // One-line fields are escaped as lines; the description and history text keep their lines (`say`).
            say("Case \(c.number): \(c.title.terminalLine)")
            say("Customer: \(d.customer.name.terminalLine) (\(d.customer.primaryDomain.terminalLine), \(d.customer.tier.label))   Domain: \(d.domainName.terminalLine)")
            say("Status: \(c.status.label)   Severity: \(c.severity.label)\(c.escalated ? "   ESCALATED" : "")")
            say("Category: \(c.category.terminalLine)   Language: \(c.language.terminalLine)   Time zone: \(c.timeZone.terminalLine)")
            if !d.sharing.isEmpty { say("Shared with: \(d.sharing.map(\.terminalLine).joined(separator: ", "))") }
            for a in d.attachments { say("Attachment: \(a.name.terminalLine) (\(ByteCount.format(a.size)), sha256 \(a.sha256.prefix(12))…)") }
            say("\n\(c.description)\n\nHistory:")
            let f = ISO8601DateFormatter()
            for e in d.history {
                // Every line of the text indented under its heading, so a multi-line message reads as one event.
                let text = e.text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
                say("  \(f.string(from: e.at))  \(e.author.terminalLine)  [\(e.kind.rawValue)]\n\(text)")
            }
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "File a case on a customer's behalf.")
        @OptionGroup var actor: ActorOptions
        @Option(help: "The customer (name or primary domain).") var customer: String
        // Free text takes the next word whatever it starts with ("-40 °C in the server room").
        @Option(parsing: .unconditional, help: "A title of 1–200 characters.") var title: String
        @Option(help: "A category path, or words matching one (see `careportal categories`).") var category: String
        @Option(parsing: .unconditional, help: "The description (or '-' to read standard input).") var description: String
        @Option(help: "P1, P2, P3 or P4.") var severity: Severity
        @Option(help: "Language code (default: yours).") var language: String?
        @Option(help: "IANA time zone (default: yours).") var timeZone: String?
        @Option(help: "A file to attach (repeatable).") var attach: [String] = []
        @Option(help: "An address to share the case with (repeatable, at most 10).") var share: [String] = []
        @Flag(help: "Print JSON (the fields are listed in the README).") var json = false

        func run() throws {
            let files = try attach.map(readAttachment)
            let text = description == "-" ? try readStandardInput(field: "description") : description
            let (portal, user) = try actor.signedIn()
            let form = NewCase(customer: customer, title: title, category: category, description: text, severity: severity,
                               language: language, timeZone: timeZone, attachments: files, sharing: share)
            let c = try attempt { () throws(PortalError) in try portal.fileCase(as: user, form) }
            if json {
                let d = try attempt { () throws(PortalError) in try portal.caseDetail(as: Actor(user), number: c.number) }
                try printJSON(CaseDetailJSON(d, now: portal.now))
            } else {
                say("Filed case \(c.number): \(c.title.terminalLine)")
            }
        }
    }

    struct Message: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "message", abstract: "Send a message to support (case history).")
        @OptionGroup var actor: ActorOptions
        @Argument(help: caseNumberHelp) var number: String
        @Option(parsing: .unconditional, help: "The message (default: read standard input).") var message: String?

        func run() throws {
            let n = try caseNumber(number)
            try actor.perform(.message(message ?? readStandardInput(field: "message")), on: n)
            say("Message sent on case \(n).")
        }
    }

    struct SeverityChange: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "severity", abstract: "Change the severity of one case or several.",
            discussion: "Each case is changed on its own, through the same rules; refusals are listed and the exit status is 1.")
        @OptionGroup var actor: ActorOptions
        // Case numbers then the severity: one list, since a positional can't follow a repeated one.
        @Argument(help: ArgumentHelp("Case numbers (8 digits each), then P1, P2, P3 or P4.", valueName: "case… severity"))
        var arguments: [String]

        func run() throws {
            guard arguments.count >= 2 else {
                throw Failure.input("severity: give the case numbers, then P1, P2, P3 or P4 (like: case severity 10234567 P2)")
            }
            guard let severity = Severity(token: arguments.last!) else {
                throw Failure.input("severity: \"\(arguments.last!)\" is not a severity; use P1, P2, P3, P4")
            }
            let numbers = try caseNumbers(Array(arguments.dropLast()))
            try actor.performEach(.severity(severity), on: numbers, verb: "changed") { n, _, _ in "Case \(n) is now \(severity.label)." }
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close",
            abstract: "Close cases whose issue no longer occurs.",
            discussion: "Each case is closed on its own, through the same rules; refusals are listed and the exit status is 1.")
        @OptionGroup var actor: ActorOptions
        @Argument(help: caseNumbersHelp) var numbers: [String]
        func run() throws {
            try actor.performEach(.close, on: try caseNumbers(numbers), verb: "closed") { n, _, _ in
                "Closed case \(n). It can be reopened within \(Limits.reopenWindowDays) days."
            }
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reopen",
            abstract: "Reopen a case closed within the last \(Limits.reopenWindowDays) days.")
        @OptionGroup var actor: ActorOptions
        @Argument(help: caseNumberHelp) var number: String
        func run() throws {
            let n = try caseNumber(number)
            try actor.perform(.reopen, on: n)
            say("Reopened case \(n).")
        }
    }

    struct Escalate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "escalate", abstract: "Escalate a Premium support customer's case.")
        @OptionGroup var actor: ActorOptions
        @Argument(help: caseNumberHelp) var number: String
        @Option(help: "resolution-time, technical-expertise or business-impact.") var reason: EscalationReason
        @Option(parsing: .unconditional, help: "Why the case needs escalating.") var justification: String
        func run() throws {
            let n = try caseNumber(number)
            try actor.perform(.escalate(reason: reason, justification: justification), on: n)
            say("Escalated case \(n).")
        }
    }

    struct Attach: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "attach", abstract: "Attach files to a case (25 MiB each at most).")
        @OptionGroup var actor: ActorOptions
        @Argument(help: caseNumberHelp) var number: String
        @Argument(help: "Files to attach.") var files: [String]
        func run() throws {
            let n = try caseNumber(number)
            let data = try files.map(readAttachment)
            try actor.perform(.attach(data), on: n)
            say("Attached \(data.map(\.name).joined(separator: ", ")) to case \(n).")
        }
    }

    struct Share: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "share", abstract: "Add or remove case sharing addresses (at most 10).")
        @OptionGroup var actor: ActorOptions
        @Argument(help: caseNumbersHelp) var numbers: [String]
        @Option(help: "An address to add (repeatable).") var add: [String] = []
        @Option(help: "An address to remove (repeatable).") var remove: [String] = []
        func run() throws {
            try actor.performEach(.share(add: add, remove: remove), on: try caseNumbers(numbers), verb: "changed") { (n, portal, user) throws(Failure) in
                let list = try attempt { () throws(PortalError) in try portal.caseDetail(as: Actor(user), number: n).sharing }
                return list.isEmpty ? "Case \(n) is shared with nobody." : "Case \(n) is shared with \(list.map(\.terminalLine).joined(separator: ", "))."
            }
        }
    }
}

extension ActorOptions {
    /// One case command on several cases, each through the same rules and in its own transaction, as the app's
    /// marked rows are: a line for each case changed (standard output), one for each refusal (standard error), and
    /// when any was refused a count of them and exit status 1 (3 when the storage failed for any).
    func performEach(_ command: CaseCommand, on numbers: [Int], verb: String,
                     said: (Int, any Portal, User) throws(Failure) -> String) throws(Failure) {
        try each(numbers, verb: verb, act: { portal, user, n throws(PortalError) in try portal.perform(command, on: n, as: Actor(user)) },
                 said: said)
    }

    /// `case read` and `case unread`: each case marked for the signed-in user, reported as `performEach` describes.
    func setReadEach(_ read: Bool, _ numbers: [String]) throws(Failure) {
        let word = read ? "read" : "unread"
        try each(try caseNumbers(numbers), verb: "marked \(word)",
                 act: { portal, user, n throws(PortalError) in try portal.setRead(read, number: n, as: Actor(user), seen: nil) },
                 said: { n, _, _ in "Case \(n) is \(word)." })
    }

    /// `act` on each case in turn, reported as `performEach` describes.
    func each(_ numbers: [Int], verb: String, act: (any Portal, User, Int) throws(PortalError) -> Void,
              said: (Int, any Portal, User) throws(Failure) -> String) throws(Failure) {
        let (portal, user) = try signedIn()
        var refused: [Failure] = []
        for n in numbers {
            do throws(Failure) {
                try attempt { () throws(PortalError) in try act(portal, user, n) }
                say(try said(n, portal, user))
            } catch {
                // One case: its refusal as it is, with its own exit status (a bad address is bad input, 2).
                if numbers.count == 1 { throw error }
                refused.append(error)
                FileHandle.standardError.write(Data("careportal: case \(n): \(error.message.terminalLine)\n".utf8))
            }
        }
        guard !refused.isEmpty else { return }
        let done = numbers.count - refused.count
        throw Failure(message: "\(refused.count) of \(numbers.count) cases refused; \(done) \(verb)",
                      code: refused.contains { $0.code == Failure.storage } ? Failure.storage : Failure.refused)
    }

    /// Runs one case command as the signed-in user: the same value and the same checks as the app's.
    @discardableResult
    func perform(_ command: CaseCommand, on number: Int) throws(Failure) -> (any Portal, User) {
        let (portal, user) = try signedIn()
        try attempt { () throws(PortalError) in try portal.perform(command, on: number, as: Actor(user)) }
        return (portal, user)
    }
}

/// Reads a file to attach, refusing missing, unreadable and oversized files before anything is written.
func readAttachment(_ path: String) throws(Failure) -> NewAttachment {
    try attempt { () throws(PortalError) in try LocalFile.read(path, field: "attach") }
}
