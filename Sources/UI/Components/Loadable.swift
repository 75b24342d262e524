/// Where a screen or form is with its data: never asked, waiting for a request, shown, or failed.
/// The data stays on screen while it reloads.
enum Loadable: Equatable, Sendable {
    case unloaded
    case loading(request: Int)
    case ready
    case failed(String)

    var request: Int? {
        if case .loading(let r) = self { return r }
        return nil
    }
    var isLoading: Bool { request != nil }
}
