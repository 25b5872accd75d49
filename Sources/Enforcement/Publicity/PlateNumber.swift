import Foundation

/// A Chinese civil vehicle plate (GA 36), normalised as `新G·12345`.
///
/// Accepted: a province abbreviation, the issuing letter A–Z, an optional separator (`·`, `•`, `・`,
/// `.` or a space), then 5 characters (regular plate) or 6 (new-energy plate: `D`/`F` then a letter
/// or digit then 4 digits for small vehicles, or 5 digits then `D`/`F` for large ones). Lower-case
/// and full-width letters and digits are accepted and normalised. A regular plate may end in 学
/// (driving-school training car) or 挂 (trailer), both common in transport enforcement.
/// Everything else is rejected with an example of a correct plate.
public struct PlateNumber: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The 31 province-level abbreviations used on plates.
    public static let provinces: Set<Character> = Set("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
    /// Serial characters: digits and letters except I and O, which plates never use.
    static let serialCharacters: Set<Character> = Set("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")
    static let digits: Set<Character> = Set("0123456789")

    /// The province abbreviation, e.g. 新.
    public let province: Character
    /// The issuing office letter, e.g. G.
    public let issuingLetter: Character
    /// The 5 or 6 characters after the dot, e.g. "12345".
    public let serial: String

    /// Whether this is a new-energy (green) plate, which has 6 serial characters.
    public var isNewEnergy: Bool { serial.count == 6 }

    /// The normalised text, e.g. "新G·12345".
    public var text: String { "\(province)\(issuingLetter)·\(serial)" }
    public var description: String { text }

    /// Parses and normalises a plate.
    /// - Throws: ``PlateError`` saying what is wrong, with a correct example.
    public init(_ input: String) throws(PlateError) {
        let cleaned = String(input.trimmingCharacters(in: .whitespacesAndNewlines).map(Self.halfWidth)).uppercased()
        guard let first = cleaned.first else { throw .empty }
        guard Self.provinces.contains(first) else { throw .unknownProvince(text: input) }
        var rest = cleaned.dropFirst()
        guard let letter = rest.first, letter.isASCII, letter.isLetter else { throw .missingIssuingLetter(text: input) }
        rest = rest.dropFirst()
        if let separator = rest.first, "·•・. ".contains(separator) { rest = rest.dropFirst() }
        let serial = Array(rest)
        guard serial.count == 5 || serial.count == 6 else { throw .wrongLength(text: input, serialLength: serial.count) }
        for (index, character) in serial.enumerated() where !Self.serialCharacters.contains(character) {
            // 学 and 挂 are suffixes of regular plates only.
            let isSuffix = index == 4 && serial.count == 5 && (character == "学" || character == "挂")
            if !isSuffix { throw .invalidCharacter(text: input, character: character) }
        }
        if serial.count == 6 {
            let small = "DF".contains(serial[0]) && serial[2...].allSatisfy(Self.digits.contains)
            let large = "DF".contains(serial[5]) && serial[..<5].allSatisfy(Self.digits.contains)
            guard small || large else { throw .notANewEnergyPattern(text: input) }
        }
        self.province = first
        self.issuingLetter = letter
        self.serial = String(serial)
    }

    /// The plate as published under `masking`. Partial keeps the first and last serial characters
    /// (新G·1***5, 新G·D****5: enough to tell vehicles apart in one notice, not to find the car);
    /// full masks the whole serial (新G·*****), keeping only the issuing area.
    public func masked(_ masking: PlateMasking) -> String {
        switch masking {
        case .none:
            return text
        case .partial:
            let middle = String(repeating: "*", count: serial.count - 2)
            return "\(province)\(issuingLetter)·\(serial.first!)\(middle)\(serial.last!)"
        case .full:
            return "\(province)\(issuingLetter)·" + String(repeating: "*", count: serial.count)
        }
    }

    /// Full-width forms (Ａ, １) as typed by Chinese input methods → ASCII.
    static func halfWidth(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
              (0xFF01...0xFF5E).contains(scalar.value),
              let ascii = Unicode.Scalar(scalar.value - 0xFEE0) else { return character }
        return Character(ascii)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
