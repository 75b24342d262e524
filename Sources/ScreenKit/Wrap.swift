/// Word-wraps `text` into lines of at most `width` columns. Explicit line
/// breaks are kept (an empty line stays empty); words longer than a line are
/// broken between graphemes; spaces at a wrap point are dropped but a
/// paragraph's indentation is kept; tabs count as one space. Returns [] when `width` < 1.
public func wrap(_ text: String, width: Int) -> [String] {
    guard width >= 1 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
        var line = "", lineWidth = 0
        var pending = 0  // spaces seen since the last word, written only if the next word fits
        var word = "", wordWidth = 0
        var atStart = true  // indentation before the first word is kept

        func flushWord() {
            guard !word.isEmpty else { return }
            if lineWidth > 0 && lineWidth + pending + wordWidth > width {
                lines.append(line)
                line = ""; lineWidth = 0
            } else if lineWidth > 0 || atStart {
                let spaces = atStart ? min(pending, width - 1) : pending
                line += String(repeating: " ", count: spaces); lineWidth += spaces
            }
            atStart = false
            for c in word {  // a word longer than the line is broken
                let w = DisplayWidth.of(c)
                if lineWidth + w > width && lineWidth > 0 {
                    lines.append(line)
                    line = ""; lineWidth = 0
                }
                line.append(c); lineWidth += w
            }
            word = ""; wordWidth = 0; pending = 0
        }

        for c in paragraph {
            if c == " " || c == "\t" {
                flushWord()
                pending += 1
            } else {
                word.append(c); wordWidth += DisplayWidth.of(c)
            }
        }
        flushWord()
        lines.append(line)
    }
    return lines
}
