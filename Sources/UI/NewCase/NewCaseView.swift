import Foundation
import Domain
import ScreenKit

/// The create-case wizard: the steps down the left, the focused step's page on the right,
/// the field's problem and the keys at the bottom.
extension NewCaseForm {
    /// The steps column: shorter labels below 100 columns leave the page room.
    static func stepsWidth(_ width: Int) -> Int { width >= 100 ? 27 : 20 }

    func render(_ context: ViewContext, into buffer: inout ScreenBuffer) {
        let form = self, state = context
        let rect = context.bounds.inset(top: 1, bottom: 1)
        let domain = context.session(domainID: domainID)?.domainName ?? ""
        buffer.drawBox(rect, title: "New case · \(domain)")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard inner.height >= 10, inner.width >= 50 else { return }
        let user = context.session(domainID: domainID)?.user

        // Steps, with ✓ for those complete and ! for those with a problem.
        for (i, step) in NewCaseStep.allCases.enumerated() {
            let current = step == form.field.step
            let problem = step.fields.contains { form.errors[$0] != nil }
            let mark = problem ? "! " : Self.complete(step, form, user: user) ? "✓ " : "  "
            let style = current ? Theme.bold : Theme.dim
            buffer.put([Span(current ? "› " : "  ", Theme.key), Span(mark, problem ? Theme.error : Theme.success),
                        Span("\(i + 1) \(Self.stepsWidth(state.size.width) < 27 ? step.shortLabel : step.label)", style)],
                       x: inner.x, y: inner.y + i, clip: inner)
        }
        let steps = Self.stepsWidth(state.size.width)
        let page = Rect(x: inner.x + steps, y: inner.y, width: inner.width - steps, height: inner.height - 2)
        switch form.field.step {
        case .customer: Self.customerPage(form, user: user, domain: domain, in: page, into: &buffer)
        case .title: Self.titlePage(form, in: page, into: &buffer)
        case .category: Self.categoryPage(form, in: page, into: &buffer)
        case .description: Self.descriptionPage(form, in: page, into: &buffer)
        case .attachments:
            buffer.putFitted("Attach files (optional): logs, screenshots, exported headers.", x: page.x, y: page.y, style: Theme.dim, clip: page)
            AttachmentPickerView.render(form.attachments, focused: form.sending == nil,
                                        in: Rect(x: page.x, y: page.y + 2, width: page.width, height: page.height - 2), into: &buffer)
        case .severity: Self.severityPage(form, in: page, into: &buffer)
        case .locale: Self.localePage(form, now: context.now, in: page, into: &buffer)
        case .review: Self.reviewPage(form, in: page, into: &buffer)
        }

        let messageRow = Rect(x: inner.x, y: inner.maxY - 2, width: inner.width, height: 1)
        if form.sending != nil {
            buffer.put("Filing the case…", x: messageRow.x, y: messageRow.y, style: Theme.dim, clip: messageRow)
        } else if form.editing != nil {
            buffer.put("Editing in $EDITOR…", x: messageRow.x, y: messageRow.y, style: Theme.dim, clip: messageRow)
        } else if let error = form.errors[form.field] {
            buffer.putFitted(error, x: messageRow.x, y: messageRow.y, style: Theme.error, clip: messageRow)
        }
        var hints = context.keys.newCase.compactMap { b -> (String, String)? in
            guard let hint = b.hint, b.command != .externalEditor || form.field == .description else { return nil }
            return (b.keys[0].name, hint)
        }
        if form.field == .attachments { hints.insert(contentsOf: [("Enter", "add"), ("Tab", "complete")], at: 0) }
        buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }

    /// A step is complete when it has what it needs and nothing wrong.
    static func complete(_ step: NewCaseStep, _ form: NewCaseForm, user: User?) -> Bool {
        guard let user else { return false }
        switch step {
        case .customer: return form.customer != nil && form.problem(.customer, user: user) == nil
        case .title: return !form.title.isEmpty && form.problem(.title, user: user) == nil
        case .category: return form.category != nil
        case .description: return !form.description.isEmpty && form.problem(.description, user: user) == nil
        case .attachments: return !form.attachments.files.isEmpty
        case .severity, .locale: return form.field.rawValue > step.fields.last!.rawValue
        case .review: return false
        }
    }

    // MARK: Pages

