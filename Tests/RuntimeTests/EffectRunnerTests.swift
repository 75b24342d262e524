import Domain
import Foundation
import Portal
import Runtime
import Testing
import UI

/// The effect runner against a fake portal: every effect is answered with its request id, failures come
/// back as `.failed` with the portal's sentence, a superseded load never runs, and changes are noticed.
@Suite struct EffectRunnerTests {
    let portal = FakePortal()
    var runner: EffectRunner { EffectRunner(portal: portal, sessions: [(portal.user, "token")]) }

    /// Every effect that talks to the portal, each with its own request id.
    static let portalEffects: [Effect] = [
        .loadCases(request: 1, session: 0, scope: .domain(10), query: .all, sort: .updated, page: .first, limit: 50),
        .loadMergedCases(request: 2, sessions: [0], query: .all, sort: .updated, page: .first, limit: 50),
        .countCases(request: 3, session: 0, scope: .domain(10), query: .all, cap: 10_000),
        .loadCustomers(request: 4, session: 0),
        .loadCase(request: 5, session: 0, number: 10_000_001),
        .signIn(request: 6, email: "ana@reseller-one.example", password: "secret-password", location: ""),
        .sendFeedback(request: 7, session: 0, screen: "My Cases", message: "Great"),
        .caseCommand(request: 8, session: 0, number: 10_000_001, .close),
        .fileCase(request: 9, session: 0, NewCase(customer: "acme.example", title: "t", category: "c", description: "d", severity: .p3)),
        .saveDraft(request: 10, session: 0, form: .newCase(customerID: nil), content: "{}"),
        .discardDraft(request: 11, session: 0, form: .newCase(customerID: nil)),
        .loadDraft(request: 12, session: 0, form: .message(caseNumber: 10_000_001)),
        .loadDrafts(request: 13, session: 0),
        .loadAdmin(request: 14, session: 0),
        .adminChange(request: 15, session: 0, .licence(email: "ben@reseller-one.example", assigned: true)),
    ]

