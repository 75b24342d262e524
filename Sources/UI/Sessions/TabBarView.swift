import ScreenKit

/// The top row: the app, one tab per signed-in domain (the active one highlighted), and who acts on what is on
/// screen (on a case opened from All domains, that case's domain's user).
enum TabBarView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
        var x = buffer.put(" careportal ", x: area.x, y: area.y, style: Theme.brand, clip: area)
        for (i, tab) in state.tabs.enumerated() {
            x += 1
            x = buffer.put(" \(label(tab, among: state.tabs)) ", x: x, y: area.y,
                           style: i == state.active ? Theme.tabActive : Theme.tabInactive, clip: area)
        }
        guard let user = state.actingSession?.user else { return }
        let room = area.maxX - Layout.margin - (x + 2)
        guard room >= 12 else { return }
        // The name and address when they fit, else the address, else the name, each whole; cut only past that.
        let forms = (user.name.isEmpty ? [] : ["as \(user.name) <\(user.email)>"]) + ["as \(user.email)"]
            + (user.name.isEmpty ? [] : ["as \(user.name)"])
        let text = forms.first { $0.displayWidth <= room } ?? buffer.glyphs.fit(forms[forms.count - 1], toWidth: room)
        buffer.put(text, x: area.maxX - Layout.margin - text.displayWidth, y: area.y, style: Theme.dim, clip: area)
    }

    /// The domain; with the user's name before the @ when two tabs are of the same domain.
    static func label(_ tab: Tab, among tabs: [Tab]) -> String {
        let name = tab.session.domainName
        guard tabs.filter({ $0.session.domainName == name }).count > 1 else { return name }
        return "\(tab.session.user.email.split(separator: "@").first ?? "")@\(name)"
    }
}
