import ArgumentParser
import Foundation
import Portal
import Runtime

/// `careportal drafts`: what the signed-in user was typing into forms and hasn't sent.
struct Drafts: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List your unsent drafts (saved as you type in the app).")
    @OptionGroup var actor: ActorOptions
    @Flag(help: "Print JSON (the fields are listed in the README).") var json = false

    struct Row: Encodable { var form, content: String; var updatedAt: Date }

    func run() throws {
        let (portal, user) = try actor.signedIn()
        let rows = try attempt { () throws(PortalError) in try portal.drafts(as: user) }
            .map { Row(form: $0.form.stored, content: $0.content, updatedAt: $0.updatedAt) }
        if json { try printJSON(rows); return }
        if rows.isEmpty { say("No drafts."); return }
        for r in rows { say("\(r.form.terminalLine)  (\(ISO8601DateFormatter().string(from: r.updatedAt)))\n  \(r.content.replacingOccurrences(of: "\n", with: "\n  "))") }
    }
}
