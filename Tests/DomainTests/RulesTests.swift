import Foundation
import Testing
@testable import Domain

/// Fixtures: one reseller domain (1), one other domain (2), a customer (10) managed by domain 1.
enum Fixture {
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)
    static func agent(domain: Int64 = 1, licensed: Bool = true, privileges: Set<Privilege> = Role.resellerAdminPrivileges,
                      suspended: Bool = false, superAdmin: Bool = false) -> User {
        User(id: 1, domainID: domain, email: "agent@reseller.example", name: "Agent", superAdmin: superAdmin,
             suspended: suspended, licensed: licensed, privileges: privileges)
    }
    static func access(domain: Int64 = 1, granted: Bool = true, kind: AccessKind = .resold, until: Date? = nil) -> CustomerAccess {
        CustomerAccess(customerID: 10, domainID: domain, kind: kind, granted: granted, since: t0.addingTimeInterval(-400 * .day), until: until)
    }
    static func supportCase(domain: Int64 = 1, status: CaseStatus = .inProgress, closedAt: Date? = nil,
                            severity: Severity = .p3, escalated: Bool = false) -> SupportCase {
        SupportCase(id: 5, number: 12345678, customerID: 10, domainID: domain, creatorID: 1, title: "Mail not delivered",
                    category: "Gmail > Delivery > Messages not received", description: "…", severity: severity, status: status,
                    escalated: escalated, language: "en", timeZone: "UTC", createdAt: t0, updatedAt: t0, closedAt: closedAt)
    }
    /// A support engineer: no domain, no licence, no roles.
    static func engineer(suspended: Bool = false) -> User {
        User(id: 2, domainID: 0, email: "priya@support.example", name: "Priya", suspended: suspended, licensed: false, privileges: [],
             kind: .supportEngineer)
    }
    /// A user of customer 10 (or another), whose organisation domain 1 manages now.
    static func customerUser(customer: Int64 = 10, domain: Int64 = 1) -> User {
        User(id: 3, domainID: domain, email: "kim@acme.example", name: "Kim", licensed: false, privileges: [],
             kind: .customer, customerID: customer)
    }
    static func customer(_ tier: SupportTier) -> Customer {
        Customer(id: 10, name: "Acme", primaryDomain: "acme.example", tier: tier)
    }
}

@Suite struct FeedbackRules {
    @Test func anAgentReadsTheirOwnFeedbackAndASuperAdministratorTheirDomains() {
        #expect(Rules.feedbackScope(for: Fixture.agent()) == .own(userID: 1))
        #expect(Rules.feedbackScope(for: Fixture.agent(domain: 2, superAdmin: true)) == .domain(2))
        // A suspended super administrator keeps only what they sent.
        #expect(Rules.feedbackScope(for: Fixture.agent(suspended: true, superAdmin: true)) == .own(userID: 1))
    }
}

@Suite struct SignInRules {
    @Test func licensedResellerAdminCanUseThePortal() {
        #expect(Rules.portalAccess(Fixture.agent()) == .allowed)
    }
    @Test func legacyPrivilegesAlsoCount() {
        #expect(Rules.portalAccess(Fixture.agent(privileges: [.legacyResoldEnterpriseSupport, .legacyEnterprise])) == .allowed)
    }
    @Test func refusedWithoutLicence() {
        let r = Rules.portalAccess(Fixture.agent(licensed: false)).refusal
        #expect(r?.reason.hasPrefix(Rules.noPortalAccess) == true)
        #expect(r?.reason.contains("licence") == true)
    }
    @Test(arguments: [Set<Privilege>([.support]), [.support, .viewCustomers], [.viewCustomers, .accessCustomersSupportCases],
                      [.legacyEnterprise], []])
    func refusedWithoutThePrivileges(_ privileges: Set<Privilege>) {
        let r = Rules.portalAccess(Fixture.agent(privileges: privileges)).refusal
        #expect(r?.reason.hasPrefix(Rules.noPortalAccess) == true)
        #expect(r?.kind == .rule)
    }
    @Test func refusedWhenSuspended() {
        #expect(Rules.portalAccess(Fixture.agent(suspended: true)).refusal?.reason.contains("suspended") == true)
    }
}

