import Domain
import ScreenKit

/// One key table as the config file names it (`[keys]` for the screens, `[keys.confirm]` for a form's), erased to what
/// remapping, checking and listing need, so every table is treated alike.
struct KeyTable: Sendable {
    /// "" for the screens' table, else the name under `[keys.…]`.
    let name: String
    let about: String
    /// A form where printable keys type text: moving one of its entries to a printable key would make that character
    /// impossible to type.
    let typesText: Bool
    let entries: @Sendable (Keymap) -> [KeyEntry]
    /// Sets an entry's keys; false when the table has no such entry.
    let set: @Sendable (inout Keymap, String, [Key]) -> Bool
    /// The table as the keys are looked up in it (a form's own keys and the editing keys together), each entry with
    /// the table it is defined in.
    let inEffect: @Sendable (Keymap) -> [KeyEntry]

    init<C>(_ name: String, _ about: String, typesText: Bool = false, _ path: WritableKeyPath<Keymap, [KeyBinding<C>]> & Sendable,
            inEffect effective: (@Sendable (Keymap) -> [KeyBinding<C>])? = nil) {
        self.name = name; self.about = about; self.typesText = typesText
        entries = { map in map[keyPath: path].map { KeyEntry($0, table: name) } }
        set = { map, entry, keys in
            guard let i = map[keyPath: path].firstIndex(where: { $0.name == entry }) else { return false }
            map[keyPath: path][i].keys = keys
            return true
        }
        inEffect = { map in
            guard let effective else { return map[keyPath: path].map { KeyEntry($0, table: name) } }
            let own = Set(map[keyPath: path].map(\.name))
            return effective(map).map { KeyEntry($0, table: own.contains($0.name) ? name : "editing") }
        }
    }

    var header: String { name.isEmpty ? "[keys]" : "[keys.\(name)]" }
}

/// An entry of a key table, as listed and checked.
struct KeyEntry: Equatable, Sendable {
    /// The table it is defined in ("editing" for the editing keys of a form).
    var table: String
    var name: String
    var keys: [Key]
    var help: String
    var contexts: Set<KeyContext>

    init<C>(_ binding: KeyBinding<C>, table: String) {
        self.table = table; name = binding.name; keys = binding.keys; help = binding.help; contexts = binding.contexts
    }

    var id: String { Self.id(table, name) }
    static func id(_ table: String, _ entry: String) -> String { "\(table).\(entry)" }
}

/// Two entries of a table on one key, where both apply.
struct KeyConflict {
    let a: KeyEntry
    let b: KeyEntry
    let key: Key
    /// "on an open case", "in the filter bar".
    let place: String
}

extension Keymap {
    /// Every table, in the order `careportal keys` lists them.
    static let tables: [KeyTable] = [
        KeyTable("", "the screens: lists, an open case", \.main),
        KeyTable("editing", "editing a line of text (in every form with one)", typesText: true, \.editing),
        KeyTable("filter", "the filter bar", typesText: true, \.filterBarOwn, inEffect: { $0.filterBar }),
        KeyTable("sign-in", "signing in", typesText: true, \.signInOwn, inEffect: { $0.signIn }),
        KeyTable("case-search", "searching an open case", typesText: true, \.caseSearchOwn, inEffect: { $0.caseSearch }),
        KeyTable("jump", "going to a case by number", typesText: true, \.jumpOwn, inEffect: { $0.jump }),
        KeyTable("save-view", "saving a view", typesText: true, \.saveViewOwn, inEffect: { $0.saveView }),
        KeyTable("bulk-share", "a sharing address for the marked cases", typesText: true, \.bulkShareOwn, inEffect: { $0.bulkShare }),
        KeyTable("feedback", "sending feedback", typesText: true, \.feedbackOwn, inEffect: { $0.feedback }),
        KeyTable("editor", "writing a message", typesText: true, \.messageEditor),
        KeyTable("escalate", "the escalation form", typesText: true, \.escalate),
        KeyTable("sharing", "a case's sharing addresses", typesText: true, \.sharing),
        KeyTable("form-list", "the list of the escalation and sharing forms", \.formList),
        KeyTable("new-case", "the new-case form", typesText: true, \.newCase),
        KeyTable("attach", "attaching files", typesText: true, \.attach),
        KeyTable("drafts", "the drafts list", \.drafts),
        KeyTable("admin", "the admin screen", \.admin),
        KeyTable("admin-form", "a form of the admin screen", typesText: true, \.adminFormOwn, inEffect: { $0.adminForm }),
        KeyTable("choice", "a choice from a list (severity, status)", \.choice),
        KeyTable("confirm", "a yes/no question", \.confirm),
        KeyTable("draft-choice", "a new case while a draft waits", \.draftChoice),
        KeyTable("sessions", "the signed-in domains", \.sessions),
        KeyTable("help", "this help", \.help),
    ]

