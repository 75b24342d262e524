import Foundation
import Testing

/// `case attach` and `case create --attach` take regular files only, by the check the app shares (LocalFile).
@Suite(.serialized) struct AttachmentFileTests {
    @Test(arguments: Backend.allCases) func aLinkIntoProcIsRefusedAndNothingIsAttached(_ backend: Backend) throws {
        let (b, _) = try CommandLineTests.demo(cases: 30, backend)
        let me = ["--as", "alice@cloudpartners.example"]
        let number = "\(try CommandLineTests.numbers(b, as: "alice@cloudpartners.example")[0])"
        let link = b.home.appendingPathComponent("notes.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/environ")
        func attachments() throws -> Int {
            ((try b.json(["case", "show", number, "--json"] + me) as! [String: Any])["attachments"] as! [Any]).count
        }
        let before = try attachments()
        let o = try b.run(["case", "attach", number, link] + me)
        #expect(o.status == 2, "\(o.stderr)")
        #expect(o.stderr.contains("attach: \(link) points to /proc/") && o.stderr.contains("a system file"), "\(o.stderr)")
        #expect(o.stdout.isEmpty)
        #expect(try attachments() == before)
    }
}
