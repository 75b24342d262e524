import Foundation
import Portal
import Testing
@testable import Server

/// Commands wait for the one write lock in their own queue: however many are held up, reads still run.
@Suite struct BlockingLanesTests {
    /// A gate the commands wait on, opened once: by the test, or by a watchdog thread.
    final class Gate: @unchecked Sendable {
        private let semaphore = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var opened = false
        var isOpen: Bool { lock.withLock { opened } }
        func wait() { semaphore.wait() }
        func open(_ n: Int) {
            guard lock.withLock({ let was = opened; opened = true; return !was }) else { return }
            for _ in 0..<n { semaphore.signal() }
        }
    }

    @Test func readsRunWhileCommandsWaitForTheLock() async throws {
        let gate = Gate()
        let commands = 24  // more than Dispatch's pool has threads on a small machine
        // Were the reads starved, they would wait for the commands (and so would Swift's own tasks, which share that
        // pool): a thread of its own opens the gate after 20 s regardless, and the reads then finish after it.
        Thread.detachNewThread { Thread.sleep(forTimeInterval: 20); gate.open(commands) }
        let held = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<commands { group.addTask { try await Blocking.command { gate.wait() } } }
                try await group.waitForAll()
            }
        }
        let reads = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<50 { group.addTask { try await Blocking.run { usleep(1_000); return i } } }
            return try await group.reduce(0, +)
        }
        #expect(reads == (0..<50).reduce(0, +))
        #expect(!gate.isOpen, "the reads finished only once the \(commands) held commands were let go")
        gate.open(commands)
        try await held.value
    }

    /// Commands run one at a time, in the order they were queued.
    @Test func commandsRunOneAtATimeInOrder() async throws {
        final class Log: @unchecked Sendable {
            let lock = NSLock()
            var entries: [Int] = []
            var running = 0, most = 0
            func enter(_ i: Int) { lock.withLock { running += 1; most = max(most, running); entries.append(i) } }
            func leave() { lock.withLock { running -= 1 } }
        }
        let log = Log()
        var tasks: [Task<Void, any Error>] = []
        for i in 0..<20 {
            tasks.append(Task { try await Blocking.command { log.enter(i); usleep(2_000); log.leave() } })
            try await Task.sleep(for: .milliseconds(1))
        }
        for t in tasks { try await t.value }
        #expect(log.most == 1)
        #expect(log.entries == Array(0..<20))
    }
}

