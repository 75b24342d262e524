import Domain
import Foundation
import Portal

/// A portal whose answers the test sets: cases by query, an optional gate that holds every call until
/// opened (to queue work behind it), and an error every call throws when set.
final class FakePortal: Portal, @unchecked Sendable {
    private let lock = NSLock()
    private var _failure: PortalError?
    private var _calls: [String] = []
    private let gate = DispatchSemaphore(value: 0)
    private var gated = false

    let location: String
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    let user: User
    /// How much older than the other portal's this one's rows are (to interleave two portals' lists).
    let age: TimeInterval
    /// Whether `signIn` grants a session (as `user`) instead of refusing.
    let grants: Bool

    init(location: String = "/tmp/fake-portal", email: String = "ana@reseller-one.example", age: TimeInterval = 0, grants: Bool = false) {
        self.location = location
        self.user = User(id: 1, domainID: 10, email: email, name: "Ana Agent", licensed: true, privileges: Role.resellerAdminPrivileges)
        self.age = age
        self.grants = grants
    }

    /// The scopes the list reads and counts were asked with, in order.
    var scopes: [CaseScope] { lock.withLock { _scopes } }
    private var _scopes: [CaseScope] = []

    /// Every call throws this from now on.
    var failure: PortalError? {
        get { lock.withLock { _failure } }
        set { lock.withLock { _failure = newValue } }
    }
    /// What was called, in order ("cases sev:p1").
    var calls: [String] { lock.withLock { _calls } }

    /// Calls wait until `open()`.
    func close() { lock.withLock { gated = true } }
    func open() {
        lock.withLock { gated = false }
        for _ in 0..<16 { gate.signal() }
    }

    private func call(_ name: String) throws(PortalError) {
        if lock.withLock({ gated }) { gate.wait() }
        let failure = lock.withLock { () -> PortalError? in _calls.append(name); return _failure }
        if let failure { throw failure }
    }

    func row(_ i: Int) -> CaseRow {
        CaseRow(id: Int64(i), number: 10_000_000 + i, title: "Case \(i)", customerName: "Acme", domainID: 10, domainName: "reseller-one.example",
                status: .new, severity: .p3, escalated: false, createdAt: now, updatedAt: now.addingTimeInterval(-Double(i) - age))
    }

    func cases(as user: User, scope: CaseScope, query: CaseQuery, sort: CaseSort, page: PageAnchor, limit: Int,
               cancellation: Cancellation?) throws(PortalError) -> CasePage {
        lock.withLock { _scopes.append(scope) }
        try call("cases \(query.isEmpty ? "all" : "\(query)")")
        if query.description.contains("slow") { try runUntilCancelled(cancellation) }
        return CasePage(rows: (0..<min(limit, 3)).map(row), hasMore: false)
    }
    func cases(asEach users: [User], query: CaseQuery, sort: CaseSort, page: PageAnchor, limit: Int,
               cancellation: Cancellation?) throws(PortalError) -> CasePage {
        try call("merged \(users.map(\.email).joined(separator: ","))")
        return CasePage(rows: (0..<min(limit, 3)).map(row), hasMore: false)
    }
    func countCases(as user: User, scope: CaseScope, query: CaseQuery, cap: Int, cancellation: Cancellation?) throws(PortalError) -> Int {
        lock.withLock { _scopes.append(scope) }
        try call("count")
        if query.description.contains("slow") { try runUntilCancelled(cancellation) }
        return cap + 1
    }

