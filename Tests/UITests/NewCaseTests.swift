import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// The create-case wizard (`n`) through reduce(): each field, each refusal, leaving and coming back, filing.
@Suite struct NewCaseTests {
    static let harbor = Customer(id: 103, name: "Harbor Health Clinics", primaryDomain: "harborhealth.example", tier: .standard)

    static func customerRows() -> [CustomerRow] {
        func access(_ c: Customer, granted: Bool) -> CustomerAccess {
            CustomerAccess(customerID: c.id, domainID: 10, kind: .resold, granted: granted, since: Fixture.now.addingTimeInterval(-86_400 * 100))
        }
        return [Fixture.acme, Fixture.sakura, Fixture.bloom, harbor].map {
            CustomerRow(customer: $0, access: access($0, granted: $0.id != harbor.id), openCases: 1)
        }
    }

    static let driveCategory = CategoryCatalogue.search("shared drive members access", limit: 1)[0]

    /// The wizard at the category step for Acme with `title`, the Drive category's words typed (not yet chosen).
    func atDriveCategory(title: String = "Drive issue") -> AppState {
        var state = opened()
        state.type("acme")
        state.press(.enter)
        state.type(title)
        state.press(.tab)
        state.type("shared drive members access")
        return state
    }

    /// My Cases, `n` pressed, the customers loaded and no draft saved.
    func opened(size: Size = Fixture.small) -> AppState {
        var state = Fixture.myCases(size: size)
        let effects = state.press(.char("n"))
        #expect(effects == [.loadDraft(request: effects.request(0), session: 0, form: .newCase(customerID: nil)),
                            .loadCustomers(request: state.lastRequest, session: 0)])
        state.answer(effects.at(0), .draft(nil))
        state.answer(effects.at(1), .customers(Self.customerRows()))
        return state
    }

    func form(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) -> NewCaseForm? {
        state.form(NewCaseForm.self, sourceLocation: sourceLocation)
    }

    /// Opened, Acme chosen, a title typed, the Drive category chosen and its questions answered.
    func filledIn() -> AppState {
        var state = atDriveCategory(title: "Shared drive members can't open files")
        state.press(.enter)
        // Each question answered, Tab between answers; the caret stays on the last one.
        for i in 1..<Self.driveCategory.questions.count {
            state.type("Answer \(i).")
            state.press(.tab)
        }
        state.type("Everyone in Sales.")
        return state
    }

    // MARK: Customer

    @Test func customersNarrowAsYouTypeAndOneWithoutAccessCantBeChosen() {
        var state = opened()
        #expect(form(state)?.field == .customer)
        #expect(form(state)?.customerChoices.count == 4)
        state.type("harb")
        #expect(form(state)?.customerChoices.map(\.customer) == [Self.harbor])
        #expect(state.screenLines().contains { $0.contains("Can't be chosen: This customer hasn't granted") },
                "\(state.screenLines().joined(separator: "\n"))")
        state.press(.enter)
        #expect(form(state)?.customer == nil)
        #expect(form(state)?.field == .customer)
        #expect(form(state)?.errors[.customer] == "customer: This customer hasn't granted your domain access to file support cases.")
        // Accents and case don't matter; the Japanese name is found by its domain.
        state.press(.ctrl("u"))
        state.type("SAKURA")
        #expect(form(state)?.customerChoices.map(\.customer) == [Fixture.sakura])
        state.press(.enter)
        #expect(form(state)?.customer == Fixture.sakura)
        #expect(form(state)?.field == .title)
        #expect(form(state)?.errors[.customer] == nil)
    }

    @Test func nOnAGrantedCustomerFillsItInAndOnANotGrantedOneSaysWhy() {
        var state = Fixture.myCases()
        let load = state.press(.char("2"))
        state.answer(load, Fixture.customers(Self.customerRows()))
        state.press(.char("G"))  // Harbor Health Clinics, the last one
        #expect(state.press(.char("n")).isEmpty)
        #expect(state.overlay == nil)
        #expect(state.status == .error("n (new case) for Harbor Health Clinics: This customer hasn't granted your domain access to file support cases."))
        state.press(.char("g"))
        state.press(.char("n"))
        #expect(form(state)?.customer == Fixture.acme)
        #expect(form(state)?.field == .title)
    }

    // MARK: Title, category, description

    @Test func aTitleOverTheLimitIsRefusedNamingTheField() {
        var state = opened()
        state.type("acme")
        state.press(.enter)
        state.press(.tab)
        #expect(form(state)?.errors[.title] == "title: enter a title (1–200 characters)")
        state.press(.backTab)
        state.type(String(repeating: "x", count: 201))
        #expect(form(state)?.errors[.title] == nil, "typing clears the message")
        state.press(.enter)
        #expect(form(state)?.errors[.title]?.hasPrefix("title: ") == true)
        #expect(form(state)?.title.text.count == 201, "nothing typed is lost")
    }

    @Test func choosingACategoryPrefillsTheDescriptionWithItsQuestions() {
        var state = atDriveCategory()
        #expect(form(state)?.categoryChoices.first == Self.driveCategory)
        state.press(.enter)
        #expect(form(state)?.category == Self.driveCategory)
        #expect(form(state)?.field == .description)
        #expect(form(state)?.description.text == CategoryCatalogue.descriptionTemplate(for: Self.driveCategory))
        // Leaving the questions unanswered is a problem of the description. Tab goes from answer to answer, and
        // from the last one to the next field.
        let questions = Self.driveCategory.questions.count
        for _ in 0..<questions - 1 { state.press(.tab) }
        #expect(form(state)?.field == .description)
        state.press(.tab)
        #expect(form(state)?.field != .description)
        #expect(form(state)?.errors[.description] == "description: answer the questions of the category")
        // Another category replaces untouched questions, but never what was written. Shift-Tab goes back through
        // the answers, then to the category.
        state.press(.backTab)
        for _ in 0..<questions { state.press(.backTab) }
        #expect(form(state)?.field == .category)
        state.press(.ctrl("u"))
        state.type("mail bounced")
        state.press(.enter)
        #expect(form(state)?.description.text == CategoryCatalogue.descriptionTemplate(for: form(state)!.category!))
        state.type("Since Monday.")
        state.press(.backTab)
        state.press(.ctrl("u"))
        state.type("shared drive members access")
        state.press(.enter)
        #expect(form(state)?.description.text.contains("Answer: Since Monday.") == true)
    }

    /// First-use item 6: the description editor started at the end of the template, so the first answer landed
    /// under the last question. The caret starts on the first empty answer; Tab and Shift-Tab go between answers.
    @Test func theFirstAnswerIsTypedUnderTheFirstQuestion() throws {
        var state = atDriveCategory()
        state.press(.enter)
        state.type("Everyone in Sales.")
        let questions = Self.driveCategory.questions
        #expect(questions.count >= 2)
        var lines = try #require(form(state)).description.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "1. \(questions[0])" && lines[1] == "Answer: Everyone in Sales.", "\(lines)")
        state.press(.tab)
        state.type("Since Monday.")
        lines = try #require(form(state)).description.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[4] == "Answer: Since Monday.", "the second answer: \(lines)")
        state.press(.backTab)
        state.type(" All of them.")
        lines = try #require(form(state)).description.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "Answer: Everyone in Sales. All of them.", "back at the end of the first answer: \(lines)")
    }

    @Test func ctrlEEditsTheDescriptionInTheEditor() {
        var state = filledIn()
        let effects = state.press(.ctrl("e"))
        guard case .editExternally(let request, let text)? = effects.first else { Issue.record("no editor: \(effects)"); return }
        #expect(text == form(state)?.description.text)
        // Keys wait while the editor runs.
        state.type("zzz")
        #expect(form(state)?.description.text == text)
        state.send(.reply(request: request, .edited(.edited("Written in vi."))))
        #expect(form(state)?.description.text == "Written in vi.")
        let again = state.press(.ctrl("e"))
        state.answer(again, .edited(.failed("set $VISUAL or $EDITOR to write in your own editor")))
        #expect(form(state)?.description.text == "Written in vi.")
        #expect(state.status == .error("Ctrl-E: set $VISUAL or $EDITOR to write in your own editor; the built-in editor is still here."))
    }

    // MARK: Attachments

    @Test func attachmentsAreCompletedCheckedAndRemovable() {
        var state = filledIn()
        state.press(.tab)
        #expect(form(state)?.field == .attachments)
        state.type("~/lo")
        let completion = state.press(.tab)
        #expect(completion.count == 1)
        guard case .completePath(let request, let text)? = completion.first else { Issue.record("\(completion)"); return }
        #expect(text == "~/lo")
        #expect(form(state)?.field == .attachments, "Tab on a typed path completes it instead of moving on")
        state.send(.reply(request: request, .pathCompleted(text: "~/logs/", candidates: [])))
        #expect(form(state)?.attachments.path.text == "~/logs/")
        state.type("big.zip")
        let inspect = state.press(.enter)
        guard case .inspectFile(let r1, "~/logs/big.zip")? = inspect.first else { Issue.record("\(inspect)"); return }
        state.send(.reply(request: r1, .fileInspected(path: "/home/ana/logs/big.zip", .file(name: "big.zip", size: Limits.attachmentMaxBytes + 1))))
        #expect(form(state)?.attachments.error == "file: big.zip is 25.0 MiB; attachments can be at most 25 MiB")
        #expect(form(state)?.attachments.files.isEmpty == true)
        #expect(form(state)?.attachments.path.text == "~/logs/big.zip", "the path stays to be corrected")
        // A missing file says so.
        state.press(.ctrl("u"))
        state.type("~/gone.txt")
        let missing = state.press(.enter)
        state.answer(missing, .fileInspected(path: "/home/ana/gone.txt", .unreadable("~/gone.txt does not exist")))
        #expect(form(state)?.attachments.error == "file: ~/gone.txt does not exist")
        // Two good files.
        for name in ["a.log", "b.png"] {
            state.press(.ctrl("u"))
            state.type("~/\(name)")
            let inspect = state.press(.enter)
            state.answer(inspect, .fileInspected(path: "/home/ana/\(name)", .file(name: name, size: 2_048)))
        }
        #expect(form(state)?.attachments.files.map(\.name) == ["a.log", "b.png"])
        #expect(form(state)?.attachments.path.isEmpty == true)
        #expect(state.screenLines().contains { $0.contains("2 files, 4.0 KiB") })
        // ↑ into the list, x removes the highlighted one.
        state.press(.up)
        #expect(form(state)?.attachments.listCursor == 1)
        state.press(.char("x"))
        #expect(form(state)?.attachments.files.map(\.name) == ["a.log"])
        // Enter on an empty path goes on.
        state.press(.down, .enter)
        #expect(form(state)?.field == .severity)
    }

    // MARK: Severity, language, time zone, review, filing

    @Test func severityLanguageAndTimeZoneDefaultFromTheUserAndAreSearchable() {
        var state = filledIn()
        #expect(form(state)?.language == Fixture.ana.user.language)
        #expect(form(state)?.timeZone == Fixture.ana.user.timeZone)
        state.press(.tab, .tab)
        #expect(form(state)?.field == .severity)
        #expect(state.screenLines().contains { $0.contains("Critical impact") })
        state.press(.char("1"))
        #expect(form(state)?.severity == .p1)
        state.press(.enter)
        #expect(form(state)?.field == .language)
        state.type("fran")
        state.press(.enter)
        #expect(form(state)?.language == "fr")
        #expect(form(state)?.field == .timeZone)
        state.type("new york")
        #expect(form(state)?.timeZoneChoices == ["America/New_York"])
        state.press(.enter)
        #expect(form(state)?.timeZone == "America/New_York")
        #expect(form(state)?.field == .review)
    }

    @Test func ctrlSChecksEverythingAndGoesToTheFirstProblem() {
        var state = opened()
        state.type("acme")
        state.press(.enter)
        #expect(state.press(.ctrl("s")).isEmpty)
        #expect(form(state)?.field == .title)
        #expect(state.status == .error("title: enter a title (1–200 characters)"))
        #expect(form(state)?.errors[.category] != nil)
    }

    @Test func reviewThenCtrlSFilesTheCaseAndOpensItWithTheSharingStep() {
        var state = filledIn()
        state.press(.ctrl("s"))
        #expect(form(state)?.field == .review, "the first Ctrl-S shows the review")
        #expect(state.screenLines().contains { $0.contains("Acme Corp (acme.example)") })
        let effects = state.press(.ctrl("s"))
        let filing = NewCase(customer: "acme.example", title: "Shared drive members can't open files", category: Self.driveCategory.path,
                             description: form(state)!.description.text, severity: .p3, language: "en", timeZone: Fixture.ana.user.timeZone,
                             attachments: [])
        #expect(effects == [.fileCase(request: state.lastRequest, session: 0, filing)])
        #expect(filing.description.contains("Answer: Everyone in Sales."))
        #expect(form(state)?.sending == state.lastRequest)
        state.type("x")
        #expect(form(state)?.description.text == filing.description, "nothing changes while it is filed")

        let after = state.answer(effects, .filed(caseNumber: 12_345_678))
        #expect(after.contains { if case .discardDraft(_, 0, .newCase(customerID: Fixture.acme.id)) = $0 { return true }; return false })
        #expect(after.contains { if case .loadCase(_, 0, 12_345_678) = $0 { return true }; return false })
        #expect(after.contains { if case .loadCases = $0 { return true }; return false }, "My Cases reloads: the case is on top")
        guard case .detail(let view)? = state.currentScreen else { Issue.record("the case isn't open"); return }
        #expect(view.number == 12_345_678)
        guard let sharing = state.form(SharingForm.self) else { return }
        #expect(sharing.target.number == 12_345_678)
        #expect(state.screenLines().contains { $0.contains("Case 12345678 filed. Share it") })
        // Esc skips it.
        state.press(.escape)
        #expect(state.overlay == nil)
        state.press(.char("q"))
        #expect(state.tabs[0].root == .myCases && state.tabs[0].isAtRoot)
    }

    @Test func aRefusedFilingKeepsEverythingAndSaysWhy() {
        var state = filledIn()
        state.press(.ctrl("s"))
        let filing = state.press(.enter)
        state.answer(filing, .failed("This customer hasn't granted your domain access to file support cases."))
        #expect(form(state)?.sending == nil)
        #expect(form(state)?.field == .review)
        #expect(form(state)?.errors[.review] == "This customer hasn't granted your domain access to file support cases.")
        #expect(form(state)?.title.text == "Shared drive members can't open files")
        #expect(state.screenLines().contains { $0.contains("! This customer hasn't granted") })
    }

    // MARK: Leaving, drafts

    @Test func escKeepsTheWizardAndNBringsItBack() {
        var state = filledIn()
        state.press(.escape)
        #expect(state.overlay == nil)
        #expect(state.status == .info("The new case is kept as a draft; nothing was filed. Press n to go on."))
        let effects = state.press(.char("n"))
        #expect(effects.isEmpty, "the kept wizard needs neither its draft nor its customers")
        #expect(form(state)?.title.text == "Shared drive members can't open files")
        #expect(form(state)?.field == .description)
    }

    @Test func theDraftIsSavedAsYouTypeAndRestoredInANewProcess() throws {
        var state = filledIn()
        let saves = state.send(.tick(Fixture.now.addingTimeInterval(1)))
        guard case .saveDraft(_, 0, .newCase(customerID: Fixture.acme.id), let content)? = saves.first else { Issue.record("no draft saved: \(saves)"); return }
        // Nothing changed since: no second save.
        #expect(state.send(.tick(Fixture.now.addingTimeInterval(3))).isEmpty)

        // Another run of the app (after a crash): the draft fills the wizard.
        var again = Fixture.myCases()
        again.tabs[0].drafts = [.newCase(customerID: Fixture.acme.id)]  // as listed when the app starts
        let loads = again.press(.char("n"))  // the draft, then the customers
        #expect(loads.first == .loadDraft(request: loads.request(0), session: 0, form: .newCase(customerID: Fixture.acme.id)))
        again.answer(loads.at(1), .customers(Self.customerRows()))
        again.answer(loads.at(0), .draft(content))
        #expect(form(again)?.customer == Fixture.acme)
        #expect(form(again)?.title.text == "Shared drive members can't open files")
        #expect(form(again)?.category == Self.driveCategory)
        #expect(form(again)?.description.text.contains("Answer: Everyone in Sales.") == true)
        #expect(again.status?.text.hasPrefix("Your draft of a new case is back.") == true)
        // A draft that isn't one changes nothing.
        var other = Fixture.myCases()
        let otherLoads = other.press(.char("n"))
        other.answer(otherLoads.at(0), .draft("not json"))
        #expect(form(other)?.title.isEmpty == true)
    }

    // MARK: Rendering

    @Test func everyStepRendersAt80x24() {
        var state = filledIn()
        for _ in 0..<NewCaseField.allCases.count {
            let lines = state.screenLines()
            #expect(lines.count == 24)
            #expect(lines[1].hasPrefix("┌─ New case · reseller-one.example"), "\(lines[1])")
            #expect(lines.contains { $0.contains("7 Language, zone") })
            state.press(.backTab)
        }
        #expect(form(state)?.field == .customer)
        state.press(.ctrl("u"))
        // Wide names line up: the access column starts at the same display column on every row.
        let lines = state.screenLines().filter { $0.contains("granted") }
        let columns = Set(lines.compactMap { line -> Int? in
            guard let r = line.range(of: "granted") else { return nil }
            let start = line[..<r.lowerBound].hasSuffix("not ") ? line.index(r.lowerBound, offsetBy: -4) : r.lowerBound
            return String(line[..<start]).displayWidth
        })
        #expect(lines.count == 4, "\(state.screenLines().joined(separator: "\n"))")
        #expect(columns.count == 1, "\(lines)")
    }
}

