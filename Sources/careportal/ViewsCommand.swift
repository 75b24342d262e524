import ArgumentParser
import Domain
import Foundation
import Portal
import Runtime

/// `careportal views`: the config file's saved views, each with its count for the signed-in user's first list.
struct Views: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "views",
        abstract: "The saved views of the config file, each with its count.",
        discussion: "The views are `[[views]]` tables (name, filter, sort) in $XDG_CONFIG_HOME/careportal/config.toml, written with "
            + "four default views on first use; the app saves new ones with `s`. `cases --view NAME` lists one.")
    @OptionGroup var actor: ActorOptions
    @Flag(help: "Print JSON: [{\"name\", \"filter\", \"sort\", \"count\", \"countCapped\"}].") var json = false

    struct Row: Encodable {
        var name, filter, sort: String
        var count: Int
        var countCapped: Bool
    }

    static let cap = 10_000

    func run() throws {
        let views = loadPreferences().views
        let (portal, user) = try actor.signedIn()
        var rows: [Row] = []
        for view in views {
            let query = try parseFilter(view.filter)
            let n = try attempt { () throws(PortalError) in
                try portal.countCases(as: user, scope: Rules.homeScope(for: user), query: query, cap: Self.cap)
            }
            rows.append(Row(name: view.name, filter: view.filter, sort: view.sort.rawValue, count: min(n, Self.cap), countCapped: n > Self.cap))
        }
        if json { try printJSON(rows); return }
        let width = max(4, rows.map(\.name.count).max() ?? 0)
        say("NAME".padding(toLength: width, withPad: " ", startingAt: 0) + "  COUNT    SORT      FILTER")
        for r in rows {
            let count = (r.count.formatted() + (r.countCapped ? "+" : "")).padding(toLength: 7, withPad: " ", startingAt: 0)
            say("\(r.name.terminalLine.padding(toLength: width, withPad: " ", startingAt: 0))  \(count)  \(r.sort.padding(toLength: 8, withPad: " ", startingAt: 0))  \(r.filter.terminalLine)")
        }
    }
}

/// The config file's preferences, read once a run (opening the database and `--view` both ask); a file that doesn't
/// read is said once on standard error and the defaults apply.
func loadPreferences() -> Preferences { commandPreferences }

private let commandPreferences: Preferences = {
    let (preferences, problem) = ConfigFile.load(writingDefaults: false)  // the app writes the file on its first start
    if let problem { FileHandle.standardError.write(Data("careportal: config: \(problem)\n".utf8)) }
    return preferences
}()

/// A saved view by name (any case), or bad input naming the views there are.
func savedView(named name: String) throws(Failure) -> SavedView {
    let views = loadPreferences().views
    guard let view = views.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else {
        let names = views.map { "\"\($0.name)\"" }.joined(separator: ", ")
        throw Failure.input("view: no view named \"\(name)\"; the views are \(names.isEmpty ? "none" : names) (careportal views)")
    }
    return view
}
