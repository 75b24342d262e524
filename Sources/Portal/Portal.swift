import Domain
import Foundation

/// Everything the command line and the app ask of careportal, in one boundary. Values in, values out;
/// every failure is a `PortalError`. Implementations: `LocalPortal` (the embedded SQLite store, in this
/// process). A remote client of a careportal server is a second implementation: the users passed in are
/// those its `signIn` or `resume` returned, so it knows which session token speaks for each.
///
/// Nothing here names the database behind it; each implementation checks every rule again (the Domain's
/// rules, in the store), so a caller can't skip a check by calling the portal directly.
public protocol Portal: Sendable {
    /// Where the data lives: a database path, or a server's URL. Sessions are saved per location.
    var location: String { get }
    /// The portal's clock: relative times, the reopen window.
    var now: Date { get }

    // MARK: Sessions
    func signIn(email: String, password: String) throws(PortalError) -> SessionGrant
    /// The user of a saved session, checked again (expiry, suspension, licence, role).
    func resume(token: String) throws(PortalError) -> User
    func signOut(token: String) throws(PortalError)

    // MARK: Reads (paged, and only what a screen shows)
    // The list reads take a `Cancellation`: cancelled while they run, they stop and throw `.cancelled`.
    /// A page of a list: after a row (`.first`: the first page), or before one read from the end (`.last`: the last page).
    func cases(as user: User, scope: CaseScope, query: CaseQuery, sort: CaseSort, page: PageAnchor, limit: Int,
               cancellation: Cancellation?) throws(PortalError) -> CasePage
    /// Every user's cases merged in `sort` order: the All domains list.
    func cases(asEach users: [User], query: CaseQuery, sort: CaseSort, page: PageAnchor, limit: Int,
               cancellation: Cancellation?) throws(PortalError) -> CasePage
    /// The number of matching cases, counted up to `cap` (one more than `cap` means "more").
    func countCases(as user: User, scope: CaseScope, query: CaseQuery, cap: Int, cancellation: Cancellation?) throws(PortalError) -> Int
    func customers(as user: User) throws(PortalError) -> [CustomerRow]
    func customerPage(as user: User, search: CustomerSearch, after: CustomerAfter?, limit: Int) throws(PortalError) -> CustomerPage
    /// The one customer a name or primary domain names.
    func customer(as user: User, matching text: String) throws(PortalError) -> CustomerRow
    func caseDetail(as actor: Actor, number: Int) throws(PortalError) -> CaseDetail

    // MARK: Case commands
    func fileCase(as user: User, _ newCase: NewCase) throws(PortalError) -> SupportCase
    func perform(_ command: CaseCommand, on number: Int, as actor: Actor) throws(PortalError)
    /// Marks a case read or unread for the actor alone. Read as of `seen` (the update time the reader was shown;
    /// nil: whatever it is now): a case changed since stays unread.
    func setRead(_ read: Bool, number: Int, as actor: Actor, seen: Date?) throws(PortalError)

    // MARK: Drafts and feedback
    func saveDraft(as user: User, form: DraftForm, content: String) throws(PortalError)
    func draft(as user: User, form: DraftForm) throws(PortalError) -> Draft?
    func drafts(as user: User) throws(PortalError) -> [Draft]
    func discardDraft(as user: User, form: DraftForm) throws(PortalError)
    func sendFeedback(as user: User?, screen: String, message: String) throws(PortalError)
    /// What `user` may read: their own feedback, and a super administrator their domain's.
    func feedback(as user: User) throws(PortalError) -> [Feedback]

    // MARK: Super administrators
    /// A new reseller domain: the first one of a database needs no `creator`, any later one a super administrator.
    func createDomain(as creator: User?, name: String, kind: DomainKind, superAdminEmail: String, superAdminName: String,
                      password: String) throws(PortalError) -> (ResellerDomain, User)
    func adminOverview(as admin: User) throws(PortalError) -> AdminOverview
    func addSecondaryDomain(as admin: User, name: String) throws(PortalError)
    func createUser(as admin: User, email: String, name: String, password: String, licensed: Bool,
                    roles: [String], superAdmin: Bool, orgUnit: UnitPlacement?) throws(PortalError) -> User
    func setLicence(as admin: User, email: String, assigned: Bool) throws(PortalError)
    func requestLicences(as admin: User, count: Int) throws(PortalError)
    func createRole(as admin: User, name: String, privileges: Set<Privilege>) throws(PortalError)
    func setRole(as admin: User, email: String, role: String, assigned: Bool) throws(PortalError)
    func setSuspended(as admin: User, email: String, suspended: Bool) throws(PortalError)
    func setAlertAddress(as admin: User, email: String, alertAddress: String?) throws(PortalError)
    func addCustomer(as admin: User, name: String, primaryDomain: String, tier: SupportTier,
                     kind: AccessKind, granted: Bool) throws(PortalError) -> Customer
    func setGrant(as admin: User, customer: String, granted: Bool) throws(PortalError)
    func setTier(as admin: User, customer: String, tier: SupportTier) throws(PortalError)
    func transferCustomer(as admin: User, customer: String, to domainName: String, granted: Bool) throws(PortalError)
    /// Gives a user of a customer the admin's domain manages access to the cases filed for it.
    func createCustomerUser(as admin: User, email: String, name: String, password: String, customer: String) throws(PortalError) -> User
    /// A support engineer: the first of a database needs no `creator`, any later one a signed-in engineer.
    func createEngineer(as creator: User?, email: String, name: String, password: String) throws(PortalError) -> User
    /// The warning to show when the unit assigns Workspace licences too, or nil.
    func createOrgUnit(as admin: User, name: String, autoLicensing: Bool) throws(PortalError) -> String?
    /// The warning to show when the unit now assigns Workspace licences too, or nil.
    func setAutoLicensing(as admin: User, unit: String, on: Bool) throws(PortalError) -> String?
    func moveUser(as admin: User, email: String, to placement: UnitPlacement) throws(PortalError)
    func auditLog(as admin: User) throws(PortalError) -> [AuditEntry]

