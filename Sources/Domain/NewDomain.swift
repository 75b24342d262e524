/// A new reseller domain and its first super administrator, as `admin domain create` asks for them: checked before
/// anything is written (the command line checks before it creates a database; the store checks again).
public struct NewDomain: Equatable, Sendable {
    /// Lowercased, e.g. reseller.example.
    public var name: String
    /// The super administrator's address, in that domain.
    public var adminEmail: String

    public static func validate(name rawName: String, adminEmail: String, password: String) -> Result<NewDomain, Refusal> {
        let name = rawName.trimmingCharacters(in: .whitespaces).lowercased()
        guard Validate.isEmailAddress("x@\(name)") else {
            return .failure(.invalid("domain", "\"\(rawName)\" is not a domain name (expected reseller.example)"))
        }
        let email: String
        switch Validate.email(adminEmail) {
        case .failure(let r): return .failure(r)
        case .success(let e): email = e
        }
        guard email.hasSuffix("@\(name)") else {
            return .failure(.invalid("admin-email", "\(email) is not an address in \(name)"))
        }
        if case .failure(let r) = Validate.password(password) { return .failure(r) }
        return .success(NewDomain(name: name, adminEmail: email))
    }
}
