import Foundation

/// What a super administrator types for a new secondary domain, role, customer or organisational unit, checked once
/// for every store: each returns the value to store, or the refusal naming the field.
public enum AdminInput {
    /// A secondary domain's name, lower case.
    public static func secondaryDomain(_ raw: String) -> Result<String, Refusal> {
        let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard Validate.isEmailAddress("x@\(name)") else {
            return .failure(.invalid("domain", "\"\(raw)\" is not a domain name (expected secondary.example)"))
        }
        return .success(name)
    }

    /// Where a new user goes: a unit, or none. Accepting a Workspace licence means nothing without a unit, whose
    /// auto-licensing is what gives one, so it is refused alone rather than silently ignored.
    public static func placement(unit: String?, acceptWorkspaceLicence: Bool) -> Result<UnitPlacement?, Refusal> {
        guard let unit else {
            return acceptWorkspaceLicence ? .failure(.invalid("accept-workspace-licence", "give the organisational unit too: "
                + "a Google Workspace licence comes only with a unit's auto-licensing")) : .success(nil)
        }
        return .success(UnitPlacement(unit: unit, acceptWorkspaceLicence: acceptWorkspaceLicence))
    }

    /// A custom role's name, trimmed; it must grant at least one privilege.
    public static func role(name: String, privileges: Set<Privilege>) -> Result<String, Refusal> {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .failure(.invalid("name", "give the role a name")) }
        if case .failure(let r) = Validate.name(trimmed, field: "name") { return .failure(r) }
        if privileges.isEmpty {
            return .failure(.invalid("privilege", "give at least one privilege: \(Privilege.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        return .success(trimmed)
    }

    /// A customer's name (trimmed) and primary domain (lower case).
    public static func customer(name: String, primaryDomain: String) -> Result<(name: String, primaryDomain: String), Refusal> {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .failure(.invalid("name", "give the customer's name")) }
        if case .failure(let r) = Validate.name(trimmed, field: "name") { return .failure(r) }
        let primary = primaryDomain.lowercased()
        guard Validate.isEmailAddress("x@\(primary)") else {
            return .failure(.invalid("primary-domain", "\"\(primaryDomain)\" is not a domain name (expected customer.example)"))
        }
        return .success((trimmed, primary))
    }

    /// An organisational unit's name, as typed.
    public static func orgUnit(name: String) -> Result<String, Refusal> {
        if case .failure(let r) = Validate.name(name, field: "name") { return .failure(r) }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { return .failure(.invalid("name", "give the organisational unit a name")) }
        return .success(name)
    }
}
