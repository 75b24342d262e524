import Domain
import Foundation
import ScreenKit
import Testing
@testable import UI

/// What a support engineer's and a customer user's screens show: their first list, and their case actions.
@Suite struct AccountKindScreenTests {
    static let priya = SessionInfo(user: User(id: 7, domainID: 0, email: "priya@support.example", name: "Priya", licensed: false,
                                              privileges: [], kind: .supportEngineer),
                                   domainName: "Google Workspace Support")
    static let kim = SessionInfo(user: User(id: 8, domainID: 10, email: "kim@acme.example", name: "Kim", licensed: false,
                                            privileges: [], kind: .customer, customerID: 100),
                                 domainName: "acme.example")

    func opened(_ session: SessionInfo, _ detail: CaseDetail) -> AppState {
        var state = Fixture.myCases(sessions: [session])
        state.press(.char("j"))
        let load = state.press(.enter)
        state.answer(load, .caseDetail(detail))
        return state
    }

    @Test func eachKindOfAccountHasItsOwnFirstListReadFromItsOwnScope() {
        var state = AppState(sessions: [Self.priya], size: Fixture.large, now: Fixture.now)
        let effects = UI.start(&state)
        guard case .loadCases(_, _, let scope, _, _, _, _) = effects.at(0) else { Issue.record("\(effects)"); return }
        #expect(scope == .supportQueue)
        #expect(state.screenLines()[1].contains("Support queue"), "\(state.screenLines()[1])")
        var customer = AppState(sessions: [Self.kim], size: Fixture.large, now: Fixture.now)
        let loads = UI.start(&customer)
        guard case .loadCases(_, _, let ours, _, _, _, _) = loads.at(0) else { Issue.record("\(loads)"); return }
        #expect(ours == .customer(customerID: 100, domainID: 10))
        #expect(customer.screenLines()[1].contains("Our cases"), "\(customer.screenLines()[1])")
    }

    @Test func theActionLineShowsWhatTheAccountsRoleDoes() {
        let engineer = opened(Self.priya, Fixture.detail())
        #expect(engineer.screenLines()[2] == " m message  a attach  t status  R remove attachment", "\(engineer.screenLines()[2])")
        let customer = opened(Self.kim, Fixture.detail())
        #expect(customer.screenLines()[2] == " m message  a attach", "\(customer.screenLines()[2])")
        // A key outside the role is refused with the Domain's reason.
        var kim = customer
        kim.press(.char("x"))
        #expect(kim.status == .error("x (close): Only your reseller can close case 10007919."))
        var ana = opened(Fixture.ana, Fixture.detail())
        ana.press(.char("t"))
        #expect(ana.status?.text.hasPrefix("t (status): Only support engineers") == true, "\(String(describing: ana.status))")
    }

    @Test func anEngineerSetsTheStatusFromTheCase() {
        var state = opened(Self.priya, Fixture.detail())  // In progress
        state.press(.char("t"))
        #expect(state.screenLines().contains { $0.contains("Set status · case 10007919") })
        state.press(.char("j"))
        let effects = state.press(.enter)
        guard case .caseCommand(_, _, let number, let command)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(number == 10007919 && command == .setStatus(.actionRequired))
        state.press(.char("t"))
        state.press(.enter)  // the current status again: the Domain says so, and nothing is sent
        #expect(state.status == .error("status: case 10007919 is already In progress"))
    }

    /// `R`: the case's attachments, one picked, y/n, then the command; n goes back to the list; a case without
    /// attachments says so; anyone but an engineer gets the seed's answer.
    @Test func anEngineerRemovesAnAttachmentAfterSayingYes() {
        var detail = Fixture.detail()
        detail.attachments = [
            AttachmentInfo(id: 41, name: "headers.txt", size: 2_048, sha256: "aa", addedAt: Fixture.now, addedBy: "Ana Agent"),
            AttachmentInfo(id: 42, name: "payroll.xlsx", size: 90_000, sha256: "bb", addedAt: Fixture.now, addedBy: "Ana Agent"),
        ]
        var state = opened(Self.priya, detail)
        state.press(.char("R"))
        #expect(state.screenLines().contains { $0.contains("Remove an attachment · case 10007919") })
        #expect(state.screenLines().contains { $0.contains("payroll.xlsx") })
        state.press(.char("j"))
        #expect(state.press(.enter).isEmpty, "nothing is sent before y")
        #expect(state.screenLines().contains { $0.contains("Remove payroll.xlsx") }, "\(state.screenLines())")
        state.press(.char("n"))  // back to the list, nothing sent
        #expect(state.screenLines().contains { $0.contains("Remove an attachment · case 10007919") })
        state.press(.enter)
        let effects = state.press(.char("y"))
        guard case .caseCommand(_, _, let number, let command)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(number == 10007919 && command == .removeAttachment(id: 42))

        var none = Fixture.detail()
        none.attachments = []
        var bare = opened(Self.priya, none)
        bare.press(.char("R"))
        #expect(bare.status == .info("Case 10007919 has no attachments."))
        var ana = opened(Fixture.ana, detail)
        ana.press(.char("R"))
        #expect(ana.status == .error("R (remove attachment): Only support can remove an attachment. Contact support to remove an attachment."))
    }

    @Test func theStatusLineSaysReconnectingAndNotesOthersChanges() {
        var state = Fixture.myCases()
        _ = state.update(.connection(lost: "server: can't reach http://127.0.0.1:8750: connection refused"))
        #expect(state.screenLines().last?.hasPrefix(" Reconnecting… server: can't reach") == true, "\(state.screenLines().last ?? "")")
        let effects = state.update(.connection(lost: nil))
        #expect(state.status == .success("Connected again.") && !effects.isEmpty, "a reload after the connection is back")
        _ = state.update(.arrived([ChangeNotice(id: 9, caseNumber: 10007919, kind: .supportReply, at: Fixture.now,
                                            author: "Priya (Google Workspace Support)")]))
        #expect(state.status == .arrival("New: reply from support on 10007919 by Priya (Google Workspace Support)"))
    }
}
