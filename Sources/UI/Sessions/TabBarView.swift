import ScreenKit

/// The top row: the app, one tab per signed-in domain (the active one highlighted), and who acts on what is on
/// screen (on a case opened from All domains, that case's domain's user).
enum TabBarView {
    static func render(_ state: AppState, into buffer: inout ScreenBuffer, area: Rect) {
        var x = buffer.put(brand, x: area.x, y: area.y, style: Theme.brand, clip: area)
        for (i, tab) in tabs(state, glyphs: buffer.glyphs, area: area).enumerated() {
            x = buffer.put(tab.text, x: tab.x, y: area.y, style: i == state.active ? Theme.tabActive : Theme.tabInactive, clip: area)
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

    static let brand = " careportal "

    /// Each tab's text and where it starts, as drawn: the labels with their unread counts, cut to an equal share each
    /// when they don't fit (the domain's start stays readable).
    static func tabs(_ state: AppState, glyphs: Glyphs, area: Rect) -> [(text: String, x: Int)] {
        let home = state.homeLocation
        var labels = state.tabs.map { label($0, among: state.tabs, home: home) }
        // Each tab's unread cases after its name (none shown when there are none).
        let counts = state.tabs.map { tab in tab.unread.flatMap { $0.count > 0 ? " \(glyphs.unread)\($0.label)" : nil } ?? "" }
        var x = area.x + brand.displayWidth
        let tabRoom = area.maxX - x - 3 * labels.count - counts.reduce(0) { $0 + $1.displayWidth }
        if labels.reduce(0, { $0 + $1.displayWidth }) > tabRoom, !labels.isEmpty {
            let share = max(8, tabRoom / labels.count)
            labels = labels.map { $0.displayWidth > share ? glyphs.fit($0, toWidth: share) : $0 }
        }
        return zip(labels, counts).map { label, count in
            let text = " \(label)\(count) "
            x += 1
            defer { x += text.displayWidth }
            return (text, x)
        }
    }

    /// The tab under column `x` of the top row (a click), if any.
    static func tab(at x: Int, in state: AppState, width: Int) -> Int? {
        tabs(state, glyphs: state.glyphs, area: Rect(x: 0, y: 0, width: width, height: 1))
            .firstIndex { x >= $0.x && x < $0.x + $0.text.displayWidth }
    }

    /// The domain; with the user's name before the @ when two tabs of one place are of the same domain, and the place
    /// (a server's host, a database file's name) after it for a tab of another place than the app's own.
    static func label(_ tab: Tab, among tabs: [Tab], home: String) -> String {
        let name = tab.session.domainName, location = tab.session.location
        let twin = tabs.filter { $0.session.domainName == name && $0.session.location == location }.count > 1
        let label = twin ? "\(tab.session.user.email.split(separator: "@").first ?? "")@\(name)" : name
        return location == home ? label : "\(label) · \(tab.session.place)"
    }
}
