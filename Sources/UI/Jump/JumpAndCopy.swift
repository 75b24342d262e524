import Domain

extension AppState {
    /// `:` found the case as `session` sees it: that tab becomes the active one and the case opens on top of it,
    /// with the detail already in hand (no second load).
    mutating func openFound(_ detail: CaseDetail, session index: Int) -> [Effect] {
        guard tabs.indices.contains(index) else { return [] }
        overlay = nil
        active = index
        var screen = CaseScreen(ref: CaseRef(domainID: tabs[index].session.user.domainID, number: detail.supportCase.number),
                                title: detail.supportCase.title)
        screen.detail = detail
        screen.phase = .ready
        return push(.detail(screen)) + readShownCase()
    }

    /// `y` and `Y`: the cursor row's case (or the open case) to the terminal's clipboard, saying what was copied.
    mutating func copy(_ what: CopyWhat) -> [Effect] {
        guard let summary = caseInView else {
            status = .info("There is no case to copy.")
            return []
        }
        let text = what == .number ? String(summary.number) : summary.line
        status = .success("Copied to the clipboard: \(text)")
        return [.copyToClipboard(text)]
    }

    /// The case the cursor is on in a case list, or the open case.
    private var caseInView: CaseSummary? {
        switch currentScreen {
        case .cases(let list)?:
            return list.selected.map { CaseSummary(number: $0.number, severity: $0.severity, customer: $0.customerName, title: $0.title) }
        case .detail(let view)?:
            guard let detail = view.detail else { return nil }
            return CaseSummary(number: detail.supportCase.number, severity: detail.supportCase.severity, customer: detail.customer.name,
                               title: detail.supportCase.title)
        default:
            return nil
        }
    }
}

/// A case in one line, as `Y` copies it: `Case 12345678 · P2 · Acme Logistics · Mail delayed`.
struct CaseSummary: Equatable {
    var number: Int
    var severity: Severity
    var customer: String
    var title: String

    var line: String { "Case \(number) · \(severity.rawValue) · \(customer) · \(title)" }
}

extension AppState {
    /// `|`: the open case as plain text (its header and body as the screen draws them, 100 columns at most).
    mutating func pageCase() -> [Effect] {
        guard case .detail(let view)? = currentScreen, let detail = view.detail else {
            status = .info("The case is still loading.")
            return []
        }
        let width = min(100, Layout.contentWidth(size.width))
        let body = CaseDetailBody.lines(for: detail, user: actingUser(for: view.ref), width: width, now: now, glyphs: glyphs)
        let text = (["Case \(detail.supportCase.number) · \(detail.supportCase.title)", ""] + body.map(Self.plainLine))
            .joined(separator: "\n") + "\n"
        let request = requests.issue(for: .command(CommandNote(form: nil, what: "show the case in the pager", success: "",
                                                                refreshes: false)))
        return [.showInPager(request: request, text: text)]
    }

    private static func plainLine(_ line: StyledLine) -> String {
        var text = line.map(\.text).joined()
        while text.last == " " { text.removeLast() }
        return text
    }
}
