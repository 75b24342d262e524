import Testing
@testable import ScreenKit

@Suite struct KeyTests {
    @Test(arguments: [
        (Key.ctrl("u"), "Ctrl-U"),
        (.pageDown, "PgDn"),
        (.pageUp, "PgUp"),
        (.enter, "Enter"),
        (.escape, "Esc"),
        (.char("?"), "?"),
        (.char("G"), "G"),
        (.char(" "), "Space"),
        (.function(1), "F1"),
        (.backTab, "Shift-Tab"),
        (.down, "↓"),
        (.up, "↑"),
        (.backspace, "Backspace"),
        (.delete, "Del"),
    ])
    func names(key: Key, name: String) {
        #expect(key.name == name)
        #expect(key.description == name)
    }

    @Test(arguments: [
        ("ctrl-u", Key.ctrl("u")), ("Ctrl-U", .ctrl("u")), ("C-u", .ctrl("u")), ("^U", .ctrl("u")),
        ("pgdn", .pageDown), ("Page Down", .pageDown), ("PgUp", .pageUp),
        ("esc", .escape), ("Enter", .enter), ("return", .enter),
        ("q", .char("q")), ("G", .char("G")), ("?", .char("?")), ("space", .char(" ")),
        ("f12", .function(12)), ("F1", .function(1)), ("shift-tab", .backTab),
        ("up", .up), ("↓", .down), ("del", .delete),
    ])
    func parsing(text: String, key: Key) {
        #expect(Key(parsing: text) == key)
    }

    @Test func rejectsUnknownNames() {
        #expect(Key(parsing: "ctrl-") == nil)
        #expect(Key(parsing: "ctrl-1") == nil)
        #expect(Key(parsing: "f0") == nil)
        #expect(Key(parsing: "f64") == nil)
        #expect(Key(parsing: "hyper") == nil)
        #expect(Key(parsing: "") == nil)
    }

    @Test func namesRoundTrip() {
        let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape,
                           .backspace, .delete, .tab, .backTab, .ctrl("a"), .function(7), .char("x"), .char(" ")]
        for key in keys { #expect(Key(parsing: key.name) == key, "\(key.name)") }
    }
}
