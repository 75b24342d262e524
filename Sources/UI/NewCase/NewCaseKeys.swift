import Domain
import Foundation
import ScreenKit

/// The create-case wizard's keys and the answers it waits for.
extension NewCaseForm {
    mutating func key(_ key: Key, _ env: inout Env) -> [Effect] {
        if sending != nil {
            env.status = .info(key == .escape ? "The case is being filed; wait for the answer." : "The case is being filed…")
            return []
        }
        if editing != nil { return [] }
        guard let user = env.user else { return [] }
        switch Keymap.binding(for: key, in: env.keys.newCase)?.command {
        case .close?:
            if field == .attachments, attachments.listCursor != nil { attachments.listCursor = nil; return [] }
            if isEmpty && !unsaved {
                env.close()
                env.status = .info("New case cancelled; nothing was filed.")
            } else {
                env.then.append(.park)
                env.status = .info("The new case is kept as a draft; nothing was filed. Press \(env.keys.name(of: .newCase)) to go on.")
            }
            return []
        case .submit?:
            return submit(user: user, &env)
        case .previous? where field == .description && description.moveToAnswer(forward: false):
            return []  // Shift-Tab: the previous answer of the category's questions
        case .next? where field == .description && description.moveToAnswer(forward: true):
            return []  // Tab: the next answer; after the last, the next field
        case .previous?:
            go(to: NewCaseField(rawValue: field.rawValue - 1) ?? field, user: user)
            return []
        case .next? where !(field == .attachments && !attachments.path.text.trimmingCharacters(in: .whitespaces).isEmpty):
            go(to: NewCaseField(rawValue: field.rawValue + 1) ?? field, user: user)
            return []
        case .externalEditor? where field == .description:
            let text = description.text
            let effect = env.issue { .editExternally(request: $0, text: text) }
            editing = effect.request
            return [effect]
        default:
            return fieldKey(key, user: user, &env)
        }
    }

    /// A key for the focused field.
    private mutating func fieldKey(_ key: Key, user: User, _ env: inout Env) -> [Effect] {
        let next = NewCaseField(rawValue: field.rawValue + 1) ?? .review
        switch field {
        case .customer:
            switch customerSearch.pick(key, from: customerChoices, env.keys) {
            case .searching: break
            case .nothing:
                errors[.customer] = customers == nil ? "customer: the customers are still loading" : "customer: no customer matches"
            case .chosen(let row):
                if let refusal = Self.refusal(filingFor: row, by: user) {
                    errors[.customer] = "customer: \(refusal)"
                    return []
                }
                customer = row.customer
                unsaved = true
                go(to: next, user: user)
            }
        case .title:
            if key == .enter { go(to: next, user: user); return [] }
            edited(title.handle(key, env.keys))
        case .category:
            switch categorySearch.pick(key, from: categoryChoices, env.keys) {
            case .searching: break
            case .nothing: errors[.category] = "category: no category matches; try other words"
            case .chosen(let category):
                choose(category)
                go(to: next, user: user)
            }
        case .description:
            if key == .ctrl("e") { return [] }
            edited(description.handleMultiline(key, env.keys))
        case .attachments:
            switch attachments.handle(key, &env) {
            case .handled(let effects):
                unsaved = unsaved || key == .delete || key == .char("x")
                return effects
            case .notMine:
                if key == .enter || key == .tab { go(to: next, user: user) }
            }
        case .severity:
            let levels = Severity.allCases
            switch key {
            case .up, .char("k"): severityCursor = max(0, severityCursor - 1)
            case .down, .char("j"): severityCursor = min(levels.count - 1, severityCursor + 1)
            case .char(let c) where ("1"..."4").contains(c):
                severityCursor = Int(String(c))! - 1
                severity = levels[severityCursor]
                unsaved = true
            case .enter:
                severity = levels[severityCursor]
                unsaved = true
                go(to: next, user: user)
            default:
                env.status = .info("\(key.name): choose the severity with ↑ ↓ (or 1–4) and Enter.")
            }
        case .language:
            if case .chosen(let choice) = languageSearch.pick(key, from: languageChoices, env.keys) {
                language = choice
                errors[.language] = nil
                unsaved = true
                go(to: next, user: user)
            }
        case .timeZone:
            if case .chosen(let zone) = timeZoneSearch.pick(key, from: timeZoneChoices, env.keys) {
                timeZone = zone
                errors[.timeZone] = nil
                unsaved = true
                go(to: next, user: user)
            }
        case .review:
            if key == .enter { return submit(user: user, &env) }
            env.status = .info("\(key.name): Ctrl-S or Enter files the case; Shift-Tab goes back to change a field.")
        }
        return []
    }

