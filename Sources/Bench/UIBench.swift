import Domain
import Foundation
import ScreenKit
import Portal
import Runtime
import Store
import UI

/// The app's own path, measured without a terminal: keys go through `reduce`, effects run against the
/// portal on the calling thread, results come back as actions, and the screen is rendered into a buffer.
/// The portal is the embedded store (`careportal bench`) or a server (`careportal bench ui --server`).
public struct UIBench {
    let portal: any Portal
    let user: User
    let domainName: String
    let size = Size(width: 120, height: 40)
    let iterations: Int

    public init(portal: any Portal, user: User, domainName: String, iterations: Int) {
        self.portal = portal; self.user = user; self.domainName = domainName; self.iterations = iterations
    }

    /// Runs effects to completion (results may ask for more), then renders. Counts run on their own
    /// queue in the app, off the keystroke path, so they are left out here unless asked for.
    func settle(_ state: inout AppState, _ effects: [Effect], runner: EffectRunner, buffer: inout ScreenBuffer, counts: Bool = false) {
        var pending = effects
        while !pending.isEmpty {
            let effect = pending.removeFirst()
            switch effect {
            case .countCases, .countAside: if !counts { continue }
            default: break
            }
            if let action = runner.perform(effect) { pending += reduce(&state, action) }
        }
        buffer.clear()
        render(state, into: &buffer)
    }

    func freshState() -> (AppState, EffectRunner) {
        let runner = EffectRunner(portal: portal, sessions: [(user, nil)])
        return (AppState(sessions: [SessionInfo(user: user, domainName: domainName)], size: size, now: portal.now), runner)
    }

    func time(_ name: String, _ body: () -> Void) -> BenchMeasurement {
        for _ in 0..<3 { body() }
        let times = (0..<iterations).map { _ in StoreBenchmark.milliseconds(body) }
        return BenchMeasurement(name: name, times: times, raw: nil)
    }

    /// For a key whose frame doesn't wait for everything it starts (a page key's read-ahead): `body`, timed, returns
    /// the effects left running in the background, which `after` runs outside the timed part.
    func time(_ name: String, _ body: () -> [Effect], then after: ([Effect]) -> Void) -> BenchMeasurement {
        for _ in 0..<3 { after(body()) }
        var times: [Double] = []
        for _ in 0..<iterations {
            var left: [Effect] = []
            times.append(StoreBenchmark.milliseconds { left = body() })
            after(left)
        }
        return BenchMeasurement(name: name, times: times, raw: nil)
    }

    /// Runs effects only until the screen shows loaded rows, then renders; returns the effects not run.
    func settleScreen(_ state: inout AppState, _ effects: [Effect], runner: EffectRunner, buffer: inout ScreenBuffer) -> [Effect] {
        var pending = effects
        while !state.screenComplete, !pending.isEmpty {
            if let action = runner.perform(pending.removeFirst()) { pending += reduce(&state, action) }
        }
        buffer.clear()
        render(state, into: &buffer)
        return pending
    }

