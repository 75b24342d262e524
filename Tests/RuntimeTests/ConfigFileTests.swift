import Domain
import Foundation
import Testing
@testable import Runtime
import UI

/// The config file: written with the defaults and their comments on first use, read by a TOML parser, a view appended
/// as text (the owner's lines and comments kept), and every problem said with its line (and column, for syntax).
@Suite struct ConfigFileTests {
    static func folder() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-config-\(UUID().uuidString)").path
        return dir + "/careportal/config.toml"
    }

    @Test func aFirstStartWritesTheDefaultsWhichReadBackAsTheDefaults() throws {
        let path = Self.folder()
        let (preferences, problem) = ConfigFile.load(path)
        #expect(problem == nil && preferences == .defaults)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("# Saved views") && text.contains("name = \"Waiting on me\""))
        #expect(try ConfigFile.parse(text).get() == .defaults, "the written file reads as the defaults")
        #expect(ConfigFile.load(path).0 == .defaults)
        #expect(SavedView.defaults.map(\.name) == ["Waiting on me", "P1/P2 open", "Escalated", "Updated today"])
    }

    @Test func theFileSetsViewsTheBellAndTheTargets() throws {
        let text = """
        bell = true
        [[views]]
        name = "Mine, urgent"
        filter = "sev:p1 waiting:you"
        sort = "waiting"
        [[views]]
        name = "Acme"
        filter = "customer:acme"
        [response_targets.premium]
        p1 = "30min"
        p4 = "1w"
        """
        let p = try ConfigFile.parse(text).get()
        #expect(p.bell)
        #expect(p.views == [SavedView(name: "Mine, urgent", filter: "sev:p1 waiting:you", sort: .waiting),
                            SavedView(name: "Acme", filter: "customer:acme", sort: .updated)])
        #expect(p.responseTargets.target(.premium, .p1) == 1_800 && p.responseTargets.target(.premium, .p4) == 604_800)
        #expect(p.responseTargets.target(.premium, .p2) == ResponseTargets.defaults.target(.premium, .p2), "the rest keep their defaults")
        #expect(try ConfigFile.parse("bell = false").get().views.isEmpty, "no [[views]]: no views")
        #expect(try ConfigFile.parse("mouse = false").get().mouse == false)
        #expect(Preferences.defaults.mouse, "the mouse is the app's unless the file says otherwise")
    }

    @Test(arguments: [
        ("bell = tru", "line 1, column"),
        ("bell = 1", "line 1: bell is true or false"),
        ("bell = true\nmouse = \"no\"", "line 2: mouse is true or false"),
        ("[[views]]\nname = \"x\"", "line 1: a view needs name"),
        ("bell = true\n[[views]]\nname = \"x\"\nfilter = \"sev:p9\"", "line 2: the view \"x\": filter: column 5: unknown severity \"p9\""),
        ("[[views]]\nname = \"a\"\nfilter = \"mail\"\n[[views]]\nname = \"A\"\nfilter = \"x\"", "line 4: the view \"A\": name: there is already a view"),
        ("[[views]]\nname = \"a\"\nfilter = \"mail\"\nsort = \"oldest\"", "sort \"oldest\" is none of updated, created, severity, status, waiting"),
        ("[response_targets.gold]\np1 = \"1h\"", "response_targets.gold: expected standard, enhanced or premium"),
        ("[response_targets.premium]\np1 = \"soon\"", "response_targets.premium.p1: expected p1"),
        ("views = 3", "line 1: views are [[views]] tables"),
        ("keys = \"M\"", "line 1: keys is a table"),
        ("bell = true\n[keys]\nmessage = 3", "line 3: keys.message: a key is a string"),
        ("[keys]\njump = [\":\", 5]", "line 2: keys.jump: a key is a string"),
        ("[keys.confirm]\nyes = true", "line 2: keys.confirm.yes: a key is a string"),
        ("[theme]\nwarning = 214", "line 2: theme.warning: a colour is a string"),
        ("theme = \"dark\"", "line 1: theme is a table"),
    ])
    func aProblemSaysWhereAndWhat(_ text: String, _ expected: String) {
        guard case .failure(let problem) = ConfigFile.parse(text) else { Issue.record("\(text) read"); return }
        #expect(problem.description.contains(expected), "\(problem.description)")
        #expect(!problem.description.contains("\n"), "one line")
    }

    @Test func aMalformedFileLeavesTheDefaultsAndIsNotRewritten() throws {
        let path = Self.folder()
        _ = ConfigFile.load(path)
        try "bell = tru\n# mine\n".write(toFile: path, atomically: true, encoding: .utf8)
        let (preferences, problem) = ConfigFile.load(path)
        #expect(preferences == .defaults)
        #expect(problem?.contains("line 1, column") == true && problem?.contains("the default views apply") == true, "\(problem ?? "")")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "bell = tru\n# mine\n")
    }

    @Test func aSavedViewIsAppendedAndTheOwnersLinesStay() throws {
        let path = Self.folder()
        _ = ConfigFile.load(path)
        // The owner's own lines: the bell turned on (a top-level key, so before the first table) and a note at the end.
        let before = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "bell = false\n", with: "bell = true  # mine\n")
            + "\n# my own note at the end\n"
        try before.write(toFile: path, atomically: true, encoding: .utf8)
        let tricky = SavedView(name: "Quotes \" and \\ and 日本", filter: "\"a phrase\" -status:closed", sort: .severity)
        try ConfigFile.append(tricky, to: path)
        let after = try String(contentsOfFile: path, encoding: .utf8)
        #expect(after.hasPrefix(before), "everything before is kept as it was")
        let (preferences, problem) = ConfigFile.load(path)
        #expect(problem == nil && preferences.bell)
        #expect(preferences.views == SavedView.defaults + [tricky])
    }

    @Test func anAppendThatWouldBreakTheFileIsRefusedAndWritesNothing() throws {
        let path = Self.folder()
        _ = ConfigFile.load(path)
        let inline = "views = [{ name = \"a\", filter = \"mail\" }]\n"
        try inline.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ConfigFile.Problem.self) { try ConfigFile.append(SavedView(name: "b", filter: "sev:p1"), to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == inline)
        #expect(!FileManager.default.fileExists(atPath: path + ".saving"))
    }

    @Test func keysAndColoursAreReadWithTheirLines() throws {
        let text = """
        bell = true
        [keys]
        message = "M"
        jump = [":", "F5"]
        confirm.yes = ["y", "Enter"]
        [keys.editor]
        send = "Ctrl-D"
        [theme]
        warning = "208"
        cursor-bg = "#005f87"
        """
        let p = try ConfigFile.parse(text).get()
        #expect(p.keys == [KeyRemap(entry: "message", keys: ["M"], line: 3), KeyRemap(entry: "jump", keys: [":", "F5"], line: 4),
                           KeyRemap(table: "confirm", entry: "yes", keys: ["y", "Enter"], line: 5),
                           KeyRemap(table: "editor", entry: "send", keys: ["Ctrl-D"], line: 7)], "\(p.keys)")
        #expect(p.theme.sorted { $0.name < $1.name } == [ThemeSetting(name: "cursor-bg", value: "#005f87", line: 10),
                                                         ThemeSetting(name: "warning", value: "208", line: 9)])
    }

    /// The examples the first start writes as comments work as written once uncommented, and a view saved after them
    /// still lands in `[[views]]`.
    @Test func theWrittenExamplesOfKeysAndColoursWorkUncommented() throws {
        let uncommented = ConfigFile.defaultText.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            let example = ["# [keys", "# [theme", "# message", "# jump", "# yes", "# warning", "# cursor-bg"].contains { t.hasPrefix($0) }
            return example ? String(t.dropFirst(2)) : String(line)
        }.joined(separator: "\n")
        let p = try ConfigFile.parse(uncommented).get()
        #expect(p.keys.map(\.path) == ["keys.message", "keys.jump", "keys.confirm.yes"])
        #expect(p.theme.count == 2)
        let (map, problems) = KeyTableListing.inEffect(p.keys)
        #expect(problems.isEmpty, "\(problems)")
        #expect(map[0].entries.first { $0.name == "message" }?.keys == ["M"])
        let (_, colourProblems) = ThemeColor.palette(p.theme)
        #expect(colourProblems.isEmpty, "\(colourProblems)")

        let path = Self.folder()
        _ = ConfigFile.load(path)
        try uncommented.write(toFile: path, atomically: true, encoding: .utf8)
        try ConfigFile.append(SavedView(name: "Mine", filter: "sev:p1"), to: path)
        let (after, problem) = ConfigFile.load(path)
        #expect(problem == nil && after.views.last?.name == "Mine" && after.keys == p.keys && after.theme == p.theme)
    }
}
