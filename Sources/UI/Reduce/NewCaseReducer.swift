import Domain
import Foundation
import ScreenKit

/// The create-case wizard (`n`): opening it (with the draft), its keys, and the answers it waits for.
extension AppState {
    // MARK: Opening

    /// `n`: the wizard of the active domain, as it was left (Esc) or from its saved draft; a customer
    /// selected in My Customers, or whose cases are listed, is filled in.
    mutating func openNewCase(prefill: NewCaseForm? = nil) -> [Effect] {
        let session = tabs[active].session
        let domainID = session.user.domainID
        var form = prefill ?? parkedNewCases.removeValue(forKey: domainID) ?? NewCaseForm(domainID: domainID, user: session.user)
        var effects: [Effect] = []
        if prefill == nil, form.isEmpty {
            switch currentScreen {
            case .customers(let list)?:
                if let row = list.selected {
                    if let refusal = NewCaseForm.refusal(filingFor: row, by: session.user) {
                        status = .error("n (new case) for \(row.customer.name): \(refusal)")
                        return []
                    }
                    form.customer = row.customer
                    form.field = .title
                }
            case .cases(let list)?:
                if case .customer(let customer) = list.kind { form.customer = customer; form.field = .title }
            default: break
            }
            // A saved draft wins over the customer filled in from the screen.
            let id = requests.next()
            form.draftRequest = id
            effects.append(.loadDraft(request: id, session: active, form: NewCaseForm.draftName))
        }
        if form.customers == nil {
            let id = requests.next()
            form.customersRequest = id
            effects.append(.loadCustomers(request: id, session: active))
        }
        if prefill != nil { form.unsaved = true }
        overlay = .newCase(form)
        return effects
    }

    // MARK: Keys

    mutating func newCaseKey(_ key: Key, form: NewCaseForm) -> [Effect] {
        var form = form
        defer { if case .newCase = overlay { overlay = .newCase(form) } }
        if form.sending != nil {
            status = .info(key == .escape ? "The case is being filed; wait for the answer." : "The case is being filed…")
            return []
        }
        if form.editing != nil { return [] }
        let user = tabs[active].session.user
        switch Keymap.binding(for: key, in: Keymap.newCase)?.command {
        case .close?:
            if form.field == .attachments, form.attachments.listCursor != nil { form.attachments.listCursor = nil; return [] }
            overlay = .none
            if form.isEmpty && !form.unsaved {
                status = .info("New case cancelled; nothing was filed.")
            } else {
                parkedNewCases[form.domainID] = form
                status = .info("The new case is kept as a draft; nothing was filed. Press n to go on.")
            }
            return []
        case .submit?:
            return submitNewCase(&form, user: user)
        case .previous?:
            go(&form, to: NewCaseField(rawValue: form.field.rawValue - 1) ?? form.field, user: user)
            return []
        case .next? where !(form.field == .attachments && !form.attachments.path.text.trimmingCharacters(in: .whitespaces).isEmpty):
            go(&form, to: NewCaseField(rawValue: form.field.rawValue + 1) ?? form.field, user: user)
            return []
        case .externalEditor? where form.field == .description:
            let id = requests.next()
            form.editing = id
            return [.editExternally(request: id, text: form.description.text)]
        default:
            break
        }
        return fieldKey(key, &form, user: user)
    }

