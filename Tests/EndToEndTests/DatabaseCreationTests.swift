import Foundation
import Testing

/// A new database and the folders made for it are private.
@Suite(.serialized) struct DatabaseCreationTests {
    /// The database holds case text, attachments and password and token hashes: only its owner may read it.
    @Test func aNewDatabaseAndItsFolderArePrivate() throws {
        let b = try Binary()
        let folder = b.home.appendingPathComponent("new/place").path
        let db = folder + "/portal.sqlite3"
        var o = try b.run(["demo", "--cases", "20"], db: db)
        #expect(o.status == 0, "\(o.stderr)")
        #expect(mode(db) == 0o600, "database mode \(String(mode(db), radix: 8))")
        #expect(mode(folder) == 0o700, "folder mode \(String(mode(folder), radix: 8))")
        #expect(mode(b.home.appendingPathComponent("new").path) == 0o700, "created parent folder")
        // The first domain of a new organisation, in the default place ($XDG_DATA_HOME/careportal).
        let defaultFolder = b.home.appendingPathComponent("data/careportal").path
        o = try b.run(["admin", "domain", "create", "north.example", "--admin", "root@north.example", "--password-stdin"],
                      stdin: "root-password\n", db: defaultFolder + "/portal.sqlite3")
        #expect(o.status == 0, "\(o.stderr)")
        #expect(mode(defaultFolder + "/portal.sqlite3") == 0o600)
        #expect(mode(defaultFolder) == 0o700)
    }
}
