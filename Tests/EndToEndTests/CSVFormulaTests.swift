import Foundation
import Testing

/// `cases --csv` cells can't start a spreadsheet formula (issue #11).
@Suite(.serialized) struct CSVFormulaTests {
    @Test(arguments: Backend.allCases) func csvCellsThatStartAFormulaAreNeutralised(_ backend: Backend) throws {
        let (b, _) = try CommandLineTests.demo(cases: 10, backend)
        let create = ["case", "create", "--customer", "acme-logistics.example", "--category", "Gmail > Delivery > Messages delayed",
                      "--description", "d", "--severity", "P3", "--json"] + RawText.alice
        let titles = ["=HYPERLINK(\"http://evil.example\",\"Click\")", "+1+2", "-2+3", "@SUM(A1:A2)", "Plain = fine"]
        var numbers: [Int: String] = [:]
        for t in titles {
            let c = try b.json(create + ["--title", t]) as! [String: Any]
            numbers[c["number"] as! Int] = t
        }
        // A tab first, as older data may hold (a typed title is trimmed).
        let tabbed = (try b.json(create + ["--title", "to be tabbed"]) as! [String: Any])["number"] as! Int
        try RawText.write(b, "UPDATE support_case SET title = {char}(9) || '=1+1' WHERE number = \(tabbed)")
        let csv = try b.run(["cases", "--csv"] + RawText.alice).stdout
        let rows = Dictionary(uniqueKeysWithValues: csv.split(separator: "\n").dropFirst().map { line in
            (Int(line.prefix(8))!, String(line.dropFirst(9)))
        })
        #expect(rows[numbers.first { $0.value.hasPrefix("=HYPERLINK") }!.key]!.hasPrefix("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\","))
        #expect(rows[numbers.first { $0.value == "+1+2" }!.key]!.hasPrefix("'+1+2,"))
        #expect(rows[numbers.first { $0.value == "-2+3" }!.key]!.hasPrefix("'-2+3,"))
        #expect(rows[numbers.first { $0.value == "@SUM(A1:A2)" }!.key]!.hasPrefix("'@SUM(A1:A2),"))
        #expect(rows[numbers.first { $0.value == "Plain = fine" }!.key]!.hasPrefix("Plain = fine,"))
        #expect(rows[tabbed]!.hasPrefix("'\t=1+1,"), "\(rows[tabbed]!)")
        // The table and JSON show the title as it is.
        let list = try b.json(["cases", "--json"] + RawText.alice) as! [[String: Any]]
        #expect(Set(list.compactMap { $0["title"] as? String }).isSuperset(of: titles + ["\t=1+1"]))
    }
}
