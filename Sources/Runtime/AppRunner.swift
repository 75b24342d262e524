import Domain
import Foundation
import Portal
import ScreenKit
import Terminal
import UI

/// The full-screen app's loop: keys and store results become actions, actions go through `reduce`,
/// effects go to the runner, and the rendered buffer is drawn by diff.
public struct AppRunner {
    let tabs: SavedTabs
    let open: PlaceOpener?

    /// The app opened on `home`, with the tabs kept from the last run; `open` reaches the other places a tab may be of.
    public init(home: any Portal, asUser: String?, open: PlaceOpener?) {
        self.tabs = SavedTabs.restore(home: home, asUser: asUser, open: open)
        self.open = open
    }

    private var portal: any Portal { tabs.places[0] }

    /// Whether $TERM can draw the full-screen app (a `dumb` or unknown terminal can't), checked before
    /// anything else is opened.
    public static func checkTerminal() throws(TerminalUnavailable) {
        do { try NCursesTerminal.checkUsable(term: nil) } catch { throw TerminalUnavailable(reason: "\(error)") }
    }

    /// Runs the app until it quits; the terminal is restored on every way out. Returns what to say once the
    /// full screen is gone (the drafts kept), if anything.
    @discardableResult
    public func run() throws(TerminalUnavailable) -> String? {
        let terminal: NCursesTerminal
        do { terminal = try NCursesTerminal() } catch {
            throw TerminalUnavailable(reason: "\(error)")
        }
        defer { terminal.restore() }
        let runner = EffectRunner(places: tabs.places, sessions: tabs.sessions, open: open, keeper: .sessionFile)
        var state = AppState(sessions: tabs.infos, size: terminal.size, now: portal.now, active: tabs.active, settings: tabs.settings,
                             home: portal.location)
        state.glyphs = terminal.glyphs
        let (preferences, configProblem) = ConfigFile.load()
        let (palette, colourProblems) = ThemeColor.palette(preferences.theme)
        terminal.palette = palette
        let keyProblems = state.apply(preferences)
        terminal.enableMouse(preferences.mouse)
        // What of the file's keys and colours couldn't be used: said once, at start, with the line of each.
        let settingsProblems = (keyProblems + colourProblems).isEmpty ? nil
            : "\(ConfigFile.shortPath): " + (keyProblems + colourProblems).joined(separator: "; ")
        // The change tokens are read before the first page, so a change made before the first poll is noticed by it
        // instead of becoming its starting point.
        runner.checkForChanges(wait: true)
        var first = start(&state)
        let troubles = [tabs.trouble, configProblem, settingsProblems].compactMap { $0 }
        if !troubles.isEmpty { first += reduce(&state, .trouble(troubles.joined(separator: " · "))) }
        first.forEach(runner.run)
        var buffer = ScreenBuffer(size: state.size, glyphs: state.glyphs)
        var dirty = true
        var lastTick = Date(), lastChangeCheck = Date()

        func dispatch(_ action: Action) {
            var pending = reduce(&state, action)
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                if case .editExternally(let request, let text) = effect {
                    // Needs the terminal, so it runs here rather than on the store's queue.
                    let result = ExternalEditor.edit(text, screen: terminal)
                    pending += reduce(&state, .reply(request: request, .edited(result)))
                } else if case .showInPager(let request, let text) = effect {
                    let reply: Reply = Pager.show(text, screen: terminal).map { .failed($0) } ?? .done
                    pending += reduce(&state, .reply(request: request, reply))
                } else if case .copyToClipboard(let text) = effect {
                    terminal.copyToClipboard(text)
                } else if case .ringBell = effect {
                    terminal.bell()
                } else {
                    runner.run(effect)
                }
            }
            dirty = true
        }

        while !state.shouldQuit {
            if dirty {
                if buffer.size != state.size { buffer = ScreenBuffer(size: state.size, glyphs: state.glyphs) } else { buffer.clear() }
                render(state, into: &buffer)
                terminal.draw(buffer)
                dirty = false
            }
            // A result is drawn within 2 ms of arriving; idle, the loop sleeps until the next thing due (a debounce, a
            // change check, the clock's tick), 250 ms at most: a key wakes it at once. Keys already waiting (a
            // paste, a held key) are handled before the next frame, up to a frame's worth, so the screen keeps up.
            var timeout = runner.isBusy ? 2 : Self.idleWait(wakeAt: state.wakeAt, clock: portal.now,
                                                             due: [lastTick.addingTimeInterval(1),
                                                                   lastChangeCheck.addingTimeInterval(Self.changeCheckInterval)],
                                                             now: Date())
            for _ in 0..<Self.keysPerFrame {
                guard let key = terminal.readKey(timeout: timeout) else { break }
                if key == .resize { dispatch(.resized(terminal.size)) } else { dispatch(.key(key)) }
                timeout = 0
                if state.shouldQuit { break }
            }
            for action in runner.drain() { dispatch(action) }
            // Tick when the filter debounce is due, and once a second for relative times ("3 min").
            let now = Date()
            let clockNow = portal.now
            if state.wakeAt.map({ clockNow >= $0 }) ?? false || now.timeIntervalSince(lastTick) >= 1 {
                lastTick = now
                dispatch(.tick(clockNow))
            }
            if now.timeIntervalSince(lastChangeCheck) >= Self.changeCheckInterval {
                lastChangeCheck = now
                runner.checkForChanges()
            }
        }
        runner.finishQueuedWork()
        if let i = state.activeSession {
            let keys = state.sessions.map { SessionFile.TabKey(database: $0.location, user: $0.user.email) }
            SessionFile.markUsed(keys[i], lists: Dictionary(zip(keys, state.listSettings), uniquingKeysWith: { a, _ in a }))
        }
        return state.farewell
    }
}

extension AppRunner {
    /// The most keys handled between two frames.
    static let keysPerFrame = 256
    /// How often the app asks whether anything changed: a change by anyone shows within a second (a reload after this).
    static let changeCheckInterval: TimeInterval = 0.5
    /// The longest an idle loop sleeps: what another thread hands it (a count, a change noticed) waits at most this.
    static let longestIdleWait = 250

    /// Milliseconds to wait for a key: until the state's `wakeAt` (on the portal's clock, `clock` now) or the first of
    /// `due` (on this machine's, `now`), within 1…`longestIdleWait`.
    static func idleWait(wakeAt: Date?, clock: Date, due: [Date], now: Date) -> Int {
        var wait = Double(longestIdleWait)
        if let wakeAt { wait = min(wait, wakeAt.timeIntervalSince(clock) * 1000) }
        for date in due { wait = min(wait, date.timeIntervalSince(now) * 1000) }
        return max(1, Int(wait.rounded(.up)))
    }
}

/// The full-screen app couldn't take the terminal.
public struct TerminalUnavailable: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { "terminal: \(reason)" }
}
