import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// Fixed data and helpers shared by the UI tests. `now` is fixed so relative times are stable.
enum Fixture {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)
    static let small = Size(width: 80, height: 24)
    static let large = Size(width: 120, height: 40)

    static let ana = SessionInfo(
        user: User(id: 1, domainID: 10, email: "ana@reseller-one.example", name: "Ana Agent",
                   licensed: true, privileges: Role.resellerAdminPrivileges),
        domainName: "reseller-one.example")
    static let ben = SessionInfo(
        user: User(id: 2, domainID: 20, email: "ben@partner-two.example", name: "Ben Partner",
                   licensed: true, privileges: Role.resellerAdminPrivileges),
        domainName: "partner-two.example")

    static let acme = Customer(id: 100, name: "Acme Corp", primaryDomain: "acme.example", tier: .standard)
    static let sakura = Customer(id: 101, name: "株式会社さくら商事", primaryDomain: "sakura.example.jp", tier: .premium)
    static let bloom = Customer(id: 102, name: "Bloom 🌸 Florists", primaryDomain: "bloom.example", tier: .enhanced)

    static let titles = [
        "Mail delivery delayed for some users", "Cannot sign in to the admin console",
        "Calendar invites arrive twice", "Drive sharing link expired too early",
        "Meet recording missing from Drive", "Shared drive quota shows the wrong value",
    ]

    /// Case `i` of domain 10: updated `i` × 7 minutes ago, numbers and statuses varied but deterministic.
    static func row(_ i: Int, domainID: Int64 = 10, domainName: String = "reseller-one.example",
                    customer: String? = nil) -> CaseRow {
        let customers = ["Acme Corp", "株式会社さくら商事", "Bloom 🌸 Florists"]
        return CaseRow(
            id: Int64(domainID * 1000 + Int64(i)), number: 10_000_000 + i * 7_919, title: titles[i % titles.count],
            customerName: customer ?? customers[i % customers.count], domainID: domainID, domainName: domainName,
            status: CaseStatus.allCases[i % CaseStatus.allCases.count], severity: Severity.allCases[i % 4],
            escalated: i % 5 == 2, createdAt: now.addingTimeInterval(-Double(i) * 86_400 - 3_600),
            updatedAt: now.addingTimeInterval(-Double(i) * 7 * 60))
    }

    /// My Customers' answer: these rows, all there is unless `hasMore`.
    static func customers(_ rows: [CustomerRow], hasMore: Bool = false, total: Int? = nil) -> Reply {
        .customerPage(CustomerPage(rows: rows, hasMore: hasMore, total: total ?? rows.count))
    }

    static func rows(_ range: Range<Int>, domainID: Int64 = 10, domainName: String = "reseller-one.example") -> [CaseRow] {
        range.map { row($0, domainID: domainID, domainName: domainName) }
    }

    /// Signed in as Ana, My Cases loaded with `count` rows.
    static func myCases(size: Size = small, count: Int = 50, hasMore: Bool = true, total: Int? = 12_345,
                        sessions: [SessionInfo] = [ana]) -> AppState {
        var state = AppState(sessions: sessions, size: size, now: now)
        let effects = start(&state)
        state.answer(effects.at(0), .cases(CasePage(rows: rows(0..<count), hasMore: hasMore)))
        if let total, effects.count > 1 {
            state.answer(effects.at(1), .counted(min(total, 10_000), capped: total > 10_000))
        }
        return state
    }

    static func detail(status: CaseStatus = .inProgress, customer: Customer = acme, closedDaysAgo: Double? = nil) -> CaseDetail {
        let created = now.addingTimeInterval(-3 * 86_400)
        let c = SupportCase(
            id: 10_001, number: 10_007_919, customerID: customer.id, domainID: 10, creatorID: 1,
            title: "Mail delivery delayed for some users", category: "Gmail > Delivery > Delays",
            description: "Since Monday morning, messages from outside the organisation arrive with a delay of up to two hours for about thirty users.",
            severity: .p2, status: status, escalated: false, language: "en", timeZone: "Europe/Paris",
            createdAt: created, updatedAt: now.addingTimeInterval(-7 * 60),
            closedAt: closedDaysAgo.map { now.addingTimeInterval(-$0 * 86_400) })
        let access = CustomerAccess(customerID: customer.id, domainID: 10, kind: .resold, granted: true,
                                    since: now.addingTimeInterval(-400 * 86_400))
        let history = [
            HistoryEvent(id: 1, caseID: c.id, at: created, author: "Ana Agent", kind: .created,
                         text: "Case filed on behalf of \(customer.name)."),
            HistoryEvent(id: 2, caseID: c.id, at: now.addingTimeInterval(-2 * 86_400), author: "Sam Support",
                         kind: .supportReply, text: "Thanks. Could you send the full headers of one delayed message?"),
            HistoryEvent(id: 3, caseID: c.id, at: now.addingTimeInterval(-7 * 60), author: "Ana Agent",
                         kind: .attachment, text: "headers.txt"),
        ]
        return CaseDetail(
            supportCase: c, customer: customer, access: access, domainName: "reseller-one.example", creator: "Ana Agent",
            history: history,
            attachments: [AttachmentInfo(id: 1, name: "headers.txt", size: 12_650, sha256: "ab", addedAt: now, addedBy: "Ana Agent")],
            sharing: ["it@acme.example"])
    }
}

