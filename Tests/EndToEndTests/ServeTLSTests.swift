import Foundation
import Testing

/// `careportal serve --tls-cert --tls-key`: HTTPS with a certificate a private CA signed, and the command line as its
/// client (`--cacert`, `$CAREPORTAL_CACERT`). The certificates are made by openssl for each test.
@Suite(.serialized) struct ServeTLSTests {
    static let alice = "alice@cloudpartners.example"

    @Test func theCommandLineTrustsTheServerThroughThePrivateCA() throws {
        let (b, _, passwords) = try ServeTests.demo()
        let pki = try TestCertificates(in: b.home)
        let server = try Server(b, tls: (pki.certificate, pki.key))
        #expect(server.base.scheme == "https", "\(server.base)")
        let url = server.base
        let login = try b.run(["login", "--user", Self.alice, "--password-stdin", "--cacert", pki.ca],
                              stdin: passwords[Self.alice]! + "\n", server: url)
        #expect(login.status == 0 && login.stdout.hasPrefix("Signed in as Alice Moreau"), "\(login.stdout) \(login.stderr)")
        let local = try b.run(["cases", "--limit", "30", "--json", "--as", Self.alice])
        let remote = try b.run(["cases", "--limit", "30", "--json", "--as", Self.alice, "--cacert", pki.ca], server: url)
        #expect(remote.status == 0 && remote.stdout == local.stdout && !local.stdout.isEmpty, "\(remote.status) \(remote.stderr)")
        // --cacert before the command, like --server; and $CAREPORTAL_CACERT.
        let leading = try b.run(["--cacert", pki.ca, "customers", "--as", Self.alice], server: url)
        #expect(leading.status == 0 && leading.stdout.contains("Acme"), "\(leading.stderr)")
        let fromEnvironment = try pki.run(b, ["cases", "--limit", "3", "--as", Self.alice, "--server", url.absoluteString],
                                          environment: ["CAREPORTAL_CACERT": pki.ca])
        #expect(fromEnvironment.status == 0 && !fromEnvironment.stdout.isEmpty, "\(fromEnvironment.stderr)")
        let (status, log) = server.stop()
        #expect(status == 0 && log.contains("route=/v1/cases") && log.contains("status=200"), "\(status) \(log)")
    }

