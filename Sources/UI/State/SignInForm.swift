/// The sign-in screen: email, masked password, and why the last attempt failed.
struct SignInForm: Equatable, Sendable {
    enum Field: Equatable, Sendable { case email, password }
    enum Phase: Equatable, Sendable { case editing, submitting }

    var email = TextField()
    var password = TextField()
    var focus: Field = .email
    var phase: Phase = .editing
    var message: String?

    var focusedField: TextField {
        get { focus == .email ? email : password }
        set { if focus == .email { email = newValue } else { password = newValue } }
    }
}
