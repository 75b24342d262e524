import Domain
import ScreenKit

/// The attach form of an open case (`a`).
extension AppState {
    mutating func attachKey(_ key: Key, form: AttachForm) -> [Effect] {
        var form = form
        defer { if case .attach = overlay { overlay = .attach(form) } }
        if form.sending != nil {
            status = .info("The files are being attached…")
            return []
        }
        switch Keymap.binding(for: key, in: Keymap.attach)?.command {
        case .close?:
            if form.picker.listCursor != nil { form.picker.listCursor = nil; return [] }
            overlay = .none
            status = .info("Nothing was attached.")
            return []
        case .attach?:
            if !form.picker.path.text.trimmingCharacters(in: .whitespaces).isEmpty {
                form.picker.error = "file: press Enter to add the typed file to the list first"
                return []
            }
            guard !form.picker.files.isEmpty else {
                form.picker.error = "file: type the path of a file (Tab completes it) and press Enter to add it"
                return []
            }
            let number = form.target.number, paths = form.picker.files.map(\.path)
            let count = paths.count == 1 ? "1 file" : "\(paths.count) files"
            let effects = issue(form.target, what: "attach \(count) to case \(number)",
                                success: "Attached \(count) to case \(number).", isMessage: false) { request, session in
                .attachFiles(request: request, session: session, number: number, paths: paths)
            }
            form.sending = pendingCommands.last?.request
            status = .info("Attaching \(count) to case \(number)…")
            return effects
        case nil:
            switch form.picker.handle(key, requests: &requests) {
            case .handled(let effects): return effects
            case .notMine:
                status = .info("\(key.name): type a path (Tab completes), Enter adds it, Ctrl-S attaches, Esc cancels.")
                return []
            }
        }
    }

    /// Path completion and file inspection for the attach form.
    mutating func attachPickerAnswer(_ action: Action) -> Bool {
        guard case .attach(var form) = overlay, form.picker.receive(action) else { return false }
        overlay = .attach(form)
        return true
    }
}
