/// A vehicle plate number that is not a Chinese civil plate.
public enum PlateError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    /// The first character is not one of the 31 province abbreviations.
    case unknownProvince(text: String)
    /// The second character is not a letter A–Z (the issuing office, 发牌机关代号).
    case missingIssuingLetter(text: String)
    /// After province and letter there must be 5 characters (6 for a new-energy plate).
    case wrongLength(text: String, serialLength: Int)
    /// A character that plates never carry (including I and O, which look like 1 and 0).
    case invalidCharacter(text: String, character: Character)
    /// Six characters but not a new-energy pattern (D or F first, or last after five digits).
    case notANewEnergyPattern(text: String)

    static let example = "write it like 新G·12345, or 新G·D12345 for a new-energy vehicle"

    /// One sentence: what is wrong, with a correct example.
    public var message: String {
        switch self {
        case .empty:
            return "the plate number is empty; \(Self.example)"
        case let .unknownProvince(text):
            return "`\(text)` does not start with a province abbreviation such as 新, 京 or 粤; \(Self.example)"
        case let .missingIssuingLetter(text):
            return "`\(text)` needs a letter A–Z after the province; \(Self.example)"
        case let .wrongLength(text, count):
            return "`\(text)` has \(count) characters after the province and letter, not 5 (or 6 for new-energy); \(Self.example)"
        case let .invalidCharacter(text, character):
            return "`\(text)` contains `\(character)`, which plates do not use (only A–Z without I and O, and 0–9); \(Self.example)"
        case let .notANewEnergyPattern(text):
            return "`\(text)` has 6 characters but is not a new-energy plate (D or F first, or five digits then D or F); \(Self.example)"
        }
    }

    public var description: String { message }
}
