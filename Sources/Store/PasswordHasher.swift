import _CryptoExtras
import Crypto
import Foundation

/// Salted PBKDF2-SHA256. The encoded hash carries its own rounds and salt, so the cost can be raised later.
public struct PasswordHasher: Sendable {
    public var rounds: Int
    public static let standard = PasswordHasher(rounds: 600_000)
    /// For tests and demo fixtures only: fast, still salted.
    public static let fast = PasswordHasher(rounds: 1_000)
    public init(rounds: Int) { self.rounds = rounds }

    public func hash(_ password: String) -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var rng = SystemRandomNumberGenerator()
        for i in salt.indices { salt[i] = rng.next() }
        let key = Self.derive(password, salt: salt, rounds: rounds)
        return "pbkdf2-sha256$\(rounds)$\(Data(salt).base64EncodedString())$\(key.base64EncodedString())"
    }

    /// Each password hashed with its own salt, on every core at once (the demo hashes a dozen accounts' passwords).
    public func hashEach(_ passwords: [String]) -> [String] {
        let results = HashResults(count: passwords.count)
        DispatchQueue.concurrentPerform(iterations: passwords.count) { i in results.set(i, hash(passwords[i])) }
        return results.values
    }

    /// Constant-time comparison of the derived key.
    public static func verify(_ password: String, against encoded: String) -> Bool {
        let parts = encoded.split(separator: "$")
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let rounds = Int(parts[1]),
              let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3])) else { return false }
        let actual = derive(password, salt: Array(salt), rounds: rounds)
        guard actual.count == expected.count else { return false }
        var diff: UInt8 = 0
        for (a, b) in zip(actual, expected) { diff |= a ^ b }
        return diff == 0
    }

    static func derive(_ password: String, salt: [UInt8], rounds: Int) -> Data {
        let key = try! KDF.Insecure.PBKDF2.deriveKey(from: Array(password.utf8), salt: salt, using: .sha256,
                                                     outputByteCount: 32, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Data($0) }
    }
}

/// Session tokens, the same for every store: 256 random bits in hex, kept only as their SHA-256.
public enum Token {
    /// 256 random bits, hex.
    public static func make() -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", rng.next() as UInt64) }.joined()
    }
    public static func hash(_ token: String) -> String {
        hex(SHA256.hash(data: Data(token.utf8)))
    }
}

/// Lower-case hex of some bytes (a digest), without String(format:), which costs a microsecond a byte: every request
/// to the server hashes its token.
func hex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
    return String(decoding: out, as: UTF8.self)
}

/// The hashes of `hashEach`, written from several threads, each to its own slot.
private final class HashResults: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [String]
    init(count: Int) { slots = Array(repeating: "", count: count) }
    func set(_ i: Int, _ value: String) { lock.withLock { slots[i] = value } }
    var values: [String] { lock.withLock { slots } }
}
