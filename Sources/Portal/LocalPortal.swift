import Domain
import Foundation
import Store

/// The portal over a store in this process: the embedded SQLite file on one person's machine, or the database a
/// server serves. Files to attach are read here, after their size is checked, so the store only ever receives bytes.
public final class LocalPortal: Portal {
    let store: any CaseStore

    public init(store: any CaseStore) { self.store = store }

    /// Opens the database at `path` (migrating it only when its schema is behind). A missing database is created only
    /// when `create` is true (commands that create data); otherwise the portal is unavailable: "no database at PATH".
    /// `writeWait`: how long a write waits for another process's write to finish (default `PortalStore.defaultWriteWait`).
    /// `responseTargets`: what `is:breached` holds cases to (the config file's).
    public convenience init(path: String, create: Bool = false, writeWait: TimeInterval? = nil,
                            responseTargets: ResponseTargets = .defaults) throws(PortalError) {
        self.init(store: try Self.call { () throws(StoreError) in
            try PortalStore(path: path, create: create, writeWait: writeWait ?? PortalStore.defaultWriteWait, responseTargets: responseTargets)
        })
    }

    public var location: String { store.location }
    public var now: Date { store.clock.now }

    /// Runs a store call, turning its error into the portal's.
    public static func call<T>(_ body: () throws(StoreError) -> T) throws(PortalError) -> T {
        do { return try body() } catch { throw portalError(error) }
    }

    /// A rule or bad input stays a refusal; anything the database did is `unavailable`.
    public static func portalError(_ error: StoreError) -> PortalError {
        switch error {
        case .refused(let refusal): .refused(refusal)
        case .notADatabase, .noDatabase, .cannotOpen, .readOnly, .busy, .storage: .unavailable(error.description)
        case .cancelled: .cancelled
        }
    }

    private func call<T>(_ body: (any CaseStore) throws(StoreError) -> T) throws(PortalError) -> T {
        let store = self.store
        return try Self.call { () throws(StoreError) in try body(store) }
    }

    // MARK: Sessions

    public func signIn(email: String, password: String) throws(PortalError) -> SessionGrant {
        try call { s throws(StoreError) in try s.signIn(email: email, password: password) }
    }
    public func resume(token: String) throws(PortalError) -> User { try call { s throws(StoreError) in try s.resume(token: token) } }
    public func signOut(token: String) throws(PortalError) { try call { s throws(StoreError) in try s.signOut(token: token) } }

    // MARK: Reads

    public func cases(as user: User, scope: CaseScope, query: CaseQuery, sort: CaseSort, page: PageAnchor, limit: Int,
                      cancellation: Cancellation?) throws(PortalError) -> CasePage {
        try call { s throws(StoreError) in
            try s.cases(as: user, scope: scope, query: query, sort: sort, page: page, limit: limit, cancellation: cancellation)
        }
    }
    public func cases(asEach users: [User], query: CaseQuery, sort: CaseSort, page: PageAnchor, limit: Int,
                      cancellation: Cancellation?) throws(PortalError) -> CasePage {
        try call { s throws(StoreError) in
            try s.cases(asEach: users, query: query, sort: sort, page: page, limit: limit, cancellation: cancellation)
        }
    }
    public func countCases(as user: User, scope: CaseScope, query: CaseQuery, cap: Int, cancellation: Cancellation?) throws(PortalError) -> Int {
        try call { s throws(StoreError) in try s.countCases(as: user, scope: scope, query: query, cap: cap, cancellation: cancellation) }
    }
    public func customers(as user: User) throws(PortalError) -> [CustomerRow] { try call { s throws(StoreError) in try s.customers(as: user) } }
    public func customerPage(as user: User, search: CustomerSearch, after: CustomerAfter?, limit: Int) throws(PortalError) -> CustomerPage {
        try call { s throws(StoreError) in try s.customerPage(as: user, search: search, after: after, limit: limit) }
    }
    public func customer(as user: User, matching text: String) throws(PortalError) -> CustomerRow {
        try call { s throws(StoreError) in try s.customer(as: user, matching: text) }
    }
    public func caseDetail(as actor: Actor, number: Int) throws(PortalError) -> CaseDetail {
        try call { s throws(StoreError) in try s.caseDetail(as: actor, number: number) }
    }

    // MARK: Case commands

    public func fileCase(as user: User, _ newCase: NewCase) throws(PortalError) -> SupportCase {
        var read = newCase
        read.attachments = try LocalFile.read(newCase.attachments)
        return try call { s throws(StoreError) in try s.fileCase(as: user, read) }
    }
    public func perform(_ command: CaseCommand, on number: Int, as actor: Actor) throws(PortalError) {
        var command = command
        if case .attach(let files) = command { command = .attach(try LocalFile.read(files)) }
        try call { [command] s throws(StoreError) in try s.perform(command, on: number, as: actor) }
    }
    public func setRead(_ read: Bool, number: Int, as actor: Actor, seen: Date?) throws(PortalError) {
        try call { s throws(StoreError) in try s.setRead(read, number: number, as: actor, seen: seen) }
    }

    // MARK: Drafts and feedback

    public func saveDraft(as user: User, form: DraftForm, content: String) throws(PortalError) {
        try call { s throws(StoreError) in try s.saveDraft(as: user, form: form, content: content) }
    }
    public func draft(as user: User, form: DraftForm) throws(PortalError) -> Draft? { try call { s throws(StoreError) in try s.draft(as: user, form: form) } }
    public func drafts(as user: User) throws(PortalError) -> [Draft] { try call { s throws(StoreError) in try s.drafts(as: user) } }
    public func discardDraft(as user: User, form: DraftForm) throws(PortalError) {
        try call { s throws(StoreError) in try s.discardDraft(as: user, form: form) }
    }
    public func sendFeedback(as user: User?, screen: String, message: String) throws(PortalError) {
        _ = try call { s throws(StoreError) in try s.sendFeedback(as: user, screen: screen, message: message) }
    }
    public func feedback(as user: User) throws(PortalError) -> [Feedback] { try call { s throws(StoreError) in try s.feedback(as: user) } }

