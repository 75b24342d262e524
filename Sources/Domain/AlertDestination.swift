/// Where alerts go: a Maildir, or a sendmail-compatible command reading the message on standard input.
public enum AlertDestination: Sendable, Equatable {
    case maildir(String)
    case sendmail(String)
}

/// What one delivery run did.
public struct DeliveryReport: Sendable, Equatable {
    public var delivered = 0
    public var failed: [String] = []
    public init(delivered: Int = 0, failed: [String] = []) { self.delivered = delivered; self.failed = failed }
}