/// The attach form of an open case (`a`).
@Suite struct AttachFormTests {
    func opened() -> AppState {
        var state = Fixture.myCases()
        state.press(.char("j"))
        let load = state.press(.enter)
        state.answer(load, .caseDetail(Fixture.detail()))
        state.press(.char("a"))
        return state
    }

    func form(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) -> AttachForm? {
        state.form(AttachForm.self, sourceLocation: sourceLocation)
    }

    @Test func ctrlSWithoutFilesSaysWhatToDo() {
        var state = opened()
        #expect(state.press(.ctrl("s")).isEmpty)
        #expect(form(state)?.picker.error == "file: type the path of a file (Tab completes it) and press Enter to add it")
        state.type("/tmp/x.log")
        #expect(state.press(.ctrl("s")).isEmpty)
        #expect(form(state)?.picker.error == "file: press Enter to add the typed file to the list first")
    }

    @Test func addedFilesAreAttachedTogether() {
        var state = opened()
        state.type("/tmp/x.log")
        let inspect = state.press(.enter)
        state.answer(inspect, .fileInspected(path: "/tmp/x.log", .file(name: "x.log", size: 10)))
        #expect(state.screenLines().contains { $0.contains("x.log") && $0.contains("10 B") })
        let effects = state.press(.ctrl("s"))
        guard case .caseCommand(let request, 0, 10_007_919, .attach([NewAttachment(name: "x.log", localFile: "/tmp/x.log")]))? = effects.first
        else { Issue.record("\(effects)"); return }
        #expect(form(state)?.sending == request)
        let after = state.send(.reply(request: request, .done))
        #expect(state.overlay == nil)
        #expect(state.status == .success("Attached 1 file to case 10007919."))
        #expect(after.contains { if case .loadCase = $0 { return true }; return false })
    }

