import Domain
import Foundation

/// The store protocol: everything the portal asks of a database, each call authorising the actor through the Domain's
/// rules and writing a change with its history event in one transaction. `PortalStore` (SQLite over GRDB) implements
/// it; a PostgreSQL store is the second implementation, and one contract test suite runs against each. Files to attach
/// arrive as bytes: a store never reads the client's disk.
public protocol CaseStore: AnyObject, Sendable {
    /// Where the data lives (a database file's path, or a database URL without its password).
    var location: String { get }
    var clock: any Clock { get }

    // MARK: Sessions
    func signIn(email: String, password: String) throws(StoreError) -> SessionGrant
    func resume(token: String) throws(StoreError) -> User
    func signOut(token: String) throws(StoreError)

    // MARK: Reads
    func cases(as user: User, scope: CaseScope, query: CaseQuery, sort: CaseSort, page: PageAnchor, limit: Int,
               cancellation: Cancellation?) throws(StoreError) -> CasePage
    func cases(asEach users: [User], query: CaseQuery, sort: CaseSort, page: PageAnchor, limit: Int,
               cancellation: Cancellation?) throws(StoreError) -> CasePage
    func countCases(as user: User, scope: CaseScope, query: CaseQuery, cap: Int, cancellation: Cancellation?) throws(StoreError) -> Int
    func customers(as user: User) throws(StoreError) -> [CustomerRow]
    /// My Customers a page at a time, in name order, narrowed by `search`.
    func customerPage(as user: User, search: CustomerSearch, after: CustomerAfter?, limit: Int) throws(StoreError) -> CustomerPage
    func customer(as user: User, matching text: String) throws(StoreError) -> CustomerRow
    func caseDetail(as actor: Actor, number: Int) throws(StoreError) -> CaseDetail

    // MARK: Case commands
    func fileCase(as user: User, _ form: NewCase) throws(StoreError) -> SupportCase
    func perform(_ command: CaseCommand, on number: Int, as actor: Actor) throws(StoreError)
    /// Marks a visible case read or unread for the actor alone (no history, no alert). Read as of `seen`, the update
    /// time the reader was shown: when the case has changed since, it stays unread.
    func setRead(_ read: Bool, number: Int, as actor: Actor, seen: Date?) throws(StoreError)

    // MARK: Drafts and feedback
    func saveDraft(as user: User, form: DraftForm, content: String) throws(StoreError)
    func draft(as user: User, form: DraftForm) throws(StoreError) -> Draft?
    func drafts(as user: User) throws(StoreError) -> [Draft]
    func discardDraft(as user: User, form: DraftForm) throws(StoreError)
    /// The feedback's id.
    func sendFeedback(as user: User?, screen: String, message: String) throws(StoreError) -> Int64
    func feedback(as user: User) throws(StoreError) -> [Feedback]

    // MARK: Super administrators, engineers, customer users
    func createDomain(as creator: User?, name: String, kind: DomainKind, superAdminEmail: String, superAdminName: String,
                      password: String) throws(StoreError) -> (ResellerDomain, User)
    func adminOverview(as admin: User) throws(StoreError) -> AdminOverview
    func addSecondaryDomain(as admin: User, name: String) throws(StoreError)
    func createUser(as admin: User, email: String, name: String, password: String, licensed: Bool, roles: [String],
                    superAdmin: Bool, orgUnit: UnitPlacement?) throws(StoreError) -> User
    func setLicence(as admin: User, email: String, assigned: Bool) throws(StoreError)
    func requestLicences(as admin: User, count: Int) throws(StoreError)
    func createRole(as admin: User, name: String, privileges: Set<Privilege>) throws(StoreError)
    func setRole(as admin: User, email: String, role: String, assigned: Bool) throws(StoreError)
    func setSuspended(as admin: User, email: String, suspended: Bool) throws(StoreError)
    func setAlertAddress(as admin: User, email: String, alertAddress: String?) throws(StoreError)
    func addCustomer(as admin: User, name: String, primaryDomain: String, tier: SupportTier, kind: AccessKind,
                     granted: Bool) throws(StoreError) -> Customer
    func setGrant(as admin: User, customer: String, granted: Bool) throws(StoreError)
    func setTier(as admin: User, customer: String, tier: SupportTier) throws(StoreError)
    func transferCustomer(as admin: User, customer: String, to domainName: String, granted: Bool) throws(StoreError)
    func createCustomerUser(as admin: User, email: String, name: String, password: String, customer: String) throws(StoreError) -> User
    func createEngineer(as creator: User?, email: String, name: String, password: String) throws(StoreError) -> User
    /// The warning to show when the unit assigns Workspace licences too, or nil.
    func createOrgUnit(as admin: User, name: String, autoLicensing: Bool) throws(StoreError) -> String?
    func setAutoLicensing(as admin: User, unit: String, on: Bool) throws(StoreError) -> String?
    func moveUser(as admin: User, email: String, to placement: UnitPlacement) throws(StoreError)
    func auditLog(as admin: User) throws(StoreError) -> [AuditEntry]

    // MARK: Alerts and changes
    func deliverAlerts(to destination: AlertDestination) throws(StoreError) -> DeliveryReport
    func changeToken() throws(StoreError) -> ChangeToken
    func changes(as user: User, after id: Int64, limit: Int) throws(StoreError) -> ChangeBatch
}

extension PortalStore: CaseStore {
    public var location: String { path }
}
