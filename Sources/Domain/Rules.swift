import Foundation

/// Every business rule of the portal, each answering allowed or refused with a reason.
/// Store calls these before each write; UI calls them to explain a key that can't act.
public enum Rules {
    // MARK: Sign-in

    public static let noPortalAccess =
        "You don't have access to the Customer Care Portal. Contact your super administrator."

    /// Privileges that open the portal: the Reseller Admin set, or the two legacy privileges.
    public static func hasPortalPrivileges(_ privileges: Set<Privilege>) -> Bool {
        Role.resellerAdminPrivileges.isSubset(of: privileges)
            || Set<Privilege>([.legacyResoldEnterpriseSupport, .legacyEnterprise]).isSubset(of: privileges)
    }

    public static func portalAccess(_ user: User) -> Decision {
        let gaps = portalAccessGaps(user)
        if gaps.contains(.suspended) {
            return .refused(Refusal(user.isReseller ? "This account is suspended. Contact your super administrator."
                                                     : "This account is suspended."))
        }
        guard !gaps.isEmpty else { return .allowed }
        var why: [String] = []
        if gaps.contains(.noLicence) { why.append("No \(Licences.product) licence is assigned to \(user.email).") }
        let missing = gaps.compactMap { if case .missingPrivilege(let p) = $0 { p.name } else { nil } }
        if !missing.isEmpty { why.append("\(user.email) lacks the privilege\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")).") }
        return .refused(Refusal("\(noPortalAccess) (\(why.joined(separator: " ")))"))
    }

    /// Everything that keeps a user out of the portal, in the order the seed's setup fixes it (empty: they can sign
    /// in). The refusal at sign-in (`portalAccess`) and the setup checklist both come from this.
    public static func portalAccessGaps(_ user: User) -> [AccessGap] {
        var gaps: [AccessGap] = user.suspended ? [.suspended] : []
        // Licences and Admin console roles are a reseller domain's; engineers and customer users need neither.
        guard user.isReseller else { return gaps }
        if !user.licensed { gaps.append(.noLicence) }
        if !hasPortalPrivileges(user.privileges) {
            // The way the seed recommends: the Reseller Admin privileges (the legacy pair is the older way).
            gaps += Privilege.allCases.filter { Role.resellerAdminPrivileges.contains($0) && !user.privileges.contains($0) }
                .map(AccessGap.missingPrivilege)
        }
        return gaps
    }

    /// What a user lacks, for listings such as `demo --json`; nil when they can use the portal.
    public static func whyNoPortalAccess(_ user: User) -> String? {
        let gaps = portalAccessGaps(user)
        return gaps.isEmpty ? nil : gaps.map(\.description).joined(separator: ", ")
    }

    /// Placing a user in an organisational unit with auto-licensing on gives them a Google Workspace licence as well
    /// as Cloud Identity: refused unless the admin says that is wanted.
    public static func placeInUnit(autoLicensing: Bool, acceptWorkspaceLicence: Bool) -> Decision {
        guard autoLicensing, !acceptWorkspaceLicence else { return .allowed }
        return .refused(Refusal(.invalidInput, field: "accept-workspace-licence",
            "auto-licensing is on for this organisational unit, so the user would get a Google Workspace licence as well as "
            + "Cloud Identity. Turn auto-licensing off for the unit first, or accept the Workspace licence."))
    }

    // MARK: Visibility

    /// A domain sees a case only while it manages the customer and only if the case was filed
    /// while it managed the customer. `access` is the domain's current access to the case's customer.
    public static func canSee(_ supportCase: SupportCase, domainID: Int64, access: CustomerAccess?) -> Bool {
        guard let access, access.domainID == supportCase.domainID, access.customerID == supportCase.customerID else { return false }
        return canSee(caseDomain: supportCase.domainID, managedByIt: access.isCurrent, domainID: domainID)
    }

    /// The same rule on plain values: the case's domain, and whether that domain manages the case's customer now.
    public static func canSee(caseDomain: Int64, managedByIt: Bool, domainID: Int64) -> Bool {
        caseDomain == domainID && managedByIt
    }

    /// What an account sees of a case: a support engineer every case; a reseller user their domain's (above); a
    /// customer user their organisation's, filed by the domain that manages it now (`user.domainID`).
    public static func canSee(_ c: SupportCase, by user: User, access: CustomerAccess?) -> Bool {
        guard let access, access.domainID == c.domainID, access.customerID == c.customerID else { return user.kind == .supportEngineer }
        return canSee(caseDomain: c.domainID, customer: c.customerID, managedByIt: access.isCurrent, by: user)
    }

