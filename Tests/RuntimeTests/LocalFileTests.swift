import Domain
import Foundation
import Portal
import Testing

/// Only regular files can be attached: a link is followed to what it points to and named, and pipes, devices,
/// folders and the kernel's /proc and /sys files are refused with the real reason, by the check the CLI and
/// the app share.
@Suite struct LocalFileTests {
    let dir: String

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-files-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    func link(_ name: String, to target: String) throws -> String {
        let path = dir + "/" + name
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        return path
    }

    func refusal(_ path: String) -> String? {
        if case .failure(let r) = LocalFile.inspect(path) { return r.reason }
        return nil
    }

    /// Reads on another thread, so a read that blocks (a pipe nobody writes to) fails the test instead of hanging it.
    func readRefusal(_ path: String) -> String? {
        final class Box: @unchecked Sendable { var reason: String? }
        let box = Box(), done = DispatchSemaphore(value: 0)
        Thread {
            do { _ = try LocalFile.read(path); box.reason = nil } catch { box.reason = "\(error)" }
            done.signal()
        }.start()
        if done.wait(timeout: .now() + 3) == .timedOut {
            // Unblock the reader: a writer that opens and closes the pipe gives it end of file.
            let fd = open(path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
            done.wait()
            return "blocked reading \(path)"
        }
        return box.reason
    }

    @Test func aLinkIntoProcIsRefusedAndSaysWhereItPoints() throws {
        let path = try link("environment.txt", to: "/proc/self/environ")
        let reason = try #require(refusal(path))
        #expect(reason.contains("points to /proc/"), "\(reason)")
        #expect(reason.contains("system file"), "\(reason)")
        #expect(readRefusal(path)?.contains("points to /proc/") == true)
    }

    @Test func kernelFilesAreRefusedByName() throws {
        for path in ["/proc/self/environ", "/proc/version", "/sys/kernel/uevent_seqnum"] where FileManager.default.fileExists(atPath: path) {
            let reason = try #require(refusal(path), "\(path) was accepted")
            #expect(reason.contains("system file"), "\(path): \(reason)")
            #expect(readRefusal(path) != nil, "\(path) was read")
        }
    }

    @Test func aNamedPipeIsRefusedWithoutBlocking() throws {
        let path = dir + "/pipe"
        #expect(mkfifo(path, 0o600) == 0)
        let reason = try #require(refusal(path), "a pipe was accepted")
        #expect(reason.contains("named pipe (FIFO), not a regular file"), "\(reason)")
        let read = try #require(readRefusal(path))
        #expect(read.contains("named pipe (FIFO), not a regular file"), "\(read)")
    }

    @Test func aLinkToADeviceIsRefusedAndSaysWhereItPoints() throws {
        let path = try link("zeros.bin", to: "/dev/zero")
        let reason = try #require(refusal(path), "a device was accepted")
        #expect(reason.contains("points to /dev/zero"), "\(reason)")
        #expect(reason.contains("character device"), "\(reason)")
        #expect(readRefusal(path)?.contains("character device") == true)
    }

    @Test func aLinkToARegularFileIsReadAndNamedAfterIt() throws {
        try Data("2026-01-01 boot\n".utf8).write(to: URL(fileURLWithPath: dir + "/2026-01-01.log"))
        let path = try link("latest.log", to: dir + "/2026-01-01.log")
        guard case .success(let file) = LocalFile.inspect(path) else { Issue.record("refused: \(refusal(path) ?? "")"); return }
        #expect(file.name == "2026-01-01.log" && file.size == 16)
        let read = try LocalFile.read(path)
        #expect(read.name == "2026-01-01.log")
    }

    @Test func aFolderIsRefused() throws {
        #expect(refusal(dir)?.contains("is a folder, not a file") == true)
    }
}