    @Test func aRefusedAttachKeepsTheListAndSaysWhy() {
        var state = opened()
        state.type("/tmp/x.log")
        let inspect = state.press(.enter)
        state.answer(inspect, .fileInspected(path: "/tmp/x.log", .file(name: "x.log", size: 10)))
        let sent = state.press(.ctrl("s"))
        state.answer(sent, .failed("file: /tmp/x.log does not exist"))
        #expect(form(state)?.sending == nil)
        #expect(form(state)?.picker.files.count == 1)
        #expect(form(state)?.picker.error == "file: /tmp/x.log does not exist")
    }
}

/// Tab completion of file paths, without the file system.
@Suite struct PathCompletionTests {
    let tree: [String: [PathCompletion.Entry]] = [
        ".": [.init(name: "notes.txt", isDirectory: false), .init(name: "logs", isDirectory: true), .init(name: ".hidden", isDirectory: false)],
        "/home/ana/": [.init(name: "mail-log.txt", isDirectory: false), .init(name: "mail-headers.eml", isDirectory: false),
                       .init(name: "docs", isDirectory: true)],
        "/var/": [],
    ]

    func complete(_ text: String) -> (text: String, candidates: [String]) {
        PathCompletion.complete(text, home: "/home/ana", list: { tree[$0] })
    }

