import Foundation
import Testing
@testable import Domain

/// What support engineers and customer users may do, beside reseller users.
@Suite struct AccountKindRules {
    let engineer = Fixture.engineer()
    let kim = Fixture.customerUser()

    @Test func engineersAndCustomerUsersNeedNoLicenceOrRole() {
        #expect(Rules.portalAccess(engineer) == .allowed)
        #expect(Rules.portalAccess(kim) == .allowed)
        #expect(Rules.portalAccess(Fixture.engineer(suspended: true)).refusal?.reason == "This account is suspended.")
        #expect(Rules.whyNoPortalAccess(engineer) == nil)
    }

    @Test func aCustomerUserSeesOnlyTheirOrganisationsCasesFiledByItsCurrentReseller() {
        let c = Fixture.supportCase()
        #expect(Rules.canSee(c, by: kim, access: Fixture.access()))
        #expect(!Rules.canSee(c, by: Fixture.customerUser(customer: 11), access: Fixture.access()))
        // Filed by another domain, or the customer moved away since: not theirs to see.
        #expect(!Rules.canSee(Fixture.supportCase(domain: 2), by: kim, access: Fixture.access(domain: 2)))
        #expect(!Rules.canSee(c, by: kim, access: Fixture.access(until: Fixture.t0)))
        #expect(!Rules.canSee(c, by: Fixture.customerUser(domain: 0), access: Fixture.access()))
        // An engineer sees every domain's cases.
        #expect(Rules.canSee(Fixture.supportCase(domain: 2), by: engineer, access: nil))
    }

    @Test func eachKindHasItsOwnList() {
        #expect(Rules.homeScope(for: Fixture.agent()) == .domain(1))
        #expect(Rules.homeScope(for: engineer) == .supportQueue)
        #expect(Rules.homeScope(for: kim) == .customer(customerID: 10, domainID: 1))
        #expect(Rules.listCases(by: kim, scope: .customer(customerID: 10, domainID: 1)) == .allowed)
        #expect(Rules.listCases(by: kim, scope: .domain(1)).refusal != nil)
        #expect(Rules.listCases(by: kim, scope: .customer(customerID: 11, domainID: 1)).refusal != nil)
        #expect(Rules.listCases(by: engineer, scope: .supportQueue) == .allowed)
        #expect(Rules.listCases(by: engineer, scope: .domain(1)).refusal != nil)
        #expect(Rules.listCases(by: Fixture.agent(), scope: .supportQueue).refusal != nil)
        #expect(Rules.listCustomers(by: kim).refusal != nil)
        #expect(Rules.listCustomers(by: engineer).refusal != nil)
    }

    @Test func aCustomerUserMessagesAndAttachesButChangesNothingElse() {
        let me = Actor.customerUser(kim), c = Fixture.supportCase(), a = Fixture.access()
        #expect(Rules.postMessage(by: me, c, access: a) == .allowed)
        #expect(Rules.attach(by: me, c, access: a) == .allowed)
        #expect(Rules.closeCase(by: me, c, access: a).refusal?.reason == "Only your reseller can close case 12345678.")
        #expect(Rules.changeSeverity(by: me, c, access: a).refusal != nil)
        #expect(Rules.escalate(by: me, c, customer: Fixture.customer(.premium), access: a).refusal != nil)
        #expect(Rules.shareCase(by: me, c, access: a).refusal != nil)
        #expect(Rules.reopenCase(by: me, Fixture.supportCase(status: .closed, closedAt: Fixture.t0), access: a, now: Fixture.t0).refusal != nil)
        #expect(Rules.removeAttachment(by: me).refusal != nil)
        #expect(Rules.supportReply(by: me).refusal != nil)
        #expect(Rules.fileCases(by: kim).refusal?.reason.contains("Your reseller files cases") == true)
        // Another customer's case is "not found", as for a reseller.
        #expect(Rules.postMessage(by: .customerUser(Fixture.customerUser(customer: 11)), c, access: a).refusal?.field == "case")
    }

    @Test func onlyEngineersReplySetStatusAndRemoveAttachments() {
        let c = Fixture.supportCase(status: .new)
        #expect(Rules.setStatus(by: .supportEngineer(engineer), c, to: .inProgress) == .allowed)
        #expect(Rules.setStatus(by: .supportEngineer(engineer), c, to: .new).refusal?.field == "status")
        #expect(Rules.setStatus(by: .reseller(Fixture.agent()), c, to: .inProgress).refusal != nil)
        #expect(Rules.removeAttachment(by: .supportEngineer(Fixture.engineer(suspended: true))).refusal != nil)
        #expect(Rules.fileCases(by: engineer).refusal != nil)
    }

    @Test func theFirstEngineerNeedsNoAccountLaterOnesAnEngineer() {
        #expect(Rules.addEngineer(by: nil, existingEngineers: 0) == .allowed)
        #expect(Rules.addEngineer(by: nil, existingEngineers: 1).refusal != nil)
        #expect(Rules.addEngineer(by: engineer, existingEngineers: 1) == .allowed)
        #expect(Rules.addEngineer(by: Fixture.agent(superAdmin: true), existingEngineers: 1).refusal != nil)
    }

    @Test func customerUsersAreAddedByTheManagingDomainsSuperAdministrator() {
        let admin = Fixture.agent(superAdmin: true)
        #expect(Rules.addCustomerUser(by: admin, access: Fixture.access()) == .allowed)
        #expect(Rules.addCustomerUser(by: Fixture.agent(), access: Fixture.access()).refusal != nil)
        #expect(Rules.addCustomerUser(by: admin, access: Fixture.access(domain: 2)).refusal?.field == "customer")
    }

    @Test func theManagingDomainIsTheResellerBeforeASupportPartner() {
        let since = Fixture.t0
        let partner = CustomerAccess(customerID: 10, domainID: 3, kind: .supportOnly, granted: true, since: since.addingTimeInterval(-9 * .day))
        let reseller = CustomerAccess(customerID: 10, domainID: 1, kind: .resold, granted: true, since: since)
        let former = CustomerAccess(customerID: 10, domainID: 2, kind: .resold, granted: true, since: since.addingTimeInterval(-99 * .day), until: since)
        #expect(Rules.managingDomain(of: [partner, former, reseller]) == 1)
        #expect(Rules.managingDomain(of: [partner, former]) == 3)
        #expect(Rules.managingDomain(of: [former]) == nil)
    }
}
