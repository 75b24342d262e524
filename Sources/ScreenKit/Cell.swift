import Foundation

/// One cell of a `ScreenBuffer`: a grapheme, its style and the columns it covers.
///
/// A plain value without references (the grapheme is held inline, `InlineGrapheme`), so copying, comparing and
/// clearing cells is moving bytes: no reference counting on the render path, which touches every cell each frame.
public struct Cell: Hashable, Sendable {
    var glyph: InlineGrapheme
    public var style: Style
    /// Columns the grapheme covers: 1 or 2, or 0 for a continuation.
    public var width: UInt8

    public init(grapheme: String, style: Style = .plain, width: UInt8 = 1) {
        self.init(glyph: InlineGrapheme(grapheme), style: style, width: width)
    }

    init(glyph: InlineGrapheme, style: Style, width: UInt8 = 1) {
        self.glyph = glyph
        self.style = style
        self.width = width
    }

    /// A single grapheme cluster, " " when blank, "" for a continuation.
    public var grapheme: String {
        get { glyph.string }
        set { glyph = InlineGrapheme(newValue) }
    }

    public static let blank = Cell(grapheme: " ")
    public static func blank(_ style: Style) -> Cell { Cell(glyph: InlineGrapheme(ascii: 0x20), style: style) }
    /// The right half of a wide grapheme. Always plain, so only its head carries the style.
    public static let continuation = Cell(grapheme: "", style: .plain, width: 0)

    public var isContinuation: Bool { width == 0 }

    /// The cheap fields first: most cells a diff compares differ in style or not at all.
    public static func == (a: Cell, b: Cell) -> Bool {
        a.width == b.width && a.style == b.style && a.glyph == b.glyph
    }
}

/// A grapheme's UTF-8 in 16 bytes: up to 15 bytes in place (every character a screen shows but the longest emoji
/// sequences), their count in the last byte; a longer one is kept once in a table shared by the process and held here
/// by its index (count byte 0xFF). Equal graphemes have equal bits either way, so comparing is comparing two words.
struct InlineGrapheme: Hashable, Sendable {
    private var low: UInt64
    private var high: UInt64
    private static let countShift: UInt64 = 56
    private static let longMark: UInt64 = 0xFF

    init(ascii byte: UInt8) {
        low = UInt64(byte)
        high = 1 << Self.countShift
    }

    init(_ text: String) {
        var text = text
        let packed: (UInt64, UInt64)? = text.withUTF8 { bytes in
            guard bytes.count <= 15 else { return nil }
            var words: (UInt64, UInt64) = (0, UInt64(bytes.count) << Self.countShift)
            withUnsafeMutableBytes(of: &words) { raw in
                // Little-endian: bytes 0–7 are `low`, 8–14 the low bytes of `high` (byte 15 is the count).
                for (i, b) in bytes.enumerated() { raw[Self.rawIndex(i)] = b }
            }
            return words
        }
        if let packed {
            (low, high) = packed
        } else {
            low = UInt64(LongGraphemes.shared.index(of: text))
            high = Self.longMark << Self.countShift
        }
    }

    /// Where byte `i` of the text is in the pair's memory, whatever the machine's byte order.
    private static func rawIndex(_ i: Int) -> Int {
        let word = i < 8 ? 0 : 8, byte = i % 8
        return word + (UInt16(1).littleEndian == 1 ? byte : 7 - byte)
    }

    var string: String {
        let count = Int(high >> Self.countShift)
        if count == Int(Self.longMark) { return LongGraphemes.shared.text(at: Int(low)) }
        if count == 1 && low < 0x80 { return Self.ascii[Int(low)] }
        var words = (low, high)
        return withUnsafeBytes(of: &words) { raw in
            String(decoding: (0..<count).map { raw[Self.rawIndex($0)] }, as: UTF8.self)
        }
    }

    /// Each ASCII character as a string, made once.
    private static let ascii: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
}

/// Graphemes longer than 15 bytes of UTF-8, each kept once for the process (there are few: emoji sequences).
final class LongGraphemes: @unchecked Sendable {
    static let shared = LongGraphemes()
    private let lock = NSLock()
    private var texts: [String] = []
    private var indexes: [String: Int] = [:]

    func index(of text: String) -> Int {
        lock.lock(); defer { lock.unlock() }
        if let i = indexes[text] { return i }
        texts.append(text)
        indexes[text] = texts.count - 1
        return texts.count - 1
    }

    func text(at index: Int) -> String {
        lock.lock(); defer { lock.unlock() }
        return texts[index]
    }
}