    @Test func aSingleFitIsCompletedAndAFolderGetsItsSlash() {
        #expect(complete("~/d") == ("~/docs/", []))
        #expect(complete("no") == ("notes.txt", []))
        #expect(complete("l") == ("logs/", []))
    }

    @Test func severalFitsCompleteTheirCommonStartAndAreListed() {
        #expect(complete("~/m") == ("~/mail-", ["mail-headers.eml", "mail-log.txt"]))
    }

    @Test func nothingFitsOrTheFolderCantBeRead() {
        #expect(complete("/var/x") == ("/var/x", []))
        #expect(complete("/nope/x") == ("/nope/x", []))
        // Hidden names only when asked for.
        #expect(complete("") .candidates == ["logs/", "notes.txt"])
        #expect(complete(".h") == (".hidden", []))
    }

    @Test func aCompleteNameListsItselfSoTheFormKnowsItFits() {
        #expect(complete("notes.txt") == ("notes.txt", ["notes.txt"]))
    }
}

/// The Drafts list (`D`) and saving on quit.
@Suite struct DraftsListTests {
    static let drafts = [
        Draft(form: .message(caseNumber: 10_007_919), content: "Half-written note\nsecond line", updatedAt: Fixture.now.addingTimeInterval(-120)),
        Draft(form: .newCase(customerID: nil), content: NewCaseTests().filledInForm().draftContent, updatedAt: Fixture.now.addingTimeInterval(-3_600)),
    ]

