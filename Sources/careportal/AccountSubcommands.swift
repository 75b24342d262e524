import ArgumentParser
import Domain
import Portal

extension Admin {
    /// Support engineers: the provider's accounts, in no reseller domain.
    struct EngineerCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "engineer", abstract: "Support engineers (the provider side).",
                                                        subcommands: [Add.self])
        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add",
                abstract: "Add a support engineer.",
                discussion: """
                The first engineer of a database needs no session (whoever runs the server starts the provider side, \
                as the first reseller domain). Any other is added by a signed-in engineer: give --as EMAIL.
                """)
            @OptionGroup var actor: ActorOptions
            @Argument(help: "The engineer's email.") var email: String
            @Option(help: "The engineer's name, shown on their replies.") var name: String
            @Flag(help: "Read the password from standard input.") var passwordStdin = false
            func run() throws {
                guard passwordStdin else { throw Failure.input("password: give the engineer's password on standard input with --password-stdin") }
                let password = try readStandardInput(field: "password").trimmingCharacters(in: .newlines)
                let portal = try actor.store.open(for: actor.asUser == nil ? .direct("admin engineer add") : .everyday)
                let creator = actor.asUser == nil ? nil : try actor.signedIn(on: portal)
                let u = try attempt { () throws(PortalError) in try portal.createEngineer(as: creator, email: email, name: name, password: password) }
                say("Added support engineer \(u.email).")
            }
        }
    }

    /// Customer users: "If your customer has access to the Customer Care Portal, they can access cases that you file on
    /// their behalf."
    struct CustomerUserCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "customer-user",
                                                        abstract: "Users of a customer, who see the cases you file for it.",
                                                        subcommands: [Add.self])
        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Give a user of one of your customers access to its cases.")
            @OptionGroup var actor: ActorOptions
            @Argument(help: "The customer user's email.") var email: String
            @Option(help: "The customer: its name, primary domain or id.") var customer: String
            @Option(help: "The user's name.") var name: String
            @Flag(help: "Read the password from standard input.") var passwordStdin = false
            func run() throws {
                guard passwordStdin else { throw Failure.input("password: give the user's password on standard input with --password-stdin") }
                let password = try readStandardInput(field: "password").trimmingCharacters(in: .newlines)
                let (portal, admin) = try actor.signedIn()
                let u = try attempt { () throws(PortalError) in
                    try portal.createCustomerUser(as: admin, email: email, name: name, password: password, customer: customer)
                }
                say("Added \(u.email): they see the cases filed for their organisation.")
            }
        }
    }
}
