import Glibc

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module leaves out: a child started
/// with it keeps none of this process's files from `from` on. Tests spawn long-lived servers (PostgreSQL, tmux) while
/// other tests hold pipes open; a server that inherited one would keep that test's read from ever seeing its end.
public func closeFiles(from: Int32, in actions: inout posix_spawn_file_actions_t) {
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else {
        fatalError("this libc has no posix_spawn_file_actions_addclosefrom_np (glibc 2.34 or later has it)")
    }
    _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, from)
}

/// A pipe whose two ends close on exec (`pipe2(O_CLOEXEC)`, also left out of Swift's Glibc module): no child
/// started meanwhile by another thread inherits it; a child that should have an end gets it by `adddup2`.
public func closeOnExecPipe(_ fds: inout [Int32]) -> Int32 {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pipe2") else { fatalError("this libc has no pipe2") }
    return fds.withUnsafeMutableBufferPointer { unsafeBitCast(symbol, to: Pipe2.self)($0.baseAddress!, O_CLOEXEC) }
}