@Suite struct VisibilityRules {
    @Test func ownDomainCaseOfCurrentCustomerIsVisible() {
        #expect(Rules.canSee(Fixture.supportCase(), domainID: 1, access: Fixture.access()))
    }
    @Test func anotherDomainsCaseIsNeverVisible() {
        #expect(!Rules.canSee(Fixture.supportCase(domain: 2), domainID: 1, access: Fixture.access()))
        #expect(!Rules.canSee(Fixture.supportCase(domain: 1), domainID: 2, access: Fixture.access(domain: 2)))
    }
    @Test func caseFiledUnderThePreviousResellerIsInvisible() {
        // The customer moved from domain 1 to domain 2: domain 1's access ended, its old cases disappear for both.
        let ended = Fixture.access(domain: 1, until: Fixture.t0)
        #expect(!Rules.canSee(Fixture.supportCase(domain: 1), domainID: 1, access: ended))
        #expect(!Rules.canSee(Fixture.supportCase(domain: 1), domainID: 2, access: Fixture.access(domain: 2)))
    }
    @Test func customerListedOnlyWhileAssigned() {
        #expect(Rules.canSeeCustomer(domainID: 1, access: Fixture.access()))
        #expect(!Rules.canSeeCustomer(domainID: 1, access: Fixture.access(until: Fixture.t0)))
        #expect(!Rules.canSeeCustomer(domainID: 1, access: nil))
    }
}

@Suite struct FilingRules {
    @Test func filingAllowedWithGrantedAccess() {
        #expect(Rules.fileCase(by: Fixture.agent(), access: Fixture.access()) == .allowed)
    }
    @Test func supportPartnerFilesTheSameWay() {
        #expect(Rules.fileCase(by: Fixture.agent(), access: Fixture.access(kind: .supportOnly)) == .allowed)
    }
    @Test func filingRefusedWhenAccessNotGranted() {
        let r = Rules.fileCase(by: Fixture.agent(), access: Fixture.access(granted: false)).refusal
        #expect(r?.reason == "This customer hasn't granted your domain access to file support cases.")
    }
    @Test func filingRefusedForSomeoneElsesCustomer() {
        #expect(Rules.fileCase(by: Fixture.agent(), access: nil).refusal?.kind == .notFound)
        #expect(Rules.fileCase(by: Fixture.agent(domain: 2), access: Fixture.access(domain: 1)).refusal?.kind == .notFound)
    }
    @Test func updatesRefusedWhenAccessRevoked() {
        let a = Actor.reseller(Fixture.agent())
        #expect(Rules.postMessage(by: a, Fixture.supportCase(), access: Fixture.access(granted: false)).refusal?.reason == Rules.accessNotGranted)
    }
}

@Suite struct CaseUpdateRules {
    let agent = Actor.reseller(Fixture.agent())