    func opened() -> AppState {
        var state = Fixture.myCases()
        let effects = state.press(.char("D"))
        #expect(effects == [.loadDrafts(request: state.lastRequest, session: 0)])
        state.answer(effects, .drafts(Self.drafts))
        return state
    }

    @Test func listsEachDraftWithWhatItBeginsWith() {
        let state = opened()
        let lines = state.screenLines()
        #expect(lines.contains { $0.contains("message 10007919") && $0.contains("Half-written note") && !$0.contains("second line") })
        #expect(lines.contains { $0.contains("new case") && $0.contains("Shared drive members can't open files · Acme Corp") })
    }

    @Test func discardAsksFirstThenRemovesIt() {
        var state = opened()
        #expect(state.press(.char("x")).isEmpty)
        #expect(state.screenLines().contains { $0.contains("Discard \"message 10007919\"? What it holds is lost. y/n") })
        #expect(state.press(.char("n")).isEmpty)
        #expect(state.status == .info("The draft is kept."))
        state.press(.char("x"))
        let discard = state.press(.char("y"))
        #expect(discard == [.discardDraft(request: state.lastRequest, session: 0, form: .message(caseNumber: 10_007_919))])
        guard let list = state.form(DraftsList.self) else { return }
        #expect(list.drafts.map(\.form) == [.newCase(customerID: nil)])
    }