    // MARK: Alerts and changes
    func deliverAlerts(to destination: AlertDestination) throws(PortalError) -> DeliveryReport
    /// A value that changes whenever anyone writes: the app polls it to refresh what is on screen.
    func changeToken() throws(PortalError) -> ChangeToken
    /// The case changes after event `id` that `user` may see, oldest first (at most `limit` events looked at).
    func changes(as user: User, after id: Int64, limit: Int) throws(PortalError) -> ChangeBatch
}

extension Portal {
    /// The page after a row (nil: the first page).
    public func cases(as user: User, scope: CaseScope, query: CaseQuery, sort: CaseSort, after: CaseRow?, limit: Int,
                      cancellation: Cancellation?) throws(PortalError) -> CasePage {
        try cases(as: user, scope: scope, query: query, sort: sort, page: .after(after), limit: limit, cancellation: cancellation)
    }
    public func cases(asEach users: [User], query: CaseQuery, sort: CaseSort, after: CaseRow?, limit: Int,
                      cancellation: Cancellation?) throws(PortalError) -> CasePage {
        try cases(asEach: users, query: query, sort: sort, page: .after(after), limit: limit, cancellation: cancellation)
    }

    /// The list reads nobody cancels (the command line's).
    public func cases(as user: User, scope: CaseScope, query: CaseQuery, sort: CaseSort, after: CaseRow?, limit: Int) throws(PortalError) -> CasePage {
        try cases(as: user, scope: scope, query: query, sort: sort, after: after, limit: limit, cancellation: nil)
    }
    public func cases(asEach users: [User], query: CaseQuery, sort: CaseSort, after: CaseRow?, limit: Int) throws(PortalError) -> CasePage {
        try cases(asEach: users, query: query, sort: sort, after: after, limit: limit, cancellation: nil)
    }
    public func countCases(as user: User, scope: CaseScope, query: CaseQuery, cap: Int) throws(PortalError) -> Int {
        try countCases(as: user, scope: scope, query: query, cap: cap, cancellation: nil)
    }

    /// Applies an admin screen change through the same command as `careportal admin`.
    /// A user placed in no organisational unit.
    public func createUser(as admin: User, email: String, name: String, password: String, licensed: Bool,
                           roles: [String], superAdmin: Bool) throws(PortalError) -> User {
        try createUser(as: admin, email: email, name: name, password: password, licensed: licensed, roles: roles, superAdmin: superAdmin,
                       orgUnit: nil)
    }

    public func apply(_ change: AdminChange, as admin: User) throws(PortalError) {
        switch change {
        case .licence(let email, let assigned): try setLicence(as: admin, email: email, assigned: assigned)
        case .suspended(let email, let suspended): try setSuspended(as: admin, email: email, suspended: suspended)
        case .grant(let customer, let granted): try setGrant(as: admin, customer: customer, granted: granted)
        case .addSecondaryDomain(let name): try addSecondaryDomain(as: admin, name: name)
        case .createOrgUnit(let name, let on): _ = try createOrgUnit(as: admin, name: name, autoLicensing: on)
        case .autoLicensing(let unit, let on): _ = try setAutoLicensing(as: admin, unit: unit, on: on)
        case .addUser(let email, let name, let password, let placement):
            _ = try createUser(as: admin, email: email, name: name, password: password, licensed: false, roles: [], superAdmin: false,
                               orgUnit: placement)
        case .moveUser(let email, let placement): try moveUser(as: admin, email: email, to: placement)
        case .createRole(let name, let privileges): try createRole(as: admin, name: name, privileges: privileges)
        case .role(let email, let role, let assigned): try setRole(as: admin, email: email, role: role, assigned: assigned)
        case .requestLicences(let count): try requestLicences(as: admin, count: count)
        case .alerts(let email, let address): try setAlertAddress(as: admin, email: email, alertAddress: address)
        }
    }
}