    private mutating func edited(_ outcome: TextField.Outcome) {
        guard outcome == .changed else { return }
        unsaved = true
        errors[field] = nil
    }

    /// A category is chosen: the description takes its questions unless something else was written.
    private mutating func choose(_ chosen: Category) {
        let untouched = description.isEmpty || category.map { description.text == CategoryCatalogue.descriptionTemplate(for: $0) } == true
        if untouched {
            description = TextField(CategoryCatalogue.descriptionTemplate(for: chosen))
            description.moveToFirstEmptyAnswer()  // the first answer is typed under its question, not after the last
        }
        category = chosen
        errors[.category] = nil
        unsaved = true
    }

    /// Moves the focus; going forward checks the field left behind.
    mutating func go(to next: NewCaseField, user: User) {
        if next.rawValue > field.rawValue { errors[field] = problem(field, user: user) }
        field = next
        attachments.listCursor = nil
        if next == .review { errors = problems(user: user) }
        // A list opens on what is chosen.
        switch next {
        case .severity: severityCursor = Severity.allCases.firstIndex(of: severity) ?? severityCursor
        case .customer where customerSearch.query.isEmpty:
            customerSearch.cursor = customerChoices.firstIndex { $0.customer.id == customer?.id } ?? 0
        case .category where categorySearch.query.isEmpty:
            categorySearch.cursor = categoryChoices.firstIndex { $0 == category } ?? 0
        case .language where languageSearch.query.isEmpty:
            languageSearch.cursor = languageChoices.firstIndex(of: language) ?? 0
        case .timeZone where timeZoneSearch.query.isEmpty:
            timeZoneSearch.cursor = timeZoneChoices.firstIndex(of: timeZone) ?? 0
        default: break
        }
    }

    /// Ctrl-S: every field is checked; on the review page a valid case is filed, elsewhere the review is shown.
    private mutating func submit(user: User, _ env: inout Env) -> [Effect] {
        errors = problems(user: user)
        if let first = NewCaseField.allCases.first(where: { errors[$0] != nil }) {
            field = first
            env.status = .error(errors[first]!)
            return []
        }
        guard field == .review, let newCase = newCase(user: user), let session = env.session else {
            field = .review
            env.status = .info("Check the case, then Ctrl-S or Enter files it.")
            return []
        }
        let sent = env.command("file the case", success: "Case filed.", refreshes: false) { .fileCase(request: $0, session: session, newCase) }
        sending = sent.request
        env.status = .info("Filing the case for \(customer?.name ?? "the customer")…")
        return [sent.effect]
    }

