import Domain
import ScreenKit

/// The keys in effect, table by table, for `careportal keys`: what a `[keys]` line can name.
public struct KeyTableListing: Encodable, Equatable, Sendable {
    /// "" for the screens' keys (`[keys]`), else the form's table (`[keys.confirm]`).
    public var table: String
    public var about: String
    public var entries: [Entry]

    public struct Entry: Encodable, Equatable, Sendable {
        public var name: String
        public var keys: [String]
        public var help: String
    }

    /// The header a config file writes it under.
    public var header: String { table.isEmpty ? "[keys]" : "[keys.\(table)]" }

    /// Every table with the config file's `[keys]` applied, and what of it couldn't be (as the app says at start).
    public static func inEffect(_ remaps: [KeyRemap]) -> (tables: [KeyTableListing], problems: [String]) {
        let (map, problems) = Keymap.standard.remapped(by: remaps)
        let tables = Keymap.tables.map { table in
            KeyTableListing(table: table.name, about: table.about,
                            entries: table.entries(map).map { Entry(name: $0.name, keys: $0.keys.map(\.name), help: $0.help) })
        }
        return (tables, problems)
    }
}
