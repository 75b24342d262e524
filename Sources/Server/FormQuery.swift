import Foundation
import Hummingbird
import HummingbirdCore

extension URI {
    /// The query's parameters as a form encodes them: `+` is a space, as browsers, Python's `urlencode` and curl's
    /// `--data-urlencode -G` send one (`filter=is:open+sev:p1`); a literal plus is `%2B`, as careportal's client sends
    /// it. Hummingbird's `queryParameters` decodes only the percent escapes.
    var formQuery: FlatDictionary<Substring, Substring> {
        guard let query, !query.isEmpty else { return .init() }
        return .init(query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (key: Self.formDecoded(parts[0]), value: parts.count > 1 ? Self.formDecoded(parts[1]) : "")
        })
    }

    private static func formDecoded(_ text: Substring) -> Substring {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return (spaced.removingPercentEncoding ?? spaced)[...]
    }
}