    /// The same rule on plain values (the live change stream checks each event with it).
    public static func canSee(caseDomain: Int64, customer: Int64, managedByIt: Bool, by user: User) -> Bool {
        switch user.kind {
        case .supportEngineer: true
        case .reseller: canSee(caseDomain: caseDomain, managedByIt: managedByIt, domainID: user.domainID)
        case .customer: customer == user.customerID && canSee(caseDomain: caseDomain, managedByIt: managedByIt, domainID: user.domainID)
        }
    }

    /// Which list an account's first screen shows: My Cases, the Support queue or Our cases.
    public static func homeScope(for user: User) -> CaseScope {
        switch user.kind {
        case .reseller: .domain(user.domainID)
        case .supportEngineer: .supportQueue
        case .customer: .customer(customerID: user.customerID ?? 0, domainID: user.domainID)
        }
    }

    /// Which lists an account may read: a reseller user their domain's and its customers'; a customer user only
    /// Our cases; a support engineer the Support queue.
    public static func listCases(by user: User, scope: CaseScope) -> Decision {
        if case .refused(let r) = portalAccess(user) { return .refused(r) }
        switch (user.kind, scope) {
        case (.reseller, .domain(let d)), (.reseller, .customer(_, let d)):
            return d == user.domainID ? .allowed : .refused(Refusal("You can only list your own domain's cases."))
        case (.customer, _):
            return scope == homeScope(for: user) ? .allowed : .refused(Refusal("You can only list your organisation's cases."))
        case (.supportEngineer, .supportQueue):
            return .allowed
        case (.supportEngineer, _):
            return .refused(Refusal("Support engineers work from the Support queue."))
        case (.reseller, .supportQueue):
            return .refused(Refusal("Only support engineers see the Support queue."))
        }
    }

    /// Customers a domain lists: those currently assigned to it.
    public static func canSeeCustomer(domainID: Int64, access: CustomerAccess?) -> Bool {
        guard let access else { return false }
        return access.isCurrent && access.domainID == domainID
    }

    // MARK: Filing and updating

    public static let accessNotGranted = "This customer hasn't granted your domain access to file support cases."

    /// Whether the account files cases at all (checked before a customer is even looked up).
    public static func fileCases(by user: User) -> Decision {
        portalAccess(user).then {
            switch user.kind {
            case .reseller: .allowed
            case .customer: .refused(Refusal("Your reseller files cases for your organisation: ask them to file this one."))
            case .supportEngineer: .refused(Refusal("Support engineers answer cases; resellers file them."))
            }
        }
    }

    /// My Customers and customer look-ups are a reseller domain's: customer users and engineers have none.
    public static func listCustomers(by user: User) -> Decision {
        portalAccess(user).then(user.isReseller ? .allowed : .refused(Refusal("Only reseller users have customers to list.")))
    }

    public static func fileCase(by user: User, access: CustomerAccess?) -> Decision {
        if case .refused(let r) = fileCases(by: user) { return .refused(r) }
        guard canSeeCustomer(domainID: user.domainID, access: access), let access else {
            return .refused(.notFound("customer", "is not a customer of your domain"))
        }
        if !access.granted { return .refused(Refusal(accessNotGranted)) }
        return .allowed
    }

    /// The common precondition of every update to a case.
    public static func updateCase(by actor: Actor, _ c: SupportCase, access: CustomerAccess?) -> Decision {
        switch actor {
        case .supportEngineer(let engineer): return portalAccess(engineer)
        case .customerUser(let user):
            if case .refused(let r) = portalAccess(user) { return .refused(r) }
            return canSee(c, by: user, access: access) ? .allowed : .refused(.notFound("case", "case \(c.number) doesn't exist or isn't visible to you"))
        case .reseller(let user):
            if case .refused(let r) = portalAccess(user) { return .refused(r) }
            guard canSee(c, domainID: user.domainID, access: access), let access else {
                return .refused(.notFound("case", "case \(c.number) doesn't exist or isn't visible to your domain"))
            }
            if !access.granted { return .refused(Refusal(accessNotGranted)) }
            return .allowed
        }
    }

    /// A change only the case's reseller (or support) makes: a customer user messages and attaches, nothing more.
    private static func notByCustomer(_ actor: Actor, _ c: SupportCase, _ what: String) -> Decision {
        if case .customerUser = actor { return .refused(Refusal("Only your reseller can \(what) case \(c.number).")) }
        return .allowed
    }

    private static func requireOpen(_ c: SupportCase, _ what: String) -> Decision {
        c.status == .closed ? .refused(Refusal("Case \(c.number) is closed. Reopen it to \(what).")) : .allowed
    }