    @Test func withoutTheCAsCertificateTheServerIsNotTrusted() throws {
        let (b, _, passwords) = try ServeTests.demo()
        let pki = try TestCertificates(in: b.home)
        let server = try Server(b, tls: (pki.certificate, pki.key))
        let login = try b.run(["login", "--user", Self.alice, "--password-stdin"], stdin: passwords[Self.alice]! + "\n", server: server.base)
        #expect(login.status == 3, "\(login.status) \(login.stdout) \(login.stderr)")
        #expect(login.stderr.contains("certificate isn't trusted") && login.stderr.contains("--cacert") && login.stderr.contains(server.base.absoluteString),
                "\(login.stderr)")
        #expect(login.stdout.isEmpty)
        // Another CA's certificate doesn't make it trusted either.
        let other = try TestCertificates(in: b.home.appendingPathComponent("other"))
        let wrongCA = try b.run(["login", "--user", Self.alice, "--password-stdin", "--cacert", other.ca],
                                stdin: passwords[Self.alice]! + "\n", server: server.base)
        #expect(wrongCA.status == 3 && wrongCA.stderr.contains("certificate isn't trusted"), "\(wrongCA.status) \(wrongCA.stderr)")
        // A --cacert that isn't a certificate is bad input.
        let notPEM = b.home.appendingPathComponent("not.pem")
        try Data("hello".utf8).write(to: notPEM)
        let bad = try b.run(["cases", "--cacert", notPEM.path], server: server.base)
        #expect(bad.status == 2 && bad.stderr.hasPrefix("careportal: cacert: \(notPEM.path) holds no PEM certificate"), "\(bad.stderr)")
        let missing = try b.run(["cases", "--cacert", "/nonexistent/ca.pem"], server: server.base)
        #expect(missing.status == 2 && missing.stderr.hasPrefix("careportal: cacert: /nonexistent/ca.pem can't be read"), "\(missing.stderr)")
        // Plain HTTP to the HTTPS port fails as unavailable, naming the server.
        var plain = URLComponents(url: server.base, resolvingAgainstBaseURL: false)!
        plain.scheme = "http"
        let http = try b.run(["login", "--user", Self.alice, "--password-stdin"], stdin: passwords[Self.alice]! + "\n", server: plain.url!)
        #expect(http.status == 3 && http.stderr.contains(plain.url!.absoluteString), "\(http.status) \(http.stderr)")
        #expect(server.stop().status == 0)
    }

    @Test func aRefusedConnectionIsUnavailableAndNamesTheServer() throws {
        let b = try Binary()
        let o = try b.run(["login", "--user", Self.alice, "--password-stdin"], stdin: "x\n", server: URL(string: "https://127.0.0.1:9")!)
        #expect(o.status == 3 && o.stderr == "careportal: server: can't reach https://127.0.0.1:9: connection refused (is careportal serve running there?)\n",
                "\(o.status) \(o.stderr)")
    }

    @Test func tlsOptionsAreCheckedBeforeAnythingIsServed() throws {
        let b = try Binary()
        _ = try b.run(["demo", "--cases", "10"])
        let pki = try TestCertificates(in: b.home)
        let garbage = b.home.appendingPathComponent("garbage.pem")
        try Data("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n".utf8).write(to: garbage)
        let other = try TestCertificates(in: b.home.appendingPathComponent("other"))
        let cases: [([String], String)] = [
            (["--tls-cert", pki.certificate], "careportal: tls-key: "),
            (["--tls-key", pki.key], "careportal: tls-cert: "),
            (["--tls-cert", "/nonexistent/server.pem", "--tls-key", pki.key], "careportal: tls-cert: /nonexistent/server.pem can't be read"),
            (["--tls-cert", pki.certificate, "--tls-key", "/nonexistent/server.key"], "careportal: tls-key: /nonexistent/server.key can't be read"),
            (["--tls-cert", garbage.path, "--tls-key", pki.key], "careportal: tls-cert: \(garbage.path) holds no PEM certificate"),
            (["--tls-cert", pki.key, "--tls-key", pki.key], "careportal: tls-cert: \(pki.key) holds no PEM certificate"),
            (["--tls-cert", pki.certificate, "--tls-key", pki.certificate], "careportal: tls-key: \(pki.certificate) holds no unencrypted PEM private key"),
            (["--tls-cert", pki.certificate, "--tls-key", other.key], "careportal: tls-key: \(other.key) is not the private key of the certificate"),
        ]
        for (args, message) in cases {
            let o = try b.run(["serve", "--listen", "127.0.0.1:0"] + args)
            #expect(o.status == 2 && o.stderr.hasPrefix(message) && o.stdout.isEmpty, "\(args): \(o.status) \(o.stderr) \(o.stdout)")
        }
    }

    /// With TLS an address other hosts reach is allowed: it binds, says https://, and stops on SIGTERM. No request is
    /// sent to it.
    @Test func aNonLoopbackListenIsAcceptedWithTLS() throws {
        let b = try Binary()
        _ = try b.run(["demo", "--cases", "10"])
        let pki = try TestCertificates(in: b.home)
        let server = try Server(b, listen: "0.0.0.0:0", tls: (pki.certificate, pki.key))
        #expect(server.base.scheme == "https" && server.base.host == "0.0.0.0" && (server.base.port ?? 0) > 0, "\(server.base)")
        let (status, log) = server.stop()
        #expect(status == 0, "\(status) \(log)")
    }
}

/// A private CA and a server certificate it signed for 127.0.0.1 and localhost (EC P-256), made with openssl.
struct TestCertificates {
    let folder: URL
    var ca: String { folder.appendingPathComponent("ca.pem").path }
    var certificate: String { folder.appendingPathComponent("server.pem").path }
    var key: String { folder.appendingPathComponent("server.key").path }

    init(in folder: URL) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("""
            basicConstraints = critical, CA:FALSE
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = serverAuth
            subjectAltName = IP:127.0.0.1, DNS:localhost

            """.utf8).write(to: folder.appendingPathComponent("server.ext"))
        try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                     "-subj", "/CN=careportal test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                     "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-keyout", "ca.key", "-out", "ca.pem"])
        try openssl(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=127.0.0.1",
                     "-keyout", "server.key", "-out", "server.csr"])
        try openssl(["x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-days", "2",
                     "-extfile", "server.ext", "-out", "server.pem"])
    }

    /// Runs openssl (from PATH) in the folder; a missing openssl or a failure fails the test.
    private func openssl(_ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["openssl"] + arguments
        p.currentDirectoryURL = folder
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw ServerFailure(message: "openssl \(arguments.joined(separator: " ")) exited \(p.terminationStatus) (make deps installs it): \(message)")
        }
    }

    /// The binary with extra environment variables (`$CAREPORTAL_CACERT`).
    func run(_ b: Binary, _ args: [String], environment: [String: String]) throws -> Binary.Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Binary.path)
        p.arguments = args
        p.environment = b.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Binary.Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
