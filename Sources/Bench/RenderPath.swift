import Domain
import Foundation
import Portal
import ScreenKit
import UI

/// A frame of the app's own path without the database: a key through `reduce`, the screen rendered into a buffer and
/// diffed against the last one (what the terminal is sent), over a list whose rows are loaded. Timed here; counted
/// in instructions by `make render-profile` and the guard, which run it under callgrind collecting inside
/// `renderPathFrames` alone (`--toggle-collect`), so the figure doesn't depend on the machine's load.
public struct RenderPath {
    public enum Move: String, CaseIterable, Sendable {
        case cursor = "j", page = "pgdn"
        var key: Key { self == .cursor ? .char("j") : .pageDown }
    }

    let portal: any Portal
    let user: User
    let domainName: String
    let size: Size

    public init(portal: any Portal, user: User, domainName: String, size: Size = Size(width: 120, height: 40)) {
        self.portal = portal; self.user = user; self.domainName = domainName; self.size = size
    }

    /// `frames` frames of `move`, each timed (milliseconds), and the cells they sent the terminal in all. The list's pages are read (as the cursor nears the end of
    /// what is loaded) outside the timed and counted part; every 50 frames `g` goes back to the top (untimed), so every
    /// frame moves on a list of some thousand cases.
    public func measure(_ move: Move, frames: Int) -> (times: [Double], cellsSent: Int) {
        let bench = UIBench(portal: portal, user: user, domainName: domainName, iterations: 1)
        var (state, runner) = bench.freshState()
        var buffer = ScreenBuffer(size: size), shown = ScreenBuffer(size: size)
        bench.settle(&state, start(&state), runner: runner, buffer: &buffer)
        var times: [Double] = []
        times.reserveCapacity(frames)
        var sent = 0
        for i in 0..<frames {
            if i > 0, i % 50 == 0 { bench.settle(&state, reduce(&state, .key(.char("g"))), runner: runner, buffer: &buffer) }
            var effects: [Effect] = []
            let started = DispatchTime.now().uptimeNanoseconds
            sent += renderPathFrames(&state, key: move.key, buffer: &buffer, shown: &shown, effects: &effects)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            if !effects.isEmpty { bench.settle(&state, effects, runner: runner, buffer: &buffer) }
        }
        return (times, sent)
    }
}

/// One frame: the key, the render and the diff. Its own function, never inlined, so callgrind can collect inside it
/// alone; returns the cells the terminal would be sent.
@inline(never)
func renderPathFrames(_ state: inout AppState, key: Key, buffer: inout ScreenBuffer, shown: inout ScreenBuffer, effects: inout [Effect]) -> Int {
    effects = reduce(&state, .key(key))
    buffer.clear()
    render(state, into: &buffer)
    let runs = buffer.diff(from: shown)
    swap(&buffer, &shown)
    return runs.reduce(0) { $0 + $1.cells.count }
}