    public static func postMessage(by actor: Actor, _ c: SupportCase, access: CustomerAccess?) -> Decision {
        updateCase(by: actor, c, access: access).then(requireOpen(c, "send a message"))
    }

    /// Whether the actor may change the case's severity at all: what a key or a button asks before a level is chosen.
    public static func changeSeverity(by actor: Actor, _ c: SupportCase, access: CustomerAccess?) -> Decision {
        updateCase(by: actor, c, access: access).then(notByCustomer(actor, c, "change the severity of")).then(requireOpen(c, "change its severity"))
    }

    /// A change to `severity`: allowed at all, and to a level the case doesn't already have.
    public static func changeSeverity(by actor: Actor, _ c: SupportCase, to severity: Severity, access: CustomerAccess?) -> Decision {
        changeSeverity(by: actor, c, access: access)
            .then(c.severity == severity ? .refused(.invalid("severity", "the case is already \(severity.rawValue)")) : .allowed)
    }

    public static func closeCase(by actor: Actor, _ c: SupportCase, access: CustomerAccess?) -> Decision {
        updateCase(by: actor, c, access: access).then(notByCustomer(actor, c, "close"))
            .then(c.status == .closed ? .refused(Refusal("Case \(c.number) is already closed.")) : .allowed)
    }

    /// Days left to reopen a closed case, or nil when it is not closed.
    public static func reopenDaysLeft(_ c: SupportCase, now: Date) -> Int? {
        guard c.status == .closed, let closedAt = c.closedAt else { return nil }
        let left = (closedAt.addingTimeInterval(Limits.reopenWindow).timeIntervalSince(now)) / .day
        // A clock read just before the close (the UI's last tick) must not show a day more than the window.
        return min(Limits.reopenWindowDays, max(0, Int(left.rounded(.up))))
    }

    /// A closed case past its reopen window: it can't be reopened, and a new case should refer to it.
    public static func reopenWindowPassed(_ c: SupportCase, now: Date) -> Bool {
        guard c.status == .closed, let closedAt = c.closedAt else { return false }
        return now.timeIntervalSince(closedAt) > Limits.reopenWindow
    }

    public static func reopenCase(by actor: Actor, _ c: SupportCase, access: CustomerAccess?, now: Date) -> Decision {
        updateCase(by: actor, c, access: access).then(notByCustomer(actor, c, "reopen")).then {
            guard c.status == .closed, let closedAt = c.closedAt else {
                return .refused(Refusal("Case \(c.number) is open; only a closed case can be reopened."))
            }
            if reopenWindowPassed(c, now: now) {
                let days = Int(now.timeIntervalSince(closedAt) / .day)
                return .refused(Refusal("Case \(c.number) was closed \(days) days ago and can only be reopened within \(Limits.reopenWindowDays) days of closing. File a new case and mention case \(c.number)."))
            }
            return .allowed
        }
    }

    public static func escalate(by actor: Actor, _ c: SupportCase, customer: Customer, access: CustomerAccess?) -> Decision {
        updateCase(by: actor, c, access: access).then(notByCustomer(actor, c, "escalate"))
            .then(requireOpen(c, "escalate it"))
            .then(customer.tier != .premium
                  ? .refused(Refusal("Escalation is only available to customers on Premium support; \(customer.name) has \(customer.tier.label) support."))
                  : .allowed)
            .then(c.escalated ? .refused(Refusal("Case \(c.number) is already escalated.")) : .allowed)
    }

    public static func attach(by actor: Actor, _ c: SupportCase, access: CustomerAccess?) -> Decision {
        updateCase(by: actor, c, access: access).then(requireOpen(c, "add attachments"))
    }

    /// Only support removes an attachment (the seed: "contact support to remove an attachment").
    public static func removeAttachment(by actor: Actor) -> Decision {
        switch actor {
        case .supportEngineer(let engineer): portalAccess(engineer)
        case .reseller, .customerUser: .refused(Refusal("Only support can remove an attachment. Contact support to remove an attachment."))
        }
    }

    public static func shareCase(by actor: Actor, _ c: SupportCase, access: CustomerAccess?) -> Decision {
        updateCase(by: actor, c, access: access).then(notByCustomer(actor, c, "change the sharing of"))
    }

    public static func supportReply(by actor: Actor) -> Decision {
        if case .supportEngineer(let engineer) = actor { return portalAccess(engineer) }
        return .refused(Refusal("Only support engineers can reply as support. Sign in as one (`careportal login --user EMAIL`)."))
    }

    /// Only support moves a case's status directly (resellers close and reopen; their messages move it back to support).
    public static func setStatus(by actor: Actor, _ c: SupportCase, to status: CaseStatus) -> Decision {
        supportReply(by: actor).then(c.status == status ? .refused(.invalid("status", "case \(c.number) is already \(status.label)")) : .allowed)
    }

