import Domain
import Foundation
import Portal
import API

extension RemotePortal {
    public func changes(as user: User, after id: Int64, limit: Int) throws(PortalError) -> ChangeBatch {
        let reply: ChangesJSON = try call("GET", "/v1/changes", query: [URLQueryItem(name: "after", value: String(id))], as: user)
        return ChangeBatch(notices: reply.changes ?? [], through: reply.through ?? id)
    }
}