    mutating func receive(_ reply: Reply, request: Int, _ env: inout Env) -> [Effect] {
        if attachments.receive(reply, request: request) {
            if case .fileInspected = reply { unsaved = true }
            return []
        }
        switch (request as Int?, reply) {
        case (customersRequest, .customers(let rows)):
            customersRequest = nil
            customers = rows
            if let chosen = customer { customer = rows.first { $0.customer.id == chosen.id }?.customer ?? chosen }
        case (customersRequest, .failed(let message)):
            // Nothing typed is lost; Esc and n try again.
            customersRequest = nil
            errors[.customer] = "customer: the customers couldn't be loaded: \(message)"
        case (draftRequest, .draft(let content)):
            draftRequest = nil
            loadingCustomer = nil
            if let content, !hasTyped, restore(content) {
                savedUnder = draft
                env.status = .info("Your draft of a new case is back. Esc keeps it; it is discarded once the case is filed.")
            }
        case (draftRequest, .failed(let message)):
            draftRequest = nil
            env.status = .error("Couldn't read your draft of a new case: \(message)")
        case (editing, .edited(let result)):
            editing = nil
            switch result {
            case .edited(let text) where text != description.text:
                description = TextField(text)
                unsaved = true
                errors[.description] = nil
            case .edited: break
            case .failed(let why): env.status = .error("Ctrl-E: \(why); the built-in editor is still here.")
            }
        case (sending, .filed(let number)):
            sending = nil
            let drafts = savedUnder.map { $0 == draft ? [draft] : [draft, $0] } ?? [draft]
            env.then.append(.caseFiled(number: number, domainID: domainID, drafts: drafts))
        case (sending, .failed(let message)):
            // The reason on the review page; nothing typed is lost.
            sending = nil
            field = .review
            errors[.review] = message
            env.status = .error("Couldn't file the case: \(message)")
        default:
            break
        }
        return []
    }
}

extension AppState {
    /// `n`: the wizard of the active domain. Drafts are per customer: with a customer in view (selected in
    /// My Customers, or whose cases are listed), that customer's draft goes on (as left with Esc, or saved),
    /// or a new case for them starts; when only drafts for others exist, the app asks which. With no customer
    /// in view, the one new-case draft goes on; with several, the drafts list opens to choose.
    mutating func openNewCase(prefill: NewCaseForm? = nil) -> [Effect] {
        let session = tabs[active].session
        let known = newCaseDrafts(domainID: session.user.domainID)
        if let prefill {
            // A follow-up for a customer with a draft: the draft goes on rather than being replaced.
            guard known.contains(prefill.draft) else { return present(prefill, id: requests.serial(), loadDraft: false, unsaved: true) }
            status = .info("Your draft of a new case for \(prefill.customer?.name ?? "this customer") goes on; nothing typed in it is replaced.")
            return openNewCase(prefill.draft, customer: prefill.customer)
        }
        var context: Customer?
        switch currentScreen {
        case .customers(let list)?:
            if let row = list.selected {
                if let refusal = NewCaseForm.refusal(filingFor: row, by: session.user) {
                    status = .error("\(keys.name(of: .newCase)) (new case) for \(row.customer.name): \(refusal)")
                    return []
                }
                context = row.customer
            }
        case .cases(let list)?:
            if case .customer(let customer) = list.kind { context = customer }
        default: break
        }
        if let context {
            let key = DraftForm.newCase(customerID: context.id)
            let others = known.filter { $0 != key }
            if known.contains(key) || others.isEmpty { return openNewCase(key, customer: context) }
            open(NewCaseDraftChoice(customer: context, others: others, description: describeNewCaseDraft(others)))
            return []
        }
        switch known.count {
        case 0: return openNewCase(.newCase(customerID: nil), customer: nil)
        case 1: return openNewCase(known[0], customer: nil)
        default:
            let effects = openDrafts()
            status = .info("You have \(known.count) new-case drafts: choose one with Enter.")
            return effects
        }
    }

    /// The wizard for draft `key`: the form left with Esc, else a new one (for `customer`) that loads the saved draft.
    mutating func openNewCase(_ key: DraftForm, customer: Customer?) -> [Effect] {
        let session = tabs[active].session
        if let kept = unpark(NewCaseForm.self, domainID: session.user.domainID, draft: key) {
            return present(kept.form, id: kept.id, loadDraft: false, unsaved: kept.form.unsaved)
        }
        var form = NewCaseForm(domainID: session.user.domainID, user: session.user)
        if let customer { form.customer = customer; form.field = .title }
        if case .newCase(let id?) = key, customer == nil { form.loadingCustomer = id }
        return present(form, id: requests.serial(), loadDraft: true, unsaved: false)
    }

