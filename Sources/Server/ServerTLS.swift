import API
import Foundation
import NIOSSL

/// The certificate chain and private key `careportal serve --tls-cert PEM --tls-key PEM` serves HTTPS with: read and
/// checked (both PEM, the key the certificate's) before anything listens.
public struct ServerTLS: Sendable {
    let configuration: TLSConfiguration

    /// Why the files can't be served with: `option` is the command line's (`tls-cert`, `tls-key`).
    public struct Problem: Error, CustomStringConvertible {
        public var option: String
        public var reason: String
        public var description: String { "\(option): \(reason)" }
    }

    /// `certificatePath`: the server's certificate first, then any intermediate CA certificates. `keyPath`: its
    /// private key, unencrypted.
    public init(certificatePath: String, keyPath: String) throws(Problem) {
        let certificateData = try Self.read(certificatePath, option: "tls-cert")
        let keyData = try Self.read(keyPath, option: "tls-key")
        guard let chain = try? NIOSSLCertificate.fromPEMBytes(Array(certificateData)), !chain.isEmpty else {
            throw Problem(option: "tls-cert", reason: "\(certificatePath) holds no PEM certificate (-----BEGIN CERTIFICATE-----)")
        }
        let key: NIOSSLPrivateKey
        do { key = try NIOSSLPrivateKey(bytes: Array(keyData), format: .pem) } catch {
            throw Problem(option: "tls-key", reason: "\(keyPath) holds no unencrypted PEM private key (-----BEGIN PRIVATE KEY-----)")
        }
        let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) },
                                                                     privateKey: .privateKey(key))
        // A key that isn't the certificate's is refused here rather than at the first connection.
        do { _ = try NIOSSLContext(configuration: configuration) } catch {
            throw Problem(option: "tls-key", reason: "\(keyPath) is not the private key of the certificate in \(certificatePath)")
        }
        self.configuration = configuration
    }

    private static func read(_ path: String, option: String) throws(Problem) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path) else {
            throw Problem(option: option, reason: "\(path) can't be read")
        }
        return data
    }
}
