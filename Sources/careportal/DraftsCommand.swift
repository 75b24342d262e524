import ArgumentParser
import Domain
import Foundation
import Portal
import Runtime

/// `careportal drafts`: what the signed-in user was typing into forms and hasn't sent.
struct Drafts: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drafts", abstract: "List your unsent drafts (saved as you type in the app).")
    @OptionGroup var actor: ActorOptions
    @Flag(help: "Print JSON (the fields are listed in the README).") var json = false

    struct Row: Encodable {
        var form, content: String
        var updatedAt: Date
        /// A new case's fields, read from `content`.
        var newCase: NewCaseDraft?
    }

    func run() throws {
        let (portal, user) = try actor.signedIn()
        let drafts = try attempt { () throws(PortalError) in try portal.drafts(as: user) }
        if json {
            try printJSON(drafts.map { d in
                Row(form: d.form.stored, content: d.content, updatedAt: d.updatedAt,
                    newCase: d.form.isNewCase ? NewCaseDraft(content: d.content) : nil)
            })
            return
        }
        if drafts.isEmpty { say("No drafts."); return }
        for d in drafts {
            let at = ISO8601DateFormatter().string(from: d.updatedAt)
            if d.form.isNewCase, let draft = NewCaseDraft(content: d.content) {
                say("\(Self.heading(draft).terminalLine)  (\(at))")
                for line in Self.fields(draft) { say("  " + line) }
            } else {
                say("\(d.form.stored.terminalLine)  (\(at))\n  \(d.content.replacingOccurrences(of: "\n", with: "\n  "))")
            }
        }
    }

    /// "new case for Acme Corp (acme.example)".
    static func heading(_ d: NewCaseDraft) -> String {
        guard let name = d.customerName else { return "new case (no customer chosen yet)" }
        return "new case for \(name)" + (d.customerDomain.map { " (\($0))" } ?? "")
    }

    /// The wizard's fields as the review page names them; the description last, indented under its label.
    static func fields(_ d: NewCaseDraft) -> [String] {
        func shown(_ s: String?) -> String { s.map { $0.isEmpty ? "—" : $0.terminalLine } ?? "—" }
        var lines = [
            "Title:       \(shown(d.title))",
            "Category:    \(shown(d.category))",
            "Severity:    \(shown(d.severity))",
            "Language:    \(shown(d.language))",
            "Time zone:   \(shown(d.timeZone))",
        ]
        if !d.attachments.isEmpty {
            lines.append("Attachments: " + d.attachments.map { "\($0.name.terminalLine) (\(ByteCountFormatter.string(fromByteCount: Int64($0.size), countStyle: .file)))" }
                .joined(separator: ", "))
        }
        lines.append("Description:" + (d.description.isEmpty ? " —" : ""))
        lines += d.description.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        return lines
    }
}
