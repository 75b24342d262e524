import Foundation

/// A named filter and order, kept in the config file (`[[views]]`): the list screens show each as a section with its
/// count, and `careportal cases --view NAME` lists it.
public struct SavedView: Equatable, Sendable {
    public let name: String
    /// The filter as the filter language reads it.
    public let filter: String
    public let sort: CaseSort
    /// The filter parsed, once (the lists compare it with theirs on every frame); nil when it doesn't parse.
    public let query: CaseQuery?

    public init(name: String, filter: String, sort: CaseSort = .updated) {
        self.name = name; self.filter = filter; self.sort = sort
        query = try? CaseQuery(parsing: filter)
    }

    /// The longest name: a section is a glance, not a sentence.
    public static let maxNameLength = 40

    /// A name and a filter to save, checked: the name given, short, printable and not another view's; the filter parses
    /// and filters something.
    public static func checked(name raw: String, filter: String, sort: CaseSort, among views: [SavedView]) -> Result<SavedView, Refusal> {
        let name = raw.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { return .failure(.invalid("name", "give the view a name")) }
        if name.count > maxNameLength { return .failure(.invalid("name", "at most \(maxNameLength) characters")) }
        if name.unicodeScalars.contains(where: TerminalText.isControl) {
            return .failure(.invalid("name", "a name can't hold control characters"))
        }
        if views.contains(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) {
            return .failure(.invalid("name", "there is already a view named \"\(name)\""))
        }
        do throws(FilterError) {
            if try CaseQuery(parsing: filter).isEmpty { return .failure(.invalid("filter", "filter the list first: a view is a filter")) }
        } catch {
            return .failure(.invalid("filter", error.description))
        }
        return .success(SavedView(name: name, filter: filter, sort: sort))
    }

    /// Written to a new config file: what a triage starts from.
    public static let defaults = [
        SavedView(name: "Waiting on me", filter: "waiting:you", sort: .waiting),
        SavedView(name: "P1/P2 open", filter: "severity:p1,p2 is:open", sort: .severity),
        SavedView(name: "Escalated", filter: "is:escalated is:open"),
        SavedView(name: "Updated today", filter: "updated:<1d"),
    ]
}

/// What the config file sets: the saved views, the bell on arrivals, the response targets.
public struct Preferences: Equatable, Sendable {
    public var views: [SavedView]
    /// Ring the terminal's bell when someone else's change arrives.
    public var bell: Bool
    /// Clicks and the wheel go to the app (false: to the terminal, for its text selection).
    public var mouse: Bool
    public var responseTargets: ResponseTargets
    /// `[keys]`: entries of the key tables moved to other keys, as written (the app checks them against its keymap).
    public var keys: [KeyRemap]
    /// `[theme]`: colours by the name of what they show, as written.
    public var theme: [ThemeSetting]

    public init(views: [SavedView] = SavedView.defaults, bell: Bool = false, mouse: Bool = true, responseTargets: ResponseTargets = .defaults,
                keys: [KeyRemap] = [], theme: [ThemeSetting] = []) {
        self.views = views; self.bell = bell; self.mouse = mouse; self.responseTargets = responseTargets
        self.keys = keys; self.theme = theme
    }

    public static let defaults = Preferences()
}

/// A line of the config file's `[keys]`: `message = "M"` (a screen key) or `confirm.yes = ["y", "Enter"]` (a form's).
public struct KeyRemap: Equatable, Sendable {
    /// The form's table (`confirm`, `editor` …); "" for the screens' keys.
    public var table: String
    public var entry: String
    public var keys: [String]
    /// Where it is written, for a problem's place.
    public var line: Int?

    public init(table: String = "", entry: String, keys: [String], line: Int? = nil) {
        self.table = table; self.entry = entry; self.keys = keys; self.line = line
    }

    /// `keys.confirm.yes`, as the file spells it.
    public var path: String { table.isEmpty ? "keys.\(entry)" : "keys.\(table).\(entry)" }
}

/// A line of the config file's `[theme]`: `warning = "214"`.
public struct ThemeSetting: Equatable, Sendable {
    public var name: String
    public var value: String
    public var line: Int?

    public init(name: String, value: String, line: Int? = nil) { self.name = name; self.value = value; self.line = line }
}
