import Domain
import Foundation
import ScreenKit

/// Choosing files to attach: a path field with Tab completion, and the files added so far.
/// Used by the create-case wizard and by the attach form of an open case.
struct AttachmentPicker: Equatable, Sendable {
    var files: [ChosenFile] = []
    var path = TextField()
    /// The highlighted file when the list has the keys (↑ from the field); nil when the path field has them.
    var listCursor: Int?
    /// Names that fit the path after the last Tab, when more than one does.
    var candidates: [String] = []
    /// The completion or inspection waiting for its answer.
    var pending: Int?
    var error: String?

    var totalSize: Int { files.reduce(0) { $0 + $1.size } }

    enum Outcome: Equatable {
        /// The key was used; maybe with an effect to run.
        case handled([Effect])
        /// The key isn't the picker's (Tab on an empty field, Enter on an empty field, …).
        case notMine
    }

    /// Keys of the picker. Tab completes a typed path; Enter adds it; ↑ ↓ move into and out of the
    /// list of added files, where x or Delete removes one.
    mutating func handle(_ key: Key, _ env: inout Env) -> Outcome {
        if let index = listCursor {
            switch key {
            case .up, .char("k"): listCursor = max(0, index - 1)
            case .down, .char("j"): listCursor = index + 1 < files.count ? index + 1 : nil
            case .delete, .char("x"), .char("d"), .backspace:
                files.remove(at: index)
                listCursor = files.isEmpty ? nil : min(index, files.count - 1)
                error = nil
            case .enter, .escape: listCursor = nil
            default: return .notMine
            }
            return .handled([])
        }
        let typed = path.text.trimmingCharacters(in: .whitespaces)
        switch key {
        case .tab where !typed.isEmpty:
            let text = path.text
            let effect = env.issue { .completePath(request: $0, text: text) }
            pending = effect.request
            return .handled([effect])
        case .enter where !typed.isEmpty:
            let effect = env.issue { .inspectFile(request: $0, path: typed) }
            pending = effect.request
            candidates = []
            return .handled([effect])
        case .up:
            guard !files.isEmpty else { return .handled([]) }
            listCursor = files.count - 1
            return .handled([])
        default:
            guard key != .tab, key != .enter, key != .backTab, key != .escape, key != .ctrl("s") else { return .notMine }
            if path.handle(key, env.keys) == .changed { error = nil; candidates = [] }
            return .handled([])
        }
    }

    /// Takes the answer to its completion or inspection; false when `request` isn't the one it waits for.
    mutating func receive(_ reply: Reply, request: Int) -> Bool {
        guard request == pending else { return false }
        pending = nil
        switch reply {
        case .pathCompleted(let text, let candidates): completed(text: text, candidates: candidates)
        case .fileInspected(let path, let result): inspected(path: path, result: result)
        case .failed(let message): error = "file: \(message)"
        default: break
        }
        return true
    }

    /// Fills in the completion if the field still holds what was completed.
    private mutating func completed(text: String, candidates: [String]) {
        let before = path.text
        path = TextField(text)
        self.candidates = candidates
        error = text == before && candidates.isEmpty ? "file: nothing here starts with \"\(before)\"" : nil
    }

    /// Adds an inspected file, or says why it can't be.
    private mutating func inspected(path inspectedPath: String, result: FileInspection) {
        switch result {
        case .unreadable(let why):
            error = "file: \(why)"
        case .file(let name, let size):
            switch Validate.attachment(name: name, size: size) {
            case .failure(let refusal): error = refusal.description
            case .success:
                if files.contains(where: { $0.path == inspectedPath }) {
                    error = "file: \(name) is already in the list"
                } else {
                    files.append(ChosenFile(path: inspectedPath, name: name, size: size))
                    path = TextField()
                    error = nil
                }
            }
        }
    }

    /// The files as the portal takes them: read from this machine when the command is sent.
    var attachments: [NewAttachment] { files.map { NewAttachment(name: $0.name, localFile: $0.path) } }
}

/// The files to attach and the path field, with the names that fit after Tab.
enum AttachmentPickerView {
    static func render(_ picker: AttachmentPicker, focused: Bool, in area: Rect, into buffer: inout ScreenBuffer) {
        let limit = ByteCount.format(Limits.attachmentMaxBytes)
        buffer.put([Span(picker.files.isEmpty ? "No files yet" : "\(picker.files.count) file\(picker.files.count == 1 ? "" : "s"), "
                         + ByteCount.format(picker.totalSize), Theme.bold), Span("  at most \(limit) each", Theme.dim)],
                   x: area.x, y: area.y, clip: area)
        let listHeight = max(1, min(picker.files.count, area.height - 7))
        // Scrolled so the highlighted (or the last added) file is in view.
        let first = max(0, (picker.listCursor ?? picker.files.count - 1) - listHeight + 1)
        for (i, file) in picker.files.enumerated().dropFirst(first).prefix(listHeight) {
            let row = Rect(x: area.x, y: area.y + 1 + i - first, width: area.width, height: 1)
            let line: StyledLine = [Span("  " + buffer.glyphs.pad(file.name, toWidth: 36)), Span(ByteCount.format(file.size).padded(toWidth: 10), Theme.dim),
                                    Span(file.path, Theme.dim)]
            buffer.putRow(line, in: row, selected: picker.listCursor == i)
        }
        let y = area.y + 2 + (picker.files.isEmpty ? 0 : listHeight)
        buffer.put([Span("File path", picker.listCursor == nil ? Theme.bold : Theme.dim),
                    Span(picker.listCursor == nil ? "  Tab completes, Enter adds" : "  x removes the highlighted file, ↓ back to the path", Theme.dim)],
                   x: area.x, y: y, clip: area)
        FieldView.render(picker.path, masked: false, focused: focused && picker.listCursor == nil && picker.pending == nil, into: &buffer,
                         area: Rect(x: area.x, y: y + 1, width: area.width, height: 1))
        if let error = picker.error {
            buffer.putFitted(error, x: area.x, y: y + 2, style: Theme.error, clip: area)
        } else if !picker.candidates.isEmpty {
            buffer.putFitted(picker.candidates.joined(separator: "  "), x: area.x, y: y + 2, style: Theme.dim, clip: area)
        }
    }
}