    /// A read of a query with the word "slow" runs until it is cancelled, as a runaway SQLite statement would until
    /// interrupted; after 10 s it gives up and answers, so a test that expected the cancellation sees the answer.
    private func runUntilCancelled(_ cancellation: Cancellation?) throws(PortalError) {
        let stopped = DispatchSemaphore(value: 0)
        let interrupted = cancellation?.whileRunning(stop: { stopped.signal() }) {
            cancellation?.isCancelled == true || stopped.wait(timeout: .now() + 10) == .success
        }
        if interrupted == true { throw .cancelled }
    }
    func customers(as user: User) throws(PortalError) -> [CustomerRow] { try call("customers"); return [] }
    func customerPage(as user: User, search: CustomerSearch, after: CustomerAfter?, limit: Int) throws(PortalError) -> CustomerPage {
        try call("customer page"); return CustomerPage(rows: [], hasMore: false, total: 0)
    }
    func customer(as user: User, matching text: String) throws(PortalError) -> CustomerRow { try call("customer"); throw .refused(.notFound("customer", text)) }
    func caseDetail(as actor: Actor, number: Int) throws(PortalError) -> CaseDetail { try call("case \(number)"); throw .refused(.notFound("case", "\(number)")) }
    func fileCase(as user: User, _ newCase: NewCase) throws(PortalError) -> SupportCase { try call("file"); throw .unavailable("not here") }
    func perform(_ command: CaseCommand, on number: Int, as actor: Actor) throws(PortalError) { try call("perform \(command.verb) \(number)") }
    func setRead(_ read: Bool, number: Int, as actor: Actor, seen: Date?) throws(PortalError) { try call("\(read ? "read" : "unread") \(number)") }
    func createCustomerUser(as admin: User, email: String, name: String, password: String, customer: String) throws(PortalError) -> User {
        try call("customer user"); throw .unavailable("not here")
    }
    func createEngineer(as creator: User?, email: String, name: String, password: String) throws(PortalError) -> User {
        try call("engineer"); throw .unavailable("not here")
    }
    func signIn(email: String, password: String) throws(PortalError) -> SessionGrant {
        try call("sign in \(email)")
        guard grants else { throw .refused(Refusal("Wrong email or password.")) }
        return SessionGrant(user: user, domainName: "reseller-one.example", token: "token-\(email)", expiresAt: now.addingTimeInterval(3600))
    }
    func resume(token: String) throws(PortalError) -> User { try call("resume"); return user }
    func signOut(token: String) throws(PortalError) { try call("sign out") }
    func saveDraft(as user: User, form: DraftForm, content: String) throws(PortalError) { try call("save \(form.stored)") }
    func draft(as user: User, form: DraftForm) throws(PortalError) -> Draft? { try call("draft \(form.stored)"); return nil }
    func drafts(as user: User) throws(PortalError) -> [Draft] { try call("drafts"); return [] }
    func discardDraft(as user: User, form: DraftForm) throws(PortalError) { try call("discard \(form.stored)") }
    func sendFeedback(as user: User?, screen: String, message: String) throws(PortalError) { try call("feedback") }
    func feedback(as user: User) throws(PortalError) -> [Feedback] { try call("feedback list"); return [] }
    func createDomain(as creator: User?, name: String, kind: DomainKind, superAdminEmail: String, superAdminName: String,
                      password: String) throws(PortalError) -> (ResellerDomain, User) { try call("domain"); throw .unavailable("not here") }
    func adminOverview(as admin: User) throws(PortalError) -> AdminOverview {
        try call("admin")
        return AdminOverview(domainName: "reseller-one.example", licencesUsed: 1, licencePool: 50, users: [])
    }
    func addSecondaryDomain(as admin: User, name: String) throws(PortalError) { try call("secondary") }
    func createUser(as admin: User, email: String, name: String, password: String, licensed: Bool,
                    roles: [String], superAdmin: Bool, orgUnit: UnitPlacement?) throws(PortalError) -> User { try call("user"); return user }
    func setLicence(as admin: User, email: String, assigned: Bool) throws(PortalError) { try call("licence \(email) \(assigned)") }
    func requestLicences(as admin: User, count: Int) throws(PortalError) { try call("request") }
    func createRole(as admin: User, name: String, privileges: Set<Privilege>) throws(PortalError) { try call("role") }
    func setRole(as admin: User, email: String, role: String, assigned: Bool) throws(PortalError) { try call("set role") }
    func setSuspended(as admin: User, email: String, suspended: Bool) throws(PortalError) { try call("suspend \(email) \(suspended)") }
    func setAlertAddress(as admin: User, email: String, alertAddress: String?) throws(PortalError) { try call("alerts") }
    func addCustomer(as admin: User, name: String, primaryDomain: String, tier: SupportTier,
                     kind: AccessKind, granted: Bool) throws(PortalError) -> Customer { try call("add customer"); throw .unavailable("not here") }
    func setGrant(as admin: User, customer: String, granted: Bool) throws(PortalError) { try call("grant \(customer) \(granted)") }
    func setTier(as admin: User, customer: String, tier: SupportTier) throws(PortalError) { try call("tier") }
    func transferCustomer(as admin: User, customer: String, to domainName: String, granted: Bool) throws(PortalError) { try call("transfer") }
    func createOrgUnit(as admin: User, name: String, autoLicensing: Bool) throws(PortalError) -> String? { try call("org unit"); return nil }
    func setAutoLicensing(as admin: User, unit: String, on: Bool) throws(PortalError) -> String? {
        try call("auto-licensing \(unit) \(on)"); return nil
    }
    func moveUser(as admin: User, email: String, to placement: UnitPlacement) throws(PortalError) { try call("move \(email) \(placement.unit)") }
    func auditLog(as admin: User) throws(PortalError) -> [AuditEntry] { try call("audit"); return [] }
    func deliverAlerts(to destination: AlertDestination) throws(PortalError) -> DeliveryReport { try call("deliver"); return DeliveryReport() }
    /// What `changeToken` answers.
    var token: Int64 {
        get { lock.withLock { _token } }
        set { lock.withLock { _token = newValue } }
    }
    private var _token: Int64 = 1
    /// Commits that append no event (an admin change), as the token counts them.
    var commits: Int64 {
        get { lock.withLock { _commits } }
        set { lock.withLock { _commits = newValue } }
    }
    private var _commits: Int64 = 0
    func changeToken() throws(PortalError) -> ChangeToken { try call("token"); return ChangeToken(lastEvent: token, commits: commits) }
    func changes(as user: User, after id: Int64, limit: Int) throws(PortalError) -> ChangeBatch {
        try call("changes"); return ChangeBatch(notices: [], through: id)
    }
}