    @Test func openingAMessageDraftOpensItsCaseAndANewCaseDraftTheWizard() {
        var state = opened()
        let effects = state.press(.enter)
        #expect(effects == [.loadCase(request: state.lastRequest, session: 0, number: 10_007_919)])
        #expect(state.status == .info("Press m to go on with your message to case 10007919."))
        let load = state.press(.char("D"))
        state.answer(load, .drafts(Self.drafts))
        state.press(.char("j"))
        let wizard = state.press(.enter)
        #expect(wizard.contains(.loadDraft(request: wizard.request(0), session: 0, form: .newCase(customerID: nil))))
        #expect(state.overlay[NewCaseForm.self] != nil, "no wizard: \(String(describing: state.overlay))")
    }

    @Test func quittingSavesWhatWasTypedSinceTheLastSave() {
        var state = NewCaseTests().filledIn()
        state.send(.tick(Fixture.now.addingTimeInterval(1)))
        state.type(" More.")
        // Within the save interval: a tick doesn't save yet, quitting does.
        #expect(state.send(.tick(Fixture.now.addingTimeInterval(1.1))).isEmpty)
        let effects = state.press(.ctrl("c"))
        guard case .saveDraft(_, 0, .newCase(customerID: Fixture.acme.id), let content)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(content.contains("Everyone in Sales. More."))
        #expect(effects.last == .quit)
        // Said once the full screen is gone.
        #expect(state.farewell == "Kept as drafts: a new case for Acme Corp. `careportal drafts` lists them; the app brings them back.")
    }
}

