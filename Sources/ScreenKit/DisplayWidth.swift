/// How many terminal columns text occupies. Matches what wcwidth-based
/// terminals do for CJK and emoji, per grapheme cluster rather than per scalar.
public enum DisplayWidth {
    /// Columns taken by one grapheme: 0, 1 or 2.
    public static func of(_ c: Character) -> Int {
        // ASCII, most of what a screen shows, without Unicode's property tables: they took 40 % of the app's time
        // drawing a list over a server (perf, `bench ui --server`).
        if let ascii = c.asciiValue { return ascii < 0x20 || ascii == 0x7F ? 0 : 1 }
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.properties.generalCategory == .control { return 0 }
        if scalars.count > 1 {
            // Flags (two regional indicators), ZWJ sequences and VS16 emoji are drawn as one wide glyph.
            if isRegionalIndicator(first) { return 2 }
            if first.properties.isEmoji && scalars.contains(where: { $0.value == 0x200D || $0.value == 0xFE0F }) {
                return 2
            }
        }
        return of(scalar: first)
    }

    /// Columns taken by a lone scalar (the base of a grapheme).
    static func of(scalar s: Unicode.Scalar) -> Int {
        switch s.properties.generalCategory {
        case .control, .nonspacingMark, .enclosingMark:
            return 0
        case .format:
            return s.value == 0x00AD ? 1 : 0  // soft hyphen is visible in terminals
        default:
            break
        }
        let v = s.value
        if v < 0x1100 { return 1 }
        if (0x1160...0x11FF).contains(v) { return 0 }  // conjoining Hangul vowels/finals
        if s.properties.isEmojiPresentation { return 2 }
        return isWide(v) ? 2 : 1
    }

    /// Whether `s` may be part of a grapheme of several scalars (so a string holding it is measured by grapheme).
    static func mayJoin(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if (0x0300...0x036F).contains(v) || (0x1100...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }
        if v == 0x200D || (0xFE00...0xFE0F).contains(v) || (0xE0100...0xE01EF).contains(v) || (0x1F3FB...0x1F3FF).contains(v) { return true }
        if isRegionalIndicator(s) || (0xE0020...0xE007F).contains(v) { return true }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control: return true
        default: return false
        }
    }

    static func isRegionalIndicator(_ s: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(s.value)
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15), emoji excluded
    /// because `isEmojiPresentation` covers them.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x2E99, 0x2E9B...0x2EF3,
        0x2F00...0x2FD5, 0x2FF0...0x2FFB, 0x3000...0x303E, 0x3041...0x3096,
        0x3099...0x30FF, 0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E3,
        0x31F0...0x321E, 0x3220...0x3247, 0x3250...0x4DBF, 0x4E00...0xA48C,
        0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B,
        0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1,
        0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08, 0x1AFF0...0x1AFFE,
        0x1B000...0x1B122, 0x1B132...0x1B132, 0x1B150...0x1B152, 0x1B155...0x1B155,
        0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1F200...0x1F202, 0x1F210...0x1F23B,
        0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x20000...0x2FFFD,
        0x30000...0x3FFFD,
    ]

    static func isWide(_ v: UInt32) -> Bool {
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}

extension String {
    /// Terminal columns this string occupies.
    public var displayWidth: Int {
        var ascii = 0
        for byte in utf8 {
            guard byte < 0x80 else { return unicodeWidth }
            if byte >= 0x20 && byte != 0x7F { ascii += 1 }
        }
        return ascii
    }

    /// Scalar by scalar while each scalar is a grapheme of its own (…, —, ●, é as one scalar): walking graphemes costs
    /// several times as much. Anything that joins scalars into one grapheme (a combining mark, a joiner, a variation
    /// selector, a flag's halves, an emoji modifier, Hangul jamo) sends the rest through `DisplayWidth.of(Character)`.
    private var unicodeWidth: Int {
        var w = 0
        for s in unicodeScalars {
            let v = s.value
            if v < 0x80 { if v >= 0x20 && v != 0x7F { w += 1 }; continue }
            if DisplayWidth.mayJoin(s) { return graphemeWidth }
            w += DisplayWidth.of(scalar: s)
        }
        return w
    }

    private var graphemeWidth: Int {
        var w = 0
        for c in self { w += DisplayWidth.of(c) }
        return w
    }

    /// At most `width` columns. When it cuts, the result is exactly `width`
    /// columns and ends in "…" (if `ellipsis`); a wide character that would
    /// straddle the limit is replaced by a space rather than split.
    public func truncated(toWidth width: Int, ellipsis: Bool = true) -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        let budget = ellipsis ? width - 1 : width
        var out = ""
        var used = 0
        for c in self {
            let w = DisplayWidth.of(c)
            if used + w > budget { break }
            out.append(c)
            used += w
        }
        out += String(repeating: " ", count: budget - used)
        return ellipsis ? out + "…" : out
    }

    /// Exactly `width` columns: padded with spaces, or truncated with "…" when longer.
    public func padded(toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        let w = displayWidth
        if w > width { return truncated(toWidth: width) }
        return self + String(repeating: " ", count: width - w)
    }
}