    /// Status after a reseller's or customer's message: a case waiting on them goes back to support.
    public static func statusAfterResellerMessage(_ status: CaseStatus) -> CaseStatus {
        status == .actionRequired ? .inProgress : status
    }

    // MARK: Administration

    /// Whoever holds the database file starts an organisation: the first reseller domain needs no account. Every
    /// later domain is created by a signed-in super administrator (of any domain), like every other admin change.
    public static func createDomain(by creator: User?, existingDomains: Int) -> Decision {
        guard let creator else {
            return existingDomains == 0 ? .allowed : .refused(Refusal(
                "This database already has reseller domains: only a super administrator can create another. Sign in as one and give --as EMAIL."))
        }
        if creator.suspended { return .refused(Refusal("This account is suspended.")) }
        return creator.superAdmin ? .allowed : .refused(Refusal("Only a super administrator can do this. Ask your super administrator."))
    }

    /// Only a super administrator of the domain may change its users, licences, roles and customers.
    public static func administer(by user: User, domainID: Int64) -> Decision {
        if user.suspended { return .refused(Refusal("This account is suspended.")) }
        guard user.superAdmin else {
            return .refused(Refusal("Only a super administrator can do this. Ask your super administrator."))
        }
        guard user.domainID == domainID else {
            return .refused(Refusal("You can only administer your own reseller domain."))
        }
        return .allowed
    }

    /// A super administrator suspends or unsuspends others, never their own account (they would lock themselves out).
    public static func setSuspended(by admin: User, _ target: User) -> Decision {
        administer(by: admin, domainID: target.domainID).then {
            target.id == admin.id ? .refused(Refusal("You can't suspend your own account.")) : .allowed
        }
    }

    /// A super administrator never takes away their own portal access (their licence, the role that gives it): they would
    /// lock themselves out of the portal and of this screen. Another super administrator can. `after`: the account as
    /// the change would leave it.
    public static func keepsOwnAccess(by admin: User, after: User) -> Decision {
        guard after.id == admin.id, portalAccess(after) != .allowed else { return .allowed }
        return .refused(Refusal("You can't take away your own portal access (your licence, or the role that gives it); "
                                + "ask another super administrator."))
    }

    /// Whose feedback `user` reads: their own; a super administrator also their domain's users'. Feedback sent
    /// before signing in names no domain, so no domain reads it (it stays in the database for whoever runs it).
    public static func feedbackScope(for user: User) -> FeedbackScope {
        user.superAdmin && !user.suspended ? .domain(user.domainID) : .own(userID: user.id)
    }

    /// The first support engineer of a database needs no account (whoever runs the server starts the provider
    /// side, as the first reseller domain); every later one is added by a signed-in support engineer.
    public static func addEngineer(by creator: User?, existingEngineers: Int) -> Decision {
        guard let creator else {
            return existingEngineers == 0 ? .allowed : .refused(Refusal(
                "This database already has support engineers: only a support engineer can add another. Sign in as one and give --as EMAIL."))
        }
        guard creator.kind == .supportEngineer else { return .refused(Refusal("Only a support engineer can add support engineers.")) }
        return portalAccess(creator)
    }

    /// A super administrator gives portal access to users of a customer their domain manages now.
    public static func addCustomerUser(by admin: User, access: CustomerAccess?) -> Decision {
        administer(by: admin, domainID: admin.domainID).then {
            canSeeCustomer(domainID: admin.domainID, access: access) ? .allowed
                : .refused(.notFound("customer", "is not a customer of your domain"))
        }
    }

    /// The domain that manages a customer now, whose cases its users see: the reseller of its subscription before a
    /// support partner, then the earliest assignment. nil when no domain manages it.
    public static func managingDomain(of accesses: [CustomerAccess]) -> Int64? {
        accesses.filter(\.isCurrent).min { a, b in
            a.kind != b.kind ? a.kind == .resold : a.since < b.since
        }?.domainID
    }

    public static func assignLicence(used: Int, pool: Int) -> Decision {
        used < pool ? .allowed
            : .refused(Refusal("All \(pool) \(Licences.product) licences are assigned. Request more with `careportal admin licence request --count N`."))
    }

    public static let autoLicensingWarning =
        "Auto-licensing is on for this organisational unit: new users may get both Google Workspace and Cloud Identity licences. Turn it off."
}

public extension Decision {
    /// The first refusal wins.
    func then(_ next: @autoclosure () -> Decision) -> Decision {
        self == .allowed ? next() : self
    }
    func then(_ next: () -> Decision) -> Decision {
        self == .allowed ? next() : self
    }
}
