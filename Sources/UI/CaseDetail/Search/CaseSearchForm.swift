import Domain
import ScreenKit

/// `/` in an open case: the text to look for in its description and history (as the screen lays them out).
struct CaseSearchForm: OverlayForm, Equatable {
    var field = TextField()

    init(text: String) { field = TextField(text) }

    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        switch Keymap.binding(for: key, in: env.keys.caseSearch)?.command {
        case .submit?:
            env.close()
            env.then.append(.searchCase(field.text))
        case .cancel?:
            env.close()
        default:
            _ = field.handle(key, env.keys)
        }
        return []
    }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let rect = Rect(x: 0, y: buffer.bounds.maxY - 2, width: buffer.bounds.width, height: 1)
        buffer.fill(rect, style: .plain)
        let label = [Span(" Search this case: ", Theme.key)]
        buffer.put(label, x: rect.x, y: rect.y, clip: rect)
        let x = rect.x + label.displayWidth
        FieldView.render(field, masked: false, focused: true, into: &buffer, area: Rect(x: x, y: rect.y, width: max(1, rect.width - x - 1), height: 1))
        let hints = Rect(x: 0, y: buffer.bounds.maxY - 1, width: buffer.bounds.width, height: 1)
        buffer.fill(hints, style: .plain)
        buffer.put(StatusLineView.join(Keymap.hints(context.keys.caseSearch), width: hints.width - 1), x: 1, y: hints.y, clip: hints)
    }
}

extension AppState {
    var currentCaseScreen: CaseScreen? {
        if case .detail(let view)? = currentScreen { return view }
        return nil
    }

    /// The open case's body lines as plain text, as the screen lays them out now.
    func caseBodyText(_ view: CaseScreen) -> [String] {
        guard let detail = view.detail else { return [] }
        return CaseDetailBody.lines(for: detail, user: actingUser(for: view.ref), width: Layout.contentWidth(size.width), now: now,
                                    glyphs: glyphs).map { $0.map(\.text).joined() }
    }

    /// Searches the open case for `text` and scrolls to the first match from the top of the screen down (wrapping).
    /// An empty text clears the search.
    mutating func searchCase(_ text: String) {
        guard case .detail(var view)? = currentScreen else { return }
        let query = text.trimmingCharacters(in: .whitespaces)
        view.search = query.isEmpty ? nil : query
        tabs[active].current = .detail(view)
        guard !query.isEmpty else { status = .info("Search cleared."); return }
        showMatch(from: view.scroll, forward: true, including: true)
    }

    /// n, N and Esc while a case is searched.
    mutating func caseSearchKey(_ key: Key) -> [Effect] {
        guard case .detail(var view)? = currentScreen else { return [] }
        switch key {
        case .escape:
            view.search = nil
            tabs[active].current = .detail(view)
            status = .info("Search cleared.")
        default:
            showMatch(from: view.scroll, forward: key == .char("n"), including: false)
        }
        return []
    }

    /// Puts the next (or previous) line holding the search at the top of the body, and says which match it is.
    private mutating func showMatch(from line: Int, forward: Bool, including: Bool) {
        guard case .detail(var view)? = currentScreen, let query = view.search else { return }
        let text = caseBodyText(view)
        let matches = CaseSearch.lines(in: text, matching: query)
        guard !matches.isEmpty else {
            status = .info("No match for \"\(query)\" in this case.")
            return
        }
        let next: Int = if forward {
            matches.first { including ? $0 >= line : $0 > line } ?? matches[0]
        } else {
            matches.last { $0 < line } ?? matches[matches.count - 1]
        }
        let viewport = viewport(for: .detail(view))
        view.scroll = max(0, min(next, max(0, text.count - viewport)))
        tabs[active].current = .detail(view)
        let index = matches.firstIndex(of: next)! + 1
        status = .info("Match \(index) of \(matches.count) for \"\(query)\" · n next, N previous, Esc clears")
    }
}

/// Finding and marking a search's text in a case's lines (case-insensitive).
enum CaseSearch {
    static func lines(in text: [String], matching query: String) -> [Int] {
        text.indices.filter { text[$0].range(of: query, options: .caseInsensitive) != nil }
    }

    /// `line` with every occurrence of `query` inside a span drawn in the match style.
    static func highlight(_ line: StyledLine, _ query: String) -> StyledLine {
        guard !query.isEmpty else { return line }
        var out: StyledLine = []
        for span in line {
            var rest = span.text[...]
            while let found = rest.range(of: query, options: .caseInsensitive) {
                if found.lowerBound > rest.startIndex { out.append(Span(String(rest[..<found.lowerBound]), span.style)) }
                out.append(Span(String(rest[found]), Theme.match))
                rest = rest[found.upperBound...]
            }
            if !rest.isEmpty { out.append(Span(String(rest), span.style)) }
        }
        return out
    }
}
