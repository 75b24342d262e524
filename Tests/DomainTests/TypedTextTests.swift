import Domain
import Testing

/// Control characters where text is typed are refused naming the field, never stripped (issue #11).
@Suite struct TypedTextTests {
    static let osc = "\u{1B}]0;PWNED\u{07}"

    func refusal<T>(_ r: Result<T, Refusal>) -> Refusal? {
        if case .failure(let refusal) = r { return refusal }
        return nil
    }

    @Test func everyTypedFieldRefusesControlCharacters() {
        let checks: [(String, Refusal?)] = [
            ("title", refusal(Validate.title(Self.osc))),
            ("title", refusal(Validate.title("Bell \u{07}"))),
            ("description", refusal(Validate.description("Clear \u{1B}[2J"))),
            ("message", refusal(Validate.message("C1 CSI \u{9B}31m"))),
            ("message", refusal(Validate.message("DEL \u{7F}"))),
            ("message", refusal(Validate.message("CR \r alone"))),
            ("justification", refusal(Validate.justification("Urgent \u{1B}]8;;x\u{07}"))),
            ("feedback", refusal(Validate.message("NEL \u{85} inside", field: "feedback"))),
        ]
        for (field, r) in checks {
            #expect(r?.field == field && r?.kind == .invalidInput, "\(field): \(String(describing: r))")
            #expect(r?.reason.contains("control character") == true, "\(String(describing: r))")
        }
        #expect(refusal(Validate.title(Self.osc))?.description
                == "title: contains the control character ESC (U+001B) at character 1; remove it (it must be one line without control characters)")
    }

    @Test func nulIsRefusedWithItsPosition() {
        let r = refusal(Validate.message("before\0after"))
        #expect(r?.description == "message: contains a NUL byte (U+0000) at character 7; remove it (only newlines and tabs are allowed among control characters)")
    }

    @Test func newlinesAndTabsStayInMultiLineText() throws {
        #expect(try Validate.message("one\n\ttwo").get() == "one\n\ttwo")
        #expect(try Validate.description("a\tb\nc").get() == "a\tb\nc")
        // A title is one line, as before: a newline inside is refused.
        #expect(refusal(Validate.title("one\ntwo"))?.description == "title: must be one line")
        #expect(try Validate.title("Grüße 日本 🌸").get() == "Grüße 日本 🌸")
    }
}