    static func customerPage(_ form: NewCaseForm, user: User?, domain: String, in page: Rect, into buffer: inout ScreenBuffer) {
        buffer.put([Span("Who is the case for? ", Theme.bold), Span("Customers of \(domain).", Theme.dim)], x: page.x, y: page.y, clip: page)
        let choices = form.customerChoices
        let g = buffer.glyphs
        // Name and access first: on a narrow screen the domain and tier are what gets cut. The names' column is as wide
        // as the longest, as far as the access and tier leave room.
        let longest = choices.map { g.drawable($0.customer.name).displayWidth }.max() ?? 0
        let nameWidth = max(8, min(longest, max(12, page.width - 2 - 13 - 10)))
        let lines: [ChoiceListView.Item] = choices.map { row in
            let refusal = user.flatMap { NewCaseForm.refusal(filingFor: row, by: $0) }
            let chosen = form.customer?.id == row.customer.id
            let access = row.access.display.rawValue.replacingOccurrences(of: "-", with: " ")
            let line: StyledLine = [Span(chosen ? "* " : "  ", Theme.key),
                                    Span(g.pad(row.customer.name, toWidth: nameWidth),
                                         refusal == nil ? Theme.plain : Theme.dim),
                                    Span(" " + access.padded(toWidth: 12), refusal == nil ? Theme.dim : Theme.warning),
                                    Span(" " + row.customer.tier.rawValue.padded(toWidth: 9), Theme.dim),
                                    Span(" " + row.customer.primaryDomain, Theme.dim)]
            return ChoiceListView.Item(line: line, disabledReason: refusal)
        }
        let empty = form.customers != nil ? "No customer matches."
            : form.customersRequest != nil ? "Loading customers…" : "The customers couldn't be loaded (Esc, then n, tries again)."
        ChoiceListView.render(search: form.customerSearch, items: lines, empty: empty, focused: form.field == .customer,
                              in: page.inset(top: 2), into: &buffer)
    }

    static func titlePage(_ form: NewCaseForm, in page: Rect, into buffer: inout ScreenBuffer) {
        buffer.put([Span("Product type  ", Theme.dim), Span(Product.googleWorkspace, Theme.bold)], x: page.x, y: page.y, clip: page)
        buffer.put([Span("Title", Theme.bold), Span("  a short summary of the issue", Theme.dim)], x: page.x, y: page.y + 2, clip: page)
        FieldView.render(form.title, masked: false, focused: form.sending == nil, into: &buffer,
                         area: Rect(x: page.x, y: page.y + 3, width: page.width, height: 1))
        let count = form.title.characters.count, limit = Limits.titleLength.upperBound
        buffer.put("\(count) / \(limit)", x: page.x, y: page.y + 4, style: count > limit ? Theme.error : Theme.dim, clip: page)
        if let customer = form.customer {
            buffer.put([Span("For ", Theme.dim), Span(customer.name, Theme.plain), Span(" (\(customer.primaryDomain))", Theme.dim)],
                       x: page.x, y: page.y + 6, clip: page)
        }
    }

    static func categoryPage(_ form: NewCaseForm, in page: Rect, into buffer: inout ScreenBuffer) {
        buffer.put([Span("Category", Theme.bold), Span("  type words about the issue: \"mail bounce\", \"sso saml\"", Theme.dim)],
                   x: page.x, y: page.y, clip: page)
        let choices = form.categoryChoices
        let items = choices.map { c in
            ChoiceListView.Item(line: [Span(form.category == c ? "* " : "  ", Theme.key), Span(c.path)], disabledReason: nil)
        }
        // The category's questions under the list, wrapped rather than cut; a tall screen gives them more rows.
        let questionsHeight = page.height >= 24 ? 9 : 5
        let listArea = Rect(x: page.x, y: page.y + 2, width: page.width, height: max(3, page.height - 2 - questionsHeight))
        ChoiceListView.render(search: form.categorySearch, items: items, empty: "No category matches; try other words.",
                              focused: true, in: listArea, into: &buffer)
        guard choices.indices.contains(form.categorySearch.cursor) else { return }
        let questions = choices[form.categorySearch.cursor].questions
        let y = listArea.maxY + 1
        buffer.put("The description will ask:", x: page.x, y: y, style: Theme.dim, clip: page)
        let g = buffer.glyphs
        let rows = questions.flatMap { q in
            wrap(g.drawable(q), width: max(1, page.width - 2)).enumerated().map { ($0.offset == 0 ? "· " : "  ") + $0.element }
        }
        let room = page.maxY - (y + 1)
        for (i, row) in rows.prefix(room).enumerated() {
            // The last row that fits ends in the ellipsis when more questions follow.
            let text = i == room - 1 && rows.count > room ? g.drawable(row).truncated(toWidth: page.width - g.ellipsis.displayWidth, ellipsis: false)
                .replacingOccurrences(of: " +$", with: "", options: .regularExpression) + g.ellipsis : row
            buffer.putFitted(text, x: page.x, y: y + 1 + i, style: Theme.dim, clip: page)
        }
    }

    static func descriptionPage(_ form: NewCaseForm, in page: Rect, into buffer: inout ScreenBuffer) {
        buffer.put([Span("Description", Theme.bold), Span("  answer the category's questions; Ctrl-E opens $EDITOR", Theme.dim)],
                   x: page.x, y: page.y, clip: page)
        let area = Rect(x: page.x, y: page.y + 2, width: page.width, height: page.height - 3)
        TextAreaView.render(form.description, in: area, caret: form.sending == nil && form.editing == nil, into: &buffer)
        let count = form.description.characters.count, limit = Limits.descriptionMaxLength
        buffer.put("\(NumberFormat.grouped(count)) / \(NumberFormat.grouped(limit))", x: page.x, y: area.maxY,
                   style: count > limit ? Theme.error : Theme.dim, clip: page)
    }

