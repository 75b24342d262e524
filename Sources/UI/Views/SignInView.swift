import ScreenKit

/// Sign-in: full screen when no domain is signed in, a box over the screen when adding one.
enum SignInView {
    static func render(_ form: SignInForm, fullScreen: Bool, into buffer: inout ScreenBuffer) {
        let rect = buffer.bounds.centered(width: 64, height: 13)
        buffer.drawBox(rect, title: fullScreen ? "careportal · Customer Care Portal" : "Sign in to another domain")
        let inner = rect.inset(top: 1, left: 2, bottom: 1, right: 2)
        buffer.put("Sign in with your reseller account.", x: inner.x, y: inner.y + 1, clip: inner)
        let note = fullScreen ? "One account per reseller domain; add more later with S." : "Each reseller domain has its own account."
        buffer.put(note, x: inner.x, y: inner.y + 2, style: Theme.dim, clip: inner)

        let labelWidth = 10
        let fieldArea = { (row: Int) in Rect(x: inner.x + labelWidth, y: inner.y + row, width: inner.width - labelWidth, height: 1) }
        buffer.put("Email", x: inner.x, y: inner.y + 4, style: form.focus == .email ? Theme.bold : Theme.label, clip: inner)
        FieldView.render(form.email, masked: false, focused: form.focus == .email && form.phase == .editing,
                         into: &buffer, area: fieldArea(4))
        buffer.put("Password", x: inner.x, y: inner.y + 5, style: form.focus == .password ? Theme.bold : Theme.label, clip: inner)
        FieldView.render(form.password, masked: true, focused: form.focus == .password && form.phase == .editing,
                         into: &buffer, area: fieldArea(5))

        if form.phase == .submitting {
            buffer.put("Signing in…", x: inner.x, y: inner.y + 7, style: Theme.dim, clip: inner)
        } else if let message = form.message {
            for (i, line) in wrap(message, width: inner.width).prefix(2).enumerated() {
                buffer.put(line, x: inner.x, y: inner.y + 7 + i, style: Theme.error, clip: inner)
            }
        }
        let hints = Keymap.signIn.compactMap { b in
            b.hint.map { (b.keys[0].name, b.command == .cancel && fullScreen ? "quit" : $0) }
        }
        buffer.put(StatusLineView.join(hints, width: inner.width), x: inner.x, y: inner.maxY - 1, clip: inner)
    }
}
