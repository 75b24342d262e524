/// What is drawn over the current screen and takes the keys first.
enum Overlay: Equatable, Sendable {
    case none
    /// The keys of the current screen; `scroll` is the first line shown.
    case help(scroll: Int)
    /// The session switcher; the cursor runs over the sessions and then "sign in to another domain".
    case sessions(cursor: Int)
    /// Full screen when no session is open, a box over the screen otherwise.
    case signIn(SignInForm)
    case feedback(FeedbackForm)
}

/// The Send Feedback box: one line of text about the screen it was opened on.
struct FeedbackForm: Equatable, Sendable {
    var screen: String
    var field = TextField()
}
