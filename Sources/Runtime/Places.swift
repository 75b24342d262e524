import Domain
import Foundation
import Portal
import UI

/// Opens the portal at a location typed in the app: a server's address or a database file's path.
public typealias PlaceOpener = @Sendable (String) throws(PortalError) -> any Portal

/// A database file or a server the app's tabs come from. Every place numbers its domains from 1, so one ID can name
/// two domains: the app is shown each place's domain IDs apart (`PlaceIDs`) and each place is asked in its own.
final class Place: @unchecked Sendable {
    let portal: any Portal
    /// The change token last seen, and whether the last look failed (with why). Only touched on the runner's queue.
    var lastChange: ChangeToken?
    var lost: String?
    /// When to look again after a failure, and for how long it has failed. Under the runner's lock.
    var retryAt = Date.distantPast
    var failedFor: TimeInterval = 0

    init(_ portal: any Portal) { self.portal = portal }
}

/// A domain ID as the app sees it: the first place's as stored, place p's moved up by p × 2⁴⁰ (stored IDs stay far
/// below: a database would need a trillion domains to reach it). Customer and case IDs need no such care: the app only
/// ever sends them back to the session (so the place) they came from.
enum PlaceIDs {
    static let span: Int64 = 1 << 40

    static func shown(_ id: Int64, place: Int) -> Int64 { place == 0 ? id : id + Int64(place) * span }
    static func stored(_ id: Int64) -> Int64 { id >= span ? id % span : id }

    static func shown(_ user: User, place: Int) -> User {
        var user = user
        user.domainID = shown(user.domainID, place: place)
        return user
    }

    static func stored(_ scope: CaseScope) -> CaseScope {
        switch scope {
        case .domain(let id): .domain(stored(id))
        case .customer(let customer, let domain): .customer(customerID: customer, domainID: stored(domain))
        case .supportQueue: .supportQueue
        }
    }

    /// A page anchor as its place knows the row (a keyset cursor goes back to the place it came from, or, in the merged
    /// All domains list, to every place: each reads the rows after its time and id).
    static func stored(_ anchor: PageAnchor) -> PageAnchor {
        func stored(_ row: CaseRow?) -> CaseRow? { row.map { var row = $0; row.domainID = Self.stored(row.domainID); return row } }
        return switch anchor {
        case .after(let row): .after(stored(row))
        case .before(let row): .before(stored(row))
        }
    }

    static func shown(_ row: CaseRow, place: Int) -> CaseRow {
        var row = row
        row.domainID = shown(row.domainID, place: place)
        return row
    }

    static func shown(_ row: CustomerRow, place: Int) -> CustomerRow {
        CustomerRow(customer: row.customer, access: shown(row.access, place: place), openCases: row.openCases)
    }

    static func shown(_ access: CustomerAccess, place: Int) -> CustomerAccess {
        var access = access
        access.domainID = shown(access.domainID, place: place)
        return access
    }

    /// An answer from `place`, in the app's numbers.
    static func shown(_ reply: Reply, place: Int) -> Reply {
        guard place != 0 else { return reply }
        switch reply {
        case .cases(let page):
            return .cases(CasePage(rows: page.rows.map { shown($0, place: place) }, hasMore: page.hasMore))
        case .customers(let rows):
            return .customers(rows.map { shown($0, place: place) })
        case .customerPage(var page):
            page.rows = page.rows.map { shown($0, place: place) }
            return .customerPage(page)
        case .caseDetail(var detail):
            detail.supportCase.domainID = shown(detail.supportCase.domainID, place: place)
            detail.access = detail.access.map { shown($0, place: place) }
            return .caseDetail(detail)
        case .signedIn(var session):
            session.user = shown(session.user, place: place)
            return .signedIn(session)
        case .admin(var overview):
            overview.users = overview.users.map { DomainUserRow(user: shown($0.user, place: place), roles: $0.roles) }
            return .admin(overview)
        case .counted, .done, .filed, .draft, .drafts, .pathCompleted, .fileInspected, .edited, .failed:
            return reply
        }
    }
}