    /// A key for the focused field.
    private mutating func fieldKey(_ key: Key, _ form: inout NewCaseForm, user: User) -> [Effect] {
        let next = NewCaseField(rawValue: form.field.rawValue + 1) ?? .review
        switch form.field {
        case .customer:
            switch pick(key, &form.customerSearch, from: form.customerChoices) {
            case .searching: break
            case .nothing:
                form.errors[.customer] = form.customers == nil ? "customer: the customers are still loading" : "customer: no customer matches"
            case .chosen(let row):
                if let refusal = NewCaseForm.refusal(filingFor: row, by: user) {
                    form.errors[.customer] = "customer: \(refusal)"
                    return []
                }
                form.customer = row.customer
                form.unsaved = true
                go(&form, to: next, user: user)
            }
        case .title:
            if key == .enter { go(&form, to: next, user: user); return [] }
            edited(&form, form.title.handle(key))
        case .category:
            switch pick(key, &form.categorySearch, from: form.categoryChoices) {
            case .searching: break
            case .nothing: form.errors[.category] = "category: no category matches; try other words"
            case .chosen(let category):
                choose(category, &form)
                go(&form, to: next, user: user)
            }
        case .description:
            if key == .ctrl("e") { return [] }
            edited(&form, form.description.handleMultiline(key))
        case .attachments:
            switch form.attachments.handle(key, requests: &requests) {
            case .handled(let effects):
                form.unsaved = form.unsaved || !effects.isEmpty || key == .delete || key == .char("x")
                return effects
            case .notMine:
                if key == .enter || key == .tab { go(&form, to: next, user: user) }
            }
        case .severity:
            let levels = Severity.allCases
            switch key {
            case .up, .char("k"): form.severityCursor = max(0, form.severityCursor - 1)
            case .down, .char("j"): form.severityCursor = min(levels.count - 1, form.severityCursor + 1)
            case .char(let c) where ("1"..."4").contains(c):
                form.severityCursor = Int(String(c))! - 1
                form.severity = levels[form.severityCursor]
                form.unsaved = true
            case .enter:
                form.severity = levels[form.severityCursor]
                form.unsaved = true
                go(&form, to: next, user: user)
            default:
                status = .info("\(key.name): choose the severity with ↑ ↓ (or 1–4) and Enter.")
            }
        case .language:
            if case .chosen(let language) = pick(key, &form.languageSearch, from: form.languageChoices) {
                form.language = language
                form.errors[.language] = nil
                form.unsaved = true
                go(&form, to: next, user: user)
            }
        case .timeZone:
            if case .chosen(let zone) = pick(key, &form.timeZoneSearch, from: form.timeZoneChoices) {
                form.timeZone = zone
                form.errors[.timeZone] = nil
                form.unsaved = true
                go(&form, to: next, user: user)
            }
        case .review:
            if key == .enter { return submitNewCase(&form, user: user) }
            status = .info("\(key.name): Ctrl-S or Enter files the case; Shift-Tab goes back to change a field.")
        }
        return []
    }

    enum Pick<T> { case searching, nothing, chosen(T) }

    /// A list that narrows as you type: Enter takes the highlighted choice, other keys search (`searchKey`).
    private func pick<T>(_ key: Key, _ search: inout SearchList, from choices: [T]) -> Pick<T> {
        guard key == .enter else {
            searchKey(key, &search, count: choices.count)
            return .searching
        }
        return choices.indices.contains(search.cursor) ? .chosen(choices[search.cursor]) : .nothing
    }

    /// Type-to-search: ↑ ↓ PgUp PgDn move, every other key edits the search text (the highlight goes to the best match).
    private func searchKey(_ key: Key, _ search: inout SearchList, count: Int) {
        switch key {
        case .up, .ctrl("p"): search.cursor = max(0, search.cursor - 1)
        case .down, .ctrl("n"): search.cursor = min(max(0, count - 1), search.cursor + 1)
        case .pageUp: search.cursor = max(0, search.cursor - 10)
        case .pageDown: search.cursor = min(max(0, count - 1), search.cursor + 10)
        default:
            if search.query.handle(key) == .changed { search.cursor = 0 }
        }
    }

    private func edited(_ form: inout NewCaseForm, _ outcome: TextField.Outcome) {
        guard outcome == .changed else { return }
        form.unsaved = true
        form.errors[form.field] = nil
    }

    /// A category is chosen: the description takes its questions unless something else was written.
    private func choose(_ category: Category, _ form: inout NewCaseForm) {
        let untouched = form.description.isEmpty
            || form.category.map { form.description.text == CategoryCatalogue.descriptionTemplate(for: $0) } == true
        if untouched { form.description = TextField(CategoryCatalogue.descriptionTemplate(for: category)) }
        form.category = category
        form.errors[.category] = nil
        form.unsaved = true
    }