    @Test func messageNeedsAnOpenCase() {
        #expect(Rules.postMessage(by: agent, Fixture.supportCase(), access: Fixture.access()) == .allowed)
        let closed = Fixture.supportCase(status: .closed, closedAt: Fixture.t0)
        #expect(Rules.postMessage(by: agent, closed, access: Fixture.access()).refusal?.reason.contains("Reopen") == true)
    }
    @Test func severityChangesWhileOpenAndToAnotherLevel() {
        #expect(Rules.changeSeverity(by: agent, Fixture.supportCase(), to: .p1, access: Fixture.access()) == .allowed)
        #expect(Rules.changeSeverity(by: agent, Fixture.supportCase(), to: .p3, access: Fixture.access()).refusal?.field == "severity")
        #expect(Rules.changeSeverity(by: agent, Fixture.supportCase(status: .closed, closedAt: Fixture.t0), to: .p1,
                                     access: Fixture.access()).refusal != nil)
    }
    /// Whether the severity can change at all, before a level is chosen: open, visible and granted; any level.
    @Test func severityChangeableAtAllWithoutATargetLevel() {
        for severity in Severity.allCases {
            #expect(Rules.changeSeverity(by: agent, Fixture.supportCase(severity: severity), access: Fixture.access()) == .allowed)
        }
        #expect(Rules.changeSeverity(by: agent, Fixture.supportCase(status: .closed, closedAt: Fixture.t0), access: Fixture.access())
            .refusal?.reason == "Case 12345678 is closed. Reopen it to change its severity.")
        #expect(Rules.changeSeverity(by: agent, Fixture.supportCase(), access: Fixture.access(granted: false)).refusal?.reason
                == Rules.accessNotGranted)
        #expect(Rules.changeSeverity(by: agent, Fixture.supportCase(domain: 2), access: Fixture.access()).refusal?.kind == .notFound)
        // The level is the only thing `to:` adds.
        #expect(Rules.changeSeverity(by: agent, Fixture.supportCase(status: .closed, closedAt: Fixture.t0), to: .p3, access: Fixture.access())
                == Rules.changeSeverity(by: agent, Fixture.supportCase(status: .closed, closedAt: Fixture.t0), access: Fixture.access()))
    }
    @Test func theReopenWindowPassesAfter30Days() {
        #expect(!Rules.reopenWindowPassed(Fixture.supportCase(status: .closed, closedAt: Fixture.t0.addingTimeInterval(-29 * .day)), now: Fixture.t0))
        #expect(Rules.reopenWindowPassed(Fixture.supportCase(status: .closed, closedAt: Fixture.t0.addingTimeInterval(-31 * .day)), now: Fixture.t0))
        #expect(!Rules.reopenWindowPassed(Fixture.supportCase(), now: Fixture.t0), "an open case has no window")
    }
    @Test func closeOnlyOpenCases() {
        #expect(Rules.closeCase(by: agent, Fixture.supportCase(), access: Fixture.access()) == .allowed)
        #expect(Rules.closeCase(by: agent, Fixture.supportCase(status: .closed, closedAt: Fixture.t0), access: Fixture.access())
            .refusal?.reason.contains("already closed") == true)
    }
    @Test func reopenWithin30DaysOfClosing() {
        let closed = Fixture.supportCase(status: .closed, closedAt: Fixture.t0)
        let at29 = Fixture.t0.addingTimeInterval(29 * .day)
        let at30 = Fixture.t0.addingTimeInterval(30 * .day)
        let at31 = Fixture.t0.addingTimeInterval(31 * .day)
        #expect(Rules.reopenCase(by: agent, closed, access: Fixture.access(), now: at29) == .allowed)
        #expect(Rules.reopenCase(by: agent, closed, access: Fixture.access(), now: at30) == .allowed)
        let refusal = Rules.reopenCase(by: agent, closed, access: Fixture.access(), now: at31).refusal
        #expect(refusal?.reason.contains("File a new case and mention case 12345678") == true)
        #expect(refusal?.reason.contains("31 days ago") == true)
        #expect(Rules.reopenDaysLeft(closed, now: at29) == 1)
        #expect(Rules.reopenDaysLeft(closed, now: Fixture.t0.addingTimeInterval(10 * .day)) == 20)
        #expect(Rules.reopenDaysLeft(Fixture.supportCase(), now: at29) == nil)
        #expect(Rules.reopenDaysLeft(closed, now: Fixture.t0.addingTimeInterval(-0.5)) == 30, "a clock a moment behind the close")
    }
    /// The window's days are derived from the window itself, so every text that names it says 30.
    @Test func theReopenWindowIsThirtyWholeDays() {
        #expect(Limits.reopenWindowDays == 30)
        #expect(TimeInterval(Limits.reopenWindowDays) * .day == Limits.reopenWindow)
        let closed = Fixture.supportCase(status: .closed, closedAt: Fixture.t0)
        let refusal = Rules.reopenCase(by: agent, closed, access: Fixture.access(), now: Fixture.t0.addingTimeInterval(40 * .day)).refusal
        #expect(refusal?.reason.contains("can only be reopened within 30 days of closing") == true, "\(String(describing: refusal))")
    }
    @Test func reopenRefusedForOpenCase() {
        #expect(Rules.reopenCase(by: agent, Fixture.supportCase(), access: Fixture.access(), now: Fixture.t0).refusal?.reason.contains("open") == true)
    }
    @Test func escalateOnlyForPremium() {
        #expect(Rules.escalate(by: agent, Fixture.supportCase(), customer: Fixture.customer(.premium), access: Fixture.access()) == .allowed)
        for tier in [SupportTier.standard, .enhanced] {
            let r = Rules.escalate(by: agent, Fixture.supportCase(), customer: Fixture.customer(tier), access: Fixture.access()).refusal
            #expect(r?.reason.hasPrefix("Escalation is only available to customers on Premium support") == true)
        }
        #expect(Rules.escalate(by: agent, Fixture.supportCase(escalated: true), customer: Fixture.customer(.premium),
                               access: Fixture.access()).refusal?.reason.contains("already escalated") == true)
    }
    @Test func attachmentsAddedNeverRemovedByResellers() {
        #expect(Rules.attach(by: agent, Fixture.supportCase(), access: Fixture.access()) == .allowed)
        #expect(Rules.removeAttachment(by: agent).refusal?.reason.contains("Contact support to remove an attachment") == true)
        #expect(Rules.removeAttachment(by: .supportEngineer(Fixture.engineer())) == .allowed)
    }
    @Test func onlySupportEngineersReplyAsSupport() {
        #expect(Rules.supportReply(by: agent).refusal != nil)
        #expect(Rules.supportReply(by: .supportEngineer(Fixture.engineer())) == .allowed)
    }
    @Test func resellerMessageHandsTheCaseBackToSupport() {
        #expect(Rules.statusAfterResellerMessage(.actionRequired) == .inProgress)
        #expect(Rules.statusAfterResellerMessage(.new) == .new)
    }
}

