import Domain
import Foundation
import ScreenKit

/// A small form of the admin screen: a new secondary domain, user, unit or role, a licence request, an alert
/// redirect. Tab moves between fields (and a role's privileges, ticked with Space), Enter saves, Esc cancels.
/// The input is checked by the Domain's own validators before it is sent, and again by the portal.
struct AdminPrompt: Equatable, Sendable {
    enum Purpose: Equatable, Sendable { case secondaryDomain, orgUnit, user, role, licences, alerts(email: String) }
    struct Field: Equatable, Sendable {
        var label: String
        var text: TextField
        var masked = false
        init(_ label: String, _ text: String = "", masked: Bool = false) { self.label = label; self.text = TextField(text); self.masked = masked }
    }
    enum Outcome: Equatable { case edited, submit, cancel }

    var purpose: Purpose
    var title: String
    var fields: [Field]
    /// A role's privileges (only for `.role`), in `Privilege.allCases` order below the fields.
    var privileges: Set<Privilege> = []
    /// The field (or, past the fields, the privilege) with the caret.
    var focus = 0
    var error: String?

    var focusCount: Int { fields.count + (purpose == .role ? Privilege.allCases.count : 0) }

    /// The form `n` opens in a tab; nil where nothing is added.
    static func `for`(_ section: AdminSection, overview: AdminOverview?) -> AdminPrompt? {
        switch section {
        case .setup:
            AdminPrompt(purpose: .secondaryDomain, title: "Add a secondary domain", fields: [.init("Domain")])
        case .units:
            AdminPrompt(purpose: .orgUnit, title: "New organisational unit (auto-licensing off)", fields: [.init("Name")])
        case .users:
            // The unit offered first: one for Cloud Identity users (auto-licensing off), as the seed advises.
            AdminPrompt(purpose: .user, title: "Add a user", fields: [
                .init("Email"), .init("Name"), .init("Password", masked: true),
                .init("Unit", overview?.orgUnits.first { !$0.autoLicensing }?.name ?? ""),
            ])
        case .roles:
            AdminPrompt(purpose: .role, title: "New role: tick its privileges with Space", fields: [.init("Name")])
        case .licences:
            AdminPrompt(purpose: .licences, title: "Request more \(Licences.product) licences", fields: [.init("How many")])
        case .alerts, .customers:
            nil
        }
    }

    mutating func key(_ key: Key, _ keys: Keymap) -> Outcome {
        switch Keymap.binding(for: key, in: keys.adminForm)?.command {
        case .cancel?: return .cancel
        case .submit?: return .submit
        case .nextField?: focus = (focus + 1) % focusCount
        case .previousField?: focus = (focus + focusCount - 1) % focusCount
        default:
            if focus < fields.count {
                _ = fields[focus].text.handle(key, keys)
            } else if key == .char(" ") {
                let p = Privilege.allCases[focus - fields.count]
                if privileges.contains(p) { privileges.remove(p) } else { privileges.insert(p) }
            }
        }
        return .edited
    }

    private func text(_ i: Int) -> String { fields[i].text.text.trimmingCharacters(in: .whitespaces) }

    /// The change the form asks for, or the first field at fault.
    func change() -> Result<AdminChange, Refusal> {
        switch purpose {
        case .secondaryDomain:
            return AdminInput.secondaryDomain(text(0)).map { .addSecondaryDomain(name: $0) }
        case .orgUnit:
            return AdminInput.orgUnit(name: text(0)).map { .createOrgUnit(name: $0, autoLicensing: false) }
        case .user:
            let email: String
            switch Validate.email(text(0)) {
            case .success(let e): email = e
            case .failure(let r): return .failure(r)
            }
            if case .failure(let r) = Validate.name(text(1), field: "name") { return .failure(r) }
            if case .failure(let r) = Validate.password(fields[2].text.text) { return .failure(r) }
            let unit = text(3)
            return .success(.addUser(email: email, name: text(1), password: fields[2].text.text,
                                     placement: unit.isEmpty ? nil : UnitPlacement(unit: unit)))
        case .role:
            return AdminInput.role(name: text(0), privileges: privileges).map { .createRole(name: $0, privileges: privileges) }
        case .licences:
            guard let count = Int(text(0)), (1...10_000).contains(count) else {
                return .failure(.invalid("count", "give a number from 1 to 10000"))
            }
            return .success(.requestLicences(count: count))
        case .alerts(let email):
            return Validate.email(text(0), field: "alert-address").map { .alerts(email: email, address: $0) }
        }
    }

    /// Drawn as a box over the admin screen.
    func render(in bounds: Rect, keys: Keymap, into buffer: inout ScreenBuffer) {
        let ticks = purpose == .role ? Privilege.allCases.count : 0
        let height = 2 + fields.count + (ticks > 0 ? ticks + 1 : 0) + 3
        let rect = bounds.centered(width: min(72, bounds.width - 4), height: min(height, bounds.height))
        buffer.fill(rect)
        buffer.drawBox(rect, title: title)
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        let labelWidth = 11
        for (i, field) in fields.enumerated() {
            buffer.put(field.label, x: inner.x, y: inner.y + i, style: focus == i ? Theme.bold : Theme.label, clip: inner)
            FieldView.render(field.text, masked: field.masked, focused: focus == i,
                             into: &buffer, area: Rect(x: inner.x + labelWidth, y: inner.y + i, width: inner.width - labelWidth, height: 1))
        }
        for (j, p) in Privilege.allCases.enumerated() where ticks > 0 {
            let y = inner.y + fields.count + 1 + j
            let focused = focus == fields.count + j
            let line = "[\(privileges.contains(p) ? "x" : " ")] \(p.label)\(p.isLegacy ? "  (legacy)" : "")"
            buffer.put(line, x: inner.x + 2, y: y, style: focused ? Theme.cursorRow : Theme.plain, clip: inner)
        }
        let bottom = inner.maxY - 1
        if let error {
            _ = buffer.putFitted(error, x: inner.x, y: bottom, style: Theme.error, clip: inner)
        } else {
            let hints = Keymap.hints(keys.adminFormOwn) + (ticks > 0 ? [(keys: "Space", label: "tick")] : [])
            buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: bottom, clip: inner)
        }
    }
}
