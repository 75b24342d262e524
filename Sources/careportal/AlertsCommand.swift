import ArgumentParser
import Domain
import Foundation
import Portal
import Runtime

struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alerts", abstract: "Email alerts about case updates.",
                                                    subcommands: [Deliver.self])
    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deliver",
            abstract: "Deliver pending alerts to a Maildir or through a sendmail-compatible command (retried on the next run if it fails).")
        @OptionGroup var store: StoreOptions
        @Option(help: "A Maildir to deliver into (created if missing).") var maildir: String?
        @Option(help: "A command that reads a message on standard input, given the recipient as its argument.") var sendmail: String?

        func run() throws {
            let destination: AlertDestination
            switch (maildir, sendmail) {
            case (let dir?, nil): destination = .maildir(dir)
            case (nil, let cmd?): destination = .sendmail(cmd)
            default: throw Failure.input("destination: give exactly one of --maildir DIR and --sendmail CMD")
            }
            let portal = try store.open()
            let report = try attempt { () throws(PortalError) in try portal.deliverAlerts(to: destination) }
            say("Delivered \(report.delivered) alert\(report.delivered == 1 ? "" : "s").")
            if !report.failed.isEmpty {
                throw Failure(message: "\(report.failed.count) alert(s) failed and stay queued; first: \(report.failed[0])", code: Failure.storage)
            }
        }
    }
}
