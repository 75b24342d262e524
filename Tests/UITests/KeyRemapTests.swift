import Domain
import ScreenKit
import Testing
@testable import UI

/// The config file's `[keys]`: any entry of any key table moves to other keys, the help and the status line follow, and
/// what can't be applied (an unknown name, a key that isn't one, a printable key in a form that types, two entries on
/// one key where both apply) is said with its line while that entry keeps its own keys.
@Suite struct KeyRemapTests {
    static func remapped(_ remaps: KeyRemap...) -> (AppState, [String]) {
        var state = Fixture.myCases(size: Fixture.large)
        let problems = state.apply(Preferences(views: [], keys: remaps))
        return (state, problems)
    }

    static func opened(_ state: AppState) -> AppState {
        var state = state
        let load = state.press(.enter)
        state.answer(load, .caseDetail(Fixture.detail()))
        return state
    }

    @Test func careportalsOwnKeysHaveNoConflictAndEveryEntryItsOwnName() {
        #expect(Keymap.standard.firstConflict() == nil)
        let (same, problems) = Keymap.standard.remapped(by: [])
        #expect(same == .standard && problems.isEmpty)
        for table in Keymap.tables {
            let names = table.entries(.standard).map(\.name)
            #expect(Set(names).count == names.count, "\(table.header): \(names)")
            #expect(!names.isEmpty)
        }
        #expect(Set(Keymap.tables.map(\.name)).count == Keymap.tables.count)
    }

    @Test func aMovedKeyActsAndItsOldKeyNoLonger() {
        let (state, problems) = Self.remapped(KeyRemap(entry: "message", keys: ["M"], line: 3))
        #expect(problems.isEmpty, "\(problems)")
        var open = Self.opened(state)
        open.press(.char("M"))
        #expect(open.overlay[MessageForm.self] != nil, "M writes a message")
        var old = Self.opened(state)
        old.press(.char("m"))
        #expect(old.overlay == nil)
        #expect(old.status?.text.contains("m does nothing here") == true, "\(String(describing: old.status))")
    }

    @Test func twoEntriesSwapTheirKeys() {
        let (state, problems) = Self.remapped(KeyRemap(entry: "message", keys: ["p"]), KeyRemap(entry: "severity", keys: ["m"]))
        #expect(problems.isEmpty, "\(problems)")
        var a = Self.opened(state)
        a.press(.char("p"))
        #expect(a.overlay[MessageForm.self] != nil)
        var b = Self.opened(state)
        b.press(.char("m"))
        #expect(b.overlay[SeverityChoice.self] != nil)
    }

    @Test func aConflictIsSaidWithItsLineAndTheEntryKeepsItsKeys() {
        let (state, problems) = Self.remapped(KeyRemap(entry: "help", keys: ["h"], line: 7))
        #expect(problems == ["line 7: keys.help: h is also sharing's key on an open case; help stays on ?"], "\(problems)")
        #expect(state.keys == .standard)
        var open = Self.opened(state)
        open.press(.char("h"))
        #expect(open.overlay[SharingForm.self] != nil, "h is still the sharing form's")
    }

    @Test func aKeyMayBeSharedWhereTheTwoNeverMeet() {
        // `/` filters a list and searches a case: moving the case search onto a list-only key is fine.
        let (state, problems) = Self.remapped(KeyRemap(entry: "search", keys: ["s"]))
        #expect(problems.isEmpty, "s saves a view on lists only: \(problems)")
        var open = Self.opened(state)
        open.press(.char("s"))
        #expect(open.overlay[CaseSearchForm.self] != nil)
    }

