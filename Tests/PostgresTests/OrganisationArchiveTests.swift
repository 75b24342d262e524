import Domain
import Foundation
import PostgresCluster
@testable import PostgresStore
@testable import Store
import Testing

/// `admin export` and `admin import`: the demo moved from a file into PostgreSQL and back through archives, every
/// table byte for byte and every case the same to every domain; a damaged archive changes nothing.
@Suite(.enabled(if: PostgresCluster.available, Comment(rawValue: PostgresCluster.missingMessage)))
struct OrganisationArchiveTests {
    static func archive(_ source: OrganisationRows) throws -> Data {
        var data = Data()
        _ = try OrganisationArchive.write(source, to: { data.append($0) })
        return data
    }

    static func rows(_ archive: Data) -> OrganisationRows {
        var lines = archive.split(separator: 0x0A, omittingEmptySubsequences: false).map { Data($0) }
        if lines.last?.isEmpty == true { lines.removeLast() }
        var index = 0
        return OrganisationArchive.rows(from: {
            defer { index += 1 }
            return index < lines.count ? lines[index] : nil
        }, summaries: { _ in })
    }

    static func emptyPostgres() throws -> PostgresPortalStore {
        let cluster = try PostgresCluster.shared.get()
        let database = try cluster.freshDatabase()
        database.close()
        return try PostgresPortalStore(address: cluster.address(database: database.address.database, user: PostgresCluster.serverRole),
                                       passwordHasher: .fast)
    }

    @Test func theDemoRoundTripsThroughPostgreSQLAndBackWithEveryCaseUnchanged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PortalStore.createDemo(at: folder.appendingPathComponent("a.sqlite3").path, cases: 300, seed: 5, passwordHasher: .fast)
        let file = try PortalStore(path: folder.appendingPathComponent("a.sqlite3").path, passwordHasher: .fast)
        // A user placed by auto-licensing holds a Google Workspace licence (the user table's last column, added by a
        // migration on either store): the archive carries it both ways.
        let domain = try #require(try file.domains().first)
        let admin = try #require(try file.users(domainID: domain.id).first { $0.superAdmin && !$0.suspended })
        _ = try file.createOrgUnit(as: admin, name: "Archive auto", autoLicensing: true)
        let placed = try #require(try file.users(domainID: domain.id).first { !$0.superAdmin })
        try file.moveUser(as: admin, email: placed.email, to: UnitPlacement(unit: "Archive auto", acceptWorkspaceLicence: true))
        let archive = try Self.archive { each in try file.copyOrganisation(batch: 64, each) }

        let postgres = try Self.emptyPostgres()
        defer { postgres.close() }
        try postgres.importOrganisation(Self.rows(archive))
        #expect(try Self.archive { each in try postgres.exportOrganisation(each) } == archive, "PostgreSQL's archive is the file's")
        let back = try PortalStore(path: folder.appendingPathComponent("c.sqlite3").path, create: true, passwordHasher: .fast)
        try back.importOrganisation(Self.rows(archive))
        #expect(try Self.archive { each in try back.copyOrganisation(batch: 500, each) } == archive)

        let stores: [any CaseStore] = [file, postgres, back]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]  // the same value, the same bytes
        let overviews = try stores.map { try $0.adminOverview(as: admin) }  // a user's privileges are a Set: compared, not encoded
        #expect(overviews[1] == overviews[0] && overviews[2] == overviews[0], "the admin's overview is the same from every store")
        for store in stores {
            #expect(try store.adminOverview(as: admin).users.contains { $0.user.email == placed.email && $0.orgUnit == "Archive auto"
                                                                        && $0.workspaceLicence })
        }
        var compared = 0
        for domain in try file.domains() {
            guard let user = try file.users(domainID: domain.id).first(where: { if case .allowed = Rules.portalAccess($0) { true } else { false } })
            else { continue }
            for filter in ["", "mail", "sync*", "\"not received\"", "-calendar is:open", "sev:p1,p2", "customer:acme"] {
                let query = try CaseQuery(parsing: filter)
                let pages = try stores.map { try $0.cases(as: user, scope: .domain(domain.id), query: query, sort: .updated, page: .first,
                                                          limit: 40, cancellation: nil) }
                #expect(pages[1] == pages[0] && pages[2] == pages[0], "\(domain.name) \(filter)")
                let counts = try stores.map { try $0.countCases(as: user, scope: .domain(domain.id), query: query, cap: 10_000, cancellation: nil) }
                #expect(Set(counts).count == 1, "\(domain.name) \(filter): \(counts)")
            }
            var anchor = PageAnchor.first
            while true {
                let page = try file.cases(as: user, scope: .domain(domain.id), query: .all, sort: .updated, page: anchor, limit: 100, cancellation: nil)
                for row in page.rows {
                    let details = try stores.map { try encoder.encode($0.caseDetail(as: .reseller(user), number: row.number)) }
                    #expect(details[1] == details[0] && details[2] == details[0], "case \(row.number)")
                    compared += 1
                }
                guard page.hasMore, let last = page.rows.last else { break }
                anchor = .after(last)
            }
        }
        #expect(compared > 200, "\(compared) cases compared")
    }

    @Test func aDamagedArchiveIsRefusedAndChangesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("careportal-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try PortalStore.createDemo(at: folder.appendingPathComponent("a.sqlite3").path, cases: 20, seed: 5, passwordHasher: .fast)
        let file = try PortalStore(path: folder.appendingPathComponent("a.sqlite3").path, passwordHasher: .fast)
        let archive = try Self.archive { each in try file.copyOrganisation(batch: 500, each) }
        var text = String(decoding: archive, as: UTF8.self)
        let title = try #require(text.range(of: "Admin One") ?? text.range(of: "alice@cloudpartners.example"), "\(text.prefix(3000))")
        text.replaceSubrange(title, with: String(text[title].dropLast()) + "X")  // one letter of one row

        let postgres = try Self.emptyPostgres()
        defer { postgres.close() }
        #expect(refusal { try postgres.importOrganisation(Self.rows(Data(text.utf8))) }?.field == "input")
        #expect(try postgres.isEmpty())
        let target = try PortalStore(path: folder.appendingPathComponent("b.sqlite3").path, create: true, passwordHasher: .fast)
        #expect(refusal { try target.importOrganisation(Self.rows(Data(text.utf8))) }?.reason.contains("doesn't match its count and checksum") == true)
        #expect(try target.holdsNoOrganisation())
        #expect(refusal { try postgres.importOrganisation(Self.rows(Data("{\"format\":\"other\"}\n".utf8))) }?.reason.contains("not a careportal") == true)
    }
}
