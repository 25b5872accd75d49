/// Terminal column widths of text: East Asian wide and fullwidth characters take two columns.
///
/// A small approximation of Unicode's East_Asian_Width (UAX #11) covering the ranges a Chinese
/// enforcement log uses — CJK ideographs, punctuation, fullwidth forms, Hangul, kana — plus
/// zero-width combining marks; it needs no table from the C library, so Linux and macOS agree.
public enum DisplayWidth {
    /// The number of terminal columns `text` occupies.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// 0 for combining marks and zero-width characters, 2 for wide characters, else 1.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0x200B || value == 0x200C || value == 0x200D || value == 0xFEFF { return 0 }
        if (0xFE00...0xFE0F).contains(value) { return 0 }   // variation selectors
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return isWide(value) ? 2 : 1
    }

    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F,      // Hangul Jamo initials
             0x2E80...0x303E,      // CJK radicals, Kangxi, CJK symbols and punctuation (。、《》)
             0x3041...0x33FF,      // kana, bopomofo, CJK compatibility
             0x3400...0x4DBF,      // CJK extension A
             0x4E00...0x9FFF,      // CJK unified ideographs
             0xA000...0xA4CF,      // Yi
             0xAC00...0xD7A3,      // Hangul syllables
             0xF900...0xFAFF,      // CJK compatibility ideographs
             0xFE30...0xFE4F,      // CJK compatibility forms
             0xFF00...0xFF60,      // fullwidth forms (，：（）)
             0xFFE0...0xFFE6,      // fullwidth signs
             0x1F300...0x1F64F,    // emoji
             0x1F900...0x1F9FF,
             0x20000...0x3FFFD:    // CJK extensions B and later
            return true
        default:
            return false
        }
    }

    /// `text` cut to at most `width` columns, ending in "…" when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var result = ""
        var used = 0
        for character in text {
            let w = of(String(character))
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// `text` padded with spaces on the right (or left, for numbers) to `width` columns.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let gap = max(0, width - of(text))
        let spaces = String(repeating: " ", count: gap)
        return alignRight ? spaces + text : text + spaces
    }
}
