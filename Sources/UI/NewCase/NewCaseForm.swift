import Domain
import Foundation

/// The fields of the create-case wizard in the seed's order. Tab and Shift-Tab walk them; each is
/// shown on the page of its step.
enum NewCaseField: Int, CaseIterable, Equatable, Sendable, Codable {
    case customer, title, category, description, attachments, severity, language, timeZone, review

    var step: NewCaseStep {
        switch self {
        case .customer: .customer
        case .title: .title
        case .category: .category
        case .description: .description
        case .attachments: .attachments
        case .severity: .severity
        case .language, .timeZone: .locale
        case .review: .review
        }
    }

    /// The name in error messages and on the review page.
    var label: String {
        switch self {
        case .customer: "customer"
        case .title: "title"
        case .category: "category"
        case .description: "description"
        case .attachments: "attachments"
        case .severity: "severity"
        case .language: "language"
        case .timeZone: "time zone"
        case .review: "review"
        }
    }
}

/// The wizard's pages, listed down its left side.
enum NewCaseStep: Int, CaseIterable, Equatable, Sendable {
    case customer, title, category, description, attachments, severity, locale, review

    var label: String {
        switch self {
        case .customer: "Customer"
        case .title: "Product and title"
        case .category: "Category"
        case .description: "Description"
        case .attachments: "Attachments"
        case .severity: "Severity"
        case .locale: "Language, time zone"
        case .review: "Review and file"
        }
    }

    /// For narrow screens.
    var shortLabel: String {
        switch self {
        case .title: "Title"
        case .locale: "Language, zone"
        case .review: "Review"
        default: label
        }
    }

    var fields: [NewCaseField] { NewCaseField.allCases.filter { $0.step == self } }
}

/// The create-case wizard: everything typed and chosen, kept as a draft until the case is filed.
struct NewCaseForm: OverlayForm, DraftedForm, Equatable {
    var domainID: Int64
    var field: NewCaseField = .customer

    /// The domain's customers, loaded when the wizard opens.
    var customers: [CustomerRow]?
    var customersRequest: Int?
    var customerSearch = SearchList()
    var customer: Customer?

    var title = TextField()
    var categorySearch = SearchList()
    var category: Category?
    var description = TextField()
    var attachments = AttachmentPicker()
    var severity: Severity = .p3
    var severityCursor = Severity.allCases.firstIndex(of: .p3)!
    var languageSearch = SearchList()
    var language: String
    var timeZoneSearch = SearchList()
    var timeZone: String

    /// Why a field can't be filed as it is, by field; shown under it and on the review page.
    var errors: [NewCaseField: String] = [:]
    /// The filing waiting for its answer; nothing can change meanwhile.
    var sending: Int?
    /// The `editExternally` waiting for its answer.
    var editing: Int?
    var draftRequest: Int?
    /// The customer whose saved draft is loading (the drafts list opened it): it names the customer.
    var loadingCustomer: Int64?
    var unsaved = false
    var savedAt: Date?

    init(domainID: Int64, user: User) {
        self.domainID = domainID
        language = user.language
        timeZone = user.timeZone
    }

    var isEmpty: Bool { customer == nil && !hasTyped }

    var actingDomain: Int64? { domainID }
    var draftDomain: Int64 { domainID }
    /// One draft per customer: choosing another customer moves it (`savedUnder` is where it was).
    var draft: DraftForm { .newCase(customerID: customer?.id) }
    var savedUnder: DraftForm?
    var draftText: String? { isEmpty ? nil : draftContent }
    /// Not while it is being filed: the draft goes once the case is.
    var savesDraft: Bool { sending == nil }
    var draftDescription: String { customer.map { "a new case for \($0.name)" } ?? "a new case" }

    /// Filled in from a case closed too long ago to reopen: same customer and category, a title and a
    /// first line that name the old case.
    init(followingUp detail: CaseDetail, user: User) {
        let old = detail.supportCase
        self.init(domainID: old.domainID, user: user)
        customer = detail.customer
        title = TextField(String("Follow-up to case \(old.number): \(old.title)".prefix(Limits.titleLength.upperBound)))
        category = CategoryCatalogue.category(path: old.category)
        let days = Limits.reopenWindowDays
        let reference = "This follows case \(old.number) (\(old.title)), closed more than \(days) days ago.\n\n"
        description = TextField(reference + (category.map(CategoryCatalogue.descriptionTemplate(for:)) ?? ""))
        description.moveToFirstEmptyAnswer()
        severity = old.severity
        language = old.language
        timeZone = old.timeZone
        field = .description
    }

    /// Something was typed or chosen beyond the customer.
    var hasTyped: Bool {
        !title.isEmpty || category != nil || !description.isEmpty || !attachments.files.isEmpty
    }
}

// MARK: What each list offers

extension NewCaseForm {
    /// Customers whose name or primary domain holds the typed text (case and accents ignored), by name.
    var customerChoices: [CustomerRow] {
        let words = Self.words(customerSearch.query.text)
        return (customers ?? []).filter { row in
            let hay = Self.folded(row.customer.name + " " + row.customer.primaryDomain)
            return words.allSatisfy { hay.contains($0) }
        }
    }