    /// Moves the focus; going forward checks the field left behind.
    private func go(_ form: inout NewCaseForm, to field: NewCaseField, user: User) {
        if field.rawValue > form.field.rawValue { form.errors[form.field] = form.problem(form.field, user: user) }
        form.field = field
        form.attachments.listCursor = nil
        if field == .review { form.errors = form.problems(user: user) }
        // A list opens on what is chosen.
        switch field {
        case .severity: form.severityCursor = Severity.allCases.firstIndex(of: form.severity) ?? form.severityCursor
        case .customer where form.customerSearch.query.isEmpty:
            form.customerSearch.cursor = form.customerChoices.firstIndex { $0.customer.id == form.customer?.id } ?? 0
        case .category where form.categorySearch.query.isEmpty:
            form.categorySearch.cursor = form.categoryChoices.firstIndex { $0 == form.category } ?? 0
        case .language where form.languageSearch.query.isEmpty:
            form.languageSearch.cursor = form.languageChoices.firstIndex(of: form.language) ?? 0
        case .timeZone where form.timeZoneSearch.query.isEmpty:
            form.timeZoneSearch.cursor = form.timeZoneChoices.firstIndex(of: form.timeZone) ?? 0
        default: break
        }
    }

    /// Ctrl-S: every field is checked; on the review page a valid case is filed, elsewhere the review is shown.
    private mutating func submitNewCase(_ form: inout NewCaseForm, user: User) -> [Effect] {
        form.errors = form.problems(user: user)
        if let first = NewCaseField.allCases.first(where: { form.errors[$0] != nil }) {
            form.field = first
            status = .error(form.errors[first]!)
            return []
        }
        guard form.field == .review, let filing = form.filing(user: user) else {
            form.field = .review
            status = .info("Check the case, then Ctrl-S or Enter files it.")
            return []
        }
        let request = requests.next()
        pendingCommands.append(PendingCommand(request: request, target: CaseRef(domainID: form.domainID, number: 0),
                                              success: "Case filed.", what: "file the case", isMessage: false))
        form.sending = request
        status = .info("Filing the case for \(form.customer?.name ?? "the customer")…")
        return [.fileCase(request: request, session: sessionIndex(domainID: form.domainID) ?? active, filing: filing)]
    }

    // MARK: Answers

    /// The customers of the domain arrived for the wizard.
    mutating func newCaseCustomersLoaded(_ request: Int, rows: [CustomerRow]) -> Bool {
        guard case .newCase(var form) = overlay, form.customersRequest == request else { return false }
        form.customersRequest = nil
        form.customers = rows
        if let chosen = form.customer { form.customer = rows.first { $0.customer.id == chosen.id }?.customer ?? chosen }
        overlay = .newCase(form)
        return true
    }

    /// The customers couldn't be loaded: say so at the field (nothing typed is lost; Esc and n try again).
    mutating func newCaseLoadFailed(_ request: Int, message: String) -> Bool {
        guard case .newCase(var form) = overlay, form.customersRequest == request else { return false }
        form.customersRequest = nil
        form.errors[.customer] = "customer: the customers couldn't be loaded: \(message)"
        overlay = .newCase(form)
        return true
    }

    /// The saved draft fills the wizard if nothing was entered yet.
    mutating func newCaseDraftLoaded(_ request: Int, content: String?) -> Bool {
        guard case .newCase(var form) = overlay, form.draftRequest == request else { return false }
        form.draftRequest = nil
        if let content, !form.hasTyped, form.restore(content) {
            status = .info("Your draft of a new case is back. Esc keeps it; it is discarded once the case is filed.")
        }
        overlay = .newCase(form)
        return true
    }

