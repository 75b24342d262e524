import ArgumentParser
import Foundation
import PostgresStore
import Store

/// `admin export` and `admin import`: a whole organisation moved between databases, a file and PostgreSQL either way,
/// through an archive (OrganisationArchive). They run where the databases are, with `--db`, like `serve`.
extension Admin {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export",
            abstract: "Write the whole organisation of a database (--db: a file or postgresql://…) to an archive.",
            discussion: "Every table, attachments included; each table's row count and checksum go to standard error.")
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("The archive to write (default: standard output).", valueName: "path")) var output: String?

        func run() throws {
            if store.server != nil { throw Failure.input("server: export runs where the database is: give --db") }
            let source = try OrganisationDatabase.open(store.path, creating: false)
            let handle: FileHandle
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: nil, attributes: [.posixPermissions: 0o600]),
                      let h = FileHandle(forWritingAtPath: output) else { throw Failure.input("output: can't write \(output)") }
                handle = h
            } else {
                handle = .standardOutput
            }
            let summaries = try attempt { () throws(StoreError) in
                do {
                    return try OrganisationArchive.write({ each in try source.rows(each) }, to: { try handle.write(contentsOf: $0) })
                } catch let error as StoreError { throw error } catch {
                    throw .storage(code: -1, message: "\(error)")
                }
            }
            try? handle.close()
            for s in summaries {
                FileHandle.standardError.write(Data("\(s.table.padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(s.rows).leftPadded(9))  sha256 \(s.sha256)\n".utf8))
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import",
            abstract: "Read an organisation archive into an empty database (--db: a new file or an empty postgresql://… database).",
            discussion: "All in one transaction: a damaged archive (a table whose rows don't match its count and checksum) changes nothing.")
        @OptionGroup var store: StoreOptions
        @Option(help: ArgumentHelp("The archive to read (default: standard input).", valueName: "path")) var input: String?

        func run() throws {
            if store.server != nil { throw Failure.input("server: import runs where the database is: give --db") }
            let handle: FileHandle
            if let input {
                guard let h = FileHandle(forReadingAtPath: input) else { throw Failure.input("input: can't read \(input)") }
                handle = h
            } else {
                handle = .standardInput
            }
            let location = try DatabaseLocation(store.path)
            let newFile: String? = if case .file(let path) = location, !FileManager.default.fileExists(atPath: path) { path } else { nil }
            let target = try OrganisationDatabase.open(store.path, creating: true)
            let reader = LineReader(handle)
            nonisolated(unsafe) var summaries: [OrganisationArchive.TableSummary] = []
            let rows = OrganisationArchive.rows(from: { try reader.next() }, summaries: { summaries.append($0) })
            do {
                try attempt { () throws(StoreError) in try target.importRows(rows) }
            } catch {
                // Nothing was imported: a database file this command created goes too.
                if let newFile { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: newFile + suffix) } }
                throw error
            }
            for s in summaries {
                print("\(s.table.padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(s.rows).leftPadded(9))  sha256 \(s.sha256)")
            }
            print("Imported into \(target.location).")
        }
    }
}

/// A database an organisation is read from or written to: a file, or PostgreSQL.
enum OrganisationDatabase {
    case file(PortalStore)
    case postgres(PostgresPortalStore)

    static func open(_ location: String, creating: Bool) throws(Failure) -> OrganisationDatabase {
        switch try DatabaseLocation(location) {
        case .postgres(let url):
            let address = try DatabaseLocation.postgresAddress(url)
            return .postgres(try attempt { () throws(StoreError) in try PostgresPortalStore(address: address) })
        case .file(let path):
            return .file(try attempt { () throws(StoreError) in try PortalStore(path: path, create: creating) })
        }
    }

    var location: String {
        switch self {
        case .file(let s): s.path
        case .postgres(let s): s.location
        }
    }

    func rows(_ each: (_ table: String, _ columns: [String], _ rows: [[CopiedValue]]) throws -> Void) throws(StoreError) {
        switch self {
        case .file(let s): try s.copyOrganisation(batch: 500, each)
        case .postgres(let s): try s.exportOrganisation(each)
        }
    }

    func importRows(_ rows: OrganisationRows) throws(StoreError) {
        switch self {
        case .file(let s): try s.importOrganisation(rows)
        case .postgres(let s): try s.importOrganisation(rows)
        }
    }
}

/// Lines of a file, read a block at a time, without their newlines.
final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var atEnd = false

    init(_ handle: FileHandle) { self.handle = handle }

    func next() throws -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return Data(line)
            }
            if atEnd { return buffer.isEmpty ? nil : { defer { buffer = Data() }; return buffer }() }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { atEnd = true } else { buffer.append(chunk) }
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