    public func run() -> [BenchMeasurement] {
        var results: [BenchMeasurement] = []
        var buffer = ScreenBuffer(size: size)
        results.append(time("UI: launch to first full screen") {
            var (state, runner) = freshState()
            settle(&state, start(&state), runner: runner, buffer: &buffer)
        })
        results.append(time("UI: launch, with the count of cases") {
            var (state, runner) = freshState()
            settle(&state, start(&state), runner: runner, buffer: &buffer, counts: true)
        })
        // A filter typed in the bar: the keystroke, the debounce tick, the query and the redraw.
        for (name, text) in [("status", "status:action-required"), ("severity", "sev:p1"), ("customer", "customer:acme"),
                             ("common word", "mail"), ("rare word", "payroll"), ("prefix", "bou*")] {
            var (state, runner) = freshState()
            settle(&state, start(&state), runner: runner, buffer: &buffer)
            settle(&state, reduce(&state, .key(.char("/"))), runner: runner, buffer: &buffer)
            for c in text.dropLast() { settle(&state, reduce(&state, .key(.char(c))), runner: runner, buffer: &buffer) }
            var toggle = false
            // Until the filtered screen is drawn; the page it reads ahead comes after the frame, as in the app.
            results.append(time("UI: filter keystroke, \(name)", {
                // Alternate the last character on and off, so every sample is a real change.
                let key: Key = toggle ? .backspace : .char(text.last!)
                toggle.toggle()
                var effects = reduce(&state, .key(key))
                effects += reduce(&state, .tick(state.now.addingTimeInterval(0.2)))
                return settleScreen(&state, effects, runner: runner, buffer: &buffer)
            }, then: { settle(&state, $0, runner: runner, buffer: &buffer) }))
        }
        var (state, runner) = freshState()
        settle(&state, start(&state), runner: runner, buffer: &buffer)
        var queried = 0
        results.append(time("UI: cursor move (j)") {
            let effects = reduce(&state, .key(.char("j")))
            queried += effects.count
            settle(&state, effects, runner: runner, buffer: &buffer)
        })
        // Until the new page is on screen; the next page it reads ahead comes after the frame, as in the app.
        results.append(time("UI: page scroll (PgDn)", {
            settleScreen(&state, reduce(&state, .key(.pageDown)), runner: runner, buffer: &buffer)
        }, then: { settle(&state, $0, runner: runner, buffer: &buffer) }))
        results += previewPane()
        results += views()
        results += myCustomers()
        results += combinedFilters()
        return results
    }

    /// #16's combined filters: a common, a middling and a rare word (at 1,000,000 demo cases: `mail` in 18 % of the
    /// cases, `vault` in 3.6 %, `keystone` in 45, a customer's name), each with a term of every kind, and each as two
    /// words, a phrase and a prefix.
    public static let combinedFilters: [String] = {
        let qualifiers = ["is:escalated", "is:open", "sev:p1", "status:action-required", "customer:acme", "updated:<7d", "-status:closed"]
        let words = [("mail", "mail users", "\"first hop\"", "mai*"), ("vault", "vault mailbox", "\"vault export\"", "vau*"),
                     ("keystone", "keystone users", "\"keystone property\"", "keyst*")]
        return words.flatMap { word, two, phrase, prefix in qualifiers.map { "\(word) \($0)" } + [two, phrase, prefix] }
    }()

    /// Each of `combinedFilters` applied in the filter bar as the app applies it: the whole text typed into the bar
    /// and the debounce's tick (its first page read and the screen drawn), from the unfiltered list each time (the
    /// bar cleared and applied in between, untimed). The count runs aside, as in the app.
    public func combinedFilters(_ filters: [String] = Self.combinedFilters) -> [BenchMeasurement] {
        var buffer = ScreenBuffer(size: size)
        var (state, runner) = freshState()
        settle(&state, start(&state), runner: runner, buffer: &buffer)
        settle(&state, reduce(&state, .key(.char("/"))), runner: runner, buffer: &buffer)
        /// Until the filtered screen is drawn; returns what it started and the frame doesn't wait for (the read-ahead).
        func apply(_ text: String) -> [Effect] {
            _ = reduce(&state, .key(.ctrl("u")))
            for c in text { _ = reduce(&state, .key(.char(c))) }
            return settleScreen(&state, reduce(&state, .tick(state.now.addingTimeInterval(1))), runner: runner, buffer: &buffer)
        }
        return filters.map { filter in
            var times: [Double] = []
            for i in 0..<(iterations + 3) {
                settle(&state, apply(""), runner: runner, buffer: &buffer)
                var left: [Effect] = []
                let t = StoreBenchmark.milliseconds { left = apply(filter) }
                settle(&state, left, runner: runner, buffer: &buffer)
                if i >= 3 { times.append(t) }
            }
            return BenchMeasurement(name: "UI: filter \(filter)", times: times, raw: nil)
        }
    }

