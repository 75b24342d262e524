import Foundation
import Testing

/// Who may create a database, with which file modes, and that a failed command leaves nothing behind.
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

    /// A mistyped --db creates nothing: read commands say there is no database and how to make one.
    @Test func aMistypedDatabasePathCreatesNothing() throws {
        let b = try Binary()
        let typo = b.home.appendingPathComponent("typo/portl.sqlite3").path
        for args in [["cases"], ["customers"], ["case", "show", "10000001"], ["login", "--user", "a@b.example", "--password-stdin"],
                     ["admin", "user", "list"], ["feedback", "list"]] {
            let o = try b.run(args, stdin: "password\n", db: typo)
            #expect(o.status == 3, "\(args): exit \(o.status), \(o.stderr)")
            #expect(o.stderr.contains("database: no database at \(typo) (create one with careportal demo or careportal admin domain create)"),
                    "\(args): \(o.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: b.home.appendingPathComponent("typo").path))
    }

    /// A --db that is a URL: PostgreSQL is reached through a server by the everyday commands, directly by serve, demo,
    /// bench and export; any other URL is refused naming the field. Nothing is created (`--db postgresql://…` once made a folder `postgresql:` where it ran).
    @Test func aDatabaseURLIsNeverTakenForAPath() throws {
        let b = try Binary()
        let cwd = FileManager.default.currentDirectoryPath
        let pg = "postgresql://careportal@127.0.0.1:5432/portal"
        for args in [["cases"], ["customers"], ["login", "--user", "a@b.example", "--password-stdin"], ["admin", "user", "list"]] {
            let o = try b.run(args, stdin: "password\n", db: pg)
            #expect(o.status == 2, "\(args): exit \(o.status), \(o.stderr)")
            #expect(o.stderr.contains("db: the app and the everyday commands reach PostgreSQL through a careportal server"), "\(args): \(o.stderr)")
        }
        // The commands that connect directly try it (nothing listens on that port here): exit 3, saying so plainly.
        for args in [["demo", "--cases", "5"], ["serve", "--listen", "127.0.0.1:0"], ["bench", "--cases", "100"], ["admin", "export"]] {
            let o = try b.run(args, db: pg)
            #expect(o.status == 3, "\(args): exit \(o.status), \(o.stderr)")
            #expect(o.stderr == "careportal: database: can't open postgresql://careportal@127.0.0.1:5432/portal: connection refused "
                    + "(is PostgreSQL running and listening there?)\n", "\(args): \(o.stderr)")
        }
        for url in ["ftp://files.example/portal.sqlite3", "mysql://root@localhost/portal"] {
            let o = try b.run(["demo", "--cases", "5"], db: url)
            #expect(o.status == 2)
            #expect(o.stderr.contains("db: \"\(url)\" is a \(url.prefix { $0 != ":" }): URL; give a database file's path"), "\(o.stderr)")
        }
        let http = try b.run(["cases"], db: "http://127.0.0.1:8750")
        #expect(http.status == 2 && http.stderr.contains("use --server http://127.0.0.1:8750"), "\(http.stderr)")
        for folder in ["postgresql:", "ftp:", "mysql:", "http:"] {
            #expect(!FileManager.default.fileExists(atPath: cwd + "/" + folder), "\(folder) created in \(cwd)")
            #expect(!FileManager.default.fileExists(atPath: b.home.appendingPathComponent(folder).path))
        }
    }

    /// The first domain's request, refused for bad input, leaves no database behind.
    @Test func aRefusedFirstDomainCreatesNoDatabase() throws {
        let b = try Binary()
        let db = b.home.appendingPathComponent("org/portal.sqlite3").path
        for (args, stdin) in [(["not a domain", "--admin", "x@y.example"], "password-1\n"), (["ok.example", "--admin", "x@ok.example"], "short\n")] {
            let o = try b.run(["admin", "domain", "create"] + args + ["--password-stdin"], stdin: stdin, db: db)
            #expect(o.status == 2, "\(args): \(o.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: db))
        #expect(!FileManager.default.fileExists(atPath: b.home.appendingPathComponent("org").path))
    }

    /// A login whose session can't be saved fails and leaves no live session and no successful sign-in behind.
    @Test func aLoginThatCannotSaveItsSessionWritesNothing() throws {
        let (b, report) = try Self.demoWithoutSessions()
        // The sessions folder is taken by a plain file, so sessions.json can't be written.
        let state = b.home.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: state.appendingPathComponent("careportal").path, contents: Data("not a folder".utf8))
        let users = (report["domains"] as! [[String: Any]]).flatMap { $0["users"] as! [[String: Any]] }
        let password = users.first { $0["email"] as? String == "alice@cloudpartners.example" }!["password"] as! String
        let o = try b.run(["login", "--user", "alice@cloudpartners.example", "--password-stdin"], stdin: password + "\n")
        #expect(o.status == 3, "\(o.stderr)")
        #expect(o.stderr.contains("sessions"), "\(o.stderr)")
        #expect(try SQLiteShell.query(b.db, "SELECT COUNT(*) FROM session WHERE ended_at IS NULL;") == "0", "a live session was left")
        #expect(try SQLiteShell.query(b.db, "SELECT COUNT(*) FROM audit WHERE action = 'sign-in' AND outcome = 'ok';") == "0",
                "a successful sign-in was recorded")
    }

    static func demoWithoutSessions() throws -> (Binary, [String: Any]) {
        let b = try Binary()
        let report = try b.json(["demo", "--cases", "20", "--seed", "7", "--json"]) as! [String: Any]
        return (b, report)
    }
}