    // MARK: Super administrators

    public func createDomain(as creator: User?, name: String, kind: DomainKind, superAdminEmail: String, superAdminName: String,
                             password: String) throws(PortalError) -> (ResellerDomain, User) {
        try call { s throws(StoreError) in
            try s.createDomain(as: creator, name: name, kind: kind, superAdminEmail: superAdminEmail, superAdminName: superAdminName,
                               password: password)
        }
    }
    public func adminOverview(as admin: User) throws(PortalError) -> AdminOverview { try call { s throws(StoreError) in try s.adminOverview(as: admin) } }
    public func addSecondaryDomain(as admin: User, name: String) throws(PortalError) {
        try call { s throws(StoreError) in try s.addSecondaryDomain(as: admin, name: name) }
    }
    public func createUser(as admin: User, email: String, name: String, password: String, licensed: Bool,
                           roles: [String], superAdmin: Bool, orgUnit: UnitPlacement?) throws(PortalError) -> User {
        try call { s throws(StoreError) in
            try s.createUser(as: admin, email: email, name: name, password: password, licensed: licensed, roles: roles, superAdmin: superAdmin,
                             orgUnit: orgUnit)
        }
    }
    public func setLicence(as admin: User, email: String, assigned: Bool) throws(PortalError) {
        try call { s throws(StoreError) in try s.setLicence(as: admin, email: email, assigned: assigned) }
    }
    public func requestLicences(as admin: User, count: Int) throws(PortalError) {
        try call { s throws(StoreError) in try s.requestLicences(as: admin, count: count) }
    }
    public func createRole(as admin: User, name: String, privileges: Set<Privilege>) throws(PortalError) {
        try call { s throws(StoreError) in try s.createRole(as: admin, name: name, privileges: privileges) }
    }
    public func setRole(as admin: User, email: String, role: String, assigned: Bool) throws(PortalError) {
        try call { s throws(StoreError) in try s.setRole(as: admin, email: email, role: role, assigned: assigned) }
    }
    public func setSuspended(as admin: User, email: String, suspended: Bool) throws(PortalError) {
        try call { s throws(StoreError) in try s.setSuspended(as: admin, email: email, suspended: suspended) }
    }
    public func setAlertAddress(as admin: User, email: String, alertAddress: String?) throws(PortalError) {
        try call { s throws(StoreError) in try s.setAlertAddress(as: admin, email: email, alertAddress: alertAddress) }
    }
    public func addCustomer(as admin: User, name: String, primaryDomain: String, tier: SupportTier,
                            kind: AccessKind, granted: Bool) throws(PortalError) -> Customer {
        try call { s throws(StoreError) in
            try s.addCustomer(as: admin, name: name, primaryDomain: primaryDomain, tier: tier, kind: kind, granted: granted)
        }
    }
    public func setGrant(as admin: User, customer: String, granted: Bool) throws(PortalError) {
        try call { s throws(StoreError) in try s.setGrant(as: admin, customer: customer, granted: granted) }
    }
    public func setTier(as admin: User, customer: String, tier: SupportTier) throws(PortalError) {
        try call { s throws(StoreError) in try s.setTier(as: admin, customer: customer, tier: tier) }
    }
    public func transferCustomer(as admin: User, customer: String, to domainName: String, granted: Bool) throws(PortalError) {
        try call { s throws(StoreError) in try s.transferCustomer(as: admin, customer: customer, to: domainName, granted: granted) }
    }
    public func createCustomerUser(as admin: User, email: String, name: String, password: String, customer: String) throws(PortalError) -> User {
        try call { s throws(StoreError) in try s.createCustomerUser(as: admin, email: email, name: name, password: password, customer: customer) }
    }
    public func createEngineer(as creator: User?, email: String, name: String, password: String) throws(PortalError) -> User {
        try call { s throws(StoreError) in try s.createEngineer(as: creator, email: email, name: name, password: password) }
    }
    public func createOrgUnit(as admin: User, name: String, autoLicensing: Bool) throws(PortalError) -> String? {
        try call { s throws(StoreError) in try s.createOrgUnit(as: admin, name: name, autoLicensing: autoLicensing) }
    }
    public func setAutoLicensing(as admin: User, unit: String, on: Bool) throws(PortalError) -> String? {
        try call { s throws(StoreError) in try s.setAutoLicensing(as: admin, unit: unit, on: on) }
    }
    public func moveUser(as admin: User, email: String, to placement: UnitPlacement) throws(PortalError) {
        try call { s throws(StoreError) in try s.moveUser(as: admin, email: email, to: placement) }
    }
    public func auditLog(as admin: User) throws(PortalError) -> [AuditEntry] { try call { s throws(StoreError) in try s.auditLog(as: admin) } }

    // MARK: Alerts and changes

    public func deliverAlerts(to destination: AlertDestination) throws(PortalError) -> DeliveryReport {
        try call { s throws(StoreError) in try s.deliverAlerts(to: destination) }
    }
    public func changeToken() throws(PortalError) -> ChangeToken { try call { s throws(StoreError) in try s.changeToken() } }
    public func changes(as user: User, after id: Int64, limit: Int) throws(PortalError) -> ChangeBatch {
        try call { s throws(StoreError) in try s.changes(as: user, after: id, limit: limit) }
    }
}
