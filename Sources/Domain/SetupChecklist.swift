/// The seed's setup for partners with several reseller domains, as a checklist of one reseller domain: each step done
/// or what is left, and each user's readiness to sign in. Computed from the admin's overview alone, so the CLI's
/// `admin setup`, the admin screen's Setup tab and the API show the same thing.
public struct SetupReport: Sendable, Equatable, Codable {
    public struct Step: Sendable, Equatable, Codable {
        public var name: String
        public var done: Bool
        public var detail: String
        public init(name: String, done: Bool, detail: String) { self.name = name; self.done = done; self.detail = detail }
    }
    public struct Readiness: Sendable, Equatable, Codable {
        public var email: String
        public var canUsePortal: Bool
        /// `Rules.portalAccessGaps`, as text: empty when `canUsePortal`.
        public var missing: [String]
        public init(email: String, canUsePortal: Bool, missing: [String]) { self.email = email; self.canUsePortal = canUsePortal; self.missing = missing }
    }
    public var domain: String
    public var steps: [Step]
    public var users: [Readiness]
    public var allDone: Bool { steps.allSatisfy(\.done) }
    public init(domain: String, steps: [Step], users: [Readiness]) { self.domain = domain; self.steps = steps; self.users = users }
}

public enum SetupChecklist {
    /// Super administrators keep their Google Workspace account (the seed signs them in to the Admin console), so the
    /// unit and alert steps are about the other users; licences and roles are everyone's, as sign-in checks them.
    public static func report(_ o: AdminOverview) -> SetupReport {
        let active = o.users.filter { !$0.user.suspended }
        let portalUsers = active.filter { !$0.user.superAdmin }
        let cloudUnits = Set(o.orgUnits.filter { !$0.autoLicensing }.map(\.name))
        var steps: [SetupReport.Step] = []

        let autoOn = o.orgUnits.filter(\.autoLicensing)
        steps.append(.init(name: "Turn off auto-licensing", done: autoOn.isEmpty, detail: autoOn.isEmpty
            ? (o.orgUnits.isEmpty ? "no organisational units yet" : "off in every unit")
            : "still on in " + autoOn.map { "\($0.name) (\(count($0.users, "user")))" }.joined(separator: ", ")
              + ": new users there get a Google Workspace licence too"))

        steps.append(.init(name: "Create a unit for Cloud Identity users", done: !cloudUnits.isEmpty, detail: cloudUnits.isEmpty
            ? "no unit with auto-licensing off: create one"
            : o.orgUnits.filter { cloudUnits.contains($0.name) }.map(\.name).joined(separator: ", ")))

        // "Repeat for each of your reseller accounts and secondary domains."
        for domain in [o.domainName] + o.secondaryDomains {
            let theirs = portalUsers.filter { $0.user.email.lowercased().hasSuffix("@" + domain.lowercased()) }
            let outside = theirs.filter { !cloudUnits.contains($0.orgUnit ?? "") }
            let detail = theirs.isEmpty ? "no users yet: add users with addresses in \(domain)"
                : outside.isEmpty ? "\(count(theirs.count, "user")) in a Cloud Identity unit"
                : "not in a Cloud Identity unit: " + list(outside.map(\.user.email))
            steps.append(.init(name: "Add users of \(domain) to the unit", done: !theirs.isEmpty && outside.isEmpty, detail: detail))
        }

        let unlicensed = active.filter { !$0.user.licensed }
        var licenceDetail = "\(o.licencesUsed) of \(o.licencePool) \(Licences.product) licences used"
        if !unlicensed.isEmpty { licenceDetail += "; no licence: " + list(unlicensed.map(\.user.email)) }
        if !unlicensed.isEmpty && o.licencesUsed + unlicensed.count > o.licencePool {
            licenceDetail += "; the pool is too small: request \(o.licencesUsed + unlicensed.count - o.licencePool) more"
        }
        steps.append(.init(name: "Assign \(Licences.product) licences", done: unlicensed.isEmpty, detail: licenceDetail))

        let unprivileged = active.filter { !Rules.hasPortalPrivileges($0.user.privileges) }
        steps.append(.init(name: "Assign the Reseller Admin role (or a custom role)", done: unprivileged.isEmpty, detail: unprivileged.isEmpty
            ? "every user has the portal's privileges"
            : "missing privileges: " + list(unprivileged.map { row in
                let missing = Rules.portalAccessGaps(row.user).compactMap { if case .missingPrivilege(let p) = $0 { p.name } else { nil } }
                return "\(row.user.email) (\(missing.joined(separator: ", ")))"
            })))

        // A Cloud Identity account has no mailbox: its alerts reach someone only when redirected (or the user's
        // Workspace address is in each case's sharing, which the checklist cannot know).
        let unreachable = portalUsers.filter { !alertsReachAMailbox($0) }
        steps.append(.init(name: "Set up email alerts", done: unreachable.isEmpty, detail: unreachable.isEmpty
            ? (portalUsers.isEmpty ? "no users yet" : "every user's alerts reach a mailbox")
            : "alerts go to a Cloud Identity address with no mailbox: " + list(unreachable.map(\.user.email))
              + " (redirect them to a Workspace address, or add that address to each case's sharing)"))

        let users = o.users.map { row in
            let gaps = Rules.portalAccessGaps(row.user)
            return SetupReport.Readiness(email: row.user.email, canUsePortal: gaps.isEmpty, missing: gaps.map(\.description))
        }
        return SetupReport(domain: o.domainName, steps: steps, users: users)
    }

    /// Whether a user's alerts reach someone: redirected, or to an account with a mailbox (a Google Workspace licence,
    /// or a super administrator's Workspace account); a Cloud Identity Free account alone has none.
    public static func alertsReachAMailbox(_ row: DomainUserRow) -> Bool {
        row.user.alertAddress != nil || row.workspaceLicence || row.user.superAdmin
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// At most three names, then how many more.
    private static func list(_ names: [String]) -> String {
        names.count <= 3 ? names.joined(separator: ", ") : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
    }
}
