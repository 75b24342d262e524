import Domain
@testable import PostgresStore
import Testing

/// `--db postgresql://…`: what it names, and every refusal naming the field; a password never shows in `location`.
@Suite struct PostgresAddressTests {
    @Test func tcpAndSocketAddresses() throws {
        let tcp = try PostgresAddress(parsing: "postgresql://portal:s3cret@db.example:6543/careportal", environment: [:])
        #expect(tcp.endpoint == .tcp(host: "db.example", port: 6543))
        #expect(tcp.user == "portal" && tcp.password == "s3cret" && tcp.database == "careportal")
        #expect(tcp.location == "postgresql://portal@db.example:6543/careportal")

        let socket = try PostgresAddress(parsing: "postgres://portal@/careportal?host=/run/postgresql", environment: ["PGPASSWORD": "pw"])
        #expect(socket.endpoint == .socket(path: "/run/postgresql/.s.PGSQL.5432"))
        #expect(socket.password == "pw", "the password may come from $PGPASSWORD")
        #expect(socket.location == "postgresql://portal@/careportal?host=/run/postgresql")

        let defaultPort = try PostgresAddress(parsing: "postgresql://portal@localhost/careportal", environment: [:])
        #expect(defaultPort.endpoint == .tcp(host: "localhost", port: 5432) && defaultPort.password == nil)
    }

    @Test(arguments: [
        ("mysql://portal@db/careportal", "not a postgresql://USER@HOST:PORT/DB address"),
        ("postgresql://db.example/careportal", "name the database user"),
        ("postgresql://portal@db.example", "name one database after the host"),
        ("postgresql://portal@db.example/a/b", "name one database after the host"),
        ("postgresql://portal@/careportal", "name the host, or give ?host=/path/to/socket/folder"),
        ("postgresql://portal@/careportal?host=run/postgresql", "host= takes the folder of the server's Unix socket"),
        ("postgresql://portal@db/careportal?sslmode=require", "sslmode= is not an option careportal takes"),
    ])
    func refusalsNameTheFieldAndWhatIsWrong(_ text: String, _ why: String) {
        #expect {
            try PostgresAddress(parsing: text, environment: [:])
        } throws: { error in
            let refusal = error as? Refusal
            return refusal?.field == "db" && refusal?.reason.contains(why) == true && refusal?.kind == .invalidInput
        }
    }

    @Test func aRefusalNeverRepeatsThePassword() {
        #expect {
            try PostgresAddress(parsing: "postgresql://portal:hunter2@db.example", environment: [:])
        } throws: { error in
            "\(error)".contains("***") && !"\(error)".contains("hunter2")
        }
    }
}

/// Schema scripts split into statements where a `;` ends one, never inside quotes, dollar quotes or comments.
@Suite struct SQLScriptTests {
    @Test func splitsOnlyWhereAStatementEnds() {
        let script = """
        -- a comment; with a semicolon
        CREATE TABLE a (note text DEFAULT 'x;y', "odd;name" int);
        CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE a SET note = 'it''s; fine'; RETURN NULL;
        END $$;
        DO $body$ BEGIN PERFORM 1; END $body$;
        SELECT $1::int;
        """
        let statements = SQLScript.statements(script)
        #expect(statements.count == 4, "\(statements)")
        #expect(statements[0].hasSuffix("CREATE TABLE a (note text DEFAULT 'x;y', \"odd;name\" int)"))
        #expect(statements[1].hasPrefix("CREATE FUNCTION f()") && statements[1].hasSuffix("END $$"))
        #expect(statements[2] == "DO $body$ BEGIN PERFORM 1; END $body$")
        #expect(statements[3] == "SELECT $1::int")
    }
}