    /// Opens the wizard over the screen, loading what it still needs (the saved draft, the customers).
    private mutating func present(_ opened: NewCaseForm, id: FormID, loadDraft: Bool, unsaved: Bool) -> [Effect] {
        var form = opened
        var env = makeEnv(form: id, actingDomain: form.domainID)
        var effects: [Effect] = []
        let tab = active
        if loadDraft {
            let key = form.loadingCustomer.map { DraftForm.newCase(customerID: $0) } ?? form.draft
            let load = env.issue { .loadDraft(request: $0, session: tab, form: key) }
            form.draftRequest = load.request
            effects.append(load)
        }
        if form.customers == nil {
            let load = env.issue { .loadCustomers(request: $0, session: tab) }
            form.customersRequest = load.request
            effects.append(load)
        }
        form.unsaved = unsaved
        overlay = Overlay(id: id, form: form)
        return effects + apply(env)
    }

    /// The active domain's new-case drafts: those kept in memory and those saved.
    func newCaseDrafts(domainID: Int64) -> [DraftForm] {
        let parkedDrafts = parked.keys.filter { $0.domainID == domainID && $0.draft.isNewCase }.map(\.draft)
        let saved = (sessionIndex(domainID: domainID).flatMap { tabs[$0].drafts } ?? []).filter(\.isNewCase)
        return (parkedDrafts + saved.filter { !parkedDrafts.contains($0) }).sorted { $0.stored < $1.stored }
    }

    /// "a new case for Globex" when the app holds it; else what is known of the saved ones.
    private func describeNewCaseDraft(_ drafts: [DraftForm]) -> String {
        guard drafts.count == 1 else { return "\(drafts.count) new-case drafts for other customers" }
        let domainID = tabs[active].session.user.domainID
        if let kept = parked[ParkKey(domainID: domainID, draft: drafts[0])]?.form { return kept.draftDescription }
        return drafts[0] == .newCase(customerID: nil) ? "a new case with no customer chosen yet" : "a new case for another customer"
    }

    /// Filed: the draft goes, the case opens on top of My Cases, and the sharing step is offered.
    mutating func caseFiled(_ number: Int, domainID: Int64, drafts: [DraftForm]) -> [Effect] {
        let session = sessionIndex(domainID: domainID) ?? active
        overlay = nil
        for draft in drafts { parked[ParkKey(domainID: domainID, draft: draft)] = nil }
        tabs[session].drafts?.removeAll { drafts.contains($0) }
        for t in tabs.indices { tabs[t].forEachScreen { $0.freshness = .stale } }
        active = session
        tabs[active].root = .myCases
        tabs[active].pushed = []
        tabs[active].myCases.cursor = ListCursor()
        var effects: [Effect] = drafts.map {
            .discardDraft(request: backgroundRequest("discard the draft of the new case"), session: session, form: $0)
        }
        effects += showCurrent()
        effects += push(.detail(CaseScreen(ref: CaseRef(domainID: domainID, number: number))))
        var sharing = SharingForm(target: CaseRef(domainID: domainID, number: number), current: [])
        sharing.intro = "Case \(number) filed. Share it with other addresses now (optional):"
        open(sharing)
        status = .success("Case \(number) filed. Add sharing addresses, or Esc to skip.")
        return effects
    }

    /// The wizard filled in from a case closed too long ago to reopen: same customer and category,
    /// a title and a first line that name the old case.
    mutating func fileFollowUp(of target: CaseRef) -> [Effect] {
        guard case .detail(let view)? = currentScreen, view.number == target.number, let detail = view.detail,
              let session = sessionIndex(domainID: target.domainID) else { return [] }
        active = session
        return openNewCase(prefill: NewCaseForm(followingUp: detail, user: tabs[session].session.user))
    }
}