@Suite struct AdminRules {
    @Test func onlySuperAdminsOfTheDomain() {
        #expect(Rules.administer(by: Fixture.agent(superAdmin: true), domainID: 1) == .allowed)
        #expect(Rules.administer(by: Fixture.agent(), domainID: 1).refusal != nil)
        #expect(Rules.administer(by: Fixture.agent(superAdmin: true), domainID: 2).refusal != nil)
    }
    @Test func noOneSuspendsTheirOwnAccount() {
        let admin = Fixture.agent(superAdmin: true)
        var other = Fixture.agent()
        other.id = 2
        #expect(Rules.setSuspended(by: admin, other) == .allowed)
        #expect(Rules.setSuspended(by: admin, admin).refusal?.reason == "You can't suspend your own account.")
        #expect(Rules.setSuspended(by: Fixture.agent(), other).refusal?.reason.contains("Only a super administrator") == true)
    }
    @Test func noSuperAdministratorTakesAwayTheirOwnAccess() {
        let admin = Fixture.agent(superAdmin: true)
        var unlicensed = admin
        unlicensed.licensed = false
        var roleless = admin
        roleless.privileges = [.support]
        #expect(Rules.keepsOwnAccess(by: admin, after: unlicensed).refusal?.reason.hasPrefix("You can't take away your own portal access") == true)
        #expect(Rules.keepsOwnAccess(by: admin, after: roleless).refusal != nil)
        #expect(Rules.keepsOwnAccess(by: admin, after: admin) == .allowed, "a change that leaves access is fine")
        var other = unlicensed
        other.id = 2
        #expect(Rules.keepsOwnAccess(by: admin, after: other) == .allowed, "another user may lose access")
    }
    @Test func aLockedAccountSaysHowManyMinutesAreLeft() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(SignInPolicy.locked(until: now.addingTimeInterval(SignInPolicy.lockout), now: now)?.reason
                == "Too many failed sign-in attempts. Try again in 5 min.")
        #expect(SignInPolicy.locked(until: now.addingTimeInterval(61), now: now)?.reason.hasSuffix("in 2 min.") == true, "rounded up")
        #expect(SignInPolicy.locked(until: now, now: now) == nil, "unlocked when the time is reached")
        #expect(SignInPolicy.locked(until: nil, now: now) == nil)
    }
    @Test func licencePoolLimitsAssignment() {
        #expect(Rules.assignLicence(used: 49, pool: 50) == .allowed)
        #expect(Rules.assignLicence(used: 50, pool: 50).refusal?.reason.contains("All 50") == true)
    }
}

