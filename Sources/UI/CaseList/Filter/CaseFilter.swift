import Domain
import Foundation

/// A case list's filter: the applied query, and the filter bar while it is open.
struct CaseFilter: Equatable, Sendable {
    /// The text of the applied query, as typed.
    var text = ""
    var query = CaseQuery.all
    var editor: Editor = .closed
    /// Why the text last parsed didn't; the last good query stays applied.
    var error: FilterError?

    enum Editor: Equatable, Sendable {
        case closed
        case editing(FilterEditing)
    }

    /// Typing applies the filter once no key has come for this long.
    static let debounce: TimeInterval = 0.15

    /// The bar is shown while editing and while a filter is applied.
    var isVisible: Bool {
        if case .editing = editor { return true }
        return !text.isEmpty
    }

    /// When the typed text is due to be applied (the debounce), if it is waiting.
    var wakeAt: Date? {
        guard case .waiting(let since)? = editing?.debounce else { return nil }
        return since.addingTimeInterval(Self.debounce)
    }

    var editing: FilterEditing? {
        if case .editing(let e) = editor { return e }
        return nil
    }
}

/// The open filter bar.
struct FilterEditing: Equatable, Sendable {
    var field: TextField
    /// What Esc restores.
    var originalText: String
    var originalQuery: CaseQuery
    var debounce: Debounce = .idle

    enum Debounce: Equatable, Sendable {
        case idle
        /// Text changed at this time and hasn't been parsed since.
        case waiting(since: Date)
    }
}