    /// My Customers (#16): `2` from My Cases to its first screen drawn (each sample in a newly started app, whose My
    /// Customers has not been read), and a search keystroke after `/` (alternately a letter typed and taken back).
    func myCustomers() -> [BenchMeasurement] {
        var buffer = ScreenBuffer(size: size)
        var times: [Double] = []
        var (state, runner) = freshState()
        for i in 0..<(iterations + 3) {
            // A new app state each time; one runner for all (each runner keeps its own connections).
            var fresh = AppState(sessions: [SessionInfo(user: user, domainName: domainName)], size: size, now: portal.now)
            settle(&fresh, start(&fresh), runner: runner, buffer: &buffer)
            let t = StoreBenchmark.milliseconds { settle(&fresh, reduce(&fresh, .key(.char("2"))), runner: runner, buffer: &buffer) }
            if i >= 3 { times.append(t) }
        }
        var results = [BenchMeasurement(name: "UI: My Customers, first screen", times: times, raw: nil)]
        settle(&state, start(&state), runner: runner, buffer: &buffer)
        settle(&state, reduce(&state, .key(.char("2"))), runner: runner, buffer: &buffer)
        settle(&state, reduce(&state, .key(.char("/"))), runner: runner, buffer: &buffer)
        for c in "denta" { settle(&state, reduce(&state, .key(.char(c))), runner: runner, buffer: &buffer) }
        var toggle = false
        results.append(time("UI: My Customers, search keystroke") {
            let key: Key = toggle ? .backspace : .char("l")
            toggle.toggle()
            settle(&state, reduce(&state, .key(key)), runner: runner, buffer: &buffer)
        })
        return results
    }

    /// Each default view (and `is:unread`) applied with Tab from All: the key, its first page read and the redraw (the
    /// page it reads ahead after, untimed, as in the app). The views' counts run aside, as in the app. Between samples Shift-Tab goes back to All, untimed.
    func views() -> [BenchMeasurement] {
        var results: [BenchMeasurement] = []
        var buffer = ScreenBuffer(size: size)
        for view in SavedView.defaults + [SavedView(name: "Unread", filter: "is:unread")] {
            var (state, runner) = freshState()
            state.views = [view]
            settle(&state, start(&state), runner: runner, buffer: &buffer)
            var times: [Double] = []
            for i in 0..<(iterations + 3) {
                var left: [Effect] = []
                let t = StoreBenchmark.milliseconds {
                    left = settleScreen(&state, reduce(&state, .key(.tab)), runner: runner, buffer: &buffer)
                }
                settle(&state, left, runner: runner, buffer: &buffer)
                if i >= 3 { times.append(t) }
                settle(&state, reduce(&state, .key(.backTab)), runner: runner, buffer: &buffer)
            }
            results.append(BenchMeasurement(name: "UI: view first page, \(view.name) (\(view.filter))", times: times, raw: nil))
        }
        return results
    }

    /// At 200 columns, with the preview pane beside the list: a frame with a case in the pane (what every key that
    /// doesn't move the cursor redraws), and `j` (the pane waits for the cursor to rest, so it draws "Loading…").
    func previewPane() -> [BenchMeasurement] {
        let wide = Size(width: 200, height: 50)
        let runner = EffectRunner(portal: portal, sessions: [(user, nil)])
        var state = AppState(sessions: [SessionInfo(user: user, domainName: domainName)], size: wide, now: portal.now)
        var buffer = ScreenBuffer(size: wide)
        settle(&state, start(&state), runner: runner, buffer: &buffer)
        // The cursor rests: a tick arms the pane, one 150 ms later loads the case.
        settle(&state, reduce(&state, .tick(state.now)), runner: runner, buffer: &buffer)
        settle(&state, reduce(&state, .tick(state.now.addingTimeInterval(0.2))), runner: runner, buffer: &buffer)
        var results = [time("UI: a frame at 200 columns, case in the preview pane") {
            buffer.clear()
            render(state, into: &buffer)
        }]
        results.append(time("UI: cursor move (j) at 200 columns, preview pane") {
            settle(&state, reduce(&state, .key(.char("j"))), runner: runner, buffer: &buffer)
        })
        return results
    }
}
