import Domain
import Foundation
import ScreenKit

/// A file chosen to attach: where it is, and the name and size it had when it was added.
struct ChosenFile: Equatable, Sendable, Codable {
    var path: String
    var name: String
    var size: Int
}

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
    mutating func handle(_ key: Key, requests: inout RequestIDs) -> Outcome {
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
            let id = requests.next()
            pending = id
            return .handled([.completePath(request: id, text: path.text)])
        case .enter where !typed.isEmpty:
            let id = requests.next()
            pending = id
            candidates = []
            return .handled([.inspectFile(request: id, path: typed)])
        case .up:
            guard !files.isEmpty else { return .handled([]) }
            listCursor = files.count - 1
            return .handled([])
        default:
            guard key != .tab, key != .enter, key != .backTab, key != .escape, key != .ctrl("s") else { return .notMine }
            if path.handle(key) == .changed { error = nil; candidates = [] }
            return .handled([])
        }
    }

    /// Takes the answer to its completion or inspection; false when the action isn't one it waits for.
    mutating func receive(_ action: Action) -> Bool {
        switch action {
        case .pathCompleted(let request, let text, let candidates): completed(request, text: text, candidates: candidates)
        case .fileInspected(let request, let path, let result): inspected(request, path: path, result: result)
        default: false
        }
    }

    /// Fills in the completion if the field still holds what was completed.
    mutating func completed(_ request: Int, text: String, candidates: [String]) -> Bool {
        guard pending == request else { return false }
        pending = nil
        let before = path.text
        path = TextField(text)
        self.candidates = candidates
        error = text == before && candidates.isEmpty ? "file: nothing here starts with \"\(before)\"" : nil
        return true
    }

    /// Adds an inspected file, or says why it can't be.
    mutating func inspected(_ request: Int, path inspectedPath: String, result: FileInspection) -> Bool {
        guard pending == request else { return false }
        pending = nil
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
        return true
    }
}