    static func severityPage(_ form: NewCaseForm, in page: Rect, into buffer: inout ScreenBuffer) {
        buffer.put([Span("Severity", Theme.bold), Span("  how much the issue affects the customer", Theme.dim)], x: page.x, y: page.y, clip: page)
        for (i, level) in Severity.allCases.enumerated() {
            let y = page.y + 2 + i * 2
            let line: StyledLine = [Span(level == form.severity ? "* " : "  ", Theme.key),
                                    Span(level.label.padded(toWidth: 13), Theme.severity(level))]
            let row = Rect(x: page.x, y: y, width: page.width, height: 1)
            buffer.putRow(line, in: row, selected: i == form.severityCursor)
            buffer.putFitted("  " + level.meaning, x: page.x, y: y + 1, style: Theme.dim, clip: page)
        }
    }

    static func localePage(_ form: NewCaseForm, now: Date, in page: Rect, into buffer: inout ScreenBuffer) {
        let half = max(4, (page.height - 1) / 2)
        let language = Validate.languages[form.language].map { "\(form.language) \($0)" } ?? form.language
        buffer.put([Span("Language  ", Theme.bold), Span(language, Theme.plain), Span("  support answers in it", Theme.dim)],
                   x: page.x, y: page.y, clip: page)
        let languageItems = form.languageChoices.map { code in
            ChoiceListView.Item(line: [Span(code == form.language ? "* " : "  ", Theme.key), Span(code.padded(toWidth: 4)),
                                       Span(Validate.languages[code] ?? "", Theme.dim)], disabledReason: nil)
        }
        if form.field == .language {
            ChoiceListView.render(search: form.languageSearch, items: languageItems, empty: "No language matches.", focused: true,
                                  in: Rect(x: page.x, y: page.y + 1, width: page.width, height: half - 1), into: &buffer)
        }
        let y = form.field == .language ? page.y + half + 1 : page.y + 2
        buffer.put([Span("Time zone  ", Theme.bold), Span(form.timeZone, Theme.plain), Span("  for times in the case", Theme.dim)],
                   x: page.x, y: y, clip: page)
        if form.field == .timeZone {
            // Each zone with its offset from UTC and the time there now, so "is that Sydney's time?" needs no lookup.
            let zones = form.timeZoneChoices.map { zone in
                ChoiceListView.Item(line: [Span(zone == form.timeZone ? "* " : "  ", Theme.key), Span(zone.padded(toWidth: 32)),
                                           Span(ZoneClock.label(zone, at: now), Theme.dim)], disabledReason: nil)
            }
            ChoiceListView.render(search: form.timeZoneSearch, items: zones, empty: "No time zone matches.", focused: true,
                                  in: Rect(x: page.x, y: y + 1, width: page.width, height: page.maxY - y - 1), into: &buffer)
        }
    }

    static func reviewPage(_ form: NewCaseForm, in page: Rect, into buffer: inout ScreenBuffer) {
        buffer.put([Span("Review", Theme.bold), Span("  Ctrl-S or Enter files the case; Shift-Tab goes back", Theme.dim)],
                   x: page.x, y: page.y, clip: page)
        let files = form.attachments.files
        let rows: [(String, String)] = [
            ("Customer", form.customer.map { "\($0.name) (\($0.primaryDomain))" } ?? "—"),
            ("Product", Product.googleWorkspace),
            ("Title", form.title.text.isEmpty ? "—" : form.title.text),
            ("Category", form.category?.path ?? "—"),
            ("Description", "\(NumberFormat.grouped(form.description.characters.count)) characters"),
            ("Attachments", files.isEmpty ? "none"
                : "\(files.count) (\(ByteCount.format(form.attachments.totalSize))): " + files.map(\.name).joined(separator: ", ")),
            ("Severity", form.severity.label),
            ("Language", Validate.languages[form.language].map { "\(form.language) \($0)" } ?? form.language),
            ("Time zone", form.timeZone),
        ]
        var y = page.y + 2
        for (label, value) in rows {
            buffer.put([Span(label.padded(toWidth: 13), Theme.dim), Span(value)], x: page.x, y: y, clip: page)
            y += 1
        }
        let firstLines = form.description.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(3)
        for line in firstLines where y < page.maxY - 3 {
            buffer.putFitted("             " + line, x: page.x, y: y, style: Theme.dim, clip: page)
            y += 1
        }
        y += 1
        for field in NewCaseField.allCases {
            guard let error = form.errors[field], y < page.maxY else { continue }
            buffer.putFitted("! " + error, x: page.x, y: y, style: Theme.error, clip: page)
            y += 1
        }
    }
}