    /// This keymap with the config file's `[keys]` applied, and what couldn't be: an unknown table or entry, a key name
    /// that isn't one, a printable key in a form that types text, and two entries on one key where both apply (each
    /// conflicting entry keeps its own keys). Nothing is half applied: an entry moves wholly or not at all.
    func remapped(by remaps: [KeyRemap]) -> (Keymap, problems: [String]) {
        var map = self
        var problems: [(line: Int, text: String)] = []
        /// "line 4: keys.help: …", kept with its line for the file's order.
        func problem(_ remap: KeyRemap, _ text: String) {
            problems.append((remap.line ?? 0, (remap.line.map { "line \($0): " } ?? "") + "\(remap.path): " + text))
        }
        var moved: [String: Int] = [:]  // KeyEntry.id → index into remaps
        for (i, remap) in remaps.enumerated() {
            guard let table = Self.tables.first(where: { $0.name == remap.table }) else {
                problem(remap, "there is no key table \"\(remap.table)\" (`careportal keys` lists them)")
                continue
            }
            switch Self.keys(remap.keys, typesText: table.typesText) {
            case .failure(let why):
                problem(remap, why.description)
            case .success(let keys):
                if table.set(&map, remap.entry, keys) {
                    moved[KeyEntry.id(table.name, remap.entry)] = i
                } else {
                    problem(remap, "\(table.header) has no entry \"\(remap.entry)\" (`careportal keys` lists them)")
                }
            }
        }
        // Conflicts: the moved entries involved go back to their own keys, until none is left (each round puts one back
        // at least, so this ends).
        while let conflict = map.firstConflict(among: Set(moved.keys)) {
            for entry in [conflict.a, conflict.b] where moved[entry.id] != nil {
                let remap = remaps[moved[entry.id]!]
                moved[entry.id] = nil
                let home = Self.tables.first { $0.name == entry.table }!
                let standard = Self.standard.entry(entry.name, in: home)?.keys ?? entry.keys
                _ = home.set(&map, entry.name, standard)
                let other = entry == conflict.a ? conflict.b : conflict.a
                problem(remap, "\(conflict.key.name) is also \(other.name)'s key \(conflict.place); "
                        + "\(entry.name) stays on \(standard.map(\.name).joined(separator: " "))")
            }
        }
        return (map, problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element.text))
    }

    /// Two entries on the same key where both apply (a table's own, or a form's own and an editing key), one of them in
    /// `among` ("table.entry"); any two when `among` is nil (the standard keymap must have none).
    func firstConflict(among moved: Set<String>? = nil) -> KeyConflict? {
        for table in Self.tables {
            let entries = table.inEffect(self)
            for (i, a) in entries.enumerated() {
                for b in entries[(i + 1)...] where !a.contexts.isDisjoint(with: b.contexts) {
                    guard let key = a.keys.first(where: b.keys.contains) else { continue }
                    if let moved, !moved.contains(a.id), !moved.contains(b.id) { continue }
                    return KeyConflict(a: a, b: b, key: key, place: Self.place(a.contexts.intersection(b.contexts), table))
                }
            }
        }
        return nil
    }

    private func entry(_ name: String, in table: KeyTable) -> KeyEntry? {
        table.entries(self).first { $0.name == name }
    }

    /// Where two entries meet: "on an open case", "everywhere", "in the filter bar".
    private static func place(_ contexts: Set<KeyContext>, _ table: KeyTable) -> String {
        guard table.name.isEmpty else { return "in \(table.about)" }
        if contexts == KeyContext.all { return "everywhere" }
        let names: [KeyContext: String] = [.caseList: "case lists", .customers: "My Customers", .caseDetail: "an open case"]
        return "on " + KeyContext.allCases.filter(contexts.contains).compactMap { names[$0] }.joined(separator: " and ")
    }

    /// Key names as the config writes them, read.
    static func keys(_ names: [String], typesText: Bool) -> Result<[Key], KeyProblem> {
        if names.isEmpty { return .failure(KeyProblem("give it at least one key")) }
        var keys: [Key] = []
        for name in names {
            guard let key = Key(parsing: name), key != .resize else {
                return .failure(KeyProblem("\"\(name)\" is not a key name (for example \"M\", \"Ctrl-R\", \"F5\", \"Enter\", \"Space\", \"PgDn\")"))
            }
            if typesText, case .char = key {
                return .failure(KeyProblem("\(key.name) would be typed into the text here; a form's keys are Ctrl-, F- or named keys (\"Ctrl-S\", \"F2\", \"Enter\")"))
            }
            if !keys.contains(key) { keys.append(key) }
        }
        return .success(keys)
    }
}

struct KeyProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
