import ArgumentParser
import Domain
import Foundation
import Runtime
import UI

/// `careportal keys`: every key of the app as the config file leaves it, by the names `[keys]` uses.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys",
        abstract: "The app's keys, with the names the config file's [keys] uses to move them.",
        discussion: "In $XDG_CONFIG_HOME/careportal/config.toml, `[keys]` moves a screen key (`message = \"M\"`, or a list: "
            + "`jump = [\":\", \"g\"]`) and `[keys.TABLE]` a form's (`[keys.confirm]` `yes = [\"y\", \"Enter\"]`). A line that can't "
            + "be used (an unknown name, a key that isn't one, two entries on one key) is said here and when the app starts, "
            + "and that entry keeps its own keys. Exit 2 when there is such a line.")
    /// Taken like on every command (`careportal --db X keys`); the keys are the same for every place.
    @OptionGroup(visibility: .hidden) var actor: ActorOptions
    @Flag(help: "Print JSON: [{\"table\", \"about\", \"entries\": [{\"name\", \"keys\", \"help\"}]}].") var json = false

    func run() throws {
        let (tables, problems) = KeyTableListing.inEffect(loadPreferences().keys)
        if json { try printJSON(tables) } else {
            for table in tables {
                say("\(table.header)  # \(table.about)")
                let width = table.entries.map(\.name.count).max() ?? 0
                for entry in table.entries {
                    let keys = entry.keys.map { "\"\($0)\"" }.joined(separator: ", ")
                    say("\(entry.name.padding(toLength: width, withPad: " ", startingAt: 0)) = [\(keys)]  # \(entry.help)")
                }
                say("")
            }
        }
        try reportSettingsProblems(problems)
    }
}

/// `careportal theme`: the app's colours by the names `[theme]` uses, and what each is now.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "The app's colours, with the names the config file's [theme] uses to set them.",
        discussion: "In $XDG_CONFIG_HOME/careportal/config.toml, `[theme]` sets a colour by name: `warning = \"214\"` (a colour of "
            + "the 256-colour palette), `\"bright-blue\"`, `\"#5fafd7\"` (the nearest of the palette) or `\"default\"` (the terminal's "
            + "own). On a terminal of eight colours careportal's colours are its eight-colour choices; yours become the nearest "
            + "of the eight. Exit 2 when a line can't be used.")
    /// Taken like on every command; the colours are the same for every place.
    @OptionGroup(visibility: .hidden) var actor: ActorOptions
    @Flag(help: "Print JSON: [{\"name\", \"about\", \"color\", \"eightColors\"}].") var json = false

    struct Row: Encodable {
        var name, about, color, eightColors: String
    }

    func run() throws {
        let (palette, problems) = ThemeColor.palette(loadPreferences().theme)
        let rows = ThemeColor.allCases.map { c in
            let entry = palette.entries[Int(c.rawValue)]
            return Row(name: c.name, about: c.about, color: entry.color.configName, eightColors: entry.onEightColors.configName)
        }
        if json { try printJSON(rows) } else {
            say("[theme]")
            let width = rows.map(\.name.count).max() ?? 0
            for r in rows {
                let value = "\"\(r.color)\"".padding(toLength: 10, withPad: " ", startingAt: 0)
                say("\(r.name.padding(toLength: width, withPad: " ", startingAt: 0)) = \(value)  # \(r.about); 8 colours: \(r.eightColors)")
            }
        }
        try reportSettingsProblems(problems)
    }
}

/// The lines of the config file that couldn't be used, on standard error; bad input (exit 2) when there are any.
private func reportSettingsProblems(_ problems: [String]) throws(Failure) {
    guard let last = problems.last else { return }
    for p in problems.dropLast() { FileHandle.standardError.write(Data("careportal: \(ConfigFile.path): \(p.terminalLine)\n".utf8)) }
    throw Failure.input("\(ConfigFile.path): \(last)")
}
