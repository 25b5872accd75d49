import Foundation

/// C0 and C1 control characters (other than newline and tab) and DEL: terminal escape sequences, bells and
/// carriage returns that rewrite what a person sees; and the bidirectional overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069), which make a terminal or spreadsheet show text in another order than
/// it is stored. Refused on input; escaped visibly on output, because older events may still hold them.
public enum ControlCharacters {
    /// Whether `scalar` is a control character JointOps neither accepts nor prints raw.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    /// The first refused control character in `text`, if any.
    public static func firstRefused(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isRefused)
    }

    /// `text` with each refused control character written as `\x1B` (two hex digits; C1 ones too) or `\u{202E}`
    /// (the bidirectional ones), so an escape sequence in a name shows as text instead of acting on the
    /// terminal or the spreadsheet.
    public static func escaped(_ text: String) -> String {
        guard firstRefused(in: text) != nil else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isRefused(scalar) {
                out += scalar.value > 0xFF ? "\\u{" + String(format: "%04X", scalar.value) + "}"
                    : "\\x" + String(format: "%02X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