    @Test(arguments: [
        (KeyRemap(entry: "mesage", keys: ["M"], line: 2), "line 2: keys.mesage: [keys] has no entry \"mesage\""),
        (KeyRemap(table: "confirms", entry: "yes", keys: ["Enter"], line: 3), "line 3: keys.confirms.yes: there is no key table \"confirms\""),
        (KeyRemap(entry: "message", keys: ["Ctl-x"], line: 4), "line 4: keys.message: \"Ctl-x\" is not a key name"),
        (KeyRemap(entry: "message", keys: [], line: 5), "line 5: keys.message: give it at least one key"),
        (KeyRemap(table: "editor", entry: "send", keys: ["s"], line: 6), "line 6: keys.editor.send: s would be typed into the text here"),
        (KeyRemap(table: "editing", entry: "clear", keys: ["Enter"], line: 8), "line 8: keys.editing.clear: Enter is also apply's key in the filter bar; clear stays on Ctrl-U"),
        (KeyRemap(table: "filter", entry: "apply", keys: ["Ctrl-W"], line: 9), "line 9: keys.filter.apply: Ctrl-W is also delete-word's key in the filter bar; apply stays on Enter"),
        (KeyRemap(entry: "jump", keys: ["g", ":"], line: 10), "line 10: keys.jump: g is also top's key everywhere; jump stays on :"),
    ])
    func whatCantBeAppliedIsSaidAndChangesNothing(_ remap: KeyRemap, _ problem: String) {
        let (map, problems) = Keymap.standard.remapped(by: [remap])
        #expect(problems.count == 1 && problems[0].hasPrefix(problem), "\(problems)")
        #expect(map == .standard)
    }

    @Test func problemsComeInTheOrderOfTheFileAndTheRestApplies() {
        let (map, problems) = Keymap.standard.remapped(by: [
            KeyRemap(entry: "help", keys: ["h"], line: 9),
            KeyRemap(entry: "mesage", keys: ["M"], line: 4),
            KeyRemap(entry: "refresh", keys: ["F5", "r"], line: 6),
        ])
        #expect(problems.map { $0.prefix(7) } == ["line 4:", "line 9:"], "\(problems)")
        #expect(map.main.first { $0.name == "refresh" }?.keys == [.function(5), .char("r")])
    }

    @Test func aFormsKeysMoveToo() {
        var (state, problems) = Self.remapped(KeyRemap(table: "confirm", entry: "yes", keys: ["y", "Enter"]),
                                              KeyRemap(table: "editor", entry: "send", keys: ["Ctrl-D"]))
        #expect(problems.isEmpty, "\(problems)")
        state.press(.char(" "), .char("j"), .char(" "), .char("x"))
        #expect(state.screenLines().joined().contains("Close the 2 marked cases?"))
        let effects = state.press(.enter)
        #expect(effects.contains { if case .caseCommand = $0 { true } else { false } }, "Enter says yes now: \(effects)")

        var open = Self.opened(state)
        open.press(.char("m"))
        open.type("Here are the headers.")
        let sent = open.press(.ctrl("d"))
        #expect(sent.contains { if case .caseCommand = $0 { true } else { false } }, "Ctrl-D sends: \(sent)")
        let hints = Self.opened(state).pressed(.char("m")).screenLines().joined()
        #expect(hints.contains("Ctrl-D send") && !hints.contains("Ctrl-S send"), "the editor's hints follow")
    }

    @Test func theHelpAndTheStatusLineFollowTheKeys() {
        let (state, _) = Self.remapped(KeyRemap(entry: "filter", keys: ["f"]), KeyRemap(entry: "help", keys: ["F1"]),
                                       KeyRemap(entry: "mark", keys: ["v"]), KeyRemap(entry: "bulk-close", keys: ["X"]))
        let status = state.screenLines().last ?? ""
        #expect(status.contains("f filter") && status.contains("F1 help") && !status.contains("/ filter"), "\(status)")
        var help = state
        help.press(.function(1))
        let lines = help.screenLines().joined(separator: "\n")
        #expect(lines.contains("Keys · My Cases"), "F1 opens the help")
        #expect(lines.contains("f             filter as you type"), "\(lines)")
        var marked = state
        marked.press(.char("v"))
        #expect((marked.screenLines().last ?? "").contains("X p h u act on 1 marked · Esc clears"), "\(marked.screenLines().last ?? "")")
        var nothing = state
        nothing.press(.char("X"))
        #expect(nothing.status?.text.contains("Mark cases with v (or * for every loaded case) first; then X acts on them.") == true)
    }
}

extension AppState {
    func pressed(_ keys: Key...) -> AppState {
        var state = self
        for key in keys { _ = reduce(&state, .key(key)) }
        return state
    }
}