extension NewCaseTests {
    func filledInForm() -> NewCaseForm {
        if let form = filledIn().overlay[NewCaseForm.self] { return form }
        fatalError("the wizard is not open")
    }
}

extension NewCaseTests {
    @Test func anyNumberOfFilesAndTheListScrollsToTheHighlightedOne() {
        var state = filledIn()
        state.press(.tab)
        for i in 0..<30 {
            state.type("/tmp/f\(i).log")
            let inspect = state.press(.enter)
            state.answer(inspect, .fileInspected(path: "/tmp/f\(i).log", .file(name: "f\(i).log", size: 100)))
        }
        #expect(form(state)?.attachments.files.count == 30)
        #expect(state.screenLines().contains { $0.contains("f29.log") }, "the last added is in view")
        state.press(.up)
        for _ in 0..<25 { state.press(.up) }
        #expect(form(state)?.attachments.listCursor == 4)
        #expect(state.screenLines().contains { $0.contains("f4.log") })
        #expect(!state.screenLines().contains { $0.contains("f29.log") })
    }
}

extension NewCaseTests {
    @Test func customersThatFailToLoadSaySoAndNTriesAgain() {
        var state = Fixture.myCases()
        let loads = state.press(.char("n"))
        state.answer(loads.at(0), .draft(nil))
        state.answer(loads.at(1), .failed("database error 1: no such index"))
        #expect(form(state)?.errors[.customer] == "customer: the customers couldn't be loaded: database error 1: no such index")
        #expect(state.screenLines().contains { $0.contains("The customers couldn't be loaded") })
        state.press(.escape)
        // Nothing was entered, so n starts afresh and asks for the customers again.
        let again = state.press(.char("n"))
        #expect(again == [.loadDraft(request: again.request(0), session: 0, form: .newCase(customerID: nil)), .loadCustomers(request: state.lastRequest, session: 0)])
    }
}

/// First-use item 21: the time-zone picker listed bare names. Each zone shows its UTC offset and the time there now.
@Suite struct ZoneClockTests {
    @Test func offsetsAndLocalTimes() {
        let at = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28 20:26:40 UTC
        #expect(ZoneClock.label("UTC", at: at) == "UTC+00:00  20:26")
        #expect(ZoneClock.label("Asia/Kolkata", at: at) == "UTC+05:30  01:56")
        #expect(ZoneClock.label("America/New_York", at: at) == "UTC-04:00  16:26", "summer time")
        #expect(ZoneClock.label("Nowhere/City", at: at) == "")
    }

    @Test func thePickerShowsThem() {
        var state = NewCaseTests().filledIn()
        for _ in 0..<4 { state.press(.tab) }  // attachments, severity, language, time zone
        let lines = state.screenLines()
        #expect(lines.contains { $0.contains("UTC") && $0.contains("UTC+00:00") }, "\(lines.joined(separator: "\n"))")
    }
}

/// Usability item 21: a customer that can't be chosen says why right under its row as soon as the cursor is on it, not
/// only after Enter.
@Suite struct DisabledCustomerReasonTests {
    @Test(arguments: [Fixture.small, Fixture.large])
    func theReasonIsUnderTheHighlightedRow(size: Size) {
        var state = NewCaseTests().opened(size: size)
        // Harbor Health Clinics, the last of four, hasn't granted access.
        state.press(.down, .down, .down)
        let lines = state.screenLines()
        guard let row = lines.firstIndex(where: { $0.contains("Harbor Health Clinics") }) else {
            Issue.record("no Harbor row: \(lines.joined(separator: "\n"))")
            return
        }
        #expect(lines[row + 1].contains("Can't be chosen: This customer hasn't granted"), "\(lines.joined(separator: "\n"))")
        #expect(state.form(NewCaseForm.self)?.errors[.customer] == nil, "said before Enter, not as an error")
        // Back on a customer that can be chosen, the reason is gone.
        state.press(.up)
        #expect(!state.screenLines().joined().contains("Can't be chosen"))
    }
}
