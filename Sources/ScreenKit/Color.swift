/// A terminal colour as the app asks for it; `resolved(for:)` degrades it to what the terminal can show.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground/background (ncurses colour -1).
    case `default`
    /// One of the 16 basic colours (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// An xterm 256-colour palette index.
    case indexed(UInt8)
}

/// How many colours the terminal can show.
public enum ColorCapability: Hashable, Sendable {
    case monochrome
    case eight
    case xterm256

    /// Capability from the terminfo colour count (ncurses `COLORS`).
    public init(colorCount: Int) {
        if colorCount >= 256 { self = .xterm256 } else if colorCount >= 8 { self = .eight } else { self = .monochrome }
    }
}

extension Color {
    /// The colour to actually use on a terminal with `capability`.
    public func resolved(for capability: ColorCapability) -> Color {
        switch (capability, self) {
        case (_, .default), (.xterm256, _):
            return self
        case (.monochrome, _):
            return .default
        case (.eight, .ansi(let n)):
            return .ansi(n & 7)  // bright variants fall back to their normal colour
        case (.eight, .indexed(let n)):
            return n < 16 ? .ansi(n & 7) : .ansi(Color.nearestBasic(Color.rgb(ofIndex: n)))
        }
    }

    /// RGB of an xterm palette entry in the 6×6×6 cube (16–231) or the grey ramp (232–255).
    static func rgb(ofIndex n: UInt8) -> (r: Int, g: Int, b: Int) {
        if n >= 232 {
            let v = 8 + Int(n - 232) * 10
            return (v, v, v)
        }
        let i = Int(n) - 16
        let level = { (c: Int) in c == 0 ? 0 : 55 + c * 40 }
        return (level(i / 36), level((i / 6) % 6), level(i % 6))
    }

    /// Nearest of the 8 basic colours by hue rather than by distance, so dark
    /// blues stay blue instead of collapsing to black.
    static func nearestBasic(_ c: (r: Int, g: Int, b: Int)) -> UInt8 {
        let hi = max(c.r, c.g, c.b), lo = min(c.r, c.g, c.b)
        if hi - lo < 48 {  // a grey: black or white by brightness
            return hi >= 128 ? 7 : 0
        }
        let threshold = (hi + lo + 1) / 2
        var bits: UInt8 = 0
        if c.r >= threshold { bits |= 1 }
        if c.g >= threshold { bits |= 2 }
        if c.b >= threshold { bits |= 4 }
        return bits
    }
}
