import Domain
import GRDB

extension PortalStore {
    /// The statements one page of the user's My Cases runs (a keyword page's probes included), with their
    /// arguments, recorded from one read of that page: the benchmark replays them through SQLite's C API.
    /// `backward`: the page before `cursor` (nil: the last page), read from the list's end.
    package func pageStatements(as user: User, query: CaseQuery, sort: CaseSort, after cursor: CaseRow?, backward: Bool = false,
                                limit: Int) throws(StoreError) -> [(sql: String, values: [DatabaseValue])] {
        let log = StatementLog(), now = self.now
        _ = try read { db in
            try Self.flaggingUnread(db, Self.casePage(db, domainID: user.domainID, customerID: nil, query: query, sort: sort, after: cursor,
                                                      backward: backward, limit: limit, now: now,
                                                      reader: ListReader(userID: user.id, targets: responseTargets), log: log),
                                    reader: user.id, log: log)
        }
        return log.statements
    }
}
