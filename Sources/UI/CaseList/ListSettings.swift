import Domain

/// What a tab's My Cases shows, kept between runs of the app: the filter as typed, the order and its direction.
public struct ListSettings: Codable, Equatable, Sendable {
    public var filter: String
    public var sort: CaseSort
    public var reversed: Bool

    public init(filter: String = "", sort: CaseSort = .updated, reversed: Bool = false) {
        self.filter = filter; self.sort = sort; self.reversed = reversed
    }

    /// Nothing to keep: the list as a new tab shows it.
    public var isDefault: Bool { self == ListSettings() }
}

extension CaseList {
    var settings: ListSettings { ListSettings(filter: filter.text, sort: sort, reversed: reversed) }

    /// Settings kept from the last run. A filter this version no longer reads is dropped (the list shows every case)
    /// rather than shown with an error the user didn't make now.
    mutating func apply(_ settings: ListSettings) {
        sort = settings.sort
        reversed = settings.reversed
        guard let query = try? CaseQuery(parsing: settings.filter), !query.isEmpty else { return }
        filter.text = settings.filter
        filter.query = query
    }
}

extension AppState {
    /// Each tab's My Cases settings, in tab order, for the session file.
    public var listSettings: [ListSettings] { tabs.map(\.myCases.settings) }
}