    @Test func answersEachEffectWithItsRequest() {
        let runner = runner
        for effect in Self.portalEffects {
            guard case .reply(let request, _)? = runner.perform(effect) else {
                Issue.record("no answer to \(effect)")
                continue
            }
            #expect(request == effect.request)
        }
        #expect(runner.perform(.loadCases(request: 1, session: 0, scope: .domain(10), query: .all, sort: .updated, page: .first, limit: 2))
                == .reply(request: 1, .cases(CasePage(rows: [portal.row(0), portal.row(1)], hasMore: false))))
        #expect(runner.perform(.countCases(request: 3, session: 0, scope: .domain(10), query: .all, cap: 100))
                == .reply(request: 3, .counted(100, capped: true)))
    }

    @Test func everyFailureReachesTheUserAsItsSentence() {
        let runner = runner
        portal.failure = .unavailable("database error 13: database or disk is full")
        for effect in Self.portalEffects {
            #expect(runner.perform(effect) == .reply(request: effect.request!, .failed("database error 13: database or disk is full")),
                    "\(effect)")
        }
        portal.failure = .refused(.invalid("message", "the message is empty"))
        #expect(runner.perform(.caseCommand(request: 20, session: 0, number: 1, .message(" ")))
                == .reply(request: 20, .failed("message: the message is empty")))
    }

    @Test func aSignedOutSessionIsRefusedNotCrashed() {
        let answer = runner.perform(.loadCases(request: 7, session: 3, scope: .domain(10), query: .all, sort: .updated, page: .first, limit: 5))
        guard case .reply(7, .failed(let message))? = answer else {
            Issue.record("expected a failure, got \(String(describing: answer))")
            return
        }
        #expect(message.contains("signed out"))
        #expect(portal.calls.isEmpty)
    }

    @Test func aLoadSupersededBeforeItStartsNeverRuns() throws {
        let runner = runner
        portal.close()  // the first load holds the queue
        runner.run(.loadCase(request: 1, session: 0, number: 10_000_001))
        for (request, word) in [(2, "mail"), (3, "mailbox"), (4, "mailboxes")] {
            runner.run(.loadCases(request: request, session: 0, scope: .domain(10), query: try CaseQuery(parsing: word),
                                  sort: .updated, page: .first, limit: 5))
        }
        #expect(runner.isBusy)
        portal.open()
        let answers = try drain(runner, count: 2)
        #expect(answers.compactMap { if case .reply(let r, _) = $0 { r } else { nil } } == [1, 4])
        #expect(portal.calls.count == 2)
        #expect(portal.calls.last?.contains("mailboxes") == true)
    }

    /// Hardening finding 2: a newer keystroke interrupts the older query instead of waiting behind it.
    @Test func aLoadSupersededWhileItRunsIsInterruptedAndNeverAnswered() throws {
        let runner = runner
        let started = Date()
        runner.run(.loadCases(request: 1, session: 0, scope: .domain(10), query: try CaseQuery(parsing: "slow"), sort: .updated,
                              page: .first, limit: 5))
        runner.run(.countCases(request: 2, session: 0, scope: .domain(10), query: try CaseQuery(parsing: "slow"), cap: 100))
        try waitUntil { portal.calls.count == 2 }  // both reads are running
        runner.run(.loadCases(request: 3, session: 0, scope: .domain(10), query: try CaseQuery(parsing: "mail"), sort: .updated,
                              page: .first, limit: 5))
        runner.run(.countCases(request: 4, session: 0, scope: .domain(10), query: try CaseQuery(parsing: "mail"), cap: 100))
        let answers = try drain(runner, count: 2)
        #expect(Set(answers.compactMap { if case .reply(let r, _) = $0 { r } else { nil } }) == [3, 4])
        #expect(Date().timeIntervalSince(started) < 8, "the new reads waited for the old ones (a slow read runs 10 s)")
    }

    @Test func quittingStopsARunningReadInsteadOfWaitingForIt() throws {
        let runner = runner
        runner.run(.loadCases(request: 1, session: 0, scope: .domain(10), query: try CaseQuery(parsing: "slow"), sort: .updated,
                              page: .first, limit: 5))
        try waitUntil { portal.calls.count == 1 }
        let started = Date()
        runner.finishQueuedWork()
        #expect(Date().timeIntervalSince(started) < 2)
        #expect(runner.drain().isEmpty)
    }

    private func waitUntil(_ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(5)
        while !condition() {
            guard Date() < deadline else { throw Timeout(calls: portal.calls) }
            Thread.sleep(forTimeInterval: 0.002)
        }
    }
    struct Timeout: Error { var calls: [String] }

    @Test func changesAreNoticedOnlyWhenTheTokenMoves() throws {
        let runner = runner
        runner.checkForChanges(wait: true)  // the first look only remembers
        runner.checkForChanges(wait: true)
        #expect(runner.drain().isEmpty)
        portal.token = 2
        runner.checkForChanges(wait: true)
        #expect(runner.drain() == [.dataChanged])
        #expect(portal.calls.contains("changes"), "a new event: its arrivals are read")
    }

    @Test func aWriteWithoutAnEventRefreshesAndReadsNoArrival() throws {
        let runner = runner
        runner.checkForChanges(wait: true)
        let before = portal.calls.filter { $0 == "changes" }.count
        portal.commits = 1  // an admin change: a commit, no history event
        runner.checkForChanges(wait: true)
        #expect(runner.drain() == [.dataChanged])
        #expect(portal.calls.filter { $0 == "changes" }.count == before, "no event, so no arrivals to read")
    }

    @Test func signingOutForgetsTheSessionForLaterEffects() {
        let runner = runner
        #expect(runner.perform(.signOut(session: 0)) == nil)
        #expect(portal.calls == ["sign out"])
        guard case .reply(_, .failed)? = runner.perform(.loadCustomers(request: 2, session: 0)) else {
            Issue.record("a signed-out session still loads")
            return
        }
    }

    /// Waits (at most 5 s) for `count` answers.
    private func drain(_ runner: EffectRunner, count: Int) throws -> [Action] {
        var answers: [Action] = []
        let deadline = Date().addingTimeInterval(5)
        while answers.count < count {
            guard Date() < deadline else {
                Issue.record("only \(answers.count) of \(count) answers: \(answers)")
                return answers
            }
            answers += runner.drain()
            Thread.sleep(forTimeInterval: 0.005)
        }
        runner.finishQueuedWork()
        return answers + runner.drain()
    }
}
