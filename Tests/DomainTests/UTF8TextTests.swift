import Domain
import Foundation
import Testing

/// Bytes read as text are UTF-8 or refused with the offset of the first bad byte, never replaced (issue #11).
@Suite struct UTF8TextTests {
    func offset(_ bytes: [UInt8]) -> String? {
        if case .failure(let r) = Validate.utf8(Data(bytes), field: "message", source: "standard input") { return r.description }
        return nil
    }

    @Test func invalidSequencesAreRefusedAtTheirFirstByte() {
        #expect(offset([0x61, 0xFF]) == "message: standard input is not valid UTF-8 at byte 1 (0xFF); save the text as UTF-8")
        #expect(offset([0x61, 0x62, 0xC3]) == "message: standard input is not valid UTF-8 at byte 2 (0xC3); save the text as UTF-8")  // cut short
        #expect(offset([0xC0, 0x80])?.contains("at byte 0 (0xC0)") == true)  // overlong NUL
        #expect(offset([0x41, 0xED, 0xA0, 0x80])?.contains("at byte 1 (0xED)") == true)  // a UTF-16 surrogate
        #expect(offset(Array("Grüße 日本 🌸".utf8) + [0x80])?.contains("at byte \("Grüße 日本 🌸".utf8.count) (0x80)") == true)
    }

    @Test func validTextComesThroughUnchanged() throws {
        #expect(try Validate.utf8(Data("Grüße\n日本\t🌸".utf8), field: "message", source: "x").get() == "Grüße\n日本\t🌸")
        #expect(try Validate.utf8(Data(), field: "message", source: "x").get() == "")
    }
}