extension AppState {
    /// Applies actions in order, returning every effect they produced.
    @discardableResult
    mutating func send(_ actions: Action...) -> [Effect] {
        actions.flatMap { reduce(&self, $0) }
    }

    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { reduce(&self, .key($0)) }
    }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        text.flatMap { reduce(&self, .key(.char($0))) }
    }

    func screenLines() -> [String] {
        var buffer = ScreenBuffer(size: size)
        render(self, into: &buffer)
        return buffer.lines()
    }

    func screenBuffer() -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        render(self, into: &buffer)
        return buffer
    }

    /// The case list on screen; records an issue (rather than crashing the run) when there is none.
    var list: CaseList {
        guard let list = currentCaseList else {
            Issue.record("no case list on screen")
            return CaseList(kind: .myCases)
        }
        return list
    }
}

extension AppState {
    /// The last id drawn from the app's one counter: the request of the last effect issued, unless a tab,
    /// pushed screen or form took a serial number after it.
    var lastRequest: Int { requests.last }

    /// An id the app never issued (nobody waits for its answer).
    var unknownRequest: Int { requests.last + 1_000 }

    /// Sends `reply` as the answer to `effect`'s request; records an issue when there is no effect or it waits
    /// for no answer.
    @discardableResult
    mutating func answer(_ effect: Effect?, _ reply: Reply, sourceLocation: SourceLocation = #_sourceLocation) -> [Effect] {
        guard let request = effect?.request else {
            Issue.record("no request to answer: \(String(describing: effect))", sourceLocation: sourceLocation)
            return []
        }
        return send(.reply(request: request, reply))
    }

    /// Sends `reply` as the answer to the first of `effects` that waits for one.
    @discardableResult
    mutating func answer(_ effects: [Effect], _ reply: Reply, sourceLocation: SourceLocation = #_sourceLocation) -> [Effect] {
        answer(effects.first { $0.request != nil }, reply, sourceLocation: sourceLocation)
    }

    /// The form on top when it is an `F`; records an issue when another form, or none, is open.
    func form<F: OverlayForm>(_ type: F.Type, sourceLocation: SourceLocation = #_sourceLocation) -> F? {
        if let form = overlay[type] { return form }
        Issue.record("no \(type) on top: \(String(describing: overlay?.form))", sourceLocation: sourceLocation)
        return nil
    }

    /// Fills in the sign-in form on top (email, Tab, password) and submits it: the `.signIn` effect.
    mutating func submitSignIn(email: String, password: String) -> [Effect] {
        type(email)
        press(.tab)
        type(password)
        return press(.enter)
    }

    /// The commands (and background work such as draft saves) waiting for their answers, by request id.
    var waitingCommands: [Int: CommandNote] {
        requests.waiting.compactMapValues { if case .command(let note) = $0 { note } else { nil } }
    }
}

extension Array where Element == Effect {
    /// The `i`th effect; nil (so an expectation fails instead of the run crashing) when there are fewer.
    func at(_ i: Int) -> Effect? { indices.contains(i) ? self[i] : nil }

    /// The request id of the `i`th effect; -1 when there is none (so the expectation that uses it fails).
    func request(_ i: Int) -> Int { at(i)?.request ?? -1 }

    /// The effects but the tabs' unread counts, which come with every start and every reload after a change.
    var withoutUnreadCounts: [Effect] { filter { !$0.isUnreadCount } }

    /// The page size of the first case-list load; -1 when there is none.
    var limit: Int {
        if case .loadCases(_, _, _, _, _, _, let limit)? = first { return limit }
        return -1
    }
}

extension Effect {
    /// A tab's count of its unread cases (AppState.countUnreadIfNeeded).
    var isUnreadCount: Bool {
        if case .countAside(_, _, _, let query, AppState.unreadCap) = self { query.terms == [FilterTerm(.isUnread)] } else { false }
    }
}