    /// Filed: the draft goes, the case opens on top of My Cases, and the sharing step is offered.
    mutating func caseFiled(_ request: Int, number: Int) -> [Effect] {
        guard let index = pendingCommands.firstIndex(where: { $0.request == request }) else { return [] }
        let domainID = pendingCommands.remove(at: index).target.domainID
        let session = sessionIndex(domainID: domainID) ?? active
        if case .newCase(let form) = overlay, form.sending == request { overlay = .none }
        parkedNewCases[domainID] = nil
        for t in tabs.indices { tabs[t].forEachScreen { $0.freshness = .stale } }
        active = session
        tabs[active].root = .myCases
        tabs[active].pushed = []
        tabs[active].myCases.cursor = ListCursor()
        var effects: [Effect] = [.discardDraft(session: session, form: NewCaseForm.draftName)]
        effects += showCurrent()
        var view = CaseView(number: number, domainID: domainID, title: "", detail: nil, phase: .loading(request: 0))
        effects += view.reload(session: session, requests: &requests)
        tabs[active].pushed.append(.detail(view))
        var sharing = SharingForm(target: CaseRef(domainID: domainID, number: number), current: [])
        sharing.intro = "Case \(number) filed. Share it with other addresses now (optional):"
        overlay = .sharing(sharing)
        status = .success("Case \(number) filed. Add sharing addresses, or Esc to skip.")
        return effects
    }

    /// The wizard's filing was refused: the reason on the review page; nothing typed is lost.
    mutating func newCaseFailed(_ request: Int, message: String) -> Bool {
        guard case .newCase(var form) = overlay, form.sending == request else { return false }
        form.sending = nil
        form.field = .review
        form.errors[.review] = message
        overlay = .newCase(form)
        status = .error("Couldn't file the case: \(message)")
        return true
    }

    /// The text came back from `$EDITOR`.
    mutating func newCaseEdited(_ request: Int, result: ExternalEdit) -> Bool {
        guard case .newCase(var form) = overlay, form.editing == request else { return false }
        form.editing = nil
        switch result {
        case .edited(let text):
            if text != form.description.text {
                form.description = TextField(text)
                form.unsaved = true
                form.errors[.description] = nil
            }
        case .failed(let why):
            status = .error("Ctrl-E: \(why); the built-in editor is still here.")
        }
        overlay = .newCase(form)
        return true
    }

    /// Path completion and file inspection for the wizard's attachments.
    mutating func newCasePickerAnswer(_ action: Action) -> Bool {
        guard case .newCase(var form) = overlay, form.attachments.receive(action) else { return false }
        if case .fileInspected = action { form.unsaved = true }
        overlay = .newCase(form)
        return true
    }

    // MARK: Drafts

    /// On `.tick`: the wizard's draft (open or left with Esc) is saved when it changed.
    mutating func saveNewCaseDrafts(force: Bool = false) -> [Effect] {
        var effects: [Effect] = []
        // Not while it is being filed: the draft goes once the case is.
        if case .newCase(var form) = overlay, form.sending == nil, let effect = draftEffect(&form, force: force) {
            effects.append(effect)
            overlay = .newCase(form)
        }
        for domainID in parkedNewCases.keys.sorted() {
            guard var form = parkedNewCases[domainID] else { continue }
            if let effect = draftEffect(&form, force: force) { effects.append(effect) }
            parkedNewCases[domainID] = form
        }
        return effects
    }
}

extension AppState {
    /// The wizard filled in from a case closed too long ago to reopen: same customer and category,
    /// a title and a first line that name the old case.
    mutating func fileFollowUp(of target: CaseRef) -> [Effect] {
        guard case .detail(let view)? = currentScreen, view.number == target.number, let detail = view.detail,
              let session = sessionIndex(domainID: target.domainID) else { return [] }
        active = session
        let old = detail.supportCase
        var form = NewCaseForm(domainID: target.domainID, user: tabs[session].session.user)
        form.customer = detail.customer
        form.title = TextField(String("Follow-up to case \(old.number): \(old.title)".prefix(Limits.titleLength.upperBound)))
        form.category = CategoryCatalogue.category(path: old.category)
        let reference = "This follows case \(old.number) (\(old.title)), closed more than 30 days ago.\n\n"
        form.description = TextField(reference + (form.category.map(CategoryCatalogue.descriptionTemplate(for:)) ?? ""))
        form.severity = old.severity
        form.language = old.language
        form.timeZone = old.timeZone
        form.field = .description
        return openNewCase(prefill: form)
    }
}