    /// The catalogue's ranked matches for the typed words (the whole catalogue before anything is typed).
    var categoryChoices: [Category] {
        CategoryCatalogue.search(categorySearch.query.text, limit: .max)
    }

    /// Support languages as "en English", narrowed by the typed text.
    var languageChoices: [String] {
        let words = Self.words(languageSearch.query.text)
        return Validate.languages.keys.sorted().filter { code in
            let hay = Self.folded(code + " " + (Validate.languages[code] ?? ""))
            return words.allSatisfy { hay.contains($0) }
        }
    }

    /// IANA time zones holding every typed word ("paris", "new york", "tokyo"), with UTC first.
    var timeZoneChoices: [String] {
        let words = Self.words(timeZoneSearch.query.text.replacingOccurrences(of: "_", with: " "))
        return Self.allTimeZones.filter { zone in
            let hay = Self.folded(zone.replacingOccurrences(of: "_", with: " "))
            return words.allSatisfy { hay.contains($0) }
        }
    }

    static let allTimeZones: [String] = ["UTC"] + TimeZone.knownTimeZoneIdentifiers.filter { $0 != "UTC" && $0 != "GMT" }.sorted()

    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    static func words(_ text: String) -> [String] {
        folded(text).split(whereSeparator: \.isWhitespace).map(String.init)
    }
}

// MARK: Validation (the Domain's rules and limits, per field)

extension NewCaseForm {
    /// Why `field` can't be filed as it is, or nil.
    func problem(_ field: NewCaseField, user: User) -> String? {
        switch field {
        case .customer:
            guard let customer else { return "customer: choose the customer this case is for" }
            return customers?.first { $0.customer.id == customer.id }.flatMap { Self.refusal(filingFor: $0, by: user) }
                .map { "customer: \($0)" }
        case .title:
            if case .failure(let refusal) = Validate.title(title.text) { return refusal.description }
            return nil
        case .category:
            return category == nil ? "category: search the catalogue and choose one with Enter" : nil
        case .description:
            let checked = category.map { Validate.description(description.text, answering: $0) } ?? Validate.description(description.text)
            if case .failure(let refusal) = checked { return refusal.description }
            return nil
        case .attachments:
            for file in attachments.files {
                if case .failure(let refusal) = Validate.attachment(name: file.name, size: file.size) { return refusal.description }
            }
            return nil
        case .severity, .review:
            return nil
        case .language:
            if case .failure(let refusal) = Validate.language(language) { return refusal.description }
            return nil
        case .timeZone:
            if case .failure(let refusal) = Validate.timeZone(timeZone) { return refusal.description }
            return nil
        }
    }

    /// The Domain's reason `user` can't file for this customer (it hasn't granted access), or nil.
    static func refusal(filingFor row: CustomerRow, by user: User) -> String? {
        if case .refused(let refusal) = Rules.fileCase(by: user, access: row.access) { return refusal.description }
        return nil
    }

    /// Every field's problem; empty when the case can be filed.
    func problems(user: User) -> [NewCaseField: String] {
        var found: [NewCaseField: String] = [:]
        for field in NewCaseField.allCases { found[field] = problem(field, user: user) }
        return found
    }

    /// The case to file, when nothing is wrong (by primary domain: unique, so the portal resolves it exactly).
    func newCase(user: User) -> NewCase? {
        guard problems(user: user).isEmpty, let customer, let category else { return nil }
        return NewCase(customer: customer.primaryDomain, title: title.text.trimmingCharacters(in: .whitespacesAndNewlines),
                       category: category.path, description: description.text, severity: severity,
                       language: language, timeZone: timeZone, attachments: attachments.attachments)
    }
}

// MARK: The draft

extension NewCaseForm {
    var savedDraft: NewCaseDraft {
        NewCaseDraft(field: field.rawValue, customerID: customer?.id, customerName: customer?.name, customerDomain: customer?.primaryDomain,
                     title: title.text, category: category?.path, description: description.text,
                     attachments: attachments.files, severity: severity.rawValue, language: language, timeZone: timeZone)
    }

    var draftContent: String { savedDraft.content }

    /// Restores a saved draft; false when `content` isn't one (then nothing changes).
    mutating func restore(_ content: String) -> Bool {
        guard let d = NewCaseDraft(content: content) else { return false }
        field = NewCaseField(rawValue: d.field) ?? .customer
        if let id = d.customerID, let name = d.customerName, let domain = d.customerDomain {
            customer = customers?.first { $0.customer.id == id }?.customer
                ?? Customer(id: id, name: name, primaryDomain: domain, tier: .standard)
        }
        title = TextField(d.title)
        category = d.category.flatMap(CategoryCatalogue.category(path:))
        description = TextField(d.description)
        attachments.files = d.attachments
        if let s = Severity(rawValue: d.severity) {
            severity = s
            severityCursor = Severity.allCases.firstIndex(of: s) ?? severityCursor
        }
        language = d.language
        timeZone = d.timeZone
        return true
    }
}
