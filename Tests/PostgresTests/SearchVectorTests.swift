import Domain
import Testing
@testable import PostgresStore

/// The tsvector and tsquery literals the store writes: quoting, folding and positions, without a database.
@Suite("PostgreSQL search literals")
struct SearchVectorTests {
    @Test func quotesAndBackslashesAreEscaped() {
        #expect(SearchVector.quoted("it's") == "'it''s'")
        #expect(SearchVector.quoted(#"a\b"#) == #"'a\\b'"#)
        #expect(SearchVector.quoted("plain") == "'plain'")
    }

    @Test func wordsFoldToLowerCaseWithoutDiacritics() {
        #expect(SearchVector.fold("MAIL") == "mail")
        #expect(SearchVector.fold("Ça") == "ca")
        #expect(SearchVector.fold("NAÏVE") == "naive")
    }

    @Test func fieldsLeaveAPositionBetweenThem() {
        #expect(SearchVector.vector(["Mail bounce", "Café"]) == "'mail':1 'bounce':2 'cafe':4")
        #expect(SearchVector.query(.phrase("Mail Bounce")) == "'mail' <-> 'bounce'")
        #expect(SearchVector.query(.prefix("bou")) == "'bou':*")
        #expect(SearchVector.query(.word("4617")) == "'4617':*")
        #expect(SearchVector.query(.word("...")) == nil)
    }
}