@Suite struct FieldLimits {
    @Test func aDescriptionMustAnswerItsCategorysQuestions() {
        let category = CategoryCatalogue.all[0]
        let template = CategoryCatalogue.descriptionTemplate(for: category)
        #expect(Validate.description(template, answering: category).failureField == "description")
        #expect(Validate.description("\n" + template + "  \n", answering: category).failureField == "description")
        #expect((try? Validate.description(template + "All users, since Monday.", answering: category).get()) != nil)
        #expect(Validate.description("", answering: category).failureField == "description")
    }
    @Test func titleBounds() {
        #expect((try? Validate.title(String(repeating: "a", count: 200)).get()) != nil)
        #expect(Validate.title(String(repeating: "a", count: 201)).failureField == "title")
        #expect(Validate.title("   ").failureField == "title")
    }
    @Test func descriptionAndMessageBounds() {
        #expect((try? Validate.description(String(repeating: "d", count: 32_000)).get()) != nil)
        #expect(Validate.description(String(repeating: "d", count: 32_001)).failureField == "description")
        #expect((try? Validate.message(String(repeating: "m", count: 12_800)).get()) != nil)
        #expect(Validate.message(String(repeating: "m", count: 12_801)).failureField == "message")
    }
    @Test func sharingAtMostTenValidAddresses() {
        let ten = (1...10).map { "u\($0)@acme.example" }
        #expect((try? Validate.sharing(current: [], add: ten, remove: []).get())?.count == 10)
        #expect(Validate.sharing(current: ten, add: ["u11@acme.example"], remove: []).failureField == "add")
        #expect(Validate.sharing(current: [], add: ["not an address"], remove: []).failureField == "add")
        #expect(Validate.sharing(current: ["a@acme.example"], add: [], remove: ["b@acme.example"]).failureField == "remove")
    }
    /// A repeated address is refused, naming the field and the address, whatever its case or spacing.
    @Test func sharingRefusesAnAddressAlreadyOnTheList() {
        let shared = Validate.sharing(current: ["u1@acme.example"], add: [" U1@acme.example"], remove: [])
        #expect(shared.failureField == "add")
        #expect(shared.failureReason == "u1@acme.example is already on this case's sharing list")
        let twice = Validate.sharing(current: [], add: ["it@acme.example", "IT@acme.example"], remove: [])
        #expect(twice.failureField == "add")
        #expect(twice.failureReason == "it@acme.example is given twice")
        // Removed and added back in one change: it stays.
        #expect((try? Validate.sharing(current: ["u1@acme.example"], add: ["u1@acme.example"], remove: ["u1@acme.example"]).get())
                == ["u1@acme.example"])
    }
    @Test func emailAddresses() {
        #expect(Validate.isEmailAddress("alice@cloudpartners.example"))
        for bad in ["alice", "@x.example", "a@b", "a b@x.example", "a@x..example", "a@-x.example", "a@x.example.", "a@@x.example"] {
            #expect(!Validate.isEmailAddress(bad), "\(bad)")
        }
    }
    @Test func attachmentsAtMost25MiB() {
        #expect(Validate.attachment(name: "a.har", size: 25 * 1024 * 1024).failureField == nil)
        #expect(Validate.attachment(name: "a.har", size: 25 * 1024 * 1024 + 1).failureField == "file")
    }
    @Test func languageAndTimeZone() {
        #expect((try? Validate.timeZone("Europe/Paris").get()) == "Europe/Paris")
        #expect(Validate.timeZone("Mars/Olympus").failureField == "time-zone")
        #expect(Validate.language("xx").failureField == "language")
    }
}

extension Result where Failure == Refusal {
    var failureField: String? {
        if case .failure(let r) = self { return r.field }
        return nil
    }
    var failureReason: String? {
        if case .failure(let r) = self { return r.reason }
        return nil
    }
}
