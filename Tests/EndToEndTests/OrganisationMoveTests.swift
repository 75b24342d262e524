import Foundation
import PostgresCluster
import Testing

/// `admin export` and `admin import` through the real binary: the demo moved from a file into PostgreSQL and back,
/// the same archive each way, and an import refused where an organisation already is.
@Suite(.enabled(if: PostgresCluster.available, Comment(rawValue: PostgresCluster.missingMessage)))
struct OrganisationMoveTests {
    @Test func anOrganisationMovesFromAFileToPostgreSQLAndBack() throws {
        let (b, _) = try CommandLineTests.demo(cases: 60)
        let archive = b.home.appendingPathComponent("organisation.cpx").path
        var o = try b.run(["admin", "export", "--output", archive])
        #expect(o.status == 0, "\(o.stderr)")
        let caseLine = o.stderr.split(separator: "\n").first { $0.hasPrefix("support_case") }.map(String.init) ?? ""
        #expect(caseLine.contains(" 60  sha256 "), "\(o.stderr)")
        let fileSummary = o.stderr

        let postgres = try PostgresCluster.shared.get().freshDatabaseURL()
        o = try b.run(["admin", "import", "--input", archive], db: postgres)
        #expect(o.status == 0 && o.stdout.contains(caseLine) && o.stdout.contains("Imported into postgresql://"), "\(o.stdout)\(o.stderr)")
        o = try b.run(["admin", "import", "--input", archive], db: postgres)
        #expect(o.status == 2 && o.stderr.contains("already holds an organisation"), "\(o.stderr)")

        o = try b.run(["admin", "export"], db: postgres)
        #expect(o.status == 0 && o.stderr == fileSummary, "the same tables, counts and checksums: \(o.stderr)")
        let exported = o.stdout
        #expect(Data(exported.utf8) == FileManager.default.contents(atPath: archive), "the same archive")
        let back = b.home.appendingPathComponent("back.sqlite3").path
        o = try b.run(["admin", "import"], stdin: exported, db: back)
        #expect(o.status == 0 && o.stdout.contains(caseLine), "\(o.stderr)")
        // A damaged archive: refused naming the input, and no database file left behind.
        let damaged = b.home.appendingPathComponent("damaged.sqlite3").path
        o = try b.run(["admin", "import"], stdin: String(exported.dropLast(200)), db: damaged)
        #expect(o.status == 2 && o.stderr.contains("input: "), "\(o.stderr)")
        #expect(!FileManager.default.fileExists(atPath: damaged))
    }
}
