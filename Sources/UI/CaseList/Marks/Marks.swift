import Domain

/// Marking rows of a case list (Space, `*`, Esc) and changing every marked case at once (`x`, `p`, `h`): one question
/// naming the count, then each case through the same command and rules as on its own screen, in its own transaction;
/// a summary says what was done and every refusal with its reason, and the refused cases stay marked.
extension AppState {
    mutating func mark(_ what: MarkWhat) -> [Effect] {
        guard case .cases(var list)? = currentScreen else { return [] }
        switch what {
        case .toggle:
            guard let row = list.selected else {
                status = .info("There is no case to mark.")
                return []
            }
            let ref = CaseRef(domainID: row.domainID, number: row.number)
            if let i = list.marks.firstIndex(of: ref) { list.marks.remove(at: i) } else { list.marks.append(ref) }
            // Down to the next row, so Space Space Space marks three in a row.
            list.cursor.move(.down, count: list.rows.count, viewport: viewport(for: .cases(list)))
        case .all:
            for row in list.rows {
                let ref = CaseRef(domainID: row.domainID, number: row.number)
                if !list.marks.contains(ref) { list.marks.append(ref) }
            }
            status = .info("\(list.marks.count) marked: every loaded case. x closes, p changes the severity, h adds a sharing address.")
        }
        tabs[active].current = .cases(list)
        return loadMoreIfNeeded()
    }

    mutating func clearMarks() {
        guard case .cases(var list)? = currentScreen else { return }
        let n = list.marks.count
        list.marks = []
        tabs[active].current = .cases(list)
        status = .info("\(n) mark\(n == 1 ? "" : "s") cleared.")
    }

    /// `x`, `p` or `h`: the question (or the choice) for every marked case.
    mutating func startBulk(_ action: BulkAction) {
        guard let marks = currentCaseList?.marks, !marks.isEmpty else {
            status = .info("Mark cases with \(keys.name(of: .mark(.toggle))) (or \(keys.name(of: .mark(.all))) for every loaded case) first; "
                           + "then \(keys.name(of: .bulk(action))) acts on them.")
            return
        }
        // One change to the marked cases at a time: the next waits for the summary of this one.
        if let running = bulk {
            status = .info("\(running.action.progress) \(running.pending.count) more case\(running.pending.count == 1 ? "" : "s")…")
            return
        }
        let count = marks.count == 1 ? "the marked case" : "the \(marks.count) marked cases"
        switch action {
        case .close:
            open(BulkConfirmation(question: "Close \(count)? Each is checked on its own; what can't be closed is listed.",
                                  command: .close, action: .close))
        case .severity:
            open(BulkSeverityChoice(count: marks.count))
        case .share:
            open(BulkSharingForm(count: marks.count))
        }
    }

    /// Sends `command` for every marked case of the list on screen, each as the session of its domain.
    mutating func runBulk(_ command: CaseCommand, _ action: BulkAction) -> [Effect] {
        guard let marks = currentCaseList?.marks, !marks.isEmpty else { return [] }
        let id = requests.serial()
        var run = BulkRun(id: id, action: action, listTab: tabs[active].id, listScreen: tabs[active].currentID)
        var effects: [Effect] = []
        for target in marks {
            let request = requests.issue(for: .bulk(id))
            run.pending[request] = target
            effects.append(.caseCommand(request: request, session: sessionIndex(domainID: target.domainID) ?? active,
                                        number: target.number, command))
        }
        bulk = run
        status = .info("\(action.progress) \(marks.count) case\(marks.count == 1 ? "" : "s")…")
        return effects
    }

    /// One case's answer; when the last comes, the summary, the refused cases left marked, and the list reloaded.
    mutating func bulkAnswered(_ id: Int, request: Int, reply: Reply) -> [Effect] {
        guard var run = bulk, run.id == id, let target = run.pending.removeValue(forKey: request) else { return [] }
        if case .failed(let message) = reply { run.refused.append(.init(target: target, reason: message)) } else { run.done.append(target) }
        bulk = run
        guard run.pending.isEmpty else { return [] }
        bulk = nil
        if let t = tabs.firstIndex(where: { $0.id == run.listTab }), case .cases(var list)? = tabs[t][run.listScreen] {
            list.marks = run.refused.map(\.target)
            tabs[t][run.listScreen] = .cases(list)
        }
        status = run.summary
        return dataChanged()
    }
}

/// A change to every marked case: the cases still waiting for their answer, and how the others went.
struct BulkRun: Equatable, Sendable {
    var id: Int
    var action: BulkAction
    /// The list whose marks it acts on (its refused cases stay marked there).
    var listTab: TabID
    var listScreen: ScreenID
    var pending: [Int: CaseRef] = [:]
    var done: [CaseRef] = []
    var refused: [Refused] = []

    struct Refused: Equatable, Sendable {
        var target: CaseRef
        var reason: String
    }

    var summary: StatusMessage {
        let total = done.count + refused.count
        let head = "\(action.doneWord) \(done.count) of \(total) case\(total == 1 ? "" : "s")"
        guard !refused.isEmpty else { return .success(head + ".") }
        let reasons = refused.map { "\($0.target.number): \($0.reason)" }.joined(separator: "; ")
        return .error("\(head). Refused (still marked): \(reasons)")
    }
}

extension BulkAction {
    var progress: String {
        switch self {
        case .close: "Closing"
        case .severity: "Changing the severity of"
        case .share: "Adding the address to"
        }
    }

    var doneWord: String {
        switch self {
        case .close: "Closed"
        case .severity: "Changed the severity of"
        case .share: "Shared"
        }
    }
}
