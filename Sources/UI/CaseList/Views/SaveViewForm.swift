import Domain
import ScreenKit

/// `s`: a name for the filter and order on screen; Enter saves it to the config file (the Domain's checks first),
/// Esc leaves everything as it was. A refusal (a name taken, a file that can't be written) stays in the box.
struct SaveViewForm: OverlayForm, Equatable {
    var filter: String
    var sort: CaseSort
    var field = TextField()
    var error: String?
    /// The view being written to the config file, and the request that writes it.
    var saving: Saving?

    struct Saving: Equatable {
        var request: Int
        var view: SavedView
    }
    var views: [SavedView] = []

    init(filter: String, sort: CaseSort, views: [SavedView] = []) {
        self.filter = filter; self.sort = sort; self.views = views
    }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        switch Keymap.binding(for: key, in: env.keys.saveView)?.command {
        case .submit?:
            guard saving == nil else { return [] }
            switch SavedView.checked(name: field.text, filter: filter, sort: sort, among: views) {
            case .failure(let refusal):
                error = refusal.description
            case .success(let view):
                error = nil
                let effect = env.issue { .saveView(request: $0, view) }
                saving = Saving(request: effect.request!, view: view)
                return [effect]
            }
        case .cancel?:
            if let saving { env.requests.forget(saving.request) }
            env.close()
        default:
            if saving == nil, field.handle(key, env.keys) == .changed { error = nil }
        }
        return []
    }

    mutating func receive(_ reply: Reply, request: Int, _ env: inout Env) -> [Effect] {
        guard let view = saving?.view, request == saving?.request else { return [] }
        saving = nil
        switch reply {
        case .done:
            env.close()
            env.then.append(.viewSaved(view))
        case .failed(let message):
            error = message
        default:
            break
        }
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let rect = buffer.bounds.centered(width: 64, height: 8)
        buffer.drawBox(rect, title: "Save as a view")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        buffer.putFitted("\(filter) · \(sort.label)", x: inner.x, y: inner.y, style: Theme.dim, clip: inner)
        let note: [Span] = if let error { [Span(error, Theme.error)] }
            else if saving != nil { [Span("Saving…", Theme.dim)] }
            else { [Span("Its name, shown above the lists (Tab moves between views)", Theme.dim)] }
        buffer.put(note, x: inner.x, y: inner.y + 1, clip: inner)
        FieldView.render(field, masked: false, focused: true, into: &buffer, area: Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: 1))
        buffer.put(StatusLineView.join(Keymap.hints(context.keys.saveView), width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
