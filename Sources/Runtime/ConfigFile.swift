import Domain
import Foundation
import Glibc
import TOMLKit

/// `$XDG_CONFIG_HOME/careportal/config.toml`: the saved views, the bell, the mouse, the response targets, keys and colours. Read with a real TOML
/// parser (TOMLKit); written once with careportal's defaults and comments when there is none; a view saved from the app
/// is appended as text, so the file keeps every comment and line its owner wrote. A file that doesn't read is reported
/// with its line and column, and the defaults apply.
public enum ConfigFile {
    public static var path: String { Paths.configHome + "/careportal/config.toml" }
    /// The path as the status line says it: under the home folder as `~/…`, to leave room for what is wrong.
    public static var shortPath: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        return !home.isEmpty && path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }

    /// The preferences in the file at `path` (written with the defaults first when there is none and `writingDefaults`:
    /// the app's first start; a command only reads), and what was wrong
    /// with it, if anything: then the defaults apply, and the file is left as it is.
    public static func load(_ path: String = ConfigFile.path, writingDefaults: Bool = true) -> (Preferences, problem: String?) {
        guard let data = FileManager.default.contents(atPath: path) else {
            if writingDefaults, !FileManager.default.fileExists(atPath: path) { try? writeDefaults(to: path) }
            return (.defaults, FileManager.default.fileExists(atPath: path) && !FileManager.default.isReadableFile(atPath: path)
                    ? "\(path) can't be read; the default views apply" : nil)
        }
        switch parse(String(decoding: data, as: UTF8.self)) {
        case .success(let preferences): return (preferences, nil)
        case .failure(let problem): return (.defaults, "\(path): \(problem.description); the default views apply")
        }
    }

    /// What's wrong with a config file: where, and what.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var line: Int?
        public var column: Int?
        public var message: String
        public var description: String {
            switch (line, column) {
            case (let l?, let c?): "line \(l), column \(c): \(message)"
            case (let l?, nil): "line \(l): \(message)"
            default: message
            }
        }
    }

    /// The file's text read into preferences; what isn't set keeps its default (no `[[views]]` at all: no views).
    public static func parse(_ text: String) -> Result<Preferences, Problem> {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            // toml++'s sentence may quote the rest of the line, its newline included: one line here.
            let message = error.description.split(whereSeparator: \.isNewline).joined(separator: " ")
            return .failure(Problem(line: error.source.begin.line, column: error.source.begin.column, message: message))
        } catch {
            return .failure(Problem(message: "\(error)"))
        }
        var preferences = Preferences(views: [])
        if let bell = table["bell"] {
            guard let value = bell.bool else { return .failure(Problem(line: line(of: "bell", in: text), message: "bell is true or false")) }
            preferences.bell = value
        }
        if let mouse = table["mouse"] {
            guard let value = mouse.bool else { return .failure(Problem(line: line(of: "mouse", in: text), message: "mouse is true or false")) }
            preferences.mouse = value
        }
        if let views = table["views"] {
            guard let array = views.array else {
                return .failure(Problem(line: line(of: "views", in: text), message: "views are [[views]] tables, each with a name and a filter"))
            }
            for (i, item) in array.enumerated() {
                let at = line(ofTable: "[[views]]", index: i, in: text)
                guard let view = item.table else { return .failure(Problem(line: at, message: "a view is a table with a name and a filter")) }
                guard let name = view["name"]?.string, let filter = view["filter"]?.string else {
                    return .failure(Problem(line: at, message: "a view needs name = \"…\" and filter = \"…\""))
                }
                let sortText = view["sort"]?.string ?? CaseSort.updated.rawValue
                guard let sort = CaseSort(rawValue: sortText) else {
                    let sorts = CaseSort.allCases.map(\.rawValue).joined(separator: ", ")
                    return .failure(Problem(line: at, message: "the view \"\(name)\": sort \"\(sortText)\" is none of \(sorts)"))
                }
                switch SavedView.checked(name: name, filter: filter, sort: sort, among: preferences.views) {
                case .success(let v): preferences.views.append(v)
                case .failure(let refusal): return .failure(Problem(line: at, message: "the view \"\(name)\": \(refusal.description)"))
                }
            }
        }
        if let targets = table["response_targets"] {
            guard let tiers = targets.table else {
                return .failure(Problem(line: line(of: "response_targets", in: text), message: "response_targets is a table of tiers"))
            }
            for tierName in tiers.keys {
                let at = line(of: "[response_targets.\(tierName)]", in: text) ?? line(of: "response_targets", in: text)
                guard let tier = SupportTier(rawValue: tierName), let levels = tiers[tierName]?.table else {
                    return .failure(Problem(line: at, message: "response_targets.\(tierName): expected standard, enhanced or premium, each a table"))
                }
                for level in levels.keys {
                    guard let severity = Severity(token: level), let text = levels[level]?.string, let seconds = duration(text) else {
                        return .failure(Problem(line: at, message: "response_targets.\(tierName).\(level): expected p1 … p4 = \"15min\", \"2h\", \"1d\" or \"1w\""))
                    }
                    preferences.responseTargets.seconds[tier, default: [:]][severity] = seconds
                }
            }
        }
        if let keys = table["keys"] {
            guard let entries = keys.table else { return .failure(Problem(line: line(of: "keys", in: text), message: "keys is a table: [keys]")) }
            switch remaps(entries, in: text) {
            case .success(let remaps): preferences.keys = remaps
            case .failure(let problem): return .failure(problem)
            }
        }
        if let theme = table["theme"] {
            guard let colours = theme.table else { return .failure(Problem(line: line(of: "theme", in: text), message: "theme is a table: [theme]")) }
            for name in colours.keys {
                let at = line(of: name, after: "[theme]", in: text)
                guard let value = colours[name]?.string else {
                    return .failure(Problem(line: at, message: "theme.\(name): a colour is a string (\"red\", \"bright-blue\", \"214\", \"#5fafd7\", \"default\")"))
                }
                preferences.theme.append(ThemeSetting(name: name, value: value, line: at))
            }
        }
        return .success(preferences)
    }

    /// `[keys]`: `entry = "M"` or `["M", "F2"]` for the screens' keys, `table.entry = …` (or `[keys.table]`) for a form's.
    /// Only the shape is read here; the app checks names, keys and conflicts against its keymap.
    static func remaps(_ keys: TOMLTable, in text: String) -> Result<[KeyRemap], Problem> {
        var remaps: [KeyRemap] = []
        func read(_ value: TOMLValueConvertible, table: String, entry: String) throws(Problem) -> KeyRemap {
            let at = table.isEmpty ? line(of: entry, after: "[keys]", in: text)
                : line(of: "\(table).\(entry)", after: "[keys]", in: text) ?? line(of: entry, after: "[keys.\(table)]", in: text)
            if let one = value.string { return KeyRemap(table: table, entry: entry, keys: [one], line: at) }
            if let array = value.array {
                let names = array.compactMap(\.string)
                if names.count == array.count { return KeyRemap(table: table, entry: entry, keys: names, line: at) }
            }
            let path = KeyRemap(table: table, entry: entry, keys: []).path
            throw Problem(line: at, message: "\(path): a key is a string (\"M\", \"Ctrl-R\") or a list of them")
        }
        do throws(Problem) {
            for name in keys.keys {
                guard let value = keys[name] else { continue }
                if let form = value.table {
                    for entry in form.keys { if let inner = form[entry] { remaps.append(try read(inner, table: name, entry: entry)) } }
                } else {
                    remaps.append(try read(value, table: "", entry: name))
                }
            }
        } catch {
            return .failure(error)
        }
        return .success(remaps.sorted { ($0.line ?? 0, $0.path) < ($1.line ?? 0, $1.path) })
    }

    /// Appends a view as a `[[views]]` table: the file's own text stays as it is. Refused (nothing written) when the file
    /// wouldn't read afterwards (its views written another way, say) or can't be written.
    public static func append(_ view: SavedView, to path: String = ConfigFile.path) throws(Problem) {
        if !FileManager.default.fileExists(atPath: path) {
            do { try writeDefaults(to: path) } catch { throw Problem(message: "\(path) can't be written: \(error.localizedDescription)") }
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw Problem(message: "\(path) can't be read") }
        var text = String(decoding: data, as: UTF8.self)
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        let updated = text + "\n" + block(view)
        if case .failure(let problem) = parse(updated) {
            throw Problem(message: "\(path) wouldn't read with the view added (\(problem.description)); add it by hand")
        }
        // Written beside it and renamed over it: a crash leaves the old file or the new one, never half of one.
        let temporary = path + ".saving"
        let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) ?? 0o644
        guard FileManager.default.createFile(atPath: temporary, contents: Data(updated.utf8), attributes: [.posixPermissions: mode]) else {
            throw Problem(message: "\(path) can't be written (its folder refused a new file)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw Problem(message: "\(path) can't be written: \(reason)")
        }
    }

    /// A view as TOML.
    static func block(_ view: SavedView) -> String {
        "[[views]]\nname = \(quoted(view.name))\nfilter = \(quoted(view.filter))\nsort = \(quoted(view.sort.rawValue))\n"
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// "15min", "2h", "1d", "1w": seconds.
    static func duration(_ text: String) -> Int? {
        let units: [(String, Int)] = [("min", 60), ("h", 3_600), ("d", 86_400), ("w", 604_800)]
        for (unit, seconds) in units where text.hasSuffix(unit) {
            guard let n = Int(text.dropLast(unit.count)), n > 0, n <= 10_000 else { return nil }
            return n * seconds
        }
        return nil
    }

    /// The file a first start writes: the default views, the bell off, the targets as comments.
    public static var defaultText: String {
        var text = """
        # careportal's settings. Comments and your own lines are kept: the app only appends the views you save with `s`.

        # Ring the terminal's bell when someone else changes a case while the app is open.
        bell = false

        # Clicks and the wheel: a click puts the cursor on a row (a second click, or a double-click, opens it), the wheel
        # scrolls, a click on a tab or a view switches to it. false leaves the mouse to the terminal's text selection.
        mouse = true

        # Saved views: the sections above the case lists (Tab and Shift-Tab move between them; `s` saves the filter on
        # screen as a new one). `filter` is the filter language (see `careportal help filter`); `sort` is updated, created,
        # severity, status or waiting.

        """
        for view in SavedView.defaults { text += "\n" + block(view) }
        text += """

        # How long support has to answer a case waiting on it, per tier and severity ("15min", "2h", "1d", "1w").
        # These are the defaults; uncomment a line to change it.

        """
        for tier in [SupportTier.premium, .enhanced, .standard] {
            text += "# [response_targets.\(tier.rawValue)]\n"
            for s in Severity.allCases {
                text += "# \(s.rawValue.lowercased()) = \(quoted(label(ResponseTargets.defaults.target(tier, s))))\n"
            }
        }
        text += """

        # Keys: any key of the app moves to other keys (`careportal keys` lists every entry by name). A screen's key, or a
        # list of keys; a form's keys under its table. An entry that would share a key with another where both apply
        # keeps its own, and the app says so when it starts.
        # [keys]
        # message = "M"
        # jump = [":", "F5"]
        # [keys.confirm]
        # yes = ["y", "Enter"]

        # Colours, by what they show (`careportal theme` lists them): "red", "bright-blue", "214" (of the 256-colour
        # palette), "#5fafd7" (its nearest) or "default" (the terminal's own). careportal's own also read on terminals
        # of eight colours.
        # [theme]
        # warning = "208"
        # cursor-bg = "#005f87"

        """
        return text
    }

    static func label(_ seconds: Int) -> String {
        for (unit, size) in [("w", 604_800), ("d", 86_400), ("h", 3_600)] where seconds % size == 0 { return "\(seconds / size)\(unit)" }
        return "\(seconds / 60)min"
    }

    static func writeDefaults(to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard FileManager.default.createFile(atPath: path, contents: Data(defaultText.utf8), attributes: [.posixPermissions: 0o644]) else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// The 1-based line where `key` is first set (or a table header is), for a problem's place.
    static func line(of key: String, in text: String) -> Int? {
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix(key + " ") || t.hasPrefix(key + "=") || t == key { return i + 1 }
        }
        return nil
    }

    /// The line where `key` is set after the line `header` (`[theme]`), or anywhere when not found there.
    static func line(of key: String, after header: String, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(header) }) else {
            return line(of: key, in: text)
        }
        let rest = lines[(start + 1)...].joined(separator: "\n")
        return line(of: key, in: rest).map { $0 + start + 1 } ?? line(of: key, in: text)
    }

    /// The line of the `index`-th `header` (`[[views]]`).
    static func line(ofTable header: String, index: Int, in text: String) -> Int? {
        var seen = 0
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.trimmingCharacters(in: .whitespaces).hasPrefix(header) {
            if seen == index { return i + 1 }
            seen += 1
        }
        return nil
    }
}
